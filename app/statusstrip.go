package app

import (
	"image/color"
	"slices"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// stripCell is one delegation's cell in a row's strip: its code, the
// status's colour and whether its people disagree.
type stripCell struct {
	code     string
	status   data.Status
	conflict bool
}

// statusStrip is a list row's compact view of every delegation's status
// of the measure: a small cell per delegation that reported, coloured as
// its status chip, named by its code (Fyne has no tooltips; the code is
// the legend, the detail names them in full). A delegation whose people
// disagree has a cell outlined in the conflict colour. The user's own
// delegation comes first, then the others in pick-list order.
type statusStrip struct {
	widget.BaseWidget
	cells []stripCell
	next  []stripCell // the buffer set fills, swapped with cells when they differ
}

func newStatusStrip() *statusStrip {
	s := &statusStrip{}
	s.Hidden = true // until other delegations report
	s.ExtendBaseWidget(s)
	return s
}

// pickOrder is the known codes in pick-list order.
var pickOrder = func() []string {
	var out []string
	for _, d := range data.Delegations() {
		out = append(out, d.Code)
	}
	return out
}()

// set shows the statuses of a measure's state, own first; it reports
// whether the strip's size may have changed. With no delegation but the
// own reporting, the strip is empty: the row's chip says it all. It
// allocates nothing once its buffers have grown, and redraws only when a
// cell changed.
func (s *statusStrip) set(st *data.MeasureState, own string) (resized bool) {
	next := s.next[:0]
	others := len(st.Statuses)
	if _, ok := st.Statuses[own]; ok {
		others--
	}
	if others > 0 {
		add := func(k string, d *data.DelegationStatus) {
			next = append(next, stripCell{code: k, status: d.Status, conflict: d.Conflict})
		}
		if d, ok := st.Statuses[own]; ok && own != "" {
			add(own, d)
		}
		known := 0
		for _, k := range pickOrder {
			if d, ok := st.Statuses[k]; ok {
				known++
				if k != own {
					add(k, d)
				}
			}
		}
		if known < len(st.Statuses) { // older free-text delegations, rare
			start := len(next)
			for k, d := range st.Statuses {
				if _, ok := delegationRank[k]; !ok && k != own {
					add(k, d)
				}
			}
			tail := next[start:]
			sort.Slice(tail, func(i, j int) bool { return tail[i].code < tail[j].code })
		}
	}
	s.next = next
	if slices.Equal(s.cells, next) {
		return false
	}
	resized = len(s.cells) != len(next)
	if !resized {
		for i := range next {
			resized = resized || next[i].code != s.cells[i].code
		}
	}
	s.cells, s.next = next, s.cells
	s.Hidden = len(s.cells) == 0
	s.Refresh()
	return resized
}

// stripLabel is a cell's caption: a code, or the first three letters of an
// older free-text delegation.
func stripLabel(code string) string {
	if r := []rune(code); len(r) > 3 {
		return string(r[:3])
	}
	return code
}

func (s *statusStrip) CreateRenderer() fyne.WidgetRenderer {
	s.ExtendBaseWidget(s)
	r := &stripRenderer{strip: s}
	r.Refresh()
	return r
}

type stripRenderer struct {
	strip *statusStrip
	rects []*canvas.Rectangle
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

const stripGap = 2

func (r *stripRenderer) metrics() (textSize, pad float32) {
	th := r.strip.Theme()
	return th.Size(theme.SizeNameCaptionText) * 0.85, th.Size(theme.SizeNameInnerPadding) / 2
}

func (r *stripRenderer) Layout(size fyne.Size) {
	_, pad := r.metrics()
	x := float32(0)
	for i := range r.strip.cells {
		ts := r.texts[i].MinSize()
		w := ts.Width + 2*pad
		r.rects[i].Move(fyne.NewPos(x, 0))
		r.rects[i].Resize(fyne.NewSize(w, size.Height))
		r.texts[i].Move(fyne.NewPos(x, (size.Height-ts.Height)/2))
		r.texts[i].Resize(fyne.NewSize(w, ts.Height))
		x += w + stripGap
	}
}

func (r *stripRenderer) MinSize() fyne.Size {
	_, pad := r.metrics()
	var s fyne.Size
	for i := range r.strip.cells {
		if i >= len(r.texts) {
			break
		}
		ts := r.texts[i].MinSize()
		s.Width += ts.Width + 2*pad
		s.Height = max(s.Height, ts.Height+pad)
		if i > 0 {
			s.Width += stripGap
		}
	}
	return s
}

func (r *stripRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *stripRenderer) Refresh() {
	th := r.strip.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size, _ := r.metrics()
	cells := r.strip.cells
	for len(r.rects) < len(cells) {
		t := canvas.NewText("", color.Black)
		t.Alignment = fyne.TextAlignCenter
		t.TextStyle = fyne.TextStyle{Bold: true}
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
		r.texts = append(r.texts, t)
	}
	r.objs = r.objs[:0]
	warn := th.Color(theme.ColorNameWarning, v)
	for i, c := range cells {
		rect, text := r.rects[i], r.texts[i]
		rect.FillColor, text.Color = widgets.ChipColors(th, v, statusImportance(c.status))
		rect.CornerRadius = th.Size(theme.SizeNameSelectionRadius)
		rect.StrokeWidth, rect.StrokeColor = 0, nil
		if c.conflict {
			rect.StrokeWidth, rect.StrokeColor = 2, warn
		}
		text.Text, text.TextSize = stripLabel(c.code), size
		r.objs = append(r.objs, rect, text)
	}
	r.Layout(r.strip.Size())
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *stripRenderer) Destroy() {}
