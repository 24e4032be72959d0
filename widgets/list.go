package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Focusable = (*List)(nil)

// List is a widget.List for a master–detail window. The arrow keys, Page
// Up/Down, Home and End move the selection itself (not a separate focus
// cursor), so the detail beside the list follows the keyboard; Enter and
// Space report OnActivate for the selected row, Escape reports OnEscape.
type List struct {
	widget.List

	OnSelect       func(id widget.ListItemID) // the selection changed to id
	OnActivate     func(id widget.ListItemID) // Enter or Space on the selected row
	OnEscape       func()
	OnFocusChanged func(focused bool)

	selected widget.ListItemID
	focused  bool
}

// NewList returns a list with the usual callbacks of widget.NewList.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{selected: -1}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.List.OnSelected = func(id widget.ListItemID) {
		l.selected = id
		if l.OnSelect != nil {
			l.OnSelect(id)
		}
	}
	l.List.OnUnselected = func(id widget.ListItemID) {
		if l.selected == id {
			l.selected = -1
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// Selected returns the selected row, or -1.
func (l *List) Selected() widget.ListItemID { return l.selected }

// Focused reports whether the list has the keyboard focus.
func (l *List) Focused() bool { return l.focused }

// FocusGained records the focus. The list shows the selection, not a
// separate focus cursor, so the embedded List is not told.
func (l *List) FocusGained() {
	l.focused = true
	if l.OnFocusChanged != nil {
		l.OnFocusChanged(true)
	}
}

// FocusLost records the loss of focus.
func (l *List) FocusLost() {
	l.focused = false
	if l.OnFocusChanged != nil {
		l.OnFocusChanged(false)
	}
}

// pageRows is how many rows Page Up and Page Down move.
func (l *List) pageRows() int {
	rows := 10
	if h := l.MinSize().Height; h > 0 {
		if n := int(l.Size().Height / h); n > 1 {
			rows = n - 1
		}
	}
	return rows
}

// TypedKey moves the selection, activates it or reports Escape.
func (l *List) TypedKey(ev *fyne.KeyEvent) {
	n := 0
	if l.Length != nil {
		n = l.Length()
	}
	target := -1
	switch ev.Name {
	case fyne.KeyEscape:
		if l.OnEscape != nil {
			l.OnEscape()
		}
		return
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if l.selected >= 0 && l.selected < n && l.OnActivate != nil {
			l.OnActivate(l.selected)
		}
		return
	case fyne.KeyDown:
		target = l.selected + 1
	case fyne.KeyUp:
		target = l.selected - 1
		if l.selected < 0 {
			target = 0
		}
	case fyne.KeyPageDown:
		target = l.selected + l.pageRows()
	case fyne.KeyPageUp:
		target = l.selected - l.pageRows()
	case fyne.KeyHome:
		target = 0
	case fyne.KeyEnd:
		target = n - 1
	default:
		return
	}
	if n == 0 {
		return
	}
	target = min(max(target, 0), n-1)
	if target != l.selected {
		l.Select(target)
	}
}
