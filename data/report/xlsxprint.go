package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// What makes the workbook print well and read right in Excel and in
// LibreOffice Calc: rows as tall as their wrapped text (Calc does not
// grow them itself), A4 landscape pages one page wide with the header row
// on every page, numbers and dates as numbers and dates, and formula-like
// text protected by Excel's quote-prefix style instead of a visible
// apostrophe.

// styles creates each cell style twice: as asked, and a twin that also
// carries the quote prefix, for text that a spreadsheet would read as a
// formula if someone edited the cell (=, +, -, @, tab, CR first). A string
// cell is never a formula as stored; the prefix keeps it so when edited.
type styles struct {
	f     *excelize.File
	twins map[int]int // style → its quote-prefix twin
}

func newStyles(f *excelize.File) *styles { return &styles{f: f, twins: map[int]int{}} }

// add creates a style and its twin; it returns the style.
func (s *styles) add(st *excelize.Style) (int, error) {
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	twin := *st
	// excelize merges identical styles: the twin differs by carrying
	// protection explicitly (locked, as every cell is by default).
	twin.Protection = &excelize.Protection{Locked: true}
	tid, err := s.f.NewStyle(&twin)
	if err != nil {
		return 0, err
	}
	s.twins[id] = tid
	return id, nil
}

// risky reports whether text would be read as a formula if typed.
func risky(text string) bool { return text != "" && strings.IndexByte("=+-@\t\r", text[0]) >= 0 }

// set writes text as a string cell with style, or its twin when the text
// is risky.
func (s *styles) set(sheet string, col, row int, text string, style int) error {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if err := s.f.SetCellStr(sheet, name, text); err != nil {
		return err
	}
	if risky(text) {
		style = s.twins[style]
	}
	return s.f.SetCellStyle(sheet, name, name, style)
}

// row writes a row of string cells with one style.
func (s *styles) row(sheet string, row int, cells []string, style int) error {
	for i, c := range cells {
		if err := s.set(sheet, i+1, row, c, style); err != nil {
			return err
		}
	}
	return nil
}

// textWidth is how many character widths text takes on its widest line,
// a wide (CJK) character counting two.
func textWidth(text string) (widest float64, lines int) {
	for _, line := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range line {
			if unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
				w += 2
			} else {
				w++
			}
		}
		widest = max(widest, w)
		lines++
	}
	return widest, lines
}

// wrappedLines estimates the lines text takes in a wrapping cell of width
// (in Excel's units, about one digit each).
func wrappedLines(text string, width float64) int {
	per := max(width*0.95-2, 1) // proportional text, less what word wrapping leaves at line ends
	n := 0
	for _, line := range strings.Split(text, "\n") {
		w, _ := textWidth(line)
		n += max(1, int((w+per-1)/per))
	}
	return n
}

// fitRow makes a row as tall as its tallest wrapped cell: widths are the
// columns' widths, in order.
func fitRow(f *excelize.File, sheet string, row int, cells []string, widths []float64) error {
	lines := 1
	for i, c := range cells {
		if i < len(widths) {
			lines = max(lines, wrappedLines(c, widths[i]))
		}
	}
	return f.SetRowHeight(sheet, row, min(15*float64(lines)+2, 409)) // 409 points: Excel's limit
}

// columnWidth is a width that shows the longest of texts on one line,
// within [least, most].
func columnWidth(least, most float64, texts ...string) float64 {
	w := least
	for _, t := range texts {
		tw, _ := textWidth(t)
		w = max(w, tw+2)
	}
	return min(w, most)
}

// pageWidth is about how many of Excel's width units fit across A4
// landscape at 100% between default margins (277 mm less 2 × 18 mm, some
// 1.85 mm a unit).
const pageWidth = 130

// pageSetup prints a sheet on A4 landscape with the header row, and the
// first column (the measure's ID), on every page. A sheet as wide as
// widths add up to is scaled to fit that many pages across (one for the
// notes, two or three for the measures with their delegation columns),
// across then down, so a row's continuation comes on the next page, never
// shrunk to illegible type.
func pageSetup(f *excelize.File, sheet string, widths []float64) error {
	total := 0.0
	for _, w := range widths {
		total += w
	}
	across := min(max(int(total/pageWidth+0.999), 1), 4)
	a4, landscape, tall, order := 9, "landscape", 0, "overThenDown"
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &across, FitToHeight: &tall, PageOrder: &order}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	titles := quoted + "!$1:$1"
	if across > 1 {
		titles = quoted + "!$A:$A," + titles
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}

var (
	cellXfsRe = regexp.MustCompile(`(?s)<cellXfs[^>]*>(.*?)</cellXfs>`)
	xfRe      = regexp.MustCompile(`<xf\b`)
)

// quotePrefix marks the twins' cell formats in the written workbook with
// quotePrefix="1" (excelize has no option for it): the n-th <xf> of
// <cellXfs> is style n.
func (s *styles) quotePrefix(workbook []byte) ([]byte, error) {
	mark := map[int]bool{}
	for _, t := range s.twins {
		mark[t] = true
	}
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if zf.Name == "xl/styles.xml" {
			loc := cellXfsRe.FindSubmatchIndex(content)
			if loc == nil {
				return nil, fmt.Errorf("the workbook's styles have no cell formats")
			}
			inner := content[loc[2]:loc[3]]
			n := 0
			patched := xfRe.ReplaceAllFunc(inner, func(m []byte) []byte {
				defer func() { n++ }()
				if mark[n] {
					return []byte(`<xf quotePrefix="1"`)
				}
				return m
			})
			content = append(append(append([]byte{}, content[:loc[2]]...), patched...), content[loc[3]:]...)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zf.Method, Modified: zf.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(content); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
