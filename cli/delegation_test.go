package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWhoamiDelegation: a delegation is picked by any of its names, in any
// of the three languages, and stored as its code; an unknown one exits 2,
// names the closest choices and writes nothing, not even a new data file.
func TestWhoamiDelegation(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	for _, name := range []string{"Казахстан", "哈萨克斯坦", "kazakhstan", "Republic of Kazakhstan", "KZ"} {
		out := must(t, "whoami", "--db", db, "--delegation", name, "--json")
		var who struct{ Delegation, DelegationName string }
		var raw map[string]any
		if err := json.Unmarshal([]byte(out), &raw); err != nil {
			t.Fatal(err)
		}
		who.Delegation, _ = raw["delegation"].(string)
		who.DelegationName, _ = raw["delegation_name"].(string)
		if who.Delegation != "KZ" || who.DelegationName != "Kazakhstan" {
			t.Errorf("--delegation %s gave %s", name, out)
		}
	}
	fresh := filepath.Join(dir, "fresh.db")
	for _, args := range [][]string{
		{"--delegation", "Narnia"},
		{"--name", strings.Repeat("x", 201)},
		{"--name", "bad \xff text"},
	} {
		_, errs, code := runIn(t, append([]string{"whoami", "--db", fresh}, args...)...)
		if code != ExitUsage {
			t.Errorf("whoami %v: exit %d, want %d", args, code, ExitUsage)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") != 0 || errs == "" {
			t.Errorf("whoami %v: want one line on stderr, got %q", args, errs)
		}
		if _, err := os.Stat(fresh); !os.IsNotExist(err) {
			t.Fatalf("whoami %v created the data file", args)
		}
	}
	_, errs, _ := runIn(t, "whoami", "--db", fresh, "--delegation", "Kazakstn")
	if !strings.Contains(errs, "Kazakhstan (KZ)") {
		t.Errorf("the closest choices for Kazakstn leave out Kazakhstan: %q", errs)
	}
}

type statusesOnly struct {
	Status   string                          `json:"status"`
	Conflict bool                            `json:"conflict"`
	Statuses map[string]DelegationStatusJSON `json:"statuses"`
}

func showStatuses(t *testing.T, db, id string) statusesOnly {
	t.Helper()
	var it statusesOnly
	if err := json.Unmarshal([]byte(must(t, "show", "--json", "--db", db, id)), &it); err != nil {
		t.Fatal(err)
	}
	return it
}

// TestEachDelegationReportsItsOwn is issue 11's "What must show" on the
// command line: Kazakhstan and Russia report different statuses of 1.1.1
// and, after exchanging files both ways, both data files hold both, with no
// conflict; two people of one delegation who disagree do conflict, and a
// resolution by either merges like any change.
func TestEachDelegationReportsItsOwn(t *testing.T) {
	dir := t.TempDir()
	kz, ru := filepath.Join(dir, "kz.db"), filepath.Join(dir, "ru.db")
	must(t, "whoami", "--db", kz, "--name", "Aigerim", "--delegation", "Казахстан")
	must(t, "whoami", "--db", ru, "--name", "Dmitry", "--delegation", "Russia")
	must(t, "set-status", "--db", kz, "1.1.1", "done")
	must(t, "set-status", "--db", ru, "1.1.1", "blocked")
	fkz, fru := filepath.Join(dir, "kz.scoplan-status"), filepath.Join(dir, "ru.scoplan-status")
	must(t, "export", "--db", kz, "--out", fkz)
	must(t, "export", "--db", ru, "--out", fru)
	if out := must(t, "import", "--db", kz, fru); strings.Contains(out, "conflict") {
		t.Errorf("importing Russia's file into Kazakhstan's said %q", out)
	}
	must(t, "import", "--db", ru, fkz)
	for db, own := range map[string]string{kz: "done", ru: "blocked"} {
		it := showStatuses(t, db, "1.1.1")
		if it.Statuses["KZ"].Status != "done" || it.Statuses["RU"].Status != "blocked" ||
			it.Statuses["KZ"].Conflict || it.Statuses["RU"].Conflict || it.Conflict {
			t.Errorf("%s: %+v", filepath.Base(db), it)
		}
		if it.Status != own {
			t.Errorf("%s: own status %s, want %s", filepath.Base(db), it.Status, own)
		}
		if it.Statuses["KZ"].Name != "Aigerim" || it.Statuses["KZ"].Time == "" || it.Statuses["RU"].DelegationName != "Russia" {
			t.Errorf("%s: who and when: %+v", filepath.Base(db), it.Statuses)
		}
	}
	// Another delegation's status, through --delegation.
	var row ListItem
	out := must(t, "list", "--db", kz, "--delegation", "RU", "--status", "blocked", "--json")
	if err := json.Unmarshal([]byte(out), &row); err != nil || row.ID != "1.1.1" || strings.Count(out, "\n") != 1 {
		t.Errorf("list --delegation RU --status blocked gave %q", out)
	}
	if out := must(t, "list", "--db", kz, "--status", "blocked", "--json"); out != "" {
		t.Errorf("Kazakhstan's own blocked measures: %q", out)
	}
	if _, errs, code := runIn(t, "list", "--db", kz, "--delegation", "Narnia"); code != ExitUsage || errs == "" {
		t.Errorf("--delegation Narnia: exit %d %q", code, errs)
	}

	// A second Kazakh data file disagrees with the first: a conflict within
	// Kazakhstan, which either of them resolves.
	kz2 := filepath.Join(dir, "kz2.db")
	must(t, "whoami", "--db", kz2, "--name", "Bolat", "--delegation", "KZ")
	must(t, "set-status", "--db", kz2, "1.1.1", "in-progress")
	fkz2 := filepath.Join(dir, "kz2.scoplan-status")
	must(t, "export", "--db", kz2, "--out", fkz2)
	if out := must(t, "import", "--db", kz, fkz2); !strings.Contains(out, "status conflict on 1.1.1 within Kazakhstan (KZ)") {
		t.Errorf("import said %q", out)
	}
	it := showStatuses(t, kz, "1.1.1")
	if !it.Statuses["KZ"].Conflict || !it.Conflict || it.Statuses["RU"].Conflict {
		t.Errorf("after the second Kazakh file: %+v", it)
	}
	must(t, "set-status", "--db", kz, "1.1.1", "done") // Aigerim resolves it
	must(t, "export", "--db", kz, "--out", fkz)
	must(t, "import", "--db", kz2, fkz)
	for _, db := range []string{kz, kz2} {
		it := showStatuses(t, db, "1.1.1")
		if it.Statuses["KZ"].Conflict || it.Statuses["KZ"].Status != "done" || it.Statuses["RU"].Status != "blocked" {
			t.Errorf("%s after the resolution: %+v", filepath.Base(db), it)
		}
	}
}

// TestFilesOfVersion020: a data file and a status file written by scoplan
// 0.2.0 (cli/testdata, made with that version's binary), whose delegation
// was typed as free text "Kazakhstan", open and import as Kazakhstan, KZ.
func TestFilesOfVersion020(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "old.db")
	b, err := os.ReadFile("testdata/v020-kazakhstan.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	var who map[string]any
	if err := json.Unmarshal([]byte(must(t, "whoami", "--db", db, "--json")), &who); err != nil {
		t.Fatal(err)
	}
	if who["delegation"] != "KZ" || who["delegation_name"] != "Kazakhstan" {
		t.Errorf("whoami of the 0.2.0 data file: %v", who)
	}
	fresh := filepath.Join(dir, "fresh.db")
	must(t, "whoami", "--db", fresh, "--delegation", "KZ")
	must(t, "import", "--db", fresh, "testdata/v020-kazakhstan.scoplan-status")
	for _, d := range []string{db, fresh} {
		it := showStatuses(t, d, "1.1.1")
		if it.Statuses["KZ"].Status != "done" || it.Statuses["KZ"].Name != "Aigerim" || len(it.Statuses) != 1 || it.Status != "done" {
			t.Errorf("%s: %+v", filepath.Base(d), it)
		}
		var full ShowItem
		json.Unmarshal([]byte(must(t, "show", "--json", "--db", d, "1.1.1")), &full)
		if len(full.NoteList) != 1 || full.NoteList[0].Delegation != "KZ" {
			t.Errorf("%s: notes %+v", filepath.Base(d), full.NoteList)
		}
	}
}

// Issue 15: wrong arguments exit 2 and write nothing, not even a new data
// file: an over-long note and a note that is not UTF-8 among them.
func TestNoteArgumentsAreCheckedFirst(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	for _, text := range []string{strings.Repeat("x", 64<<10+1), "bad \xff text", "   "} {
		_, errs, code := runIn(t, "note", "--db", fresh, "1.1.1", text)
		if code != ExitUsage || errs == "" {
			t.Errorf("note of %d bytes: exit %d %q", len(text), code, errs)
		}
		if _, err := os.Stat(fresh); !os.IsNotExist(err) {
			t.Fatalf("note of %d bytes created the data file", len(text))
		}
	}
}

// A key known as Russian whose new status changes claim Kazakhstan is
// flagged in the import summary (issue 11), whether it signs the file itself
// or a colleague relays its changes.
func TestKeyClaimingAnotherDelegationIsFlagged(t *testing.T) {
	dir := t.TempDir()
	mine, dmitry := filepath.Join(dir, "mine.db"), filepath.Join(dir, "dmitry.db")
	f := filepath.Join(dir, "dmitry.scoplan-status")
	must(t, "whoami", "--db", dmitry, "--name", "Dmitry", "--delegation", "RU")
	must(t, "set-status", "--db", dmitry, "1.1.1", "blocked")
	must(t, "export", "--db", dmitry, "--out", f)
	if out := must(t, "import", "--db", mine, f); strings.Contains(out, "now writes for") {
		t.Errorf("first import flagged a move:\n%s", out)
	}
	must(t, "whoami", "--db", dmitry, "--delegation", "Kazakhstan")
	must(t, "set-status", "--db", dmitry, "1.2.1", "done")
	must(t, "export", "--db", dmitry, "--out", f)
	out := must(t, "import", "--db", mine, "--dry-run", f)
	if !strings.Contains(out, "known as Russia (RU), now writes for Kazakhstan (KZ)") {
		t.Errorf("the move is not said:\n%s", out)
	}
	// Relayed by a colleague, the same change is flagged too.
	relay, rf := filepath.Join(dir, "relay.db"), filepath.Join(dir, "relay.scoplan-status")
	must(t, "import", "--db", relay, f)
	must(t, "export", "--db", relay, "--out", rf)
	if out := must(t, "import", "--db", mine, rf); !strings.Contains(out, "now writes for Kazakhstan (KZ)") {
		t.Errorf("the relayed move is not said:\n%s", out)
	}
}
