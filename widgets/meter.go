package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*Meter)(nil)

// Meter is a small horizontal bar showing a share, such as the share of a
// section's measures that are done. It is meant to sit beside a label.
type Meter struct {
	widget.BaseWidget

	Value float64 // between 0 and 1
	// Color names the theme colour of the filled part; success if empty.
	Color fyne.ThemeColorName
}

// NewMeter returns a meter showing value (0…1).
func NewMeter(value float64) *Meter {
	m := &Meter{Value: value}
	m.ExtendBaseWidget(m)
	return m
}

// SetValue changes the share shown.
func (m *Meter) SetValue(v float64) {
	if m.Value == v {
		return
	}
	m.Value = v
	m.Refresh()
}

// CreateRenderer returns the meter's renderer.
func (m *Meter) CreateRenderer() fyne.WidgetRenderer {
	m.ExtendBaseWidget(m)
	r := &meterRenderer{m: m, track: canvas.NewRectangle(color.Transparent), fill: canvas.NewRectangle(color.Transparent)}
	r.applyTheme()
	return r
}

var _ fyne.WidgetRenderer = (*meterRenderer)(nil)

type meterRenderer struct {
	m           *Meter
	track, fill *canvas.Rectangle
}

func (r *meterRenderer) applyTheme() {
	th := r.m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameInputBorder, v)
	name := r.m.Color
	if name == "" {
		name = theme.ColorNameSuccess
	}
	r.fill.FillColor = th.Color(name, v)
}

func (r *meterRenderer) Layout(size fyne.Size) {
	h := r.MinSize().Height
	y := (size.Height - h) / 2
	r.track.CornerRadius, r.fill.CornerRadius = h/2, h/2
	r.track.Move(fyne.NewPos(0, y))
	r.track.Resize(fyne.NewSize(size.Width, h))
	v := r.m.Value
	if v < 0 || v != v {
		v = 0
	} else if v > 1 {
		v = 1
	}
	r.fill.Move(fyne.NewPos(0, y))
	r.fill.Resize(fyne.NewSize(size.Width*float32(v), h))
	r.fill.Hidden = v == 0
}

func (r *meterRenderer) MinSize() fyne.Size {
	p := r.m.Theme().Size(theme.SizeNamePadding)
	return fyne.NewSize(p*8, p*1.5)
}

func (r *meterRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.track, r.fill} }

func (r *meterRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

func (r *meterRenderer) Destroy() {}
