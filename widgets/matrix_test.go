package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// testMatrix is a small matrix: a totals row, a group, a subgroup and
// three items over three columns, one cell in conflict.
func testMatrix() *Matrix {
	total := []MatrixCell{
		{Text: "33%", Parts: []BarPart{{1, theme.ColorNameSuccess}, {2, theme.ColorNameDisabled}}},
		{Text: "0%", Parts: []BarPart{{0, theme.ColorNameSuccess}, {3, theme.ColorNameDisabled}}},
		{Text: "100%", Parts: []BarPart{{3, theme.ColorNameSuccess}}},
	}
	return NewMatrix("Measure", []string{"KZ", "CN", "SCO"}, []MatrixRow{
		{Kind: MatrixTotal, Label: "All measures", Cells: total},
		{Kind: MatrixGroup, ID: "1.", Label: "Trade", Cells: total},
		{Kind: MatrixSubgroup, ID: "1.1", Label: "Customs"},
		{Kind: MatrixItem, ID: "1.1.1", Label: "Simplify customs procedures at the borders of the member states",
			Cells: []MatrixCell{{Importance: widget.SuccessImportance}, {Importance: widget.MediumImportance}, {Importance: widget.SuccessImportance}}},
		{Kind: MatrixItem, ID: "1.1.2", Label: "Single window",
			Cells: []MatrixCell{{Importance: widget.HighImportance, Mark: true}, {Importance: widget.DangerImportance}, {Importance: widget.SuccessImportance}}},
		{Kind: MatrixItem, ID: "1.1.3", Label: "Transit",
			Cells: []MatrixCell{{Importance: widget.MediumImportance}, {Importance: widget.MediumImportance}, {Importance: widget.SuccessImportance}}},
	})
}

func TestMatrixRendersToMarkup(t *testing.T) {
	newTestApp(t)
	m := testMatrix()
	m.SetLabelWidth(200)
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(400, 300))
	test.AssertRendersToMarkup(t, "matrix.xml", w.Canvas())
}

// cellView returns the drawn cell of a row and column (column 0 is the
// labels), from the table's laid out objects.
func cellView(t *testing.T, m *Matrix, row, col int) *matrixCellView {
	t.Helper()
	// test.LaidOutObjects lays the table out anew at its minimum size, and
	// the table then draws other cells: walk what is drawn now instead.
	var found *matrixCellView
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *matrixCellView:
			if o.row == row && o.col == col {
				found = o
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(m)
	if found == nil {
		t.Fatalf("no cell %d,%d drawn", row, col)
	}
	return found
}

func TestMatrixCells(t *testing.T) {
	a := newTestApp(t)
	m := testMatrix()
	m.SetLabelWidth(200)
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(400, 300))
	th, v := m.Theme(), a.Settings().ThemeVariant()

	for _, tc := range []struct {
		row, col int
		imp      widget.Importance
		mark     string
	}{{3, 1, widget.SuccessImportance, ""}, {3, 2, widget.MediumImportance, ""}, {4, 1, widget.HighImportance, "!"}, {4, 2, widget.DangerImportance, ""}} {
		r := test.TempWidgetRenderer(t, cellView(t, m, tc.row, tc.col)).(*matrixCellRenderer)
		want, _ := ChipColors(th, v, tc.imp)
		if r.bg.FillColor != want || r.id.Text != tc.mark {
			t.Errorf("cell %d,%d: colour %v mark %q, want %v %q", tc.row, tc.col, r.bg.FillColor, r.id.Text, want, tc.mark)
		}
		if (tc.mark != "") != (r.bg.StrokeWidth > 0) {
			t.Errorf("cell %d,%d: border %v with mark %q", tc.row, tc.col, r.bg.StrokeWidth, tc.mark)
		}
	}
	// A total shows its text over its bar.
	r := test.TempWidgetRenderer(t, cellView(t, m, 0, 3)).(*matrixCellRenderer)
	if r.id.Text != "100%" || !r.bar.Visible() {
		t.Errorf("total: %q, bar visible %v", r.id.Text, r.bar.Visible())
	}
	// A long label is shortened to its column with an ellipsis; a short
	// one is whole.
	r = test.TempWidgetRenderer(t, cellView(t, m, 3, 0)).(*matrixCellRenderer)
	if got := r.label.Text; got == r.full || []rune(got)[len([]rune(got))-1] != '…' {
		t.Errorf("long label %q not shortened", got)
	}
	if x := r.label.Position().X + fyne.MeasureText(r.label.Text, r.label.TextSize, r.label.TextStyle).Width; x > 200 {
		t.Errorf("label ends at %v, past its column of 200", x)
	}
	r = test.TempWidgetRenderer(t, cellView(t, m, 5, 0)).(*matrixCellRenderer)
	if r.id.Text != "1.1.3" || r.label.Text != "Transit" {
		t.Errorf("short label %q %q", r.id.Text, r.label.Text)
	}

	// Every status column is wide enough for its header and for "100%".
	size := th.Size(theme.SizeNameText)
	for _, s := range []string{"SCO", "100%"} {
		if tw := fyne.MeasureText(s, size, fyne.TextStyle{Bold: true}).Width; m.CellWidth() < tw {
			t.Errorf("columns %v narrower than %q (%v)", m.CellWidth(), s, tw)
		}
	}
}

func TestMatrixOpens(t *testing.T) {
	newTestApp(t)
	m := testMatrix()
	m.SetLabelWidth(200)
	var opened []string
	m.OnOpen = func(row, col int) { opened = append(opened, fmt.Sprintf("%d,%d", row, col)) }
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(400, 300))

	tap := func(row, col int) {
		c := cellView(t, m, row, col)
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(m))
		test.TapAt(m, p.Add(fyne.NewPos(c.Size().Width/2, c.Size().Height/2)))
	}
	tap(4, 2) // item 1.1.2, second column
	tap(4, 2) // again: still opens
	tap(3, 0) // an item's label
	tap(1, 1) // a group's totals: nothing
	tap(2, 0) // a subgroup's heading: nothing
	want := []string{"4,1", "4,1", "3,-1"}
	if fmt.Sprint(opened) != fmt.Sprint(want) {
		t.Fatalf("taps opened %v, want %v", opened, want)
	}

	// Keyboard: the last tap focused 2,0; Down twice, Right, Enter opens 4,1.
	opened = nil
	w.Canvas().Focus(m)
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyRight, fyne.KeyReturn} {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	if fmt.Sprint(opened) != "[4,0]" {
		t.Errorf("keys opened %v, want [4,0]", opened)
	}
}

// headerLabel returns the drawn header of a column (0 the labels).
func headerLabel(t *testing.T, m *Matrix, text string) *widget.Label {
	t.Helper()
	var found *widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *widget.Label:
			if o.Text == text {
				found = o
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(m)
	if found == nil {
		t.Fatalf("no header %q drawn", text)
	}
	return found
}

func TestMatrixHighlightsAColumn(t *testing.T) {
	newTestApp(t)
	m := testMatrix()
	m.SetLabelWidth(200)
	w := test.NewTempWindow(t, m)
	w.Resize(fyne.NewSize(400, 300))
	if imp := headerLabel(t, m, "CN").Importance; imp != widget.MediumImportance {
		t.Errorf("CN before: %v", imp)
	}
	m.SetHighlight(1)
	if imp := headerLabel(t, m, "CN").Importance; imp != widget.HighImportance {
		t.Errorf("CN highlighted: %v", imp)
	}
	if imp := headerLabel(t, m, "KZ").Importance; imp != widget.MediumImportance {
		t.Errorf("KZ: %v", imp)
	}
}

func TestEllipsize(t *testing.T) {
	newTestApp(t)
	size := theme.TextSize()
	for _, text := range []string{"Transit", "Simplify customs procedures", "简化成员国边境海关手续", "Упростить таможенные процедуры"} {
		full := fyne.MeasureText(text, size, fyne.TextStyle{}).Width
		if got := Ellipsize(text, full, size, fyne.TextStyle{}); got != text {
			t.Errorf("%q in its own width became %q", text, got)
		}
		got := Ellipsize(text, full/2, size, fyne.TextStyle{})
		if w := fyne.MeasureText(got, size, fyne.TextStyle{}).Width; w > full/2 || got == text || got == "" {
			t.Errorf("%q in half its width became %q (%v > %v)", text, got, w, full/2)
		}
	}
	if got := Ellipsize("Transit", 1, size, fyne.TextStyle{}); got != "" {
		t.Errorf("in 1 px: %q", got)
	}
}
