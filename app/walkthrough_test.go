package app

import (
	"testing"

	"fyne.io/fyne/v2"
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
