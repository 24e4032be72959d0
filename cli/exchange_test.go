package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"scoplan/storage/storagetest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func must(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := runIn(t, args...)
	if code != 0 {
		t.Fatalf("scoplan %v: exit %d: %s", args, code, errs)
	}
	return out
}

// TestExchangeOnTheCommandLine plays the "What must show" through
// the command line: two data files, exported and imported both ways, end
// with both notes and the conflict; a second import says "nothing new";
// a tampered or truncated file exits 1 with one line and changes nothing.
func TestExchangeOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	fa, fb := filepath.Join(dir, "a.scoplan-status"), filepath.Join(dir, "b.scoplan-status")
	must(t, "whoami", "--db", a, "--name", "Anna", "--delegation", "Russia")
	must(t, "whoami", "--db", b, "--name", "Bolat", "--delegation", "Russia") // one delegation: its two statuses conflict
	must(t, "set-status", "--db", a, "1.2.3", "done")
	must(t, "note", "--db", a, "1.2.3", "Roadmap signed")
	must(t, "set-status", "--db", b, "1.2.3", "blocked")
	must(t, "note", "--db", b, "1.2.3", "Waiting for customs")
	if out := must(t, "export", "--db", a, "--out", fa); !strings.Contains(out, "exported 2 changes") || !strings.Contains(out, "Anna (Russia)") {
		t.Errorf("export said %q", out)
	}
	must(t, "export", "--db", b, "--out", fb)

	dry := must(t, "import", "--dry-run", "--db", a, fb)
	if !strings.Contains(dry, "dry run: nothing was written") || !strings.Contains(dry, "1 new note") || !strings.Contains(dry, "status conflict on 1.2.3") {
		t.Errorf("dry run said %q", dry)
	}
	out := must(t, "import", "--db", a, fb)
	if !strings.Contains(out, "signed by Bolat (Russia)") || !strings.Contains(out, "a key not seen before") || !strings.Contains(out, "1 new status conflict") {
		t.Errorf("import said %q", out)
	}
	must(t, "import", "--db", b, fa)
	var shows []ShowItem
	for _, db := range []string{a, b} {
		var it ShowItem
		if err := json.Unmarshal([]byte(must(t, "show", "--json", "--db", db, "1.2.3")), &it); err != nil {
			t.Fatal(err)
		}
		shows = append(shows, it)
	}
	for _, it := range shows {
		if !it.Conflict || len(it.Competing) != 2 || len(it.NoteList) != 2 {
			t.Fatalf("show: %+v", it)
		}
		got := map[string]string{}
		for _, c := range it.Competing {
			got[c.Status] = c.Author + "/" + c.Delegation
		}
		if got["done"] != "Anna/RU" || got["blocked"] != "Bolat/RU" {
			t.Errorf("competing %+v", it.Competing)
		}
	}
	if shows[0].Status != shows[1].Status {
		t.Errorf("the two data files disagree: %s vs %s", shows[0].Status, shows[1].Status)
	}

	before := storagetest.FileSum(t, a)
	if out := must(t, "import", "--db", a, fb); !strings.Contains(out, "total: nothing new") {
		t.Errorf("second import said %q", out)
	}
	if storagetest.FileSum(t, a) != before {
		t.Errorf("second import changed the data file")
	}

	content, _ := os.ReadFile(fb)
	tampered := bytes.Replace(content, []byte("Waiting for customs"), []byte("Waiting for nothing"), 1)
	bad := map[string][]byte{"tampered": tampered, "truncated": content[:len(content)-30], "empty": nil}
	for name, c := range bad {
		p := filepath.Join(dir, name+".scoplan-status")
		os.WriteFile(p, c, 0o600)
		for _, args := range [][]string{{"import", "--db", a, p}, {"import", "--db", a, fb, p}, {"import", "--dry-run", "--db", a, p}} {
			out, errs, code := runIn(t, args...)
			if code != ExitError || out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "scoplan import: "+p+": ") {
				t.Errorf("%s %v: exit %d, stdout %q, stderr %q", name, args, code, out, errs)
			}
		}
		if storagetest.FileSum(t, a) != before {
			t.Fatalf("%s: the data file changed", name)
		}
	}
	if _, errs, code := runIn(t, "import", "--db", a); code != ExitUsage || !strings.Contains(errs, "give one or more status files") {
		t.Errorf("no file: %d %q", code, errs)
	}
	if _, _, code := runIn(t, "export", "--db", a); code != ExitUsage {
		t.Errorf("export without --out: %d", code)
	}
}

func TestReportOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	must(t, "set-status", "--db", db, "1.1.1", "done")
	must(t, "note", "--db", db, "1.1.1", "=1+2 <i>x</i>")
	csvPath := filepath.Join(dir, "r.csv")
	if out := must(t, "report", "--db", db, "--out", csvPath, "--has-notes"); !strings.Contains(out, "1 measure") {
		t.Errorf("report said %q", out)
	}
	b, _ := os.ReadFile(csvPath)
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != "1.1.1" || !strings.Contains(recs[1][len(recs[1])-1], "=1+2 <i>x</i>") {
		t.Fatalf("csv: %v %v", recs, err)
	}
	x := filepath.Join(dir, "r.xlsx")
	must(t, "report", "--db", db, "--format", "xlsx", "--out", x, "--lang", "en", "--section", "1.1")
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Measures")
	f.Close()
	if len(rows) != 1+7 || rows[0][4] != "Source text (Chinese)" {
		t.Errorf("xlsx: %d rows, header %v", len(rows), rows[0])
	}
	h := filepath.Join(dir, "r.html")
	must(t, "report", "--db", db, "--out", h)
	page, _ := os.ReadFile(h)
	if !bytes.Contains(page, []byte("=1&#43;2 &lt;i&gt;x&lt;/i&gt;")) || bytes.Contains(page, []byte("<i>x")) {
		t.Errorf("html does not escape the note")
	}
	for _, args := range [][]string{{"report", "--db", db, "--out", filepath.Join(dir, "r.odt")}, {"report", "--db", db, "--format", "doc", "--out", h}, {"report", "--db", db}} {
		if _, _, code := runIn(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}
