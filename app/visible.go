package app

import (
	"fmt"
	"strings"
	"unicode"
)

// visible shows in the window the characters that would otherwise act
// unseen in a name or note from someone else's file (issue 15): controls
// other than line breaks and tabs, bidirectional marks, embeddings,
// overrides and isolates, and zero-width characters appear as <U+XXXX>.
func visible(s string) string {
	if strings.IndexFunc(s, hidden) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hidden(r rune) bool {
	switch {
	case r == '\n', r == '\t':
		return false
	case unicode.IsControl(r):
		return true
	case r == 0x061C, r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
