package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scoplan/data"
)

// newNoteCards counts the note cards of the detail marked new.
func newNoteCards(h *harness) int {
	n := 0
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		if c, ok := o.(*fyne.Container); ok {
			if _, marked := c.Layout.(newCardLayout); marked {
				n++
			}
		}
	}
	return n
}

// TestNewMarksFollowTheActivityChoice: the measure list marks the
// measures that changed since the window chosen on the Activity screen,
// and the detail the notes and history entries made since then; choosing
// another window on the Activity screen moves the marks.
func TestNewMarksFollowTheActivityChoice(t *testing.T) {
	h := newHarness(t)
	se := h.ui.se
	if err := se.store.SetIdentity("Aigerim", "KZ"); err != nil {
		t.Fatal(err)
	}
	h.ui.setStatus("1.1.1", data.StatusDone)
	if err := se.AddNote("1.1.1", "Signed at the border"); err != nil {
		t.Fatal(err)
	}
	row := func(id string) *rowView {
		i := se.rowIndex(id)
		if i < 0 {
			t.Fatalf("%s not listed", id)
		}
		return h.renderRow(i)
	}
	// Until a window is chosen: the last 30 days (no meeting recorded).
	if got := se.since().key; got != "days:30" {
		t.Errorf("default window %q", got)
	}
	if !row("1.1.1").fresh.Visible() || row("1.1.2").fresh.Visible() {
		t.Errorf("marks: 1.1.1 %v, 1.1.2 %v; want only 1.1.1", row("1.1.1").fresh.Visible(), row("1.1.2").fresh.Visible())
	}
	se.Show("1.1.1")
	last := se.state("1.1.1").History[0]
	if !strings.Contains(h.detailTexts(), "New  "+timeLabel(last.Time)+"  Aigerim (Kazakhstan) "+keyLabel(last.Author)+" set the status") {
		t.Errorf("history not marked:\n%s", h.detailTexts())
	}
	if n := newNoteCards(h); n != 1 {
		t.Errorf("%d notes marked new, want 1", n)
	}

	// A meeting recorded today: since it, nothing made today is new.
	if _, err := se.store.AddMeeting("Tashkent", data.NewDate(now().UTC())); err != nil {
		t.Fatal(err)
	}
	se.Reload()
	h.ui.onShowActivity()
	a := h.ui.activity
	meeting := "the meeting “Tashkent” (" + data.NewDate(now().UTC()).String() + ")"
	a.since.SetSelected(meeting)
	if !strings.HasPrefix(se.since().key, "meeting:") {
		t.Fatalf("the Activity screen's choice did not reach the session: %q", se.since().key)
	}
	if row("1.1.1").fresh.Visible() {
		t.Error("1.1.1 marked new since a meeting held after its change's day")
	}
	if strings.Contains(h.detailTexts(), "New  ") || newNoteCards(h) != 0 {
		t.Errorf("detail still marks:\n%s", h.detailTexts())
	}
	a.since.SetSelected("the last 7 days")
	if !row("1.1.1").fresh.Visible() || newNoteCards(h) != 1 {
		t.Error("the last 7 days: 1.1.1 not marked")
	}
	// Since the beginning everything would be new: nothing is marked.
	a.since.SetSelected("the beginning")
	if row("1.1.1").fresh.Visible() || newNoteCards(h) != 0 {
		t.Error("since the beginning: marks shown")
	}
}
