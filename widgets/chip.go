package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*Chip)(nil)

// Chip is a short caption on a rounded, coloured background: a status, an
// "overdue" mark. Its colours come from the theme by importance, as a
// Button's do.
type Chip struct {
	widget.BaseWidget

	Text       string
	Importance widget.Importance
	// MinWidth widens the chip so that chips of different texts line up.
	MinWidth float32
}

// NewChip returns a chip showing text in the colours of the importance.
func NewChip(text string, importance widget.Importance) *Chip {
	c := &Chip{Text: text, Importance: importance}
	c.ExtendBaseWidget(c)
	return c
}

// Set changes the text and importance at once.
func (c *Chip) Set(text string, importance widget.Importance) {
	if c.Text == text && c.Importance == importance {
		return
	}
	c.Text, c.Importance = text, importance
	c.Refresh()
}

// CreateRenderer returns the chip's renderer.
func (c *Chip) CreateRenderer() fyne.WidgetRenderer {
	c.ExtendBaseWidget(c)
	bg := canvas.NewRectangle(color.Transparent)
	text := canvas.NewText(c.Text, color.Black)
	text.Alignment = fyne.TextAlignCenter
	text.TextStyle = fyne.TextStyle{Bold: true}
	r := &chipRenderer{chip: c, bg: bg, text: text}
	r.applyTheme()
	return r
}

// ChipColors returns the background and text colours of an importance. The
// theme's "foreground on" colour is used when it stands out from the
// background; otherwise (white on bright green) the theme's foreground or
// background colour that contrasts best.
func ChipColors(th fyne.Theme, v fyne.ThemeVariant, imp widget.Importance) (bg, fg color.Color) {
	bg, fg = chipColors(th, v, imp)
	if imp == widget.LowImportance || contrast(bg, fg) >= 3 {
		return bg, fg
	}
	a, b := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameBackground, v)
	if contrast(bg, a) >= contrast(bg, b) {
		return bg, a
	}
	return bg, b
}

// luminance is the relative luminance of a colour (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func chipColors(th fyne.Theme, v fyne.ThemeVariant, imp widget.Importance) (bg, fg color.Color) {
	switch imp {
	case widget.HighImportance:
		return th.Color(theme.ColorNamePrimary, v), th.Color(theme.ColorNameForegroundOnPrimary, v)
	case widget.SuccessImportance:
		return th.Color(theme.ColorNameSuccess, v), th.Color(theme.ColorNameForegroundOnSuccess, v)
	case widget.WarningImportance:
		return th.Color(theme.ColorNameWarning, v), th.Color(theme.ColorNameForegroundOnWarning, v)
	case widget.DangerImportance:
		return th.Color(theme.ColorNameError, v), th.Color(theme.ColorNameForegroundOnError, v)
	case widget.LowImportance:
		return color.Transparent, th.Color(theme.ColorNameForeground, v)
	}
	return th.Color(theme.ColorNameButton, v), th.Color(theme.ColorNameForeground, v)
}

var _ fyne.WidgetRenderer = (*chipRenderer)(nil)

type chipRenderer struct {
	chip *Chip
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *chipRenderer) applyTheme() {
	th := r.chip.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor, r.text.Color = ChipColors(th, v, r.chip.Importance)
	if r.chip.Importance == widget.LowImportance {
		r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
		r.bg.StrokeWidth = 1
	} else {
		r.bg.StrokeWidth = 0
	}
	r.bg.CornerRadius = th.Size(theme.SizeNameSelectionRadius) * 2
	r.text.Text = r.chip.Text
	r.text.TextSize = th.Size(theme.SizeNameCaptionText)
}

func (r *chipRenderer) padding() fyne.Size {
	p := r.chip.Theme().Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(p, p/2)
}

func (r *chipRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Resize(fyne.NewSize(size.Width, ts.Height))
	r.text.Move(fyne.NewPos(0, (size.Height-ts.Height)/2))
}

func (r *chipRenderer) MinSize() fyne.Size {
	p := r.padding()
	ts := r.text.MinSize()
	w := ts.Width + 2*p.Width
	if w < r.chip.MinWidth {
		w = r.chip.MinWidth
	}
	return fyne.NewSize(w, ts.Height+2*p.Height)
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.text} }

func (r *chipRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.chip.Size())
	canvas.Refresh(r.chip)
}

func (r *chipRenderer) Destroy() {}
