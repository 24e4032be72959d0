package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Span is a run of runes [Start, End) of a text.
type Span struct{ Start, End int }

// HighlightStyle is how matched characters look: bold, in the primary colour.
var HighlightStyle = widget.RichTextStyle{
	Inline:    true,
	ColorName: theme.ColorNamePrimary,
	TextStyle: fyne.TextStyle{Bold: true},
}

// Highlight splits text into inline segments of a RichText, the runes
// inside spans in HighlightStyle and the rest in base. Spans are rune
// positions (not bytes); they may be unsorted or overlap, and parts outside
// the text are ignored. Only the first maxRunes runes are kept when
// maxRunes > 0, with an ellipsis after them.
func Highlight(text string, spans []Span, base widget.RichTextStyle, maxRunes int) []widget.RichTextSegment {
	runes := []rune(text)
	cut := false
	if maxRunes > 0 && len(runes) > maxRunes {
		runes, cut = runes[:maxRunes], true
	}
	marked := make([]bool, len(runes))
	for _, s := range spans {
		for i := max(s.Start, 0); i < s.End && i < len(runes); i++ {
			marked[i] = true
		}
	}
	base.Inline = true
	hl := HighlightStyle
	if base.SizeName != "" {
		hl.SizeName = base.SizeName
	}
	var segs []widget.RichTextSegment
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i == len(runes) || marked[i] != marked[start] {
			st := base
			if marked[start] {
				st = hl
			}
			segs = append(segs, &widget.TextSegment{Text: string(runes[start:i]), Style: st})
			start = i
		}
	}
	if cut {
		segs = append(segs, &widget.TextSegment{Text: "…", Style: base})
	}
	if len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Style: base})
	}
	return segs
}
