package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// notes returns the texts of the notes on a measure.
func (h *harness) notes(id string) []string {
	var out []string
	for _, n := range h.ui.se.state(id).Notes {
		out = append(out, n.Text)
	}
	return out
}

// typeNote opens a new note on the measure shown, types text and saves it
// with Ctrl+Enter.
func (h *harness) typeNote(text string) {
	h.addNote()
	test.Type(h.noteEditor(), text)
	h.noteEditor().TypedShortcut(&desktopCtrlEnter)
}

// Walkthrough defect 2: the editor closed while text was selected ate the
// first character typed into the next note.
func TestNoCharacterIsLostAfterClosingWithASelection(t *testing.T) {
	h := newHarness(t)
	h.ui.se.Show("1.4.1")
	h.addNote()
	test.Type(h.noteEditor(), "你好 abc")
	h.noteEditor().TypedShortcut(&fyne.ShortcutSelectAll{})
	if h.noteEditor().SelectedText() != "你好 abc" {
		t.Fatalf("selected %q", h.noteEditor().SelectedText())
	}
	h.noteEditor().TypedShortcut(&desktopCtrlEnter)
	h.typeNote("你好")
	h.typeNote("xyz")
	if got, want := strings.Join(h.notes("1.4.1"), "|"), "你好 abc|你好|xyz"; got != want {
		t.Errorf("notes %q, want %q", got, want)
	}
}

// Walkthrough defect 3: editing a note put the caret at the start, and
// Ctrl+End did nothing, so appended text landed at the front.
func TestEditingAppendsAtTheEnd(t *testing.T) {
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1000, 700))
	long := strings.Repeat("The working group met in Tashkent and agreed on the next steps. ", 6)
	long = strings.TrimSpace(long) + "\nSecond paragraph."
	if _, err := h.ui.se.store.AddNote("1.4.1", long); err != nil {
		t.Fatal(err)
	}
	h.ui.se.Reload()
	h.ui.se.Show("1.4.1")
	h.tap("Edit")
	ed := h.noteEditor()
	test.Type(ed, " Done.")
	ed.TypedShortcut(&fyne.ShortcutSelectAll{})
	ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // to the start, selection gone
	ed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierControl})
	test.Type(ed, " Signed.")
	ed.TypedShortcut(&fyne.ShortcutSelectAll{})
	ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // to the end
	ed.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyHome, Modifier: fyne.KeyModifierControl})
	test.Type(ed, "Update: ")
	ed.TypedShortcut(&desktopCtrlEnter)
	if got, want := h.notes("1.4.1"), []string{"Update: " + long + " Done. Signed."}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("after editing:\n%q\nwant\n%q", got, want)
	}
}

// detailTexts returns the texts shown in the detail pane, one a line.
func (h *harness) detailTexts() string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		switch w := o.(type) {
		case *widget.RichText:
			// No zero-width spaces (widgets.Breakable, widgets.Guarded):
			// the user sees none.
			b.WriteString(strings.ReplaceAll(w.String(), "\u200b", "") + "\n")
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		}
	}
	return b.String()
}

func (h *harness) draft(measure, note string) (string, bool) {
	h.t.Helper()
	d, ok, err := h.ui.se.store.LoadDraft(measure, note)
	if err != nil {
		h.t.Fatal(err)
	}
	return d.Text, ok
}

// Issue 14: Escape (also how pinyin is cancelled) closes the editor but
// keeps what was written; the draft is shown, comes back with the editor,
// and is gone once saved.
func TestEscapeKeepsTheDraftAndItComesBack(t *testing.T) {
	h := newHarness(t)
	h.ui.se.Show("1.4.1")
	h.addNote()
	test.Type(h.noteEditor(), "草稿 draft")
	h.noteEditor().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})

	if h.ui.se.writing {
		t.Fatal("Escape left the editor open")
	}
	if n := h.notes("1.4.1"); len(n) != 0 {
		t.Fatalf("Escape saved a note: %q", n)
	}
	if text, ok := h.draft("1.4.1", ""); !ok || text != "草稿 draft" {
		t.Fatalf("draft after Escape: %q %v", text, ok)
	}
	if got := h.detailTexts(); !strings.Contains(got, "Unsaved draft: 草稿 draft") {
		t.Errorf("the kept draft is not shown:\n%s", got)
	}

	h.addNote()
	if got := h.noteEditor().Text; got != "草稿 draft" {
		t.Fatalf("editor opened again with %q", got)
	}
	if got := h.detailTexts(); !strings.Contains(got, "Draft restored") || strings.Contains(got, "Unsaved draft") {
		t.Errorf("the pane should say the draft was restored, once:\n%s", got)
	}
	test.Type(h.noteEditor(), " more")
	h.noteEditor().TypedShortcut(&desktopCtrlEnter)
	if got := h.notes("1.4.1"); len(got) != 1 || got[0] != "草稿 draft more" {
		t.Fatalf("saved %q", got)
	}
	if text, ok := h.draft("1.4.1", ""); ok {
		t.Errorf("the draft %q is still kept after saving", text)
	}
	if got := h.detailTexts(); strings.Contains(got, "draft:") || strings.Contains(got, "Draft restored") {
		t.Errorf("a draft is still shown after saving:\n%s", got)
	}
	// An empty editor closed with Escape keeps nothing.
	h.addNote()
	h.noteEditor().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if text, ok := h.draft("1.4.1", ""); ok {
		t.Errorf("an empty editor left the draft %q", text)
	}
}

// A draft is written shortly after typing stops, so a crash keeps it; and
// closing the window writes it at once.
func TestDraftSurvivesACrashAndClosingTheWindow(t *testing.T) {
	h := newHarness(t)
	h.ui.se.Show("2.1.3")
	h.addNote()
	test.Type(h.noteEditor(), "after a crash")
	waitFor(t, "the draft to be written", func() bool { text, _ := h.draft("2.1.3", ""); return text == "after a crash" })
	// A crash: the data file is closed with nothing else done.
	if err := h.ui.se.store.Close(); err != nil {
		t.Fatal(err)
	}
	h.open()
	h.ui.se.Show("2.1.3")
	h.addNote()
	if got := h.noteEditor().Text; got != "after a crash" {
		t.Fatalf("after a crash the editor holds %q", got)
	}
	test.Type(h.noteEditor(), ", then closed")
	// Closing the window (ui.onClose) writes the draft at once. (The test
	// window cannot be closed here: the test's cleanup closes it.)
	h.ui.detail.flushDraft()
	if err := h.ui.se.store.Close(); err != nil {
		t.Fatal(err)
	}
	h.open()
	h.ui.se.Show("2.1.3")
	h.addNote()
	if got := h.noteEditor().Text; got != "after a crash, then closed" {
		t.Fatalf("after closing the window the editor holds %q", got)
	}
}

// The draft of an edit is kept apart from the note, and Discard throws it
// away only after asking.
func TestDraftOfAnEditAndDiscarding(t *testing.T) {
	h := newHarness(t)
	if _, err := h.ui.se.store.AddNote("1.4.1", "original"); err != nil {
		t.Fatal(err)
	}
	h.ui.se.Reload()
	h.ui.se.Show("1.4.1")
	n := h.ui.se.state("1.4.1").Notes[0]
	h.tap("Edit")
	test.Type(h.noteEditor(), " changed")
	h.noteEditor().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got := h.notes("1.4.1"); len(got) != 1 || got[0] != "original" {
		t.Fatalf("Escape changed the note: %q", got)
	}
	if got := h.detailTexts(); !strings.Contains(got, "Unsaved edit: original changed") {
		t.Errorf("the kept edit is not shown:\n%s", got)
	}
	// Moving to another measure and back keeps it too.
	h.ui.se.Show("1.4.2")
	h.ui.se.Show("1.4.1")
	h.tap("Edit")
	if got := h.noteEditor().Text; got != "original changed" {
		t.Fatalf("the edit came back as %q", got)
	}
	h.tap("Discard")
	if !h.ui.se.writing {
		t.Fatal("Discard closed the editor without asking")
	}
	tapButton(t, h.win, "Discard")
	if _, ok := h.draft("1.4.1", n.ID); ok || h.ui.se.writing {
		t.Fatalf("after confirming Discard: draft kept %v, still writing", ok)
	}
	if got := h.notes("1.4.1"); len(got) != 1 || got[0] != "original" {
		t.Fatalf("discarding the draft changed the note: %q", got)
	}
	// Unchanged text is discarded without a question.
	h.tap("Edit")
	h.tap("Discard")
	if h.ui.se.writing || h.win.Canvas().Overlays().Top() != nil {
		t.Error("discarding an unchanged note asked or left the editor open")
	}
}

// File → Quit (Ctrl+Q) keeps a note being written at once, as closing the
// window does, even before the draft's pause after typing has passed.
func TestQuitKeepsTheDraft(t *testing.T) {
	h := newHarness(t)
	h.ui.se.Show("2.1.3")
	h.addNote()
	test.Type(h.noteEditor(), "typed just before Ctrl+Q")
	h.ui.quit()
	if text, _ := h.draft("2.1.3", ""); text != "typed just before Ctrl+Q" {
		t.Errorf("after Quit the draft is %q", text)
	}
}
