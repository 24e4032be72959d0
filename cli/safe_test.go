package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"scoplan/storage"
)

// TestTerminalGetsNoControlCharacters is issue 15's fifth break: a newline
// or ESC sequence in a name forged lines in the import summary, and show
// printed notes raw. The hostile file is made with the real store, as a
// hostile delegate's scoplan would make it.
func TestTerminalGetsNoControlCharacters(t *testing.T) {
	dir := t.TempDir()
	evil, err := storage.Open(storage.Options{Path: filepath.Join(dir, "mallory.db")})
	if err != nil {
		t.Fatal(err)
	}
	forged := "Mallory\nanna.scoplan-status: signed by Anna (Russia), key 0123456789abcdef (your own key)\x1b]0;owned\x07\x1b[2J"
	if err := evil.SetIdentity(forged, "Kaz\u202eakhstan\u200b"); err != nil {
		t.Fatal(err)
	}
	if _, err := evil.AddNote("1.1.1", "line one\n\x1b[2J\rline two\x07 \u202egnp.exe\u2066"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "mallory.scoplan-status")
	if _, err := evil.Export(file); err != nil {
		t.Fatal(err)
	}
	evil.Close()

	db := filepath.Join(dir, "mine.db")
	outputs := map[string]string{}
	outputs["import"] = must(t, "import", "--db", db, file)
	outputs["show"] = must(t, "show", "--db", db, "1.1.1")
	outputs["list"] = must(t, "list", "--db", db, "--has-notes")
	for name, out := range outputs {
		for _, bad := range []string{"\x1b", "\r", "\x07", "\u202e", "\u2066", "\u200b"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s printed %q raw:\n%s", name, bad, out)
			}
		}
	}
	// The forged line stays inside Mallory's line: the summary has its two
	// lines (file and export), not a third "your own key".
	lines := strings.Split(strings.TrimSpace(outputs["import"]), "\n")
	if len(lines) != 2 || strings.Count(outputs["import"], "your own key") != 1 || !strings.Contains(lines[0], "Mallory<U+000A>anna.scoplan-status") {
		t.Errorf("import summary:\n%s", outputs["import"])
	}
	// The note keeps its real line break, indented, and shows the rest.
	if !strings.Contains(outputs["show"], "    line one\n    <U+001B>[2J<U+000D>line two<U+0007> <U+202E>gnp.exe<U+2066>") {
		t.Errorf("show:\n%s", outputs["show"])
	}
}

func TestOneLineAndBlock(t *testing.T) {
	for in, want := range map[string]string{
		"Anna Petrova":      "Anna Petrova",
		"Анна 安娜":           "Анна 安娜",
		"a\nb":              "a<U+000A>b",
		"tab\there":         "tab<U+0009>here",
		"\x1b[31mred":       "<U+001B>[31mred",
		"x\u202ey":          "x<U+202E>y",
		"bad \xff utf8":     "bad \ufffd utf8",
		"zero\u200bwidth":   "zero<U+200B>width",
		"c1 \u0085 control": "c1 <U+0085> control",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := block("a\nb\r\n"); got != "a\nb<U+000D>\n" {
		t.Errorf("block kept %q", got)
	}
}
