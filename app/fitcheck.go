package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"scoplan/widgets"
)

// fitCheck lays out one filter check at the width of the panel. A label
// too long for it (a body's name in Russian, or any in a small window)
// is cut with an ellipsis before its count, "Name of the body… (12)", so
// that the count stays in view; the check asks for no more width than the
// ellipsis and the count need. Without it the checks were as wide as
// their labels and the panel clipped them, counts and all.
type fitCheck struct{ f *filterPanel }

func (l fitCheck) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		if c, ok := o.(*widgets.Check); ok {
			l.f.fit(c, size.Width)
		}
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l fitCheck) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		if c, ok := o.(*widgets.Check); ok {
			_, count := splitCount(l.f.label(c))
			m.Width = checkOverhead(c) + textWidth("M…"+count)
		}
		s = s.Max(m)
	}
	return s
}

// label is the whole label of a check, count included.
func (f *filterPanel) label(c *widgets.Check) string {
	if full, ok := f.full[c]; ok {
		return full
	}
	return c.Text
}

// fit shows as much of a check's label as fits in width.
func (f *filterPanel) fit(c *widgets.Check, width float32) {
	full := f.label(c)
	text := fitLabel(full, width-checkOverhead(c))
	if c.Text != text {
		c.Text = text
		c.Refresh()
	}
}

// fitLabel cuts the name of "name (count)" with an ellipsis until it fits
// in width, keeping the count.
func fitLabel(full string, width float32) string {
	if textWidth(full) <= width {
		return full
	}
	name, count := splitCount(full)
	runes := []rune(strings.TrimRight(name, " "))
	lo, hi := 1, len(runes) // the longest cut that fits, at least one letter
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if textWidth(string(runes[:mid])+"…"+count) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if len(runes) == 0 {
		return full
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…" + count
}

// splitCount splits "name (12)" into "name" and " (12)".
func splitCount(label string) (name, count string) {
	if i := strings.LastIndex(label, " ("); i >= 0 && strings.HasSuffix(label, ")") {
		return label[:i], label[i:]
	}
	return label, ""
}

// checkOverhead is the width a check needs besides its label's text.
func checkOverhead(c *widgets.Check) float32 {
	th := c.Theme()
	return th.Size(theme.SizeNameInlineIcon) + 4*th.Size(theme.SizeNameInnerPadding)
}

func textWidth(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}
