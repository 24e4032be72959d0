package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scoplan/data"
)

// TestDelegationColumns: every delegation that reported gets a column, in
// the delegations table's order (Kazakhstan before Russia), the free-text or
// missing ones after; a delegation that did not report on a measure shows
// "not started" there.
func TestDelegationColumns(t *testing.T) {
	r := build(t, data.English)
	var names []string
	for _, d := range r.Delegations {
		names = append(names, d.Name)
	}
	if got := strings.Join(names, ","); got != "Kazakhstan,Russia,No delegation" {
		t.Fatalf("delegation columns %q", got)
	}
	b, err := r.CSV()
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	row := map[string][]string{}
	for _, rec := range recs[1:] {
		row[rec[0]] = rec
	}
	for _, tc := range []struct{ measure, deleg, want string }{
		{"1.1.1", "Kazakhstan", "Done"},
		{"1.1.1", "Russia", "Not started"}, // i%3 == 0 with i = 0: Statuses[0]
		{"1.1.2", "Russia", "Blocked (Status conflict)"},
		{"1.1.2", "Kazakhstan", "Not started"},
		{"1.1.3", "Kazakhstan", "Blocked"},
		{"1.1.3", "No delegation", "In progress"},
	} {
		if got := row[tc.measure][col[tc.deleg]]; got != tc.want {
			t.Errorf("%s, %s: %q, want %q", tc.measure, tc.deleg, got, tc.want)
		}
	}
	// The Russian report names the delegations in Russian.
	ru := Build(items(t), Options{Texts: data.In(data.Russian), Label: Labels(data.Russian), Today: today})
	if ru.Delegations[0].Name != "Казахстан" || ru.Delegations[1].Name != "Россия" || ru.Delegations[2].Name != "Делегация не указана" {
		t.Errorf("Russian delegation names %+v", ru.Delegations)
	}
}

// TestXLSXMatrix: the matrix sheet has a row per measure and a column per
// delegation, each cell its status in the status's colour, and a row of how
// many measures each reports done.
func TestXLSXMatrix(t *testing.T) {
	b, err := build(t, data.English).XLSX()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Matrix")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 79 || strings.Join(rows[0], ",") != "ID,Measure,Kazakhstan,Russia,No delegation" {
		t.Fatalf("%d rows, head %v", len(rows), rows[0])
	}
	if rows[1][0] != "1.1.1" || rows[1][2] != "Done" || rows[3][2] != "Blocked" || rows[2][3] != "Blocked (Status conflict)" {
		t.Errorf("rows %v / %v / %v", rows[1], rows[2], rows[3])
	}
	for _, tc := range []struct {
		cell string
		st   data.Status
	}{{"C2", data.StatusDone}, {"C4", data.StatusBlocked}, {"D3", data.StatusBlocked}, {"C3", data.StatusNotStarted}, {"E4", data.StatusInProgress}} {
		sid, _ := f.GetCellStyle("Matrix", tc.cell)
		style, err := f.GetStyle(sid)
		if err != nil || len(style.Fill.Color) != 1 || !strings.EqualFold(style.Fill.Color[0], statusColours[tc.st]) {
			t.Errorf("%s: fill %+v, want %s", tc.cell, style, tc.st)
		}
	}
	last := rows[78]
	if last[1] != "Done" || last[2] != "1" {
		t.Errorf("totals row %v", last)
	}
}
