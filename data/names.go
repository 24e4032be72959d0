package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameSkeleton is what a person's name looks like, for telling whether two
// names could be mistaken for each other: Unicode NFKC, lower case, with
// invisible characters (zero-width, bidirectional marks and overrides,
// controls) removed, runs of spaces made one, and letters that look like
// Latin ones in Cyrillic or Greek (а, е, о, р, с, х, у, і, ο, α …) mapped to
// them. "Anna", "Аnna" (Cyrillic А) and "An\u200bna" have one skeleton.
// It is for warnings, never for deciding who is who: keys decide that.
func NameSkeleton(name string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKC.String(name) {
		switch {
		case invisibleInName(r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		r = unicode.ToLower(r)
		if l, ok := latinLookalike[r]; ok {
			r = l
		}
		b.WriteRune(r)
	}
	return b.String()
}

func invisibleInName(r rune) bool {
	switch {
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r): // format characters: ZWSP, ZWJ, LRM, RLO, isolates, BOM …
		return true
	}
	return false
}

// latinLookalike maps lower-case Cyrillic and Greek letters to the Latin
// letter they are drawn like in common fonts.
var latinLookalike = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
	'у': 'y', 'х': 'x', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w',
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x',
}

// ActsUnseen reports whether r, in a text from someone else's file, would
// act on a terminal or on the order or look of the text around it rather
// than show as itself: controls (C0, DEL, C1: newline, ESC, BEL, CR …),
// bidirectional marks, embeddings, overrides and isolates, zero-width
// spaces and joiners, and the line and paragraph separators. The command
// line and the window show such characters as <U+XXXX>.
func ActsUnseen(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
