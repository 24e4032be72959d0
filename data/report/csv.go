package report

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// CSV writes the measures as CSV: UTF-8 with a byte order mark (so that
// Excel reads Chinese correctly), one row per measure, with the notes' texts
// in the last column. Every cell is neutralized against formula injection.
func (r *Report) CSV() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true // what spreadsheets on every OS expect
	head := append(r.headings(), r.L("Note texts"))
	if err := w.Write(head); err != nil {
		return nil, err
	}
	for i := range r.Rows {
		row := &r.Rows[i]
		cells, _ := r.cells(row)
		var notes []string
		for _, n := range row.Notes {
			// Each note is neutralized too, not only the cell's start.
			by := n.Author
			if n.Delegation != "" {
				by += " (" + n.Delegation + ")"
			}
			by = withKey(by, keyTag(r.L, n.Key))
			notes = append(notes, by+", "+n.Created+":\n"+Neutralize(n.Text))
		}
		cells = append(cells, strings.Join(notes, "\n\n"))
		for j := range cells {
			cells[j] = Neutralize(cells[j])
		}
		if err := w.Write(cells); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}
