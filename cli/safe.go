package cli

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"scoplan/data"
)

// Names, delegations, notes and file names come from data files and status
// files that anyone may have written. Printed raw, a newline in a name forges
// a line of the import summary ("your own key"), an ESC sequence clears the
// screen or retitles the terminal, a right-to-left override turns a name
// around. Every such text passes through oneLine or block before it reaches
// the terminal: what could act is shown as <U+XXXX> instead. (JSON output
// is escaped by encoding/json and left as it is: it is for programs.)

func escape(s string, keepNewlines bool) string {
	if isPlain(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, size := utf8.DecodeRuneInString(s[i:])
		w = size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError) // invalid UTF-8
		case r == '\n' && keepNewlines:
			b.WriteByte('\n')
		case data.ActsUnseen(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPlain(s string, keepNewlines bool) bool {
	for _, r := range s {
		if r == utf8.RuneError || data.ActsUnseen(r) && !(keepNewlines && r == '\n') {
			return false
		}
	}
	return true
}

// oneLine makes a text safe to print within one line of a terminal.
func oneLine(s string) string { return escape(s, false) }

// block makes a text safe to print on a terminal, keeping its line breaks
// (the caller indents the lines).
func block(s string) string { return escape(s, true) }
