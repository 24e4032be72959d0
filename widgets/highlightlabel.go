package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*HighlightLabel)(nil)

// HighlightLabel is a one-line label whose matched characters are drawn in
// HighlightStyle. It always fits its width: text that is too long ends in an
// ellipsis, whatever part is highlighted. It is light enough for the rows of
// a long list.
type HighlightLabel struct {
	widget.BaseWidget

	Text  string
	Spans []Span // rune ranges to highlight
	// SizeName and ColorName style the text that is not highlighted; the
	// theme's text size and foreground colour when empty.
	SizeName  fyne.ThemeSizeName
	ColorName fyne.ThemeColorName
}

// NewHighlightLabel returns a label showing text with spans highlighted.
func NewHighlightLabel(text string, spans []Span) *HighlightLabel {
	l := &HighlightLabel{Text: text, Spans: spans}
	l.ExtendBaseWidget(l)
	return l
}

// Set changes the text and the highlighted spans.
func (l *HighlightLabel) Set(text string, spans []Span) {
	l.Text, l.Spans = text, spans
	l.Refresh()
}

// CreateRenderer returns the label's renderer.
func (l *HighlightLabel) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	r := &highlightRenderer{l: l}
	r.sync()
	return r
}

var _ fyne.WidgetRenderer = (*highlightRenderer)(nil)

type highlightRenderer struct {
	l        *HighlightLabel
	pieces   []*canvas.Text // runs of the text, marked or not
	full     []string       // each piece's whole text
	ellipsis *canvas.Text
	objects  []fyne.CanvasObject
}

func (r *highlightRenderer) size() float32 {
	name := r.l.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return r.l.Theme().Size(name)
}

// sync splits the text into pieces and styles them from the theme.
func (r *highlightRenderer) sync() {
	th := r.l.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	baseName := r.l.ColorName
	if baseName == "" {
		baseName = theme.ColorNameForeground
	}
	base, hl := th.Color(baseName, v), th.Color(HighlightStyle.ColorName, v)
	size := r.size()

	runes := []rune(r.l.Text)
	marked := make([]bool, len(runes))
	for _, s := range r.l.Spans {
		for i := max(s.Start, 0); i < s.End && i < len(runes); i++ {
			marked[i] = true
		}
	}
	r.pieces, r.full = r.pieces[:0], r.full[:0]
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i < len(runes) && marked[i] == marked[start] {
			continue
		}
		t := canvas.NewText(string(runes[start:i]), base)
		t.TextSize = size
		if marked[start] {
			t.Color, t.TextStyle = hl, HighlightStyle.TextStyle
		}
		r.pieces = append(r.pieces, t)
		r.full = append(r.full, t.Text)
		start = i
	}
	r.ellipsis = canvas.NewText("…", base)
	r.ellipsis.TextSize = size
	r.objects = r.objects[:0]
	for _, p := range r.pieces {
		r.objects = append(r.objects, p)
	}
	r.objects = append(r.objects, r.ellipsis)
}

func (r *highlightRenderer) pad() float32 { return r.l.Theme().Size(theme.SizeNameInnerPadding) }

func (r *highlightRenderer) Layout(size fyne.Size) {
	pad := r.pad()
	avail := size.Width - 2*pad
	x := pad
	h := r.textHeight()
	y := (size.Height - h) / 2
	r.ellipsis.Hide()
	cut := false
	for i, p := range r.pieces {
		p.Text = r.full[i]
		if cut {
			p.Hide()
			continue
		}
		p.Show()
		w := p.MinSize().Width
		last := i == len(r.pieces)-1
		if x+w <= pad+avail && (last || x+w+r.ellipsis.MinSize().Width <= pad+avail || r.fits(i, x, avail)) {
			p.Move(fyne.NewPos(x, y))
			p.Resize(fyne.NewSize(w, h))
			x += w
			continue
		}
		// Cut this piece so that it and the ellipsis fit.
		room := pad + avail - x - r.ellipsis.MinSize().Width
		runes := []rune(p.Text)
		p.Text = string(runes[:fitting(runes, w, room, p.TextSize, p.TextStyle)])
		w = p.MinSize().Width
		p.Move(fyne.NewPos(x, y))
		p.Resize(fyne.NewSize(w, h))
		x += w
		r.ellipsis.Move(fyne.NewPos(x, y))
		r.ellipsis.Resize(fyne.NewSize(r.ellipsis.MinSize().Width, h))
		r.ellipsis.Show()
		cut = true
	}
}

// fitting returns how many of the runes, whose whole width is width, fit
// in room: the longest prefix no wider than room. Each width measured
// shapes the text anew, so the search starts where the prefix's share of
// the width says and steps from there, doubling its steps, then halves
// the last step: as many measures as a binary search over all the runes in
// the worst case, two or three when the runes are about as wide as each
// other.
func fitting(runes []rune, width, room float32, size float32, style fyne.TextStyle) int {
	n := len(runes)
	fits := func(k int) bool {
		return k == 0 || fyne.MeasureText(string(runes[:k]), size, style).Width <= room
	}
	if room < 0 || n == 0 {
		return 0
	}
	if width <= room {
		return n
	}
	// lo fits, hi does not (n does not: width > room).
	guess := min(max(int(float32(n)*room/width), 0), n-1)
	lo, hi := 0, n
	if fits(guess) {
		lo = guess
		for step := 1; lo+step < hi; step *= 2 {
			if !fits(lo + step) {
				hi = lo + step
				break
			}
			lo += step
		}
	} else {
		hi = guess
		for step := 1; hi-step > lo; step *= 2 {
			if fits(hi - step) {
				lo = hi - step
				break
			}
			hi -= step
		}
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// fits reports whether the pieces from i on all fit after x.
func (r *highlightRenderer) fits(i int, x, avail float32) bool {
	for _, p := range r.pieces[i:] {
		x += fyne.MeasureText(p.Text, p.TextSize, p.TextStyle).Width
	}
	return x <= r.pad()+avail
}

func (r *highlightRenderer) textHeight() float32 {
	return fyne.MeasureText("M", r.size(), fyne.TextStyle{}).Height
}

func (r *highlightRenderer) MinSize() fyne.Size {
	pad := r.pad()
	return fyne.NewSize(r.ellipsis.MinSize().Width+2*pad, r.textHeight()+2*pad)
}

func (r *highlightRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *highlightRenderer) Refresh() {
	r.sync()
	// A label not laid out yet (a list row being made) is laid out when it
	// gets its size.
	if s := r.l.Size(); s.Width > 0 && s.Height > 0 {
		r.Layout(s)
	}
	canvas.Refresh(r.l)
}

func (r *highlightRenderer) Destroy() {}
