package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

// longNote is a note taller than a page: its row must be cut across pages
// with nothing lost.
var longNote = func() string {
	var b strings.Builder
	for i := 1; i <= 400; i++ {
		fmt.Fprintf(&b, "Пункт%03d согласован. ", i)
	}
	return b.String()
}()

// brief is the full plan's report in a language with a section of what
// changed: a status set by a Russian delegate, a Chinese note, a Russian
// note taller than a page.
func brief(t testing.TB, lang data.Lang) (*Report, []byte) {
	t.Helper()
	at := func(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }
	log := []*data.Change{
		{ID: id(1), Kind: data.ChangeStatus, Measure: "1.1.1", Author: "aaaaaaaaaaaaaaaa", Name: "Иван Смирнов", Delegation: "RU", Time: at(30), Clock: 1, Status: data.StatusInProgress},
		{ID: id(2), Kind: data.ChangeNoteAdd, Measure: "1.2.1", Author: "bbbbbbbbbbbbbbbb", Name: "王伟", Delegation: "CN", Time: at(31), Clock: 1, Text: "海关合作草案已分发，待各方确认。"},
		{ID: id(3), Kind: data.ChangeNoteAdd, Measure: "2.1.1", Author: "aaaaaaaaaaaaaaaa", Name: "Иван Смирнов", Delegation: "RU", Time: at(32), Clock: 2, Text: longNote},
		{ID: id(4), Kind: data.ChangeNoteAdd, Measure: "2.1.1", Author: "aaaaaaaaaaaaaaaa", Name: "Иван Смирнов", Delegation: "RU", Time: at(33), Clock: 3, Text: "\tcmd\r\nemoji 🙂 end"},
	}
	entries := data.ChangeList(log, data.ChangeFilter{After: data.EndOfDay(data.Date{Year: 2026, Month: 11, Day: 2})})
	r := Build(items(t), Options{Texts: data.In(lang), Label: Labels(lang), Today: today, Generated: t0,
		Since: &Since{From: "2026-11-02 (Tashkent)", AsOf: "2026-11-23", Changes: entries}})
	b, err := r.Encode(PDF)
	if err != nil {
		t.Fatal(err)
	}
	return r, b
}

// pdfText extracts a PDF's text with poppler's pdftotext (installed by
// scripts/install-deps.sh), with every space and line break left out, so
// that wrapped lines read as one.
// With crop, only the text between x and x+w points from the left edge of
// each page (one column of a table).
func pdfText(t *testing.T, pdf []byte, crop ...int) (string, int) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-enc", "UTF-8", f, "-"}
	if len(crop) == 2 {
		args = append([]string{"-x", strconv.Itoa(crop[0]), "-y", "0", "-W", strconv.Itoa(crop[1]), "-H", "842"}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		t.Fatalf("pdftotext (apt-get install poppler-utils; scripts/install-deps.sh does): %v", err)
	}
	info, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count: %s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	return squeeze(string(out)), pages
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func TestPDFStructure(t *testing.T) {
	_, b := brief(t, data.English)
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		t.Errorf("no PDF header: %q", b[:min(len(b), 16)])
	}
	for _, want := range []string{"\nxref\n", "\ntrailer", "\nstartxref\n", "/Type /Catalog", "/Encoding /Identity-H", "/ToUnicode"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
		t.Errorf("the PDF does not end with %%%%EOF")
	}
	// Four faces embedded (Latin and CJK, regular and bold), as TrueType.
	if n := bytes.Count(b, []byte("/FontFile2 ")); n != 4 {
		t.Errorf("%d embedded faces, want 4", n)
	}
	pages := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAll(b, -1))
	_, info := pdfText(t, b)
	if pages < 5 || pages != info {
		t.Errorf("%d page objects, pdfinfo says %d; the full plan takes more than 4", pages, info)
	}
	// The faces are subset: the whole CJK face alone is 2 MB.
	if len(b) > 600_000 {
		t.Errorf("the PDF is %d bytes: are the faces subset?", len(b))
	}
}

func TestPDFTextInEveryLanguage(t *testing.T) {
	plan := data.Load()
	m := plan.Measure("1.3.1")
	for _, lang := range []data.Lang{data.English, data.Chinese, data.Russian} {
		t.Run(string(lang), func(t *testing.T) {
			r, b := brief(t, lang)
			text, pages := pdfText(t, b)
			l := Labels(lang)
			want := []string{
				r.Title, l("Overview"), l("What changed"), l("Measures"), l("Deadline"),
				"2026-11-02(Tashkent)", "Иван", "王伟", "海关合作草案已分发，待各方确认。", "emoji?end",
				data.In(lang).Measure(m), m.Text, // the measure, and the Chinese source
				fmt.Sprintf(l("Page %d of %d"), 1, pages), fmt.Sprintf(l("Page %d of %d"), pages, pages),
				data.DelegationLabel("RU", string(lang)),
				l("Measures") + " " + l("(continued)"), // on the pages after the table's first
			}
			if lang == data.Russian {
				want = append(want, "Обзор", "Статус", "Срок")
			}
			if lang == data.Chinese {
				want = append(want, "变更情况", "状态")
			}
			for _, w := range want {
				if !strings.Contains(text, squeeze(w)) {
					t.Errorf("the PDF's text lacks %q", w)
				}
			}
			// The row taller than a page is cut across pages, all of it
			// there, in order.
			last := 0
			for i := 1; i <= 400; i++ {
				at := strings.Index(text, fmt.Sprintf("Пункт%03d", i))
				if at < last {
					t.Fatalf("the long note's item %d is missing or out of order", i)
				}
				last = at
			}
			// Every measure is in the table's measure column (from 80 to
			// 80+279 points: read alone, so that the deadline column next
			// to it does not come between its lines).
			column, _ := pdfText(t, b, 81, 277)
			// The notes of 1.1.1 are under its text, as written.
			for _, note := range []string{hostile[0], hostile[6], "海关合作：草案已分发", "第二行", "-Bolat<b>"} {
				if !strings.Contains(column, squeeze(note)) {
					t.Errorf("the measure column lacks the note %q", note)
				}
			}
			for _, row := range r.Rows {
				if !strings.Contains(column, squeeze(row.Text)) {
					t.Errorf("measure %s is not in the PDF", row.ID)
				}
			}
			if strings.Contains(text, "Page%dof%d") || (lang != data.English && strings.Contains(text, "Page1of")) {
				t.Errorf("the page numbers are not translated")
			}
		})
	}
}

// Lines never exceed the width, break between Chinese characters and at
// spaces, and lose nothing.
func TestPDFWrap(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	f := faces[0]
	for _, s := range []string{
		"Hold meetings of the SCO Special Working Group on Trade Facilitation and a word-that-is-much-too-long-for-one-line-of-the-column-at-all.",
		"举行成员国贸易便利化专门工作组会议，并就成员国间贸易发展和便利化问题提出建议。",
		"Провести заседания Специальной рабочей группы ШОС по упрощению процедур торговли.",
		"line one\nline two",
	} {
		lines := f.wrap(s, 9, 120)
		if len(lines) < 2 {
			t.Errorf("%q: %d lines", s, len(lines))
		}
		for _, l := range lines {
			if w := f.width(l, 9); w > 120 {
				t.Errorf("%q is %.1f wide, more than 120", l, w)
			}
			if strings.HasPrefix(l, "，") || strings.HasPrefix(l, "。") {
				t.Errorf("a line starts with closing punctuation: %q", l)
			}
		}
		if squeeze(strings.Join(lines, "")) != squeeze(s) {
			t.Errorf("wrapping %q lost text: %q", s, lines)
		}
	}
}

// Every character the plan, its translations, the delegations' names and
// the report's words hold is drawn by one of the PDF's faces (none comes
// out as "?").
func TestPDFFacesCoverThePlan(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	plan := data.Load()
	var b strings.Builder
	for _, lang := range data.Langs {
		tx := data.In(lang)
		fmt.Fprintln(&b, tx.Title(plan), tx.Notice())
		for _, m := range plan.Measures {
			fmt.Fprintln(&b, tx.Measure(m), m.Text, tx.Chapter(m.Chapter()), tx.Section(m.Section), tx.Deadline(m.Deadline), strings.Join(tx.Bodies(m), "; "))
		}
		for _, d := range data.Delegations() {
			fmt.Fprintln(&b, d.Name(string(lang)))
		}
		for _, w := range labels[lang] {
			fmt.Fprintln(&b, w)
		}
	}
	for _, bold := range []bool{false, true} {
		f := (&pdfDoc{}).face(bold)
		missing := map[rune]bool{}
		for _, r := range b.String() {
			if _, ok := f.info(r); !ok && r != '\n' {
				missing[r] = true
			}
		}
		if len(missing) > 0 {
			var rs []string
			for r := range missing {
				rs = append(rs, fmt.Sprintf("%q U+%04X", r, r))
			}
			t.Errorf("bold %v: no face has %s", bold, strings.Join(rs, ", "))
		}
	}
}

// BenchmarkReport makes the full plan's brief as PDF and, as the baseline
// in the same run, as HTML:
// go test ./data/report -run '^$' -bench Report -benchmem
func BenchmarkReport(b *testing.B) {
	r, _ := brief(b, data.Russian)
	for _, f := range []Format{HTML, PDF} {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Encode(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
