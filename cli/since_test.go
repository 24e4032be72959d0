package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// setClock makes the changes the commands record carry the given time,
// until the test ends.
func setClock(t *testing.T, at string) {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, at)
	if err != nil {
		t.Fatal(err)
	}
	old := clock
	clock = func() time.Time { return tm }
	t.Cleanup(func() { clock = old })
}

func changeLines(t *testing.T, out string) []ChangeJSON {
	t.Helper()
	var cs []ChangeJSON
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var c ChangeJSON
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		cs = append(cs, c)
	}
	return cs
}

func listStatus(t *testing.T, out, id string) (string, int) {
	t.Helper()
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var it ListItem
		if err := json.Unmarshal([]byte(l), &it); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		if it.ID == id {
			return it.Status, it.Notes
		}
	}
	t.Fatalf("%s not listed", id)
	return "", 0
}

// TestAsOfAndChangesSince plays the first "What must show":
// statuses set, then a note added, then a status changed again; list
// --as-of the first day shows the first status; changes --since that day
// lists the later changes with previous right.
func TestAsOfAndChangesSince(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	setClock(t, "2026-03-01T09:00:00Z")
	must(t, "whoami", "--db", db, "--name", "Anna", "--delegation", "KZ")
	must(t, "set-status", "--db", db, "1.1.1", "in-progress")
	must(t, "set-status", "--db", db, "1.1.2", "blocked")
	setClock(t, "2026-03-02T00:00:00Z") // the first instant of the next day
	must(t, "note", "--db", db, "1.1.1", "Roadmap drafted")
	setClock(t, "2026-03-04T15:30:00Z")
	must(t, "set-status", "--db", db, "1.1.1", "done")

	out := must(t, "list", "--db", db, "--json", "--section", "1.1", "--as-of", "2026-03-01")
	if st, n := listStatus(t, out, "1.1.1"); st != "in-progress" || n != 0 {
		t.Errorf("as of the first day: 1.1.1 %s with %d notes", st, n)
	}
	if st, _ := listStatus(t, out, "1.1.2"); st != "blocked" {
		t.Errorf("as of the first day: 1.1.2 %s", st)
	}
	var overdue struct{ Overdue bool }
	_ = json.Unmarshal([]byte(must(t, "show", "--db", db, "--json", "1.1.2", "--as-of", "2025-06-01")), &overdue)
	if overdue.Overdue { // due by the end of 2025
		t.Errorf("1.1.2 overdue as of 2025-06-01")
	}
	_ = json.Unmarshal([]byte(must(t, "show", "--db", db, "--json", "1.1.2", "--as-of", "2025-06-01", "--today", "2026-03-01")), &overdue)
	if !overdue.Overdue {
		t.Errorf("--today does not judge deadlines with --as-of")
	}
	out = must(t, "list", "--db", db, "--json", "--section", "1.1", "--as-of", "2026-02-28")
	if st, _ := listStatus(t, out, "1.1.1"); st != "not-started" {
		t.Errorf("as of the day before: 1.1.1 %s", st)
	}
	out = must(t, "list", "--db", db, "--json", "--section", "1.1")
	if st, n := listStatus(t, out, "1.1.1"); st != "done" || n != 1 {
		t.Errorf("now: 1.1.1 %s with %d notes", st, n)
	}
	var it ShowItem
	if err := json.Unmarshal([]byte(must(t, "show", "--db", db, "--json", "1.1.1", "--as-of", "2026-03-02")), &it); err != nil {
		t.Fatal(err)
	}
	if it.Status != "in-progress" || len(it.NoteList) != 1 || len(it.History) != 2 || it.Statuses["KZ"].Status != "in-progress" {
		t.Errorf("show as of the second day: %+v", it)
	}

	cs := changeLines(t, must(t, "changes", "--db", db, "--json", "--since", "2026-03-01"))
	if len(cs) != 2 {
		t.Fatalf("changes since the first day: %+v", cs)
	}
	if c := cs[0]; c.Kind != "status" || c.Measure != "1.1.1" || c.Status != "done" || c.Previous != "in-progress" ||
		c.Author != "Anna" || c.Delegation != "KZ" || c.Time != "2026-03-04T15:30:00Z" {
		t.Errorf("newest: %+v", c)
	}
	if c := cs[1]; c.Kind != "note-add" || c.Text != "Roadmap drafted" || c.Previous != "" {
		t.Errorf("second: %+v", c)
	}
	all := changeLines(t, must(t, "changes", "--db", db, "--json"))
	if len(all) != 4 || all[3].Previous != "not-started" || all[3].Status != "in-progress" && all[3].Status != "blocked" {
		t.Errorf("every change: %+v", all)
	}
	if got := changeLines(t, must(t, "changes", "--db", db, "--json", "--until", "2026-03-01", "--section", "1.1")); len(got) != 2 {
		t.Errorf("until the first day: %+v", got)
	}
	if got := changeLines(t, must(t, "changes", "--db", db, "--json", "--delegation", "Russia")); len(got) != 0 {
		t.Errorf("Russia's changes: %+v", got)
	}
	text := must(t, "changes", "--db", db, "--since", "2026-03-01")
	if !strings.Contains(text, "status in-progress → done") || !strings.Contains(text, "note added: Roadmap drafted") || !strings.Contains(text, "2 changes") {
		t.Errorf("text output:\n%s", text)
	}
}

// TestMeetingTravels: a meeting recorded by one delegate appears in
// another's data file after an exchange, and changes --since with its name
// gives the same as with its date.
func TestMeetingTravels(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	fa := filepath.Join(dir, "a.scoplan-status")
	setClock(t, "2026-06-10T08:00:00Z")
	must(t, "whoami", "--db", a, "--name", "Anna", "--delegation", "KZ")
	must(t, "whoami", "--db", b, "--name", "Bolat", "--delegation", "RU")
	must(t, "set-status", "--db", a, "1.2.1", "in-progress")
	setClock(t, "2026-06-13T08:00:00Z")
	name := "Tashkent, Council of Heads of Government"
	if out := must(t, "meeting", "add", "--db", a, "--name", name, "--date", "2026-06-12"); !strings.Contains(out, "recorded") {
		t.Errorf("meeting add said %q", out)
	}
	if out := must(t, "meeting", "add", "--db", a, "--name", name, "--date", "2026-06-12"); !strings.Contains(out, "already recorded") {
		t.Errorf("second meeting add said %q", out)
	}
	setClock(t, "2026-06-20T08:00:00Z")
	must(t, "set-status", "--db", a, "1.2.1", "done")
	must(t, "note", "--db", a, "1.2.2", "Agreed in Tashkent")
	must(t, "export", "--db", a, "--out", fa)
	must(t, "import", "--db", b, fa)

	var m MeetingJSON
	if err := json.Unmarshal([]byte(must(t, "meeting", "list", "--db", b, "--json")), &m); err != nil {
		t.Fatal(err)
	}
	if m.Name != name || m.Date != "2026-06-12" || m.Author != "Anna" || m.Delegation != "KZ" {
		t.Errorf("b's meeting: %+v", m)
	}
	byName := must(t, "changes", "--db", b, "--json", "--since", "tashkent, council of heads of government")
	byDate := must(t, "changes", "--db", b, "--json", "--since", "2026-06-12")
	if byName != byDate {
		t.Errorf("since the meeting:\n%s\nsince its date:\n%s", byName, byDate)
	}
	cs := changeLines(t, byDate)
	if len(cs) != 3 || cs[0].Kind != "note-add" || cs[1].Previous != "in-progress" || cs[2].Kind != "meeting" || cs[2].Text != name || cs[2].Date != "2026-06-12" {
		t.Errorf("changes since the meeting: %+v", cs)
	}
	asOf := must(t, "list", "--db", b, "--json", "--section", "1.2", "--as-of", name)
	if st, _ := listStatus(t, asOf, "1.2.1"); st != "not-started" { // b is Russia's; Kazakhstan's status is in statuses
		t.Errorf("as of the meeting, viewed for RU: %s", st)
	}
	if !strings.Contains(asOf, `"KZ":{"status":"in-progress"`) {
		t.Errorf("as of the meeting, KZ's status: %s", asOf)
	}
}

// TestChangesWrongArguments: wrong arguments exit 2 and write nothing.
func TestChangesWrongArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{
		{"changes", "--since", "Nowhere"},
		{"changes", "--until", "2026-13-01"},
		{"changes", "--delegation", "Atlantis"},
		{"changes", "--section", "9.9"},
		{"changes", "extra"},
		{"list", "--as-of", "yesterday"},
		{"show", "1.1.1", "--as-of", "Minsk"},
		{"report", "--as-of", "Minsk", "--out", filepath.Join(t.TempDir(), "r.html")},
		{"meeting", "add", "--name", "Minsk"},
		{"meeting", "add", "--name", "", "--date", "2026-01-01"},
		{"meeting", "add", "--name", "2026-01-01", "--date", "2026-01-01"},
		{"meeting", "add", "--name", "a\nb", "--date", "2026-01-01"},
		{"meeting", "remove"},
	} {
		_, errs, code := runIn(t, append(args, "--db", db)...)
		if code != ExitUsage || errs == "" {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
		if _, err := os.Stat(db); err == nil {
			t.Fatalf("%v created the data file", args)
		}
	}
	must(t, "whoami", "--db", db)
	if _, errs, code := runIn(t, "changes", "--since", "Nowhere", "--db", db); code != ExitUsage || !strings.Contains(errs, "recorded meeting") {
		t.Errorf("an unknown meeting in an existing file: %d %q", code, errs)
	}
}

// TestReportSince: report --since adds what changed after the meeting to the
// HTML report, stamped with the day it is as of; only HTML takes it.
func TestReportSince(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "a.db"), filepath.Join(dir, "brief.html")
	setClock(t, "2026-06-10T08:00:00Z")
	must(t, "whoami", "--db", db, "--name", "Anna", "--delegation", "KZ")
	must(t, "set-status", "--db", db, "1.2.1", "in-progress")
	must(t, "meeting", "add", "--db", db, "--name", "Tashkent", "--date", "2026-06-12")
	setClock(t, "2026-06-20T08:00:00Z")
	must(t, "set-status", "--db", db, "1.2.1", "done")
	must(t, "note", "--db", db, "2.1.1", "Signed in Tashkent")
	must(t, "report", "--db", db, "--out", out, "--since", "Tashkent", "--as-of", "2026-06-30", "--lang", "en")
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{"What changed", "Since: 2026-06-12 (Tashkent)", "As of: 2026-06-30", "In progress → ", "Note added: Signed in Tashkent", "Kazakhstan"} {
		if !strings.Contains(html, want) {
			t.Errorf("the brief lacks %q", want)
		}
	}
	if _, errs, code := runIn(t, "report", "--db", db, "--out", filepath.Join(dir, "r.csv"), "--since", "Tashkent"); code != ExitUsage || !strings.Contains(errs, "HTML") {
		t.Errorf("--since with CSV: %d %q", code, errs)
	}
}
