package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// placeholderWidth is the widest a placeholder's text is laid out.
const placeholderWidth = 420

// centredColumn lays its objects out one above the other, each as wide as
// the space allows up to max (an object whose minimum is narrower, an icon
// or a button, at its minimum width), centred as a group. Unlike a VBox in
// a Center container it gives a wrapping label real width: there it got
// its minimum width, one letter, wrapped a letter per line and asked the
// window for a thousand pixels of height.
type centredColumn struct{ max float32 }

// place resizes each object to its width and returns the heights.
func (c centredColumn) place(objs []fyne.CanvasObject, width float32) (heights []float32, total float32) {
	w := min(width, c.max)
	for _, o := range objs {
		if !o.Visible() {
			heights = append(heights, 0)
			continue
		}
		ow := w
		if wraps(o) {
			o.Resize(fyne.NewSize(ow, o.Size().Height))
		} else {
			ow = min(o.MinSize().Width, width)
		}
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(ow, h))
		heights = append(heights, h)
		total += h
	}
	return heights, total
}

func (c centredColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	heights, total := c.place(objs, size.Width)
	y := max((size.Height-total)/2, 0)
	for i, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos((size.Width-o.Size().Width)/2, y))
		y += heights[i]
	}
}

func (c centredColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if wraps(o) {
			// A wrapping text is as high as it is at its current width;
			// it asks for no width of its own.
			m.Width = 0
		}
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s
}

// wraps reports whether o is a text that wraps to the width it is given.
func wraps(o fyne.CanvasObject) bool {
	switch w := o.(type) {
	case *widget.Label:
		return w.Wrapping != fyne.TextWrapOff
	case *widget.RichText:
		return w.Wrapping != fyne.TextWrapOff
	}
	return false
}

// newPlaceholder is an icon over a short text, centred in the space it is
// given, for a pane with nothing to show.
func newPlaceholder(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(centredColumn{max: placeholderWidth}, objs...)
}
