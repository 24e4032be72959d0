package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitSelect gives a select the width of its longest choice (at most
// maxSelectWidth), so that a row of selects shows what each has chosen
// rather than its first letters; the choices may change later.
func fitSelect(s *widget.Select) fyne.CanvasObject { return wrap(fitSelectLayout{s}, s) }

const maxSelectWidth = 420

type fitSelectLayout struct{ s *widget.Select }

func (l fitSelectLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l fitSelectLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	th := l.s.Theme()
	text := float32(0)
	for _, o := range l.s.Options {
		text = max(text, fyne.MeasureText(o, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width)
	}
	// The text's padding on either side, the drop-down icon and its padding.
	w := text + 4*th.Size(theme.SizeNameInnerPadding) + th.Size(theme.SizeNameInlineIcon) + 2*th.Size(theme.SizeNamePadding)
	least := l.s.MinSize()
	return fyne.NewSize(max(least.Width, min(w, maxSelectWidth)), least.Height)
}
