package app

import (
	"fmt"
	"strings"

	"scoplan/data"
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

// hidden is data.ActsUnseen less line breaks and tabs, which a note in
// the window may hold.
func hidden(r rune) bool { return r != '\n' && r != '\t' && data.ActsUnseen(r) }
