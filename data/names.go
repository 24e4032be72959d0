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
