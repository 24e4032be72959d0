package app

import (
	"path/filepath"
	"slices"
	"testing"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
)

// newTestSession opens a session on a fresh data file, without a window.
func newTestSession(t *testing.T) *session {
	t.Helper()
	s, err := storage.Open(storage.Options{Path: filepath.Join(t.TempDir(), "scoplan.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return newSession(s, testToday)
}

// record counts the session's notifications, in order.
func record(se *session) *[]string {
	var got []string
	se.OnQueryChanged(func() { got = append(got, "query") })
	se.OnRowsChanged(func() { got = append(got, "rows") })
	se.OnShown(func() { got = append(got, "shown "+se.Shown()) })
	se.OnStateChanged(func() { got = append(got, "state") })
	return &got
}

func TestSessionSetTextReruns(t *testing.T) {
	se := newTestSession(t)
	all := len(se.Rows())
	se.Show(se.Rows()[0].Measure.ID)
	var rowsAtQuery int
	se.OnQueryChanged(func() { rowsAtQuery = len(se.Rows()) })
	got := record(se)
	if !se.SetText("海关") {
		t.Fatal("SetText reported no change")
	}
	if n := len(se.Rows()); n == 0 || n >= all {
		t.Fatalf("%d rows for 海关, of %d", n, all)
	}
	if rowsAtQuery != all {
		t.Errorf("OnQueryChanged ran after the rerun (%d rows)", rowsAtQuery)
	}
	want := []string{"query", "shown " + se.Rows()[0].Measure.ID, "rows"}
	if se.Shown() == "1.1.1" {
		want = []string{"query", "rows"} // the measure shown is still a result
	}
	if !slices.Equal(*got, want) {
		t.Errorf("notifications %q, want %q", *got, want)
	}
	*got = nil
	if se.SetText("海关") || len(*got) != 0 {
		t.Errorf("the same text again: notifications %q", *got)
	}
	if se.Query().Text != "海关" {
		t.Errorf("query %q", se.Query().Text)
	}
}

func TestSessionFilterChangesOnlyWhenItDiffers(t *testing.T) {
	se := newTestSession(t)
	got := record(se)
	if !se.ChangeFilter(func(f *search.Filter) { f.Statuses = toggle(f.Statuses, data.StatusNotStarted, true) }) {
		t.Fatal("ticking a status changed nothing")
	}
	*got = nil
	// What a check box does when it is ticked to match the query.
	if se.ChangeFilter(func(f *search.Filter) { f.Statuses = toggle(f.Statuses, data.StatusNotStarted, true) }) || len(*got) != 0 {
		t.Errorf("ticking the ticked status again: notifications %q", *got)
	}
	if se.ChangeFilter(func(f *search.Filter) { f.Kinds = toggle(f.Kinds, data.DeadlineKinds[0], false) }) || len(*got) != 0 {
		t.Errorf("unticking an unticked kind: notifications %q", *got)
	}
	if !se.SetSection("2") || se.SetSection("2") {
		t.Error("SetSection: want a change, then none")
	}
	if !se.ClearFilters() || se.Query().Filter.Section != "2" || se.hasFilters() {
		t.Errorf("after ClearFilters: %+v", se.Query().Filter)
	}
	for _, r := range se.Rows() {
		if r.Measure.Chapter().ID() != "2" {
			t.Fatalf("%s is outside chapter 2", r.Measure.ID)
		}
	}
}

func TestSessionShowIsOnePlace(t *testing.T) {
	se := newTestSession(t)
	got := record(se)
	se.Show("1.2.3")
	se.Show("1.2.3")
	if se.Shown() != "1.2.3" || !slices.Equal(*got, []string{"shown 1.2.3"}) {
		t.Fatalf("shown %q, notifications %q", se.Shown(), *got)
	}
	// A query with no results shows nothing; then the best result.
	conflicts := func(on bool) func(*search.Filter) { return func(f *search.Filter) { f.Conflict = on } }
	se.ChangeFilter(conflicts(true))
	if se.Shown() != "" || len(se.Rows()) != 0 {
		t.Fatalf("no results: shown %q", se.Shown())
	}
	se.ChangeFilter(conflicts(false))
	if se.Shown() != se.Rows()[0].Measure.ID {
		t.Fatalf("all results: shown %q", se.Shown())
	}
	// A note being written keeps its measure on show.
	se.Show("1.2.3")
	se.SetWriting(true)
	se.ChangeFilter(conflicts(true))
	if se.Shown() != "1.2.3" {
		t.Errorf("while writing a note: shown %q", se.Shown())
	}
	se.SetWriting(false)
	se.ChangeFilter(conflicts(false))
	if se.Shown() != "1.2.3" {
		t.Errorf("1.2.3 is a result again, but %q is shown", se.Shown())
	}
}

func TestSessionSetStatusPinsTheMeasureShown(t *testing.T) {
	se := newTestSession(t)
	se.ChangeFilter(func(f *search.Filter) { f.Statuses = []data.Status{data.StatusNotStarted} })
	id := se.Rows()[0].Measure.ID
	se.Show(id)
	got := record(se)
	resolved, left, err := se.SetStatus(id, data.StatusDone)
	if err != nil || resolved || !left {
		t.Fatalf("SetStatus: resolved %v, left %v, err %v", resolved, left, err)
	}
	if se.rowIndex(id) >= 0 || se.Shown() != id {
		t.Fatalf("after leaving the results: row %d, shown %q", se.rowIndex(id), se.Shown())
	}
	if !slices.Equal(*got, []string{"state", "rows"}) {
		t.Errorf("notifications %q, want state then rows", *got)
	}
	if se.state(id).Status != data.StatusDone || se.store.Measure(id).Status != data.StatusDone {
		t.Error("the status is not in the session's state and the store")
	}
	// The next change of the query lets it go.
	se.SetText("")
	se.ChangeFilter(func(f *search.Filter) { f.Overdue = false; f.HasNotes = true })
	if se.Shown() == id {
		t.Errorf("%s is still shown after the query changed", id)
	}
}

func TestSessionNotesAndReloadNotify(t *testing.T) {
	se := newTestSession(t)
	states := 0
	se.OnStateChanged(func() { states++ })
	if err := se.AddNote("1.1.1", "first"); err != nil {
		t.Fatal(err)
	}
	n := se.state("1.1.1").Notes
	if states != 1 || len(n) != 1 {
		t.Fatalf("after AddNote: %d notifications, %d notes", states, len(n))
	}
	if err := se.EditNote("1.1.1", n[0].ID, "second"); err != nil || se.state("1.1.1").Notes[0].Text != "second" {
		t.Fatalf("EditNote: %v", err)
	}
	if err := se.AddNote("1.1.1", ""); err == nil || states != 2 {
		t.Fatalf("an empty note: err %v, %d notifications", err, states)
	}
	if err := se.DeleteNote("1.1.1", n[0].ID); err != nil || len(se.state("1.1.1").Notes) != 0 {
		t.Fatalf("DeleteNote: %v", err)
	}
	// A write made elsewhere is seen on Reload; the guard runs it.
	guarded := 0
	se.guard = func(fn func()) { guarded++; fn() }
	if _, err := se.store.SetStatus("1.1.2", data.StatusBlocked); err != nil {
		t.Fatal(err)
	}
	se.Reload()
	if guarded != 1 || se.state("1.1.2").Status != data.StatusBlocked {
		t.Errorf("Reload: guarded %d, status %v", guarded, se.state("1.1.2").Status)
	}
}
