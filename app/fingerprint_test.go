package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
)

// keyTexts returns the detail's fingerprint segments (keySegment's) in
// order, with the name segment before each.
func (h *harness) keyTexts() (names, keys []string) {
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		r, ok := o.(*widget.RichText)
		if !ok {
			continue
		}
		for i, s := range r.Segments {
			ts, ok := s.(*widget.TextSegment)
			if !ok || !ts.Style.TextStyle.Monospace || i == 0 {
				continue
			}
			// widgets.Guarded starts the segment with a zero-width space.
			key, ok := strings.CutPrefix(strings.TrimPrefix(ts.Text, "\u200b"), " key:")
			if !ok {
				continue
			}
			names = append(names, strings.TrimPrefix(r.Segments[i-1].Textual(), "\u200b"))
			keys = append(keys, key)
		}
	}
	return names, keys
}

// A note under Mallory's key that carries Anna's name shows a fingerprint
// other than Anna's, beside the name, in the notes and the history; the
// status line says whose key set the status.
func TestDetailShowsKeyBesideEveryName(t *testing.T) {
	h := newHarness(t)
	h.ui.se.store.Close()
	t1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	anna := &data.Change{Kind: data.ChangeNoteAdd, Measure: "1.3.1", Name: "Anna Petrova", Delegation: "RU", Time: t1, Clock: 1, Text: "Anna's own note"}
	mallory := &data.Change{Kind: data.ChangeNoteAdd, Measure: "1.3.1", Name: "Anna Petrova", Delegation: "RU", Time: t1.Add(time.Hour), Clock: 2, Text: "not Anna's"}
	foreignChange(t, h.path, anna)
	foreignChange(t, h.path, mallory)
	h.open()
	if anna.Author == mallory.Author {
		t.Fatal("the two notes have one key")
	}
	h.ui.se.Show("1.3.1")
	names, keys := h.keyTexts()
	// Two notes, then the history's two lines, newest first.
	want := []string{anna.Author, mallory.Author, mallory.Author, anna.Author}
	if strings.Join(keys, " ") != strings.Join(want, " ") {
		t.Fatalf("fingerprints %q beside %q, want %q", keys, names, want)
	}
	for _, n := range names {
		if !strings.HasPrefix(n, "Anna Petrova") {
			t.Errorf("a fingerprint follows %q, not the name", n)
		}
	}
	// The fingerprint is quiet: the secondary colour, caption size.
	seg := keySegment(anna.Author)
	if seg.Style.ColorName != theme.ColorNamePlaceHolder || seg.Style.SizeName != theme.SizeNameCaptionText || !seg.Style.TextStyle.Monospace {
		t.Errorf("fingerprint style %+v", seg.Style)
	}

	// Who set the status: the own key after the own name.
	h.statusSelect().SetSelected(statusLabel(data.StatusDone))
	own := h.ui.se.store.Identity().Key
	found := false
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		if r, ok := o.(*widget.RichText); ok {
			if text := strings.ReplaceAll(r.String(), "\u200b", ""); strings.HasPrefix(text, "Set by ") {
				found = strings.Contains(text, "key:"+own+" on ")
			}
		}
	}
	if !found {
		t.Errorf("the status line does not give the own key %s", own)
	}
}

// whoText puts the fingerprint right after the person, wherever the
// translation puts them.
func TestWhoTextPutsKeyAfterThePerson(t *testing.T) {
	segs := whoText("Задано: "+whoMarker+", 3 декабря", "Anna", "", "0123456789abcdef", widget.RichTextStyle{})
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Textual())
	}
	if got := b.String(); got != "Задано: Anna key:0123456789abcdef, 3 декабря" {
		t.Errorf("got %q", got)
	}
}

// The import preview's line for a change gives the author's fingerprint:
// Mallory's note under Anna's name reads differently from Anna's.
func TestPreviewLineGivesKey(t *testing.T) {
	anna := &data.Change{Kind: data.ChangeNoteAdd, Name: "Anna Petrova", Delegation: "RU", Author: "0123456789abcdef", Text: "hello"}
	mallory := *anna
	mallory.Author = "fedcba9876543210"
	a, m := changeLine(anna, "x.scoplan-status"), changeLine(&mallory, "x.scoplan-status")
	if a == m || !strings.Contains(a, "Anna Petrova (Russia) · key:0123456789abcdef") || !strings.Contains(m, "key:fedcba9876543210") {
		t.Errorf("Anna's line %q, Mallory's %q", a, m)
	}
}
