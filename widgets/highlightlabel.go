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
		lo, hi := 0, len(runes)
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fyne.MeasureText(string(runes[:mid]), p.TextSize, p.TextStyle).Width <= room {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		p.Text = string(runes[:lo])
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
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

func (r *highlightRenderer) Destroy() {}
