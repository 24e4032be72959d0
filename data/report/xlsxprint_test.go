package report

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"scoplan/data"
)

// TestXLSXPrints: what "Reports that print" (issue 12) found garbled in
// LibreOffice Calc: rows one line high under wrapped text, no page setup,
// numbers and dates stored as text.
func TestXLSXPrints(t *testing.T) {
	ru := Labels(data.Russian)
	b, err := Build(items(t), Options{Texts: data.In(data.Russian), Label: ru, Today: today}).XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth < 1 || *pl.FitToWidth > 4 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v %v", sheet, pl, err)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page %+v", sheet, props)
		}
	}
	titles := 0
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" && bytes.HasSuffix([]byte(n.RefersTo), []byte("!$1:$1")) {
			titles++
		}
	}
	if titles != 3 {
		t.Errorf("%d sheets repeat their header row, want 3", titles)
	}
	rows, _ := f.GetRows(ru("Measures"))
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i + 1
	}
	// 1.1.2 is due 2025-12-31: a date cell, shown as a date.
	due, _ := excelize.CoordinatesToCellName(col[ru("Due")], 3)
	if typ, _ := f.GetCellType(ru("Measures"), due); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("due date stored as text")
	}
	if v, _ := f.GetCellValue(ru("Measures"), due); v != "2025-12-31" {
		t.Errorf("due date shows %q", v)
	}
	notes, _ := excelize.CoordinatesToCellName(col[ru("Notes")], 2)
	if typ, _ := f.GetCellType(ru("Measures"), notes); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("note count stored as text")
	}
	// A measure whose text wraps gets a row tall enough for it.
	h, _ := f.GetRowHeight(ru("Measures"), 2)
	if h <= 30 {
		t.Errorf("row of 1.1.1 is %.0f points high", h)
	}
	// The status column fits the longest Russian status word.
	w, _ := f.GetColWidth(ru("Measures"), mustColumn(col[ru("Status")]))
	if w < float64(len([]rune("Заблокировано")))+1 {
		t.Errorf("status column %.0f wide", w)
	}
}

func mustColumn(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}
