package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"scoplan/widgets"
)

// The tests find the widgets they drive in the window, as a user would,
// rather than in the screens' fields.

// visit calls f on every visible object of the window's content, depth
// first, until f returns true.
func visit(o fyne.CanvasObject, f func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return false
	}
	if f(o) {
		return true
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case *widgets.List, *widgets.Entry, *widgets.Select, *widgets.Button, *widgets.Check, *widgets.Tree:
		return false // the screens' leaves: nothing of ours inside
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		if visit(c, f) {
			return true
		}
	}
	return false
}

// find returns the first visible object of type T in the window that keep
// accepts, or the zero T.
func find[T fyne.CanvasObject](h *harness, keep func(T) bool) T {
	var found T
	visit(h.win.Content(), func(o fyne.CanvasObject) bool {
		if t, ok := o.(T); ok && (keep == nil || keep(t)) {
			found = t
			return true
		}
		return false
	})
	return found
}

// must fails the test when a widget is not in the window.
func must[T comparable](h *harness, what string, w T) T {
	h.t.Helper()
	var zero T
	if w == zero {
		h.t.Fatalf("no %s in the window", what)
	}
	return w
}

// measureList is the list of measures.
func (h *harness) measureList() *widgets.List {
	h.t.Helper()
	return must(h, "list of measures", find[*widgets.List](h, nil))
}

// statusSelect is the detail's status selector.
func (h *harness) statusSelect() *widgets.Select {
	h.t.Helper()
	return must(h, "status selector", find(h, func(s *widgets.Select) bool { return s == h.ui.detail.status }))
}

// noteEditor is the note editor open in the detail.
func (h *harness) noteEditor() *widgets.Entry {
	h.t.Helper()
	return must(h, "note editor", find(h, func(e *widgets.Entry) bool { return e.MultiLine }))
}

// button is the visible button with the label, nil when there is none.
func (h *harness) button(label string) *widgets.Button {
	return find(h, func(b *widgets.Button) bool { return b.Text == label })
}

// addNote taps the detail's Add note button.
func (h *harness) addNote() {
	h.t.Helper()
	h.tap("Add note")
}

// filterCheck is the filter's check box whose label starts with label.
func (h *harness) filterCheck(label string) *widgets.Check {
	h.t.Helper()
	return must(h, "check "+label, find(h, func(c *widgets.Check) bool { return strings.HasPrefix(c.Text, label+" (") }))
}

// tap taps the visible button with the label (translated).
func (h *harness) tap(label string) {
	h.t.Helper()
	test.Tap(must(h, "button "+label, h.button(lang.L(label))))
}
