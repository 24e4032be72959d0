package app

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
