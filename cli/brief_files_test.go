package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefListsImportedFiles: report --since lists the status files
// imported in its window (name, signer, when imported) and not those
// imported before it.
func TestBriefListsImportedFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	setClock(t, "2026-06-10T08:00:00Z")
	must(t, "whoami", "--db", a, "--name", "Anna", "--delegation", "KZ")
	must(t, "whoami", "--db", b, "--name", "Li Wei", "--delegation", "China")
	must(t, "set-status", "--db", b, "1.1.1", "done")
	early, late := filepath.Join(dir, "early.scoplan-status"), filepath.Join(dir, "late.scoplan-status")
	must(t, "export", "--db", b, "--out", early)
	setClock(t, "2026-06-11T09:00:00Z")
	must(t, "import", "--db", a, early)
	setClock(t, "2026-06-20T08:00:00Z")
	must(t, "set-status", "--db", b, "1.1.2", "in-progress")
	must(t, "export", "--db", b, "--out", late)
	setClock(t, "2026-06-21T10:30:00Z")
	must(t, "import", "--db", a, late)
	out := filepath.Join(dir, "brief.html")
	must(t, "report", "--db", a, "--out", out, "--since", "2026-06-12", "--lang", "en")
	html, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Status files included: late.scoplan-status (Li Wei (China), imported 2026-06-21 10:30 UTC)"; !strings.Contains(string(html), want) {
		t.Errorf("the brief lacks %q", want)
	}
	if strings.Contains(string(html), "early.scoplan-status") {
		t.Error("the brief lists a file imported before its window")
	}
	// A window with no import says so.
	must(t, "report", "--db", a, "--out", out, "--since", "2026-06-30", "--lang", "en")
	if html, _ = os.ReadFile(out); !strings.Contains(string(html), "Status files included: none imported in this window") {
		t.Error("a window with no import does not say so")
	}
}
