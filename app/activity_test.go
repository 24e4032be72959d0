package app

import (
	"strings"
	"testing"

	"scoplan/data"
)

// The Activity screen lists the changes of a window of time by day, each
// saying what it did for its delegation; a delegation filter narrows it;
// an entry opens its measure (issue 12).
func TestActivityListsChangesByDay(t *testing.T) {
	h := newHarness(t)
	h.ui.se.store.SetIdentity("Aigerim", "KZ")
	if _, _, err := h.ui.se.SetStatus("1.1.1", data.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	if _, _, err := h.ui.se.SetStatus("1.1.1", data.StatusDone); err != nil {
		t.Fatal(err)
	}
	if err := h.ui.se.AddNote("1.2.3", "Roadmap \u202egnp.exe drafted"); err != nil {
		t.Fatal(err)
	}
	h.ui.onShowActivity()
	a := h.ui.activity
	if got := a.summary.Text; got != "3 changes" {
		t.Fatalf("summary %q", got)
	}
	if len(a.rows) != 4 || a.rows[0].Entry != nil {
		t.Fatalf("rows %+v: want a day, then three changes", a.rows)
	}
	texts := []string{activityText(a.rows[1].Entry), activityText(a.rows[2].Entry), activityText(a.rows[3].Entry)}
	want := []string{"1.2.3: note added: Roadmap <U+202E>gnp.exe drafted", "1.1.1: In progress → Done", "1.1.1: Not started → In progress"}
	for i := range want {
		if texts[i] != want[i] {
			t.Errorf("entry %d: %q, want %q", i, texts[i], want[i])
		}
	}
	if by := activityByline(a.rows[2].Entry); !strings.Contains(by, "Aigerim (Kazakhstan)") {
		t.Errorf("byline %q", by)
	}
	// Another delegation: nothing.
	a.deleg.Options = append(a.deleg.Options, "Russia")
	a.delegKeys["Russia"] = "RU"
	a.deleg.SetSelected("Russia")
	if len(a.rows) != 0 || a.summary.Text != "0 changes" {
		t.Errorf("Russia's changes: %d rows, %q", len(a.rows), a.summary.Text)
	}
	a.deleg.SetSelected(a.deleg.Options[0])
	// An entry opens its measure in the measures view.
	a.list.Select(3)
	if h.ui.se.Shown() != "1.1.1" || !h.ui.measuresView.Visible() || h.ui.activityView.Visible() {
		t.Errorf("the entry opened %q (measures view visible %v)", h.ui.se.Shown(), h.ui.measuresView.Visible())
	}
	// While hidden, a change is not listed (no pass over the log for a
	// screen nobody sees); shown again, it is.
	before := len(a.rows)
	if _, _, err := h.ui.se.SetStatus("1.3.1", data.StatusBlocked); err != nil {
		t.Fatal(err)
	}
	if len(a.rows) != before || !a.stale {
		t.Errorf("hidden, the screen listed the change again: %d rows, stale %v", len(a.rows), a.stale)
	}
	h.ui.onShowActivity()
	if a.summary.Text != "4 changes" || a.stale {
		t.Errorf("shown again: %q, stale %v", a.summary.Text, a.stale)
	}
	// Shown, a change is listed at once.
	if err := h.ui.se.AddNote("1.3.1", "listed at once"); err != nil {
		t.Fatal(err)
	}
	if a.summary.Text != "5 changes" {
		t.Errorf("shown: %q after a note", a.summary.Text)
	}
}
