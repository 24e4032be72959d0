package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands a key only to the focused widget, and its standard widgets
// ignore Escape. The widgets in this file extend the standard ones with an
// OnEscape callback (and a few more keys each), so that Escape can take the
// user back to the list from wherever the keyboard focus is.

var (
	_ fyne.Focusable = (*Entry)(nil)
	_ fyne.Focusable = (*Button)(nil)
	_ fyne.Focusable = (*Select)(nil)
	_ fyne.Focusable = (*Check)(nil)
	_ fyne.Focusable = (*Tree)(nil)
)

// isSubmit reports whether a shortcut is Ctrl+Enter (Cmd+Enter on macOS).
func isSubmit(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	return ok && (cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierSuper)
}

// Entry is a widget.Entry that reports Escape, the Down key (single-line
// only) and Ctrl+Enter.
type Entry struct {
	widget.Entry

	OnEscape func()
	OnDown   func() // single-line entries: the Down key, e.g. to move into results
	OnSubmit func() // Ctrl+Enter (Cmd+Enter), e.g. to save a multi-line note
}

// NewEntry returns a single-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry returns a multi-line, word-wrapping entry.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape and Down before the Entry does.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && e.OnEscape != nil:
		e.OnEscape()
	case ev.Name == fyne.KeyDown && !e.MultiLine && e.OnDown != nil:
		e.OnDown()
	default:
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut handles Ctrl+Enter, Ctrl+Home and Ctrl+End before the Entry
// does (Fyne's Entry ignores the last two).
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if isSubmit(s) && e.OnSubmit != nil {
		e.OnSubmit()
		return
	}
	if cs, ok := s.(*desktop.CustomShortcut); ok && (cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierSuper) {
		switch cs.KeyName {
		case fyne.KeyHome:
			e.CursorToStart()
			return
		case fyne.KeyEnd:
			e.CursorToEnd()
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// CursorToEnd puts the caret after the last character (Ctrl+End), ending
// any selection.
func (e *Entry) CursorToEnd() { e.jump(fyne.KeyPageDown) }

// CursorToStart puts the caret before the first character (Ctrl+Home),
// ending any selection.
func (e *Entry) CursorToStart() { e.jump(fyne.KeyPageUp) }

// jump moves the caret with Page Up or Down, which in Fyne's Entry go to
// the very start or end of the text (and end a selection).
func (e *Entry) jump(page fyne.KeyName) { e.Entry.TypedKey(&fyne.KeyEvent{Name: page}) }

// Button is a widget.Button that is also pressed by Enter and reports Escape.
type Button struct {
	widget.Button

	OnEscape func()
}

// NewButton returns a button with a label and an optional icon.
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and reports Escape.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if b.OnEscape != nil {
			b.OnEscape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.Tapped(nil)
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// Select is a widget.Select whose value changes only through its pop-up:
// Left, Right, Enter, Space, Up and Down all open it, so that stepping
// through the options never records a change per step. It reports Escape.
type Select struct {
	widget.Select

	OnEscape func()
}

// NewSelect returns a select of the options.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey opens the pop-up on the arrow keys, Enter and Space.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if s.OnEscape != nil {
			s.OnEscape()
		}
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyReturn, fyne.KeyEnter:
		s.Select.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		s.Select.TypedKey(ev)
	}
}

// Check is a widget.Check that reports Escape and also toggles on Enter.
type Check struct {
	widget.Check

	OnEscape func()
}

// NewCheck returns a check box with a label.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey reports Escape and toggles on Enter.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if c.OnEscape != nil {
			c.OnEscape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		c.TypedRune(' ')
	default:
		c.Check.TypedKey(ev)
	}
}

// Tree is a widget.Tree that reports Escape.
type Tree struct {
	widget.Tree

	OnEscape func()
}

// TypedKey reports Escape and selects the focused node on Enter.
func (t *Tree) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if t.OnEscape != nil {
			t.OnEscape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		t.Tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		t.Tree.TypedKey(ev)
	}
}
