package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// navNode lays out a node of the navigation: its title on up to two lines
// (a chapter's name, long in every language, was cut to a dozen letters
// on one line beside the count and the meter), cut with an ellipsis after
// that; at the right the count over the meter, in a narrow column. A
// title that fits on one line is centred.
type navNode struct{}

// navLines is how many lines a title of the navigation may take.
const navLines = 2

// column is the right column's width: the count's or the meter's.
func (navNode) column(objs []fyne.CanvasObject) float32 {
	return max(objs[1].MinSize().Width, objs[2].MinSize().Width) + theme.Padding()
}

func (n navNode) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	title, count, meter := objs[0].(*widget.Label), objs[1], objs[2]
	col := n.column(objs)
	cm, mm := count.MinSize(), meter.MinSize()
	top := (size.Height - cm.Height - mm.Height) / 2
	count.Resize(cm)
	count.Move(fyne.NewPos(size.Width-cm.Width, top))
	meter.Resize(fyne.NewSize(col-theme.Padding(), mm.Height))
	meter.Move(fyne.NewPos(size.Width-col+theme.Padding(), top+cm.Height))

	w := max(size.Width-col, 0)
	th := title.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	line := fyne.MeasureText(title.Text, th.Size(theme.SizeNameText), title.TextStyle)
	h := size.Height
	if line.Width <= w-2*pad {
		h = line.Height + 2*pad
	}
	title.Resize(fyne.NewSize(w, h))
	title.Move(fyne.NewPos(0, (size.Height-h)/2))
}

func (n navNode) MinSize(objs []fyne.CanvasObject) fyne.Size {
	title := objs[0].(*widget.Label)
	th := title.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	line := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Height
	h := navLines*line + th.Size(theme.SizeNameLineSpacing)*(navLines-1) + 2*pad
	right := objs[1].MinSize().Height + objs[2].MinSize().Height
	return fyne.NewSize(title.MinSize().Width+n.column(objs), max(h, right))
}
