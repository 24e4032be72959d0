package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/jeandeaual/go-locale"

	"scoplan/data"
	"scoplan/widgets"
)

// The defects a newcomer found walking through the window (issue 14).

// walkSize is the window of the walkthrough.
var walkSize = fyne.NewSize(1400, 900)

// textHeight is one line of body text in the app's theme.
func textHeight(h *harness) float32 {
	return fyne.MeasureText("Mg", h.app.Settings().Theme().Size("text"), fyne.TextStyle{}).Height
}

// An empty list must not make the window ask for more height than it has:
// the placeholders wrapped one letter per line, and the real window grew
// to fit them (900 to 1326 px) and never shrank back.
func TestEmptyListKeepsTheWindowsHeight(t *testing.T) {
	h := newHarness(t)
	h.win.Resize(walkSize)
	test.Type(h.ui.search, "zqxjzqxj")
	if len(h.ui.se.rows) != 0 {
		t.Fatalf("%d rows for a query that matches nothing", len(h.ui.se.rows))
	}
	h.win.Resize(walkSize) // lays the content out again
	if m := h.win.Content().MinSize(); m.Height > walkSize.Height || m.Width > walkSize.Width {
		t.Errorf("with an empty list the window needs %v, more than its %v", m, walkSize)
	}
	for name, box := range map[string]fyne.CanvasObject{"detail placeholder": h.ui.detail.placeholder, "empty list": h.ui.list.empty} {
		if !box.Visible() {
			t.Errorf("the %s is hidden", name)
			continue
		}
		for _, o := range test.LaidOutObjects(box) {
			if l, ok := o.(*widget.Label); ok && l.Wrapping != fyne.TextWrapOff {
				if l.Size().Width < 200 {
					t.Errorf("the %s's text %q is laid out %v px wide", name, l.Text, l.Size().Width)
				}
				if l.Size().Height > 4*textHeight(h)+20 {
					t.Errorf("the %s's text %q is %v px high: more than four lines", name, l.Text, l.Size().Height)
				}
			}
		}
	}
	h.ui.showAll()
	h.win.Resize(walkSize)
	if m := h.win.Content().MinSize(); m.Height > walkSize.Height {
		t.Errorf("after Show all measures the window needs %v", m)
	}
}

// pressKey sends a key as the real window does: to the focused widget, or
// to the canvas when nothing has the focus.
func pressKey(w fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if on := w.Canvas().OnTypedKey(); on != nil {
		on(ev)
	}
}

// menuShortcut runs the menu item of a shortcut as the real window does
// (its driver runs the main menu's item before anything else).
func menuShortcut(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if s, ok := it.Shortcut.(*desktop.CustomShortcut); ok && s.KeyName == key && s.Modifier == fyne.KeyModifierShortcutDefault {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item for Ctrl+%s", key)
}

// Escape closes the dialogs that say what was done, and a menu shortcut
// does not stack another dialog on top of an open one.
func TestEscapeClosesExchangeDialogsAndShortcutsDoNotStack(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	h.ui.focusList()
	h.ui.exch.exportTo(filepath.Join(t.TempDir(), "out.scoplan-status"))
	if !strings.Contains(overlayTexts(h.win), "Written to out.scoplan-status") {
		t.Fatalf("no export dialog:\n%s", overlayTexts(h.win))
	}
	menuShortcut(t, h.win, fyne.KeyI)
	menuShortcut(t, h.win, fyne.KeyComma)
	if n := len(h.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("Ctrl+I and Ctrl+, over the export dialog: %d dialogs open, want 1", n)
	}
	pressKey(h.win, fyne.KeyEscape)
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Escape left the export dialog open:\n%s", overlayTexts(h.win))
	}

	h.ui.exch.onSharedFolder()
	if !strings.Contains(overlayTexts(h.win), "No shared folder is set.") {
		t.Fatalf("no shared folder dialog:\n%s", overlayTexts(h.win))
	}
	pressKey(h.win, fyne.KeyEscape)
	if top := h.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Escape left the shared folder dialog open:\n%s", overlayTexts(h.win))
	}
	// An error over a dialog: Escape closes the error, then the dialog.
	h.ui.exch.onSharedFolder()
	h.ui.showError(errors.New("disk full"))
	pressKey(h.win, fyne.KeyEscape)
	if n := len(h.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("after Escape on an error over a dialog: %d open, want 1", n)
	}
	pressKey(h.win, fyne.KeyEscape)
	if n := len(h.win.Canvas().Overlays().List()); n != 0 {
		t.Errorf("after a second Escape: %d open, want 0", n)
	}
}

// detailButton returns the detail's button whose text starts with prefix.
func detailButton(t *testing.T, h *harness, prefix string) *widgets.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		if b, ok := o.(*widgets.Button); ok && strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	t.Fatalf("the detail has no button %q", prefix)
	return nil
}

// Resolving a conflict while the conflict filter is on: the measure stays
// in the detail and the window says what happened; a conflict is pointed
// to from the main view, and one click lists the measures in conflict.
func TestResolvingAConflictUnderItsFilterSaysWhatHappened(t *testing.T) {
	h := conflictWithinOwnDelegation(t)
	bar := h.ui.bar
	if !bar.conflicts.Visible() || bar.conflicts.Text != "1 status conflict" {
		t.Fatalf("the window does not point to the conflict: visible %v, %q", bar.conflicts.Visible(), bar.conflicts.Text)
	}
	test.Tap(bar.conflicts)
	if !h.ui.se.query.Filter.Conflict || !reflect.DeepEqual(h.ids(5), []string{"1.5.4"}) || h.ui.se.Shown() != "1.5.4" {
		t.Fatalf("after the conflicts button: filter %v, rows %v, detail %q", h.ui.se.query.Filter.Conflict, h.ids(5), h.ui.se.Shown())
	}
	test.Tap(detailButton(t, h, "Keep Done"))
	if st := h.ui.se.state("1.5.4"); st.Conflict || st.Status != data.StatusDone {
		t.Fatalf("not resolved: %+v", st)
	}
	if len(h.ui.se.rows) != 0 {
		t.Errorf("rows %v under the conflict filter after resolving", h.ids(5))
	}
	if h.ui.se.Shown() != "1.5.4" || h.ui.detail.id != "1.5.4" || !h.ui.detail.scroll.Visible() {
		t.Errorf("the measure vanished from the detail: %q", h.ui.se.Shown())
	}
	if n := bar.notice.Text; !bar.notice.Visible() || !strings.Contains(n, "1.5.4") || !strings.Contains(n, "resolved") || !strings.Contains(n, "Done") || !strings.Contains(n, "filters") {
		t.Errorf("the window says %q (visible %v)", n, bar.notice.Visible())
	}
	if bar.conflicts.Visible() {
		t.Errorf("the conflicts button still shows %q", bar.conflicts.Text)
	}
	// The notice goes with the next change of the search.
	test.Type(h.ui.search, "x")
	if bar.notice.Visible() {
		t.Errorf("the notice %q outlives the next search", bar.notice.Text)
	}
}

// After an import that brings a conflict, the main view points to it.
func TestImportedConflictIsPointedTo(t *testing.T) {
	h := newHarness(t)
	h.ui.exch.inline = true
	h.ui.se.store.SetIdentity("Anna", "Kazakhstan") // Bolat's delegation: their statuses conflict
	h.ui.setStatus("1.2.3", data.StatusDone)
	if h.ui.bar.conflicts.Visible() {
		t.Fatalf("a conflicts button with no conflict: %q", h.ui.bar.conflicts.Text)
	}
	fb := colleague(t, t.TempDir(), "Bolat", data.StatusBlocked, "Waiting")
	h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{fynestorage.NewFileURI(fb)})
	tapButton(t, h.win, "Apply")
	if !h.ui.bar.conflicts.Visible() || h.ui.bar.conflicts.Text != "1 status conflict" {
		t.Errorf("after the import: conflicts button visible %v, %q", h.ui.bar.conflicts.Visible(), h.ui.bar.conflicts.Text)
	}
}

// Once the set-up banner is gone, the window still says who records
// statuses and notes, and that opens the settings.
func TestWindowShowsWhoYouAreAndOpensSettings(t *testing.T) {
	h := newHarness(t)
	h.ui.showSettings()
	h.ui.settings.name.SetText("Aigerim Nurlanovna")
	h.ui.settings.delegation.SetText("Kazakhstan")
	h.ui.settings.dialog.Confirm()
	if !h.ui.hint.Hidden {
		t.Fatal("the set-up banner is still shown")
	}
	who := h.ui.bar.who
	if !who.Visible() || !strings.Contains(who.Text, "Aigerim Nurlanovna (Kazakhstan)") {
		t.Fatalf("the window shows %q (visible %v)", who.Text, who.Visible())
	}
	en, before := who.Text, h.ui.settings
	test.Tap(who)
	if h.win.Canvas().Overlays().Top() == nil || h.ui.settings == before || h.ui.dialog != h.ui.settings.dialog {
		t.Fatalf("tapping %q opens no settings", who.Text)
	}
	// It follows a language change.
	h.ui.settings.language.SetSelected("Русский")
	h.ui.settings.dialog.Confirm()
	t.Cleanup(func() { setLanguage("en"); locale.SetOverride(nil) })
	if !strings.Contains(h.ui.bar.who.Text, "Aigerim Nurlanovna (Казахстан)") || h.ui.bar.who.Text == en {
		t.Errorf("in Russian the window shows %q", h.ui.bar.who.Text)
	}
}

// allTexts returns every text drawn in an object, canvas texts included.
func allTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, c := range test.LaidOutObjects(o) {
		switch v := c.(type) {
		case *canvas.Text:
			b.WriteString(v.Text + "\n")
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(v.String() + "\n")
		}
	}
	return b.String()
}

// The import preview names the measures in the language of the window.
func TestImportPreviewSpeaksTheWindowsLanguage(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	h.ui.exch.inline = true
	fb := colleague(t, t.TempDir(), "Bolat", data.StatusBlocked, "Waiting")
	h.ui.exch.onDropped(fyne.NewPos(1, 1), []fyne.URI{fynestorage.NewFileURI(fb)})
	got := overlayTexts(h.win)
	m := h.ui.se.plan.Measure("1.2.3")
	title := firstLine(data.In(data.English).Measure(m))
	if !strings.Contains(got, "1.2.3  "+title[:30]) {
		t.Errorf("the preview does not name 1.2.3 in English (%q…):\n%s", title[:30], got)
	}
	if strings.Contains(got, firstLine(m.Text)[:12]) {
		t.Errorf("the preview shows the Chinese text of 1.2.3 in an English window:\n%s", got)
	}
}

// Settings says when the language applies, and saving it keeps the view.
func TestLanguageAppliesOnSaveAndKeepsTheView(t *testing.T) {
	h := newHarness(t)
	h.ui.onShowOverview()
	h.ui.showSettings()
	shown := allTexts(h.win.Canvas().Overlays().Top())
	if strings.Contains(shown, "at once") || !strings.Contains(shown, "Applies when you save") {
		t.Errorf("the settings say:\n%s", shown)
	}
	h.ui.settings.language.SetSelected("Русский")
	h.ui.settings.dialog.Confirm()
	t.Cleanup(func() { setLanguage("en"); locale.SetOverride(nil) })
	if !h.ui.overviewShowing() {
		t.Error("saving the settings left the overview for the list")
	}
	if got := h.ui.showOverview.Text; got == "Overview" {
		t.Errorf("the window is still in English: %q", got)
	}
}

// The status chips are as wide as the longest status in the language
// shown, not in a language shown before.
func TestStatusChipsFitTheLanguageShown(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	en := h.ui.list.chipWidth
	h.ui.relabel(string(data.Russian))
	ru := h.ui.list.chipWidth
	h.ui.relabel(string(data.English))
	if back := h.ui.list.chipWidth; back != en {
		t.Errorf("chips %v wide in English, %v in Russian, %v back in English", en, ru, back)
	}
}

// rowAt lays out a row of the list at the list's width, as the list does.
// Close the window it returns.
func rowAt(h *harness, i int) (*rowView, fyne.Window) {
	r := h.renderRow(i)
	c := test.NewWindow(r) // gives the row a canvas, so positions are known
	c.SetPadded(false)
	c.Resize(fyne.NewSize(h.measureList().Size().Width, r.MinSize().Height))
	return r, c
}

// right is where an object ends, relative to the row.
func right(row fyne.CanvasObject, o fyne.CanvasObject) float32 {
	d := fyne.CurrentApp().Driver()
	return d.AbsolutePositionForObject(o).X - d.AbsolutePositionForObject(row).X + o.Size().Width
}

// At 1024×700 a row gives its title most of the list's width, nothing runs
// under the scroll bar, and the marks keep their own height.
func TestListRowsAtASmallWindow(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1024, 700))
	w := h.measureList().Size().Width
	if _, err := h.ui.se.store.AddNote("1.1.2", "a note"); err != nil {
		t.Fatal(err)
	}
	h.ui.se.Reload()
	i := h.ui.se.rowIndex("1.1.2") // overdue, with a note
	r, c := rowAt(h, i)
	defer c.Close()
	bar := h.app.Settings().Theme().Size("scrollBar")
	if title := r.text.Size().Width; title < w-h.ui.list.idWidth-bar-20 {
		t.Errorf("the title gets %v of the list's %v px", title, w)
	}
	for name, o := range map[string]fyne.CanvasObject{"status chip": r.chip, "overdue mark": r.mark, "note count": r.notes} {
		if !o.Visible() {
			t.Errorf("the %s is hidden", name)
			continue
		}
		if end := right(r, o); end > r.Size().Width-bar {
			t.Errorf("the %s ends at %v, under the scroll bar (row %v wide, bar %v)", name, end, r.Size().Width, bar)
		}
	}
	if got, want := r.mark.Size().Height, r.mark.MinSize().Height; got != want {
		t.Errorf("the overdue mark is %v px high beside the note icon, want its own %v", got, want)
	}
}

// A filter whose name is too long for the panel ends in an ellipsis and
// keeps its count in view.
func TestLongFilterNamesKeepTheirCount(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1024, 700))
	h.ui.filters.acc.OpenAll()
	h.win.Resize(fyne.NewSize(1024, 701))
	avail := h.ui.filters.scroll.Size().Width
	cut := 0
	for b, c := range h.ui.filters.bodies {
		full := withCount(planText.Body(b), h.ui.se.counts.Body[b])
		if c.Size().Width > avail+1 {
			t.Errorf("the filter %q is %v px wide in a panel of %v", c.Text, c.Size().Width, avail)
		}
		if c.MinSize().Width > avail+1 {
			t.Errorf("the filter %q needs %v px in a panel of %v", c.Text, c.MinSize().Width, avail)
		}
		if c.Text != full {
			cut++
			if !strings.Contains(c.Text, "…") || !strings.HasSuffix(c.Text, fmt.Sprintf("(%d)", h.ui.se.counts.Body[b])) {
				t.Errorf("%q is shown as %q", full, c.Text)
			}
		}
	}
	if cut == 0 {
		t.Errorf("no body's name was too long for a panel of %v px: the test proves nothing", avail)
	}
}

// At 1024×700, in English and in Russian, with a search and a measure
// open or the overview, the window asks for no more than it has: the real
// window grows to its content's minimum (a body's name in a button asked
// for 560 px and made it 1069 px wide).
func TestWindowFitsASmallScreen(t *testing.T) {
	small := fyne.NewSize(1024, 700)
	for _, l := range []struct{ lang, query string }{{"en", "transport"}, {"ru", "транспорт"}} {
		inLanguage(t, l.lang)
		h := newHarness(t)
		h.win.Resize(small)
		test.Type(h.ui.search, l.query)
		if len(h.ui.se.rows) == 0 {
			t.Fatalf("%s: no row for %q", l.lang, l.query)
		}
		for _, r := range h.ui.se.rows {
			h.ui.se.Show(r.Measure.ID)
			if m := h.win.Content().MinSize(); m.Width > small.Width || m.Height > small.Height {
				t.Errorf("%s: with %s open the window needs %v", l.lang, r.Measure.ID, m)
			}
		}
		h.ui.onShowOverview()
		if m := h.win.Content().MinSize(); m.Width > small.Width || m.Height > small.Height {
			t.Errorf("%s: the overview needs %v", l.lang, m)
		}
	}
}

// A chapter's name in the navigation takes two lines before it is cut.
func TestChapterNamesAreNotCutToAFewLetters(t *testing.T) {
	inLanguage(t, "ru")
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1024, 700))
	name := planText.Chapter(h.ui.se.plan.Chapters[0])
	found := false
	for _, o := range test.LaidOutObjects(h.ui.nav.tree) {
		title, ok := o.(*widget.Label)
		if !ok || !strings.Contains(title.Text, name) {
			continue
		}
		found = true
		shown := 0
		for _, o := range test.LaidOutObjects(title) {
			if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
				shown += len([]rune(strings.TrimSuffix(tx.Text, "…")))
			}
		}
		if want := len([]rune(title.Text)) * 9 / 10; shown < want {
			t.Errorf("the navigation shows %d letters of %q (%d), want at least %d", shown, title.Text, len([]rune(title.Text)), want)
		}
	}
	if !found {
		t.Fatalf("no node shows %q", name)
	}
}

// In the overview at 1024×700, an overdue measure's title gets the width
// of the summary beside the matrix; its deadline goes under it.
func TestOverviewTitlesAtASmallWindow(t *testing.T) {
	inLanguage(t, "en")
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1024, 700))
	h.ui.onShowOverview()
	h.win.Resize(fyne.NewSize(1024, 700))
	links := 0
	column := h.ui.overview.scroll.Size().Width
	if column < 200 {
		t.Fatalf("the summary is %v px wide", column)
	}
	for _, o := range test.LaidOutObjects(h.ui.overview.scroll.Content) {
		if l, ok := o.(*widget.Hyperlink); ok {
			links++
			if w := l.Size().Width; w < column-h.ui.list.idWidth-40 {
				t.Errorf("the link %q is %v px wide", l.Text, w)
			}
		}
	}
	if links == 0 {
		t.Fatal("no measure in the overview's lists")
	}
}
