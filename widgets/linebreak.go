package widgets

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2/widget"
)

// Line breaking for wrapped rich text in Chinese, Russian and English: where
// a line may break, and how to make Fyne's wrapping follow it.

// Breakable prepares highlighted segments for word wrapping. Fyne 2.7.1
// wraps a segment that starts where not even one character fits on the line
// one character per line (fyne-io/fyne#3711, fixed upstream by #6200), and
// moves a segment that does not fit in the rest of a line but fits on a
// whole line to the next line in one piece: right for a word, wrong for a
// Chinese sentence, which then left half a line empty before every
// highlight. So each text segment is first cut into the units a line may
// break between (see BreakUnits: a word keeps the spaces after it), and
// every unit after the first starts with a zero-width space, which always
// fits: a unit that does not fit in the rest of the line then goes on to
// the next line whole instead of being cut inside, and no line starts with
// a space.
func Breakable(in []widget.RichTextSegment) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, s := range in {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			segs = append(segs, s)
			continue
		}
		for _, u := range BreakUnits(ts.Text) {
			segs = append(segs, &widget.TextSegment{Text: u, Style: ts.Style})
		}
	}
	return guard(segs)
}

// Guarded prepares inline segments of different styles (a name, a key's
// fingerprint, a time) for word wrapping without cutting them further:
// every text segment after the first starts with a zero-width space, so
// that a segment starting where not even one character fits goes on to
// the next line instead of one character per line (fyne-io/fyne#3711, see
// Breakable). The segments are copied; in is left as it was.
func Guarded(in []widget.RichTextSegment) []widget.RichTextSegment {
	segs := make([]widget.RichTextSegment, 0, len(in))
	for _, s := range in {
		if ts, ok := s.(*widget.TextSegment); ok {
			if ts.Text == "" {
				continue
			}
			c := *ts
			s = &c
		}
		segs = append(segs, s)
	}
	return guard(segs)
}

// guard starts every text segment after the first with a zero-width space.
func guard(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for i := 1; i < len(segs); i++ {
		ts, ok := segs[i].(*widget.TextSegment)
		if !ok || ts.Text == "" || strings.HasPrefix(ts.Text, "\u200b") {
			continue
		}
		ts.Text = "\u200b" + ts.Text
	}
	return segs
}

// BreakUnits cuts text into the pieces a line may break between: each
// Chinese character on its own, a word of Latin or Cyrillic letters with the
// spaces after it, and, following the usual rules of Chinese typesetting,
// closing punctuation (，。”）》…) kept with what precedes it and opening
// punctuation (“（《…) with what follows, so that neither starts or ends a
// line on its own.
func BreakUnits(text string) []string {
	var units []string
	var cur []rune
	onlyOpening := func() bool {
		for _, r := range cur {
			if !isOpening(r) {
				return false
			}
		}
		return true
	}
	flush := func() {
		if len(cur) > 0 && !onlyOpening() {
			units = append(units, string(cur))
			cur = nil
		}
	}
	for _, r := range text {
		n := len(cur)
		switch {
		case isClosing(r), unicode.IsSpace(r) && (n == 0 || !isIdeographic(cur[n-1])):
			// stays with what precedes it
		case isIdeographic(r) || isOpening(r):
			flush()
		case n > 0 && (unicode.IsSpace(cur[n-1]) || isIdeographic(cur[n-1])):
			flush() // a word starts after a space or after Chinese text
		}
		cur = append(cur, r)
	}
	if len(cur) > 0 {
		units = append(units, string(cur))
	}
	return units
}

// isIdeographic reports whether a line may break before and after r on its
// own: Chinese characters and full-width forms.
func isIdeographic(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

func isClosing(r rune) bool {
	return strings.ContainsRune("，。、；：！？）》」』】〕〉”’…·%,.;:!?)]}", r)
}

func isOpening(r rune) bool { return strings.ContainsRune("“‘（《「『【〔〈([{", r) }
