package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// matrixColumns returns the delegation keys the matrix shows, in order: the
// ten member states always, the Secretariat, then every other delegation
// that reported on some measure (partners in the table's order, free texts
// of older files in alphabetical order).
func matrixColumns(se *session) []string {
	reported := map[string]bool{}
	for _, m := range se.plan.Measures {
		for _, k := range se.state(m.ID).Reporting() {
			reported[k] = true
		}
	}
	var keys []string
	known := map[string]bool{}
	for _, d := range data.Delegations() {
		known[d.Code] = true
		if d.Kind == data.KindMember || d.Kind == data.KindSecretariat || reported[d.Code] {
			keys = append(keys, d.Code)
		}
	}
	var free []string
	for k := range reported {
		if !known[k] && k != "" {
			free = append(free, k)
		}
	}
	sort.Strings(free)
	return append(keys, free...)
}

// matrixData is the matrix of the plan: its column headers and rows, and
// which measure each row is.
type matrixData struct {
	keys     []string // delegation keys, one per column
	headers  []string
	rows     []widgets.MatrixRow
	measures []string // a row's measure ID, "" for a heading
}

// percentCell is a total: the share of measures done, over a bar of all
// the statuses.
func percentCell(counts map[data.Status]int, total int) widgets.MatrixCell {
	pct := 0
	if total > 0 {
		pct = (counts[data.StatusDone]*100 + total/2) / total
	}
	return widgets.MatrixCell{Text: fmt.Sprintf("%d%%", pct), Parts: statusParts(counts)}
}

func buildMatrixData(se *session) matrixData {
	keys := matrixColumns(se)
	code := lang.X("language.code", "en")
	d := matrixData{keys: keys}
	for _, k := range keys {
		if _, ok := data.DelegationByCode(k); ok {
			d.headers = append(d.headers, k)
		} else {
			d.headers = append(d.headers, data.DelegationLabel(k, code))
		}
	}
	total := make([]map[data.Status]int, len(keys))
	for i := range total {
		total[i] = map[data.Status]int{}
	}
	d.rows = append(d.rows, widgets.MatrixRow{Kind: widgets.MatrixTotal,
		Label: lang.L("All {{.Count}} measures: share done", map[string]any{"Count": len(se.plan.Measures)})})
	d.measures = append(d.measures, "")
	for _, c := range se.plan.Chapters {
		chapterAt := len(d.rows)
		d.rows = append(d.rows, widgets.MatrixRow{Kind: widgets.MatrixGroup, ID: c.ID() + ".", Label: planText.Chapter(c)})
		d.measures = append(d.measures, "")
		counts := make([]map[data.Status]int, len(keys))
		for i := range counts {
			counts[i] = map[data.Status]int{}
		}
		n := 0
		for _, s := range c.Sections {
			d.rows = append(d.rows, widgets.MatrixRow{Kind: widgets.MatrixSubgroup, ID: s.ID(), Label: planText.Section(s)})
			d.measures = append(d.measures, "")
			for _, m := range s.Measures {
				st := se.state(m.ID)
				cells := make([]widgets.MatrixCell, len(keys))
				for i, k := range keys {
					ds := st.StatusOf(k)
					cells[i] = widgets.MatrixCell{Importance: statusImportance(ds.Status), Mark: ds.Conflict}
					counts[i][ds.Status]++
					total[i][ds.Status]++
				}
				n++
				d.rows = append(d.rows, widgets.MatrixRow{Kind: widgets.MatrixItem, ID: m.ID, Label: firstLine(planText.Measure(m)), Cells: cells})
				d.measures = append(d.measures, m.ID)
			}
		}
		cells := make([]widgets.MatrixCell, len(keys))
		for i := range keys {
			cells[i] = percentCell(counts[i], n)
		}
		d.rows[chapterAt].Cells = cells
	}
	cells := make([]widgets.MatrixCell, len(keys))
	for i := range keys {
		cells[i] = percentCell(total[i], len(se.plan.Measures))
	}
	d.rows[0].Cells = cells
	return d
}

// matrixView is the overview's matrix of measures × delegations with its
// legend: what each colour means and whom each code names.
type matrixView struct {
	se     *session
	app    fyne.App
	onOpen func(id string)

	matrix *widgets.Matrix
	key    *widget.RichText
	data   matrixData
}

func newMatrixView(se *session, a fyne.App, onOpen func(id string)) *matrixView {
	v := &matrixView{se: se, app: a, onOpen: onOpen}
	v.matrix = widgets.NewMatrix(lang.L("Measure"), nil, nil)
	v.matrix.OnOpen = func(row, _ int) {
		if row >= 0 && row < len(v.data.measures) && v.data.measures[row] != "" {
			v.onOpen(v.data.measures[row])
		}
	}
	v.key = widget.NewRichText()
	v.key.Wrapping = fyne.TextWrapWord
	return v
}

// build returns the matrix under its title and legend.
func (v *matrixView) build() fyne.CanvasObject {
	title := widget.NewRichText(&widget.TextSegment{Text: lang.L("Each delegation's status"),
		Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	statuses, conflict := v.legend()
	// The conflict's mark goes beside the title: on the legend's line it
	// made the overview wider than 1024 px in Russian.
	top := container.NewVBox(container.NewBorder(nil, nil, nil, conflict, title), statuses, v.key)
	v.refresh()
	return container.NewBorder(top, nil, nil, nil, v.matrix)
}

// refresh puts the session's current state in the matrix.
func (v *matrixView) refresh() {
	v.data = buildMatrixData(v.se)
	v.matrix.SetData(v.data.headers, v.data.rows)
	own := -1
	for i, k := range v.data.keys {
		if k == data.DelegationKey(v.se.store.Identity().Delegation) {
			own = i
		}
	}
	v.matrix.SetHighlight(own)
	code := lang.X("language.code", "en")
	var names []string
	for _, k := range v.data.keys {
		if _, ok := data.DelegationByCode(k); ok {
			names = append(names, k+" "+data.DelegationLabel(k, code))
		}
	}
	v.key.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: strings.Join(names, " · "),
		Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}}}
	v.key.Refresh()
}

// legend names the colour of each status and the mark of a conflict.
func (v *matrixView) legend() (statuses, conflict fyne.CanvasObject) {
	th := v.app.Settings().Theme()
	variant := v.app.Settings().ThemeVariant()
	side := th.Size(theme.SizeNameInlineIcon) * 0.7
	var items []fyne.CanvasObject
	for _, s := range []data.Status{data.StatusDone, data.StatusInProgress, data.StatusBlocked, data.StatusNotStarted} {
		bg, _ := widgets.ChipColors(th, variant, statusImportance(s))
		sw := canvas.NewRectangle(bg)
		sw.CornerRadius = 3
		sw.SetMinSize(fyne.NewSquareSize(side))
		items = append(items, container.NewHBox(container.NewCenter(sw), widget.NewLabel(statusLabel(s))))
	}
	bg, fg := widgets.ChipColors(th, variant, widget.MediumImportance)
	sw := canvas.NewRectangle(bg)
	sw.CornerRadius = 3
	sw.StrokeColor, sw.StrokeWidth = th.Color(theme.ColorNameForeground, variant), 2
	sw.SetMinSize(fyne.NewSquareSize(side * 1.4))
	mark := canvas.NewText("!", fg)
	mark.TextStyle = fyne.TextStyle{Bold: true}
	mark.Alignment = fyne.TextAlignCenter
	conflict = container.NewHBox(container.NewCenter(container.NewStack(sw, mark)),
		widget.NewLabel(lang.L("Conflict within a delegation")))
	return container.NewHBox(items...), conflict
}
