package report

import (
	"bytes"
	"fmt"

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
// header, autofilter, coloured status) and a sheet with every note. Every
// text cell is a string cell, neutralized against formula injection.
func (r *Report) XLSX() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	measures, notes := r.L("Measures"), r.L("Notes")
	if err := f.SetSheetName("Sheet1", measures); err != nil {
		return nil, err
	}
	if _, err := f.NewSheet(notes); err != nil {
		return nil, err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return nil, err
	}
	statusStyle := map[data.Status]int{}
	for st, colour := range statusColours {
		id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Color: []string{colour}, Pattern: 1},
			Alignment: &excelize.Alignment{Vertical: "top"}})
		if err != nil {
			return nil, err
		}
		statusStyle[st] = id
	}

	cols := r.columns()
	heads := r.headings()
	if err := writeTable(f, measures, heads, head); err != nil {
		return nil, err
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		cells, statusCol := r.cells(row)
		if err := writeRow(f, measures, i+2, cells); err != nil {
			return nil, err
		}
		first, _ := excelize.CoordinatesToCellName(1, i+2)
		last, _ := excelize.CoordinatesToCellName(len(cells), i+2)
		if err := f.SetCellStyle(measures, first, last, wrap); err != nil {
			return nil, err
		}
		status, _ := excelize.CoordinatesToCellName(statusCol+1, i+2)
		if err := f.SetCellStyle(measures, status, status, statusStyle[row.Status]); err != nil {
			return nil, err
		}
		for j, d := range r.Delegations {
			cell, _ := excelize.CoordinatesToCellName(len(cols)+j+1, i+2)
			if err := f.SetCellStyle(measures, cell, cell, statusStyle[r.Cell(row, d.Key).Status]); err != nil {
				return nil, err
			}
		}
	}
	widths := map[string]float64{"ID": 8, "Measure": 60, "Source text (Chinese)": 50, "Chapter": 18, "Section": 22, "Responsible bodies": 30,
		"Competing statuses": 30, "Status set by": 26, "Deadline": 14, "Due": 11}
	for i, c := range cols {
		if w, ok := widths[c]; ok {
			name, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.SetColWidth(measures, name, name, w); err != nil {
				return nil, err
			}
		}
	}
	if err := finishTable(f, measures, len(heads), len(r.Rows)); err != nil {
		return nil, err
	}
	if len(r.Delegations) > 0 {
		if err := r.matrixSheet(f, head, statusStyle); err != nil {
			return nil, err
		}
	}

	ncols := r.noteColumns()
	if err := writeTable(f, notes, r.translate(ncols), head); err != nil {
		return nil, err
	}
	n := 0
	for i := range r.Rows {
		for j := range r.Rows[i].Notes {
			n++
			cells := noteCells(&r.Rows[i].Notes[j])
			if err := writeRow(f, notes, n+1, cells); err != nil {
				return nil, err
			}
			first, _ := excelize.CoordinatesToCellName(1, n+1)
			last, _ := excelize.CoordinatesToCellName(len(cells), n+1)
			if err := f.SetCellStyle(notes, first, last, wrap); err != nil {
				return nil, err
			}
		}
	}
	if err := f.SetColWidth(notes, "B", "C", 20); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(notes, "E", "F", 19); err != nil {
		return nil, err
	}
	if err := f.SetColWidth(notes, "G", "G", 80); err != nil {
		return nil, err
	}
	if err := finishTable(f, notes, len(ncols), n); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: r.Title, Creator: "scoplan", Description: r.Scope}); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeTable(f *excelize.File, sheet string, head []string, style int) error {
	if err := writeRow(f, sheet, 1, head); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(head), 1)
	return f.SetCellStyle(sheet, "A1", last, style)
}

// writeRow writes string cells, neutralized. SetCellStr never makes a formula.
func writeRow(f *excelize.File, sheet string, row int, cells []string) error {
	for i, c := range cells {
		name, err := excelize.CoordinatesToCellName(i+1, row)
		if err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, name, Neutralize(c)); err != nil {
			return err
		}
	}
	return nil
}

// finishTable freezes the header row and puts an autofilter on the table.
func finishTable(f *excelize.File, sheet string, cols, rows int) error {
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(cols, max(rows, 1)+1)
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s", last), nil); err != nil {
		return err
	}
	return nil
}

// matrixSheet writes the matrix: one row per measure, one column per
// delegation that reported, each cell its status in the status's colour,
// and a last row with how many measures each delegation reports done.
func (r *Report) matrixSheet(f *excelize.File, head int, statusStyle map[data.Status]int) error {
	sheet := r.L("Matrix")
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	heads := []string{r.L("ID"), r.L("Measure")}
	for _, d := range r.Delegations {
		heads = append(heads, d.Name)
	}
	if err := writeTable(f, sheet, heads, head); err != nil {
		return err
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		cells := []string{row.ID, row.Text}
		for _, d := range r.Delegations {
			cells = append(cells, r.cellText(r.Cell(row, d.Key)))
		}
		if err := writeRow(f, sheet, i+2, cells); err != nil {
			return err
		}
		for j, d := range r.Delegations {
			cell, _ := excelize.CoordinatesToCellName(j+3, i+2)
			if err := f.SetCellStyle(sheet, cell, cell, statusStyle[r.Cell(row, d.Key).Status]); err != nil {
				return err
			}
		}
	}
	total := len(r.Rows) + 2
	label, _ := excelize.CoordinatesToCellName(2, total)
	if err := f.SetCellStr(sheet, label, Neutralize(r.L("Done"))); err != nil {
		return err
	}
	for j, d := range r.Delegations {
		cell, _ := excelize.CoordinatesToCellName(j+3, total)
		if err := f.SetCellInt(sheet, cell, int64(d.Done)); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 8); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 60); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(heads))
	if err := f.SetColWidth(sheet, "C", last, 14); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"})
}
