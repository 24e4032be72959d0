package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/storagetest"
)

// TestOneDamagedByte is issue 15's sixth break: one damaged byte in a
// note's measure ID ("1.\xff.1") was accepted, the note vanished from its
// measure and every later export was refused by colleagues. The data file
// is now refused with a pointer to "scoplan check", which says what is
// wrong, and --salvage recovers every change that does not depend on the
// damaged one into a new data file, with the same key and identity. The
// damaged file is never written to.
func TestOneDamagedByte(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mine.db")
	s, err := storage.Open(storage.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	s.SetIdentity("Aigerim", "KZ")
	s.AddNote("1.1.1", "kept")
	victim, _ := s.AddNote("1.2.1", "damaged")
	s.EditNote("1.2.1", victim.ID, "edited, depends on the damaged note")
	s.SetStatus("1.3.1", data.StatusDone)
	s.Close()

	// Damage the note's measure ID wherever the file holds the note (the
	// page in use, and copies bbolt left on free pages).
	b, _ := os.ReadFile(db)
	hits := 0
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte(`"id":"`+victim.ID+`","kind":"note-add","measure":"1.`))
		if j < 0 {
			break
		}
		i += j + len(`"id":"`+victim.ID+`","kind":"note-add","measure":"1.`)
		b[i] = 0xff
		hits++
	}
	if hits == 0 {
		t.Fatal("cannot find the note in the file")
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	sum := storagetest.FileSum(t, db)

	_, errs, code := runIn(t, "list", "--db", db)
	if code != ExitError || !strings.Contains(errs, "damaged") || !strings.Contains(errs, "scoplan check") {
		t.Errorf("list: exit %d, %q", code, errs)
	}
	out, _, code := runIn(t, "check", "--db", db)
	if code != ExitError || !strings.Contains(out, "names a measure the plan does not have") || !strings.Contains(out, "1 problem") ||
		!strings.Contains(out, "recoverable: 2 changes (1 change left out") {
		t.Errorf("check: exit %d:\n%s", code, out)
	}
	salvage := filepath.Join(dir, "salvaged.db")
	if _, _, code := runIn(t, "check", "--db", db, "--salvage", salvage); code != ExitError {
		t.Errorf("check --salvage: exit %d", code)
	}
	if storagetest.FileSum(t, db) != sum {
		t.Fatal("checking changed the damaged data file")
	}
	fresh := salvage
	var who map[string]any
	json.Unmarshal([]byte(must(t, "whoami", "--db", fresh, "--json")), &who)
	if who["name"] != "Aigerim" || who["delegation"] != "KZ" {
		t.Errorf("the salvaged data file is %v", who)
	}
	if _, errs, code := runIn(t, "check", "--db", db, "--salvage", salvage); code != ExitUsage {
		t.Errorf("--salvage over an existing file: exit %d %q", code, errs)
	}
	if it := showStatuses(t, fresh, "1.3.1"); it.Statuses["KZ"].Status != "done" {
		t.Errorf("1.3.1 after the salvage: %+v", it)
	}
	for id, want := range map[string]int{"1.1.1": 1, "1.2.1": 0} {
		var it ShowItem
		if err := json.Unmarshal([]byte(must(t, "show", "--db", fresh, id, "--json")), &it); err != nil {
			t.Fatal(err)
		}
		if len(it.NoteList) != want {
			t.Errorf("%s has %d notes after the salvage, want %d", id, len(it.NoteList), want)
		}
	}
	// A whole data file: nothing wrong, exit 0.
	if out, _, code := runIn(t, "check", "--db", fresh); code != ExitOK || !strings.Contains(out, "nothing is wrong") {
		t.Errorf("check of a whole file: exit %d:\n%s", code, out)
	}
}

// A signed change whose bytes were altered in the data file (a note's text,
// still valid UTF-8 and of the same length, so nothing else notices) is
// found by check: its content no longer hashes to its ID, so its author's
// signature no longer covers it. The salvage leaves it out.
func TestCheckFindsAnAlteredSignedChange(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mine.db")
	s, err := storage.Open(storage.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	s.SetIdentity("Aigerim", "KZ")
	s.AddNote("1.1.1", "kept as written")
	s.AddNote("1.2.1", "agreed in Astana")
	s.Close()
	b, _ := os.ReadFile(db)
	if n := bytes.Count(b, []byte("agreed in Astana")); n == 0 {
		t.Fatal("cannot find the note in the file")
	}
	b = bytes.ReplaceAll(b, []byte("agreed in Astana"), []byte("denied in Astana"))
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	out, _, code := runIn(t, "check", "--db", db)
	if code != ExitError || !strings.Contains(out, "altered after it was signed") || !strings.Contains(out, "1 problem") {
		t.Errorf("check: exit %d:\n%s", code, out)
	}
	salvage := filepath.Join(dir, "salvaged.db")
	runIn(t, "check", "--db", db, "--salvage", salvage)
	if show := must(t, "show", "--db", salvage, "1.2.1"); strings.Contains(show, "Astana") {
		t.Errorf("the salvage kept the altered note:\n%s", show)
	}
	if show := must(t, "show", "--db", salvage, "1.1.1"); !strings.Contains(show, "kept as written") {
		t.Errorf("the salvage lost the whole note:\n%s", show)
	}
}

// A salvaged data file keeps the colleagues' public keys: it passes their
// signed changes on with their keys, and a colleague imports them (the
// unverified marks: storage's TestSalvageKeepsUnverifiedMarks).
func TestSalvageKeepsColleaguesKeys(t *testing.T) {
	dir := t.TempDir()
	anna := filepath.Join(dir, "anna.db")
	must(t, "whoami", "--db", anna, "--name", "Anna", "--delegation", "RU")
	must(t, "set-status", "--db", anna, "1.1.1", "done")
	file := filepath.Join(dir, "anna"+".scoplan-status")
	must(t, "export", "--db", anna, "--out", file)
	mine := filepath.Join(dir, "mine.db")
	must(t, "whoami", "--db", mine, "--name", "Bolat", "--delegation", "KZ")
	must(t, "import", "--db", mine, file)
	salvage := filepath.Join(dir, "salvaged.db")
	if out, _, code := runIn(t, "check", "--db", mine, "--salvage", salvage); code != ExitOK {
		t.Fatalf("check --salvage of a whole file: exit %d\n%s", code, out)
	}
	relay := filepath.Join(dir, "relay"+".scoplan-status")
	must(t, "export", "--db", salvage, "--out", relay)
	carol := filepath.Join(dir, "carol.db")
	must(t, "whoami", "--db", carol, "--name", "Carol", "--delegation", "CN")
	out := must(t, "import", "--db", carol, relay)
	if strings.Contains(out, "refused") {
		t.Errorf("Anna's change, relayed by the salvaged file, was refused:\n%s", out)
	}
	if it := showStatuses(t, carol, "1.1.1"); it.Statuses["RU"].Status != "done" {
		t.Errorf("1.1.1 at Carol's after the relay: %+v", it)
	}
}
