package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportPDF: report writes a PDF for --format pdf and for an --out
// ending in .pdf, with the section of what changed for --since.
func TestReportPDF(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	setClock(t, "2026-06-10T08:00:00Z")
	must(t, "whoami", "--db", db, "--name", "Anna", "--delegation", "KZ")
	must(t, "set-status", "--db", db, "1.2.1", "in-progress")
	must(t, "meeting", "add", "--db", db, "--name", "Tashkent", "--date", "2026-06-12")
	setClock(t, "2026-06-20T08:00:00Z")
	must(t, "set-status", "--db", db, "1.2.1", "done")
	byExt, byFlag := filepath.Join(dir, "brief.pdf"), filepath.Join(dir, "brief.out")
	out := must(t, "report", "--db", db, "--out", byExt, "--since", "Tashkent", "--lang", "ru")
	if !strings.Contains(out, "77 measures") {
		t.Errorf("report says %q", out)
	}
	must(t, "report", "--db", db, "--out", byFlag, "--format", "pdf", "--lang", "zh")
	for _, f := range []string{byExt, byFlag} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("/FontFile2")) {
			t.Errorf("%s is not a PDF with its fonts", f)
		}
	}
	// The Russian brief has its section of what changed (pdftotext:
	// poppler-utils, installed by scripts/install-deps.sh).
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", byExt, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{"Что изменилось", "После: 2026-06-12 (Tashkent)", "Казахстан", "Выполняется →"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the Russian brief lacks %q", want)
		}
	}
	if _, errs, code := runIn(t, "report", "--db", db, "--out", filepath.Join(dir, "r.xlsx"), "--since", "Tashkent"); code != ExitUsage || !strings.Contains(errs, "PDF") {
		t.Errorf("--since with XLSX: %d %q", code, errs)
	}
}
