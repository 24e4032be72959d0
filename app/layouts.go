package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fixedWidth lays its objects out one above the other at a fixed width, so
// that columns of a list line up whatever their text.
type fixedWidth struct{ width float32 }

func (l fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(l.width, h)
}

// withWidth wraps objects in a container of a fixed width.
func withWidth(w float32, objs ...fyne.CanvasObject) *fyne.Container {
	return wrap(fixedWidth{w}, objs...)
}

func wrap(l fyne.Layout, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objs}
}

// trailing lays out one object at its minimum width against the right edge,
// centred vertically.
type trailing struct{}

func (trailing) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		m := o.MinSize()
		o.Resize(fyne.NewSize(min(m.Width, size.Width), m.Height))
		o.Move(fyne.NewPos(size.Width-o.Size().Width, (size.Height-m.Height)/2))
	}
}

func (trailing) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	return s
}

// newDim returns a one-line text in the placeholder colour, for counts and
// summaries that should not compete with the content.
func newDim(text string) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text,
		Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
}

// setDim changes the text of a newDim.
func setDim(r *widget.RichText, text string) {
	if seg := r.Segments[0].(*widget.TextSegment); seg.Text != text {
		seg.Text = text
		r.Refresh()
	}
}

// setText changes a label's text only when it differs: setting a label
// shapes its text again, which costs more than the comparison.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}
