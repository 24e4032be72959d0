package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*Matrix)(nil)
var _ fyne.Focusable = (*Matrix)(nil)

// MatrixRowKind says what a row of a Matrix holds.
type MatrixRowKind int

// The kinds of row.
const (
	MatrixItem     MatrixRowKind = iota // an item: one coloured cell per column
	MatrixTotal                         // totals: a text and a bar per column
	MatrixGroup                         // a group's heading with its totals
	MatrixSubgroup                      // a subgroup's heading alone
)

// MatrixCell is one cell of a Matrix row.
type MatrixCell struct {
	// Importance colours an item's cell as a Chip of that importance.
	Importance widget.Importance
	// Mark flags an item's cell (a conflict): a "!" and a border.
	Mark bool
	// Text and Parts are a total: a short text over a bar.
	Text  string
	Parts []BarPart
}

// MatrixRow is one row of a Matrix: its label (an ID in bold, then a
// title, shortened with an ellipsis to fit) and its cells, one per column.
type MatrixRow struct {
	Kind  MatrixRowKind
	ID    string
	Label string
	Cells []MatrixCell
}

// Matrix is a table of items × columns whose cells are colours: measures ×
// delegations, each cell a status. It extends widget.Table, so it draws
// only the cells in view; the label column and the first row (the totals)
// stay in place while the rest scrolls. Arrows move, Enter or Space or a
// click opens an item's cell.
type Matrix struct {
	widget.Table

	// Corner is the label column's header.
	Corner string
	// Columns are the columns' headers, short: a code.
	Columns []string
	Rows    []MatrixRow
	// OnOpen is called with an item's row and column (0 the first of
	// Columns, -1 the label) when it is clicked or Enter is pressed on it.
	OnOpen func(row, col int)

	labelWidth float32
	highlight  int // a column whose header stands out (the own), -1 for none
}

// NewMatrix returns a matrix of the given columns and rows.
func NewMatrix(corner string, columns []string, rows []MatrixRow) *Matrix {
	m := &Matrix{Corner: corner, Columns: columns, Rows: rows, highlight: -1}
	m.Length = func() (int, int) { return len(m.Rows), len(m.Columns) + 1 }
	m.CreateCell = m.createCell
	m.UpdateCell = m.updateCell
	m.ShowHeaderRow = true
	m.CreateHeader = m.createHeader
	m.UpdateHeader = m.updateHeader
	m.StickyColumnCount = 1
	m.StickyRowCount = 1
	m.OnSelected = m.selected
	m.ExtendBaseWidget(m)
	m.sizeColumns()
	return m
}

// SetData replaces the columns and rows shown.
func (m *Matrix) SetData(columns []string, rows []MatrixRow) {
	m.Columns, m.Rows = columns, rows
	m.sizeColumns()
	m.Refresh()
}

// SetHighlight makes the header of a column (0 the first of Columns)
// stand out in the theme's primary colour: the user's own; -1 for none.
func (m *Matrix) SetHighlight(col int) {
	if m.highlight == col {
		return
	}
	m.highlight = col
	m.Refresh()
}

// SetLabelWidth sets the width of the label column (240 by default).
func (m *Matrix) SetLabelWidth(w float32) {
	m.labelWidth = w
	m.SetColumnWidth(0, w)
}

// TypedKey opens the cell in focus on Enter; arrows and Space are the
// table's.
func (m *Matrix) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		m.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		m.Table.TypedKey(e)
	}
}

// CellWidth returns the width of a status column: the widest header or
// "100%", at least a square of the text's height.
func (m *Matrix) CellWidth() float32 {
	th := m.Theme()
	size := th.Size(theme.SizeNameText)
	bold := fyne.TextStyle{Bold: true}
	w := fyne.MeasureText("100%", size, bold).Width
	for _, c := range m.Columns {
		if cw := fyne.MeasureText(c, size, bold).Width; cw > w {
			w = cw
		}
	}
	w += th.Size(theme.SizeNameInnerPadding)
	if h := fyne.MeasureText("M", size, bold).Height * 1.5; w < h {
		w = h
	}
	return w
}

func (m *Matrix) sizeColumns() {
	if m.labelWidth <= 0 {
		m.labelWidth = 240
	}
	m.SetColumnWidth(0, m.labelWidth)
	w := m.CellWidth()
	for i := range m.Columns {
		m.SetColumnWidth(i+1, w)
	}
	th := m.Theme()
	text := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
	pad := th.Size(theme.SizeNameInnerPadding)
	for i, r := range m.Rows {
		switch r.Kind {
		case MatrixTotal, MatrixGroup:
			m.SetRowHeight(i, text+pad*2+6)
		default:
			m.SetRowHeight(i, text+pad*1.5)
		}
	}
}

func (m *Matrix) selected(id widget.TableCellID) {
	m.UnselectAll()
	if id.Row < 0 || id.Row >= len(m.Rows) || m.Rows[id.Row].Kind != MatrixItem {
		return
	}
	if m.OnOpen != nil {
		m.OnOpen(id.Row, id.Col-1)
	}
}

func (m *Matrix) createHeader() fyne.CanvasObject {
	l := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (m *Matrix) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text, align, imp := "", fyne.TextAlignCenter, widget.MediumImportance
	switch {
	case id.Col <= 0:
		text, align = m.Corner, fyne.TextAlignLeading
	case id.Col-1 < len(m.Columns):
		text = m.Columns[id.Col-1]
		if id.Col-1 == m.highlight {
			imp = widget.HighImportance
		}
	}
	if l.Text != text || l.Alignment != align || l.Importance != imp {
		l.Text, l.Alignment, l.Importance = text, align, imp
		l.Refresh()
	}
}

func (m *Matrix) createCell() fyne.CanvasObject {
	c := &matrixCellView{m: m}
	c.ExtendBaseWidget(c)
	return c
}

func (m *Matrix) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*matrixCellView)
	c.row, c.col = id.Row, id.Col
	c.Refresh()
}

// matrixCellView draws one cell of a matrix: a label, an item's colour or a
// total.
type matrixCellView struct {
	widget.BaseWidget
	m        *Matrix
	row, col int
}

func (c *matrixCellView) CreateRenderer() fyne.WidgetRenderer {
	r := &matrixCellRenderer{c: c,
		bg:    canvas.NewRectangle(color.Transparent),
		id:    canvas.NewText("", color.Black),
		label: canvas.NewText("", color.Black),
		bar:   NewStackedBar(),
	}
	r.id.TextStyle = fyne.TextStyle{Bold: true}
	r.bar.Height = 4
	r.sync()
	return r
}

type matrixCellRenderer struct {
	c         *matrixCellView
	bg        *canvas.Rectangle
	id, label *canvas.Text
	bar       *StackedBar
	full      string // the label before it is shortened to fit
	size      fyne.Size
}

func (r *matrixCellRenderer) Destroy() {}

func (r *matrixCellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.id, r.label, r.bar}
}

func (r *matrixCellRenderer) MinSize() fyne.Size {
	th := r.c.m.Theme()
	h := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
	return fyne.NewSize(h*1.5, h+th.Size(theme.SizeNameInnerPadding)*1.5)
}

func (r *matrixCellRenderer) rowCell() (MatrixRow, MatrixCell, bool) {
	m := r.c.m
	if r.c.row < 0 || r.c.row >= len(m.Rows) {
		return MatrixRow{}, MatrixCell{}, false
	}
	row := m.Rows[r.c.row]
	var cell MatrixCell
	if i := r.c.col - 1; i >= 0 && i < len(row.Cells) {
		cell = row.Cells[i]
	}
	return row, cell, true
}

func (r *matrixCellRenderer) sync() {
	m := r.c.m
	th := m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	size := th.Size(theme.SizeNameText)
	r.id.TextSize, r.label.TextSize = size, size
	r.id.Color, r.label.Color = fg, fg
	r.bg.FillColor, r.bg.StrokeWidth, r.bg.CornerRadius = color.Transparent, 0, 0
	r.id.Text, r.label.Text, r.full = "", "", ""
	r.id.Alignment = fyne.TextAlignLeading
	r.label.TextStyle = fyne.TextStyle{}
	r.bar.Hide()
	row, cell, ok := r.rowCell()
	if !ok {
		return
	}
	if r.c.col == 0 {
		r.id.Text = row.ID
		r.full = row.Label
		if row.Kind != MatrixItem {
			r.label.TextStyle = fyne.TextStyle{Bold: true}
		}
		if row.Kind == MatrixSubgroup {
			r.label.Color = th.Color(theme.ColorNamePlaceHolder, v)
		}
		return
	}
	switch row.Kind {
	case MatrixItem:
		bg, text := ChipColors(th, v, cell.Importance)
		r.bg.FillColor = bg
		r.bg.CornerRadius = 3
		if cell.Mark {
			r.id.Text = "!"
			r.id.Color = text
			r.id.Alignment = fyne.TextAlignCenter
			r.bg.StrokeColor = th.Color(theme.ColorNameForeground, v)
			r.bg.StrokeWidth = 2
		}
	case MatrixTotal, MatrixGroup:
		r.id.Text = cell.Text
		r.id.Alignment = fyne.TextAlignCenter
		if len(cell.Parts) > 0 {
			r.bar.SetParts(cell.Parts...)
			r.bar.Show()
		}
	}
}

func (r *matrixCellRenderer) Layout(size fyne.Size) {
	r.size = size
	th := r.c.m.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	r.bg.Move(fyne.NewPos(1, 1))
	r.bg.Resize(size.SubtractWidthHeight(2, 2))
	if r.c.col == 0 {
		idw := float32(0)
		if r.id.Text != "" {
			idw = fyne.MeasureText(r.id.Text, r.id.TextSize, r.id.TextStyle).Width + pad
		}
		h := r.id.MinSize().Height
		y := (size.Height - h) / 2
		r.id.Move(fyne.NewPos(pad/2, y))
		r.id.Resize(fyne.NewSize(idw, h))
		avail := size.Width - idw - pad
		r.label.Text = Ellipsize(r.full, avail, r.label.TextSize, r.label.TextStyle)
		r.label.Move(fyne.NewPos(pad/2+idw, y))
		r.label.Resize(fyne.NewSize(avail, h))
		return
	}
	h := r.id.MinSize().Height
	if r.bar.Visible() {
		bh := r.bar.Height
		r.id.Move(fyne.NewPos(0, (size.Height-bh-h)/2))
		r.id.Resize(fyne.NewSize(size.Width, h))
		r.bar.Move(fyne.NewPos(pad/2, size.Height-bh-3))
		r.bar.Resize(fyne.NewSize(size.Width-pad, bh))
		return
	}
	r.id.Move(fyne.NewPos(0, (size.Height-h)/2))
	r.id.Resize(fyne.NewSize(size.Width, h))
}

func (r *matrixCellRenderer) Refresh() {
	r.sync()
	r.Layout(r.size)
	canvas.Refresh(r.c)
}

// Ellipsize shortens text with a trailing "…" so that it fits width at a
// text size and style; text that fits is returned as it is.
func Ellipsize(text string, width, size float32, style fyne.TextStyle) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest prefix that fits is runes[:lo]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(runes[:lo]) + "…"
}

// MatrixCellAt reports the row and column (0 the labels) a drawn object of
// a Matrix shows, if it is one of its cells: for tests that click a cell
// where the table draws it.
func MatrixCellAt(o fyne.CanvasObject) (row, col int, ok bool) {
	c, ok := o.(*matrixCellView)
	if !ok {
		return 0, 0, false
	}
	return c.row, c.col, true
}

// Highlighted returns the column whose header stands out, -1 for none.
func (m *Matrix) Highlighted() int { return m.highlight }
