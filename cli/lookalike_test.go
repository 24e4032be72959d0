package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Issue 15, "who is who": a name that differs from a known one only by
// invisible or look-alike characters (Cyrillic А for Latin A, a zero-width
// space) is flagged in the import summary, as is the same name under a new
// key; a different name is not.
func TestLookAlikeNamesAreFlagged(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.db")
	file := func(name, db string) string {
		p := filepath.Join(dir, db+".scoplan-status")
		must(t, "whoami", "--db", filepath.Join(dir, db+".db"), "--name", name, "--delegation", "RU")
		must(t, "note", "--db", filepath.Join(dir, db+".db"), "1.1.1", "from "+db)
		must(t, "export", "--db", filepath.Join(dir, db+".db"), "--out", p)
		return p
	}
	must(t, "import", "--db", mine, file("Anna Petrova", "anna"))
	for _, tc := range []struct {
		name, db string
		look     bool
	}{
		{"Аnna Petrova", "cyrillic-a", true},       // Cyrillic А
		{"Anna\u200b Petrova", "zero-width", true}, // a zero-width space
		{"Anna Petrova", "same-name", false},       // the same name, another key: not a look-alike, but flagged
		{"Boris Ivanov", "other", false},
	} {
		out := must(t, "import", "--db", mine, file(tc.name, tc.db))
		look := strings.Contains(out, "looks like Anna Petrova (RU), key")
		if look != tc.look {
			t.Errorf("%s: look-alike warning %v, want %v:\n%s", tc.db, look, tc.look, out)
		}
		another := strings.Contains(out, "signed before with another key")
		if another != (tc.db != "other") {
			t.Errorf("%s: another-key warning %v:\n%s", tc.db, another, out)
		}
	}
}
