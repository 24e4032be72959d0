package app

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// matrixRow returns the matrix row of a measure.
func matrixRow(t testing.TB, v *matrixView, id string) int {
	t.Helper()
	for i, m := range v.data.measures {
		if m == id {
			return i
		}
	}
	t.Fatalf("no row for %s", id)
	return -1
}

// matrixCol returns the matrix column (0 the first delegation) of a key.
func matrixCol(t testing.TB, v *matrixView, key string) int {
	t.Helper()
	for i, k := range v.data.keys {
		if k == key {
			return i
		}
	}
	t.Fatalf("no column for %s in %v", key, v.data.keys)
	return -1
}

func TestOverviewMatrixShowsEveryDelegation(t *testing.T) {
	h := newHarness(t)
	h.ui.se.store.SetIdentity("Aigerim Nurlanovna", "KZ")
	if _, err := h.ui.se.store.SetStatus("1.1.1", data.StatusDone); err != nil {
		t.Fatal(err)
	}
	h.ui.se.store.Close()
	t1 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Name: "Dmitry Sokolov", Delegation: "Russia", Time: t1, Clock: 1, Status: data.StatusBlocked})
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "2.1.3", Name: "Kemal Aydın", Delegation: "Türkiye", Time: t1, Clock: 1, Status: data.StatusInProgress})
	foreignChange(t, h.path, &data.Change{Kind: data.ChangeStatus, Measure: "2.1.3", Name: "Old file", Delegation: "Ministry of Trade", Time: t1, Clock: 1, Status: data.StatusDone})
	h.open()
	h.ui.onShowOverview()
	v := h.ui.overview.matrix

	// The ten member states and the Secretariat always, then the partner
	// and the free text that reported.
	want := "[BY CN IN IR KZ KG PK RU TJ UZ SCO TR Ministry of Trade]"
	if got := fmt.Sprint(v.data.keys); got != want {
		t.Fatalf("columns %s, want %s", got, want)
	}
	if v.matrix.Highlighted() != matrixCol(t, v, "KZ") {
		t.Errorf("highlighted column %d, not KZ's", v.matrix.Highlighted())
	}
	// One row per measure, chapter and section, and the totals.
	if n := len(v.data.rows); n != 1+len(h.ui.se.plan.Chapters)+len(h.ui.se.plan.Sections())+len(h.ui.se.plan.Measures) {
		t.Errorf("%d rows", n)
	}
	row := v.data.rows[matrixRow(t, v, "1.1.1")]
	for key, imp := range map[string]int{"KZ": int(statusImportance(data.StatusDone)), "RU": int(statusImportance(data.StatusBlocked)), "CN": int(statusImportance(data.StatusNotStarted))} {
		if got := row.Cells[matrixCol(t, v, key)]; int(got.Importance) != imp || got.Mark {
			t.Errorf("1.1.1 %s: %+v", key, got)
		}
	}
	// Totals: KZ has 1 of 77 done (1%), 1 of chapter 1's 47 (2%).
	kz := matrixCol(t, v, "KZ")
	if got := v.data.rows[0].Cells[kz].Text; got != "1%" {
		t.Errorf("KZ total %q", got)
	}
	if got := v.data.rows[1].Cells[kz].Text; got != "2%" || v.data.rows[1].Kind != widgets.MatrixGroup {
		t.Errorf("KZ chapter 1 %q (%v)", got, v.data.rows[1].Kind)
	}
	if got := v.data.rows[0].Cells[matrixCol(t, v, "Ministry of Trade")].Text; got != "1%" {
		t.Errorf("free-text total %q", got)
	}
}

func TestOverviewMatrixMarksAConflict(t *testing.T) {
	h := conflictWithinOwnDelegation(t)
	h.ui.onShowOverview()
	v := h.ui.overview.matrix
	row := v.data.rows[matrixRow(t, v, "1.5.4")]
	if !row.Cells[matrixCol(t, v, "RU")].Mark {
		t.Error("RU's conflict on 1.5.4 is not marked")
	}
	if row.Cells[matrixCol(t, v, "KZ")].Mark {
		t.Error("KZ marked in conflict")
	}
}

func TestAClickOnTheMatrixOpensTheMeasure(t *testing.T) {
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(1280, 800))
	h.ui.onShowOverview()
	v := h.ui.overview.matrix
	m := v.matrix
	// Scroll to 2.1.3 and tap its Russian cell where the table draws it.
	row, col := matrixRow(t, v, "2.1.3"), matrixCol(t, v, "RU")+1
	m.ScrollTo(widget.TableCellID{Row: row, Col: col})
	var cell fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if cell != nil || !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			if r, c, ok := widgets.MatrixCellAt(o); ok && r == row && c == col {
				cell = o
				return
			}
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(m)
	if cell == nil {
		t.Fatal("the cell of 2.1.3 × RU is not drawn")
	}
	d := fyne.CurrentApp().Driver()
	p := d.AbsolutePositionForObject(cell).Subtract(d.AbsolutePositionForObject(m))
	test.TapAt(m, p.Add(fyne.NewPos(cell.Size().Width/2, cell.Size().Height/2)))
	if h.ui.se.Shown() != "2.1.3" || !h.ui.measuresView.Visible() {
		t.Errorf("after the click: detail %q, measures visible %v", h.ui.se.Shown(), h.ui.measuresView.Visible())
	}

	// Back to the overview: arrows and Enter open another measure.
	h.ui.onShowOverview()
	h.win.Canvas().Focus(m)
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if next := v.data.measures[row+1]; h.ui.se.Shown() != next {
		t.Errorf("Down, Enter: detail %q, want %q", h.ui.se.Shown(), next)
	}
}
