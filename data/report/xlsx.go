package report

import (
	"bytes"
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"scoplan/data"
)

// statusColours are the fill colours of status cells (also in the HTML).
var statusColours = map[data.Status]string{
	data.StatusNotStarted: "D9D9D9",
	data.StatusInProgress: "FFE08A",
	data.StatusDone:       "A9D18E",
	data.StatusBlocked:    "F4A6A6",
}

// XLSX writes an Excel workbook: a sheet with one row per measure (frozen
// header, autofilter, coloured statuses, a column per delegation), the
// matrix of delegations' statuses, and a sheet with every note. Every text
// cell is a string cell, never a formula; text that would read as one if
// edited carries Excel's quote prefix (see styles). Due dates are dates and
// note counts numbers. Every sheet prints on A4 landscape, one page wide,
// with its header row on each page, and rows are as tall as their text.
func (r *Report) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st := newStyles(f)
	measures, notes := r.L("Measures"), r.L("Notes")
	if err := f.SetSheetName("Sheet1", measures); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(notes); err != nil {
		return nil, err
	}
	head, err := st.add(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	wrap, err := st.add(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	dateFmt := "yyyy-mm-dd"
	date, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &dateFmt})
	if err != nil {
		return nil, err
	}
	number, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 1})
	if err != nil {
		return nil, err
	}
	statusStyle := map[data.Status]int{}
	for s, colour := range statusColours {
		id, err := st.add(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Color: []string{colour}, Pattern: 1},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
		if err != nil {
			return nil, err
		}
		statusStyle[s] = id
	}

	cols := r.columns()
	heads := r.headings()
	widths := r.measureWidths(cols)
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(measures, name, name, w); err != nil {
			return nil, err
		}
	}
	if err := st.row(measures, 1, heads, head); err != nil {
		return nil, err
	}
	if err := fitRow(f, measures, 1, heads, widths); err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, c := range cols {
		col[c] = i + 1
	}
	for i := range r.Rows {
		row, y := &r.Rows[i], i+2
		cells, statusCol := r.cells(row)
		if err := st.row(measures, y, cells, wrap); err != nil {
			return nil, err
		}
		if err := st.set(measures, statusCol+1, y, cells[statusCol], statusStyle[row.Status]); err != nil {
			return nil, err
		}
		for j, d := range r.Delegations {
			c := len(cols) + j + 1
			if err := st.set(measures, c, y, cells[c-1], statusStyle[r.Cell(row, d.Key).Status]); err != nil {
				return nil, err
			}
		}
		// Numbers and dates as numbers and dates: they sort and filter.
		if due, err := time.Parse("2006-01-02", row.Due); err == nil {
			cell, _ := excelize.CoordinatesToCellName(col["Due"], y)
			if err := f.SetCellValue(measures, cell, due); err != nil {
				return nil, err
			}
			if err := f.SetCellStyle(measures, cell, cell, date); err != nil {
				return nil, err
			}
		}
		cell, _ := excelize.CoordinatesToCellName(col["Notes"], y)
		if err := f.SetCellInt(measures, cell, int64(len(row.Notes))); err != nil {
			return nil, err
		}
		if err := f.SetCellStyle(measures, cell, cell, number); err != nil {
			return nil, err
		}
		if err := fitRow(f, measures, y, cells, widths); err != nil {
			return nil, err
		}
	}
	if err := finishTable(f, measures, len(heads), len(r.Rows)); err != nil {
		return nil, err
	}
	if err := pageSetup(f, measures, widths); err != nil {
		return nil, err
	}
	if len(r.Delegations) > 0 {
		if err := r.matrixSheet(f, st, head, wrap, statusStyle); err != nil {
			return nil, err
		}
	}

	ncols := r.translate(r.noteColumns())
	nwidths := []float64{8, 20, 20, 18, 19, 19, 80}
	for i, w := range nwidths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(notes, name, name, w); err != nil {
			return nil, err
		}
	}
	if err := st.row(notes, 1, ncols, head); err != nil {
		return nil, err
	}
	n := 0
	for i := range r.Rows {
		for j := range r.Rows[i].Notes {
			n++
			cells := noteCells(&r.Rows[i].Notes[j])
			if err := st.row(notes, n+1, cells, wrap); err != nil {
				return nil, err
			}
			if err := fitRow(f, notes, n+1, cells, nwidths); err != nil {
				return nil, err
			}
		}
	}
	if err := finishTable(f, notes, len(ncols), n); err != nil {
		return nil, err
	}
	if err := pageSetup(f, notes, nwidths); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: r.Title, Creator: "scoplan", Description: r.Scope}); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return st.quotePrefix(buf.Bytes())
}

// measureWidths gives each column of the measures sheet its width: fixed
// for long texts (they wrap), wide enough for the longest value of short
// ones (statuses in Russian are long), a status width per delegation.
func (r *Report) measureWidths(cols []string) []float64 {
	fixed := map[string]float64{"ID": 8, "Measure": 60, "Source text (Chinese)": 50, "Chapter": 18, "Section": 22, "Responsible bodies": 30,
		"Competing statuses": 30, "Status set by": 26, "Deadline": 14, "Due": 11, "Notes": 8}
	var statuses []string
	for _, s := range data.Statuses {
		statuses = append(statuses, r.L(StatusLabel(s)))
	}
	out := make([]float64, 0, len(cols)+len(r.Delegations))
	for _, c := range cols {
		switch {
		case fixed[c] > 0:
			out = append(out, fixed[c])
		case c == "Status":
			out = append(out, columnWidth(10, 24, statuses...))
		default: // yes/no columns
			out = append(out, columnWidth(8, 14, r.L(c), r.L("yes")))
		}
	}
	for _, d := range r.Delegations {
		out = append(out, columnWidth(10, 24, append(statuses, d.Name)...))
	}
	return out
}

// finishTable freezes the header row and puts an autofilter on the table.
func finishTable(f *excelize.File, sheet string, cols, rows int) error {
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(cols, max(rows, 1)+1)
	return f.AutoFilter(sheet, fmt.Sprintf("A1:%s", last), nil)
}

// matrixSheet writes the matrix: one row per measure, one column per
// delegation that reported, each cell its status in the status's colour,
// and a last row with how many measures each delegation reports done.
func (r *Report) matrixSheet(f *excelize.File, st *styles, head, wrap int, statusStyle map[data.Status]int) error {
	sheet := r.L("Matrix")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	heads := []string{r.L("ID"), r.L("Measure")}
	for _, d := range r.Delegations {
		heads = append(heads, d.Name)
	}
	if err := st.row(sheet, 1, heads, head); err != nil {
		return err
	}
	widths := []float64{8, 60}
	for _, d := range r.Delegations {
		widths = append(widths, columnWidth(10, 24, d.Name, r.L(StatusLabel(data.StatusInProgress))))
	}
	if err := fitRow(f, sheet, 1, heads, widths); err != nil {
		return err
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		cells := []string{row.ID, row.Text}
		for _, d := range r.Delegations {
			cells = append(cells, r.cellText(r.Cell(row, d.Key)))
		}
		for j, c := range cells {
			style := wrap
			if j >= 2 {
				style = statusStyle[r.Cell(row, r.Delegations[j-2].Key).Status]
			}
			if err := st.set(sheet, j+1, i+2, c, style); err != nil {
				return err
			}
		}
		if err := fitRow(f, sheet, i+2, cells, widths); err != nil {
			return err
		}
	}
	total := len(r.Rows) + 2
	label, _ := excelize.CoordinatesToCellName(2, total)
	if err := f.SetCellStr(sheet, label, r.L("Done")); err != nil {
		return err
	}
	for j, d := range r.Delegations {
		cell, _ := excelize.CoordinatesToCellName(j+3, total)
		if err := f.SetCellInt(sheet, cell, int64(d.Done)); err != nil {
			return err
		}
	}
	for i, w := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return pageSetup(f, sheet, widths)
}
