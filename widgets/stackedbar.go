package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*StackedBar)(nil)

// BarPart is one coloured part of a StackedBar.
type BarPart struct {
	Value float64
	Color fyne.ThemeColorName
}

// StackedBar draws parts of a whole side by side, each as wide as its share:
// how many measures of a chapter are done, in progress, blocked or not
// started. An empty bar shows only its track.
type StackedBar struct {
	widget.BaseWidget

	Parts []BarPart
	// Height of the bar; the theme's inner padding × 2 when zero.
	Height float32
}

// NewStackedBar returns a bar of the given parts.
func NewStackedBar(parts ...BarPart) *StackedBar {
	b := &StackedBar{Parts: parts}
	b.ExtendBaseWidget(b)
	return b
}

// SetParts replaces the parts shown.
func (b *StackedBar) SetParts(parts ...BarPart) {
	b.Parts = parts
	b.Refresh()
}

// CreateRenderer returns the bar's renderer.
func (b *StackedBar) CreateRenderer() fyne.WidgetRenderer {
	b.ExtendBaseWidget(b)
	r := &stackedBarRenderer{b: b, track: canvas.NewRectangle(color.Transparent)}
	r.sync()
	return r
}

var _ fyne.WidgetRenderer = (*stackedBarRenderer)(nil)

type stackedBarRenderer struct {
	b     *StackedBar
	track *canvas.Rectangle
	rects []*canvas.Rectangle
}

// sync makes one rectangle per part and colours everything from the theme.
func (r *stackedBarRenderer) sync() {
	th := r.b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBackground, v)
	for len(r.rects) < len(r.b.Parts) {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
	}
	r.rects = r.rects[:len(r.b.Parts)]
	for i, p := range r.b.Parts {
		r.rects[i].FillColor = th.Color(p.Color, v)
	}
}

func (r *stackedBarRenderer) Layout(size fyne.Size) {
	r.track.Resize(size)
	var total float64
	for _, p := range r.b.Parts {
		if p.Value > 0 {
			total += p.Value
		}
	}
	x := float32(0)
	for i, p := range r.b.Parts {
		rect := r.rects[i]
		if total == 0 || p.Value <= 0 {
			rect.Hide()
			continue
		}
		w := size.Width * float32(p.Value/total)
		rect.Show()
		rect.Move(fyne.NewPos(x, 0))
		rect.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

func (r *stackedBarRenderer) MinSize() fyne.Size {
	h := r.b.Height
	if h == 0 {
		h = r.b.Theme().Size(theme.SizeNameInnerPadding) * 2
	}
	return fyne.NewSize(h*4, h)
}

func (r *stackedBarRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.track}
	for _, rect := range r.rects {
		objs = append(objs, rect)
	}
	return objs
}

func (r *stackedBarRenderer) Refresh() {
	r.sync()
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *stackedBarRenderer) Destroy() {}
