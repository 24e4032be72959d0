package widgets

import (
	"image/color"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*ProgressChart)(nil)

// ChartSeries is one stepped line of a ProgressChart: a count at each of
// the chart's times.
type ChartSeries struct {
	Label  string // in the legend, in the reader's language
	Color  fyne.ThemeColorName
	Values []float64 // one per ProgressChart.Times
}

// ProgressChart draws counts over time as stepped lines: each value holds
// from its time until the next one (until End for the last), as a count of
// measures does between the days it changed. It has a legend above, the
// counts' scale on the left and dates below. Points closer than a pixel are
// drawn as one, so a chart of years of daily points stays a few hundred
// lines.
type ProgressChart struct {
	widget.BaseWidget

	Times  []time.Time
	Series []ChartSeries
	// Max is the top of the scale (every measure); the largest value when 0.
	Max float64
	// End is the right end of the time axis (today); the last time when zero.
	End time.Time
	// DateLabel writes a date under the axis; YYYY-MM-DD when nil.
	DateLabel func(time.Time) string
	// EndLabel, when not "", is written under the axis's right end in
	// place of DateLabel(End): "2026-12-04" for an axis that runs to the
	// end of that day.
	EndLabel string
	// Empty is shown in place of the lines when there are no times.
	Empty string
	// Height of the whole chart; 160 when zero.
	Height float32
}

// NewProgressChart returns a chart of the given series over times.
func NewProgressChart(times []time.Time, series ...ChartSeries) *ProgressChart {
	c := &ProgressChart{Times: times, Series: series}
	c.ExtendBaseWidget(c)
	return c
}

// SetData replaces the times and series and redraws.
func (c *ProgressChart) SetData(times []time.Time, series ...ChartSeries) {
	c.Times, c.Series = times, series
	c.Refresh()
}

// CreateRenderer returns the chart's renderer.
func (c *ProgressChart) CreateRenderer() fyne.WidgetRenderer {
	c.ExtendBaseWidget(c)
	r := &chartRenderer{c: c, xAxis: canvas.NewLine(color.Transparent), yAxis: canvas.NewLine(color.Transparent)}
	r.sync()
	r.Layout(c.Size())
	return r
}

var _ fyne.WidgetRenderer = (*chartRenderer)(nil)

type chartRenderer struct {
	c            *ProgressChart
	xAxis, yAxis *canvas.Line
	yLabels      []*canvas.Text // bottom (0) and top (Max)
	xLabels      []*canvas.Text // first, last
	swatches     []*canvas.Rectangle
	legend       []*canvas.Text
	empty        *canvas.Text
	lines        [][]*canvas.Line // per series, in the order drawn
	objects      []fyne.CanvasObject
}

func (r *chartRenderer) text(s string) *canvas.Text {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	t := canvas.NewText(s, th.Color(theme.ColorNamePlaceHolder, v))
	t.TextSize = th.Size(theme.SizeNameCaptionText)
	return t
}

// top is the largest count the scale shows.
func (r *chartRenderer) top() float64 {
	if r.c.Max > 0 {
		return r.c.Max
	}
	top := 0.0
	for _, s := range r.c.Series {
		for _, v := range s.Values {
			top = math.Max(top, v)
		}
	}
	if top == 0 {
		top = 1
	}
	return top
}

// sync makes the texts and colours from the data and the theme.
func (r *chartRenderer) sync() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	axis := th.Color(theme.ColorNameForeground, v)
	r.xAxis.StrokeColor, r.yAxis.StrokeColor = axis, axis
	r.xAxis.StrokeWidth, r.yAxis.StrokeWidth = 1, 1
	r.yLabels = []*canvas.Text{r.text("0"), r.text(strconv.FormatFloat(r.top(), 'f', -1, 64))}
	r.xLabels = nil
	if len(c.Times) > 0 {
		date := c.DateLabel
		if date == nil {
			date = func(t time.Time) string { return t.Format(time.DateOnly) }
		}
		right := c.EndLabel
		if right == "" {
			right = date(r.end())
		}
		r.xLabels = []*canvas.Text{r.text(date(c.Times[0])), r.text(right)}
		r.xLabels[1].Alignment = fyne.TextAlignTrailing
	}
	r.swatches, r.legend = nil, nil
	for _, s := range c.Series {
		sw := canvas.NewRectangle(th.Color(s.Color, v))
		sw.CornerRadius = 2
		r.swatches = append(r.swatches, sw)
		l := r.text(s.Label)
		l.Color = th.Color(theme.ColorNameForeground, v)
		r.legend = append(r.legend, l)
	}
	r.empty = nil
	if len(c.Times) == 0 && c.Empty != "" {
		r.empty = r.text(c.Empty)
		r.empty.Alignment = fyne.TextAlignCenter
	}
	for len(r.lines) < len(c.Series) {
		r.lines = append(r.lines, nil)
	}
	r.lines = r.lines[:len(c.Series)]
	for i, s := range c.Series {
		col := th.Color(s.Color, v)
		for _, l := range r.lines[i] {
			l.StrokeColor = col
		}
	}
}

func (r *chartRenderer) end() time.Time {
	if !r.c.End.IsZero() && len(r.c.Times) > 0 && r.c.End.After(r.c.Times[len(r.c.Times)-1]) {
		return r.c.End
	}
	if len(r.c.Times) == 0 {
		return time.Time{}
	}
	return r.c.Times[len(r.c.Times)-1]
}

// plotArea returns the rectangle the lines are drawn in.
func (r *chartRenderer) plotArea(size fyne.Size) (pos fyne.Position, plot fyne.Size) {
	pad := r.c.Theme().Size(theme.SizeNameInnerPadding)
	lineH := r.yLabels[0].MinSize().Height
	left := float32(0)
	for _, t := range r.yLabels {
		left = max(left, t.MinSize().Width)
	}
	left += pad / 2
	top := lineH + pad
	bottom := lineH + pad/2
	return fyne.NewPos(left, top), fyne.NewSize(max(size.Width-left-pad/2, 1), max(size.Height-top-bottom, 1))
}

// Layout places the legend, the axes and the lines.
func (r *chartRenderer) Layout(size fyne.Size) {
	c := r.c
	pad := c.Theme().Size(theme.SizeNameInnerPadding)
	// The legend: a swatch and a label per series, left to right.
	x := float32(0)
	for i, l := range r.legend {
		ls := l.MinSize()
		side := ls.Height * 0.6
		r.swatches[i].Resize(fyne.NewSquareSize(side))
		r.swatches[i].Move(fyne.NewPos(x, (ls.Height-side)/2))
		x += side + pad/2
		l.Move(fyne.NewPos(x, 0))
		l.Resize(ls)
		x += ls.Width + pad
	}
	p, plot := r.plotArea(size)
	r.yAxis.Position1, r.yAxis.Position2 = p, fyne.NewPos(p.X, p.Y+plot.Height)
	r.xAxis.Position1, r.xAxis.Position2 = fyne.NewPos(p.X, p.Y+plot.Height), fyne.NewPos(p.X+plot.Width, p.Y+plot.Height)
	lineH := r.yLabels[0].MinSize().Height
	for i, t := range r.yLabels {
		ts := t.MinSize()
		t.Alignment = fyne.TextAlignTrailing
		t.Resize(fyne.NewSize(p.X-pad/2, ts.Height))
		y := p.Y + plot.Height - ts.Height/2
		if i == 1 {
			y = p.Y - ts.Height/2
		}
		t.Move(fyne.NewPos(0, y))
	}
	for i, t := range r.xLabels {
		ts := t.MinSize()
		t.Resize(ts)
		xp := p.X
		if i == 1 {
			xp = p.X + plot.Width - ts.Width
		}
		t.Move(fyne.NewPos(xp, p.Y+plot.Height+pad/4))
	}
	if r.empty != nil {
		r.empty.Resize(fyne.NewSize(plot.Width, lineH))
		r.empty.Move(fyne.NewPos(p.X, p.Y+(plot.Height-lineH)/2))
	}
	r.layoutLines(p, plot)
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.xAxis, r.yAxis)
	for _, t := range r.yLabels {
		r.objects = append(r.objects, t)
	}
	for _, t := range r.xLabels {
		r.objects = append(r.objects, t)
	}
	for i := range r.legend {
		r.objects = append(r.objects, r.swatches[i], r.legend[i])
	}
	if r.empty != nil {
		r.objects = append(r.objects, r.empty)
	}
	for _, ls := range r.lines {
		for _, l := range ls {
			r.objects = append(r.objects, l)
		}
	}
}

// chartStep is one value of a series placed on the plot: from x on, y.
type chartStep struct{ x, y float32 }

// steps places a series's values on the plot, one step per pixel column at
// most (the last value of a column stands for it).
func (r *chartRenderer) steps(values []float64, p fyne.Position, plot fyne.Size) []chartStep {
	c := r.c
	t0, t1 := c.Times[0], r.end()
	span := t1.Sub(t0).Seconds()
	top := r.top()
	var out []chartStep
	for i, t := range c.Times {
		if i >= len(values) {
			break
		}
		x := p.X
		if span > 0 {
			x += plot.Width * float32(t.Sub(t0).Seconds()/span)
		}
		y := p.Y + plot.Height - plot.Height*float32(math.Min(values[i], top)/top)
		if n := len(out); n > 0 && x-out[n-1].x < 1 {
			out[n-1].y = y
			if n > 1 && out[n-2].y == y { // the same value again: one step
				out = out[:n-1]
			}
			continue
		}
		if n := len(out); n > 0 && out[n-1].y == y {
			continue
		}
		out = append(out, chartStep{x, y})
	}
	return out
}

// layoutLines draws each series as horizontal steps joined by risers.
func (r *chartRenderer) layoutLines(p fyne.Position, plot fyne.Size) {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for si, s := range c.Series {
		var st []chartStep
		if len(c.Times) > 0 {
			st = r.steps(s.Values, p, plot)
		}
		need := 0
		if len(st) > 0 {
			need = 2*len(st) - 1
		}
		for len(r.lines[si]) < need {
			l := canvas.NewLine(th.Color(s.Color, v))
			l.StrokeWidth = 2
			r.lines[si] = append(r.lines[si], l)
		}
		r.lines[si] = r.lines[si][:need]
		for i, step := range st {
			right := p.X + plot.Width
			if i+1 < len(st) {
				right = st[i+1].x
			}
			h := r.lines[si][2*i]
			h.Position1, h.Position2 = fyne.NewPos(step.x, step.y), fyne.NewPos(right, step.y)
			if i+1 < len(st) {
				riser := r.lines[si][2*i+1]
				riser.Position1, riser.Position2 = fyne.NewPos(right, step.y), fyne.NewPos(right, st[i+1].y)
			}
		}
	}
}

func (r *chartRenderer) MinSize() fyne.Size {
	h := r.c.Height
	if h == 0 {
		h = 160
	}
	w := float32(0)
	pad := r.c.Theme().Size(theme.SizeNameInnerPadding)
	for _, l := range r.legend {
		ls := l.MinSize()
		w += ls.Height*0.6 + pad/2 + ls.Width + pad
	}
	return fyne.NewSize(max(w, 160), h)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Refresh() {
	r.sync()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Destroy() {}
