package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/widgets"
)

// measureList is the list of measures the search and filters give: a
// virtualised widget.List, so that even thousands of rows scroll smoothly.
type measureList struct {
	se  *session
	app fyne.App
	win fyne.Window

	onActivate func() // Return on a row: into its detail
	onShowAll  func() // the empty list's button

	list    *widgets.List
	summary *widget.RichText
	empty   *fyne.Container
	focus   *canvas.Rectangle

	idWidth, chipWidth float32
}

func newMeasureList(se *session, a fyne.App, w fyne.Window, onActivate, onShowAll func()) *measureList {
	return &measureList{se: se, app: a, win: w, onActivate: onActivate, onShowAll: onShowAll}
}

// idColumnWidth is the width of the column of measure IDs, in the list and
// in the overview's lists.
func idColumnWidth(th fyne.Theme) float32 {
	bold := fyne.TextStyle{Bold: true}
	return fyne.MeasureText("3.6.12", th.Size(theme.SizeNameText), bold).Width + 2*th.Size(theme.SizeNameInnerPadding)
}

func (l *measureList) build() fyne.CanvasObject {
	th := l.app.Settings().Theme()
	bold := fyne.TextStyle{Bold: true}
	l.idWidth = idColumnWidth(th)
	l.chipWidth = 0 // the language may have changed since the last build
	for _, st := range data.Statuses {
		w := fyne.MeasureText(statusLabel(st), th.Size(theme.SizeNameCaptionText), bold).Width
		l.chipWidth = max(l.chipWidth, w+2*th.Size(theme.SizeNameInnerPadding))
	}

	l.list = widgets.NewList(
		func() int { return len(l.se.rows) },
		l.createRow,
		l.updateRow,
	)
	l.list.OnSelect = l.onSelect
	l.list.OnActivate = func(widget.ListItemID) { l.onActivate() }
	l.list.OnEscape = func() {}
	l.list.OnFocusChanged = func(bool) { l.syncFocus() }

	l.summary = newDim("")
	l.summary.Truncation = fyne.TextTruncateEllipsis

	msg := widget.NewLabel(lang.L("No measure matches the search and filters."))
	msg.Alignment = fyne.TextAlignCenter
	msg.Wrapping = fyne.TextWrapWord
	showAll := widget.NewButtonWithIcon(lang.L("Show all measures"), theme.ViewRefreshIcon(), l.onShowAll)
	l.empty = newPlaceholder(widget.NewIcon(theme.SearchIcon()), msg, showAll)

	l.focus = canvas.NewRectangle(nil)
	l.focus.StrokeWidth = 2
	l.focus.CornerRadius = th.Size(theme.SizeNameSelectionRadius)
	l.syncFocus()

	l.sync()
	return container.NewBorder(l.summary, nil, nil, nil, container.NewStack(l.list, l.focus, l.empty))
}

// syncFocus outlines the list while it has the keyboard focus.
func (l *measureList) syncFocus() {
	if l.list.Focused() {
		l.focus.StrokeColor = l.app.Settings().Theme().Color(theme.ColorNameFocus, l.app.Settings().ThemeVariant())
	} else {
		l.focus.StrokeColor = nil
	}
	l.focus.Refresh()
}

// rowView shows one measure: ID, first line of the text with the matched
// characters highlighted and the status on the first line; the deadline,
// where else the search matched, marks and notes on the second.
type rowView struct {
	widget.BaseWidget

	id      *widget.Label
	text    *widgets.HighlightLabel
	chip    *widgets.Chip
	detail  *widgets.HighlightLabel
	mark    *widgets.Chip
	clash   *widgets.Chip
	fresh   *widgets.Chip
	strip   *statusStrip // every delegation's status, when others reported
	notes   *widget.Label
	noteIco *widget.Icon
	content fyne.CanvasObject
}

func (r *rowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.content)
}

func (l *measureList) createRow() fyne.CanvasObject {
	r := &rowView{
		id:      widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		text:    widgets.NewHighlightLabel("", nil),
		chip:    widgets.NewChip("", widget.MediumImportance),
		detail:  widgets.NewHighlightLabel("", nil),
		mark:    widgets.NewChip("", widget.DangerImportance),
		clash:   widgets.NewChip(lang.L("Conflict"), widget.WarningImportance),
		fresh:   newFreshChip(),
		strip:   newStatusStrip(),
		notes:   widget.NewLabel(""),
		noteIco: widget.NewIcon(theme.FileTextIcon()),
	}
	r.detail.SizeName, r.detail.ColorName = theme.SizeNameCaptionText, theme.ColorNamePlaceHolder
	r.chip.MinWidth = l.chipWidth
	// The title has the first line to itself; the status goes with the
	// marks on the second, so that a title is not cut to a few words in
	// a small window or in Russian.
	line1 := container.NewBorder(nil, nil, withWidth(l.idWidth, r.id), nil, r.text)
	marks := container.New(centredRow{}, r.fresh, r.clash, r.mark, r.noteIco, r.notes, r.strip, r.chip)
	line2 := container.NewBorder(nil, nil, withWidth(l.idWidth), wrap(trailing{}, marks), r.detail)
	// The list's scroll bar is drawn over the rows' right edge: nothing
	// of the row goes under it.
	bar := l.app.Settings().Theme().Size(theme.SizeNameScrollBar)
	r.content = container.New(&tightVBox{right: bar}, line1, line2)
	r.ExtendBaseWidget(r)
	return r
}

// tightVBox stacks its objects with no space between them, leaving right
// free at the right edge.
type tightVBox struct{ right float32 }

func (l *tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(max(size.Width-l.right, 0), h))
		y += h
	}
}

func (l *tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	s.Width += l.right
	return s
}

// centredRow lays its visible objects out left to right at their minimum
// sizes, centred vertically: a mark beside the taller note count keeps its
// own height (an HBox stretched it).
type centredRow struct{}

func (centredRow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	x := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		o.Resize(m)
		o.Move(fyne.NewPos(x, (size.Height-m.Height)/2))
		x += m.Width + pad
	}
}

func (centredRow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
		n++
	}
	if n > 1 {
		s.Width += float32(n-1) * theme.Padding()
	}
	return s
}

func (l *measureList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(l.se.rows) {
		return
	}
	row := l.se.rows[i]
	r := o.(*rowView)
	m, st := row.Measure, row.State
	setText(r.id, m.ID)

	text := planText.Measure(m)
	spans := hitSpans(l.se.engine, row, text)
	r.text.Set(firstLine(text), spans)
	// The chip is the user's own delegation's status; the marks follow the
	// delegation the filters look at (the filter panel's facet).
	own := st
	if l.se.viewed != "" {
		own = l.se.state(m.ID)
	}
	r.chip.Set(statusLabel(own.Status), statusImportance(own.Status))

	detail := deadlineShort(m, st, l.se.today)
	var marks []widgets.Span
	if row.Hit != nil && len(spans) == 0 {
		if label, text, ctx := l.matchContext(row); text != "" {
			detail += " · " + label + ": "
			shift := len([]rune(detail))
			for _, sp := range ctx {
				marks = append(marks, widgets.Span{Start: sp.Start + shift, End: sp.End + shift})
			}
			detail += text
		}
	}
	r.detail.Set(detail, marks)

	today := l.se.today
	before := [4]bool{r.mark.Visible(), r.clash.Visible(), r.notes.Visible(), r.fresh.Visible()}
	r.fresh.Hidden = !l.se.changedSince(m.ID)
	switch {
	case data.IsOverdue(m, st, today):
		r.mark.Set(lang.L("Overdue"), widget.DangerImportance)
		r.mark.Hidden = false
	case data.IsDueSoon(m, st, today):
		r.mark.Set(lang.L("Due soon"), widget.WarningImportance)
		r.mark.Hidden = false
	default:
		r.mark.Hidden = true
	}
	r.clash.Hidden = !st.Conflict
	n := len(st.Notes)
	if n > 0 {
		setText(r.notes, fmt.Sprint(n))
	}
	r.notes.Hidden, r.noteIco.Hidden = n == 0, n == 0
	resized := r.strip.set(st, l.se.ownDelegation())
	// Re-lay the row only when a mark appeared or went: a full refresh
	// redraws the icon, which costs more than the rest of the row.
	if resized || before != [4]bool{r.mark.Visible(), r.clash.Visible(), r.notes.Visible(), r.fresh.Visible()} {
		r.content.Refresh()
	}
}

func toSpans(rs []search.Range) []widgets.Span {
	out := make([]widgets.Span, len(rs))
	for i, r := range rs {
		out[i] = widgets.Span{Start: r.Start, End: r.End}
	}
	return out
}

// matchContext says where a search matched when it is not in the text: a
// body, the section title or a note, with the matched characters marked.
func (l *measureList) matchContext(row search.Row) (label, text string, spans []widgets.Span) {
	docs := l.se.engine.Index().Docs()
	if row.Hit.Doc >= len(docs) {
		return "", "", nil
	}
	fields := docs[row.Hit.Doc].Fields
	ranges := l.se.engine.Ranges(row)
	best := -1
	for f := range ranges {
		if f < len(fields) && fields[f].Kind != search.KindID && (best < 0 || f < best) {
			best = f
		}
	}
	if best < 0 {
		return "", "", nil
	}
	field := fields[best]
	switch field.Kind {
	case search.KindBody:
		label = lang.L("Body")
	case search.KindTitle:
		label = lang.L("Section")
	case search.KindNote:
		label = lang.L("Note")
	default:
		label = lang.L("Found in")
	}
	text, spans = field.Text, toSpans(ranges[best])
	if field.Kind == search.KindBody {
		text, spans = matchedPart(text, spans, "、")
	}
	text, spans = snippet(text, spans, 40)
	return label, text, spans
}

// matchedPart picks, of a text made of parts joined by sep (a body's
// spellings), the first part with a match, and moves the spans into it.
func matchedPart(text string, spans []widgets.Span, sep string) (string, []widgets.Span) {
	start := 0
	for _, part := range strings.Split(text, sep) {
		n := len([]rune(part))
		var in []widgets.Span
		for _, s := range spans {
			if s.Start >= start && s.End <= start+n {
				in = append(in, widgets.Span{Start: s.Start - start, End: s.End - start})
			}
		}
		if len(in) > 0 {
			return part, in
		}
		start += n + len([]rune(sep))
	}
	return text, spans
}

// snippet cuts a long text to about n runes around its first span.
func snippet(text string, spans []widgets.Span, n int) (string, []widgets.Span) {
	text = strings.Join(strings.Fields(text), " ")
	runes := []rune(text)
	if len(runes) <= n || len(spans) == 0 {
		return text, spans
	}
	start := max(spans[0].Start-n/3, 0)
	end := min(start+n, len(runes))
	out := string(runes[start:end])
	shift := 0
	if start > 0 {
		out, shift = "…"+out, 1
	}
	if end < len(runes) {
		out += "…"
	}
	moved := make([]widgets.Span, 0, len(spans))
	for _, s := range spans {
		if s.End > start && s.Start < end {
			moved = append(moved, widgets.Span{Start: max(s.Start, start) - start + shift, End: min(s.End, end) - start + shift})
		}
	}
	return out, moved
}

// onSelect shows the measure selected; selecting the row of the measure
// on show (as sync does) changes nothing.
func (l *measureList) onSelect(i widget.ListItemID) {
	if i < 0 || i >= len(l.se.rows) {
		return
	}
	l.se.Show(l.se.rows[i].Measure.ID)
}

// sync redraws the list after the rows changed, keeping the shown measure
// selected when it is still in the list.
func (l *measureList) sync() {
	n, total := len(l.se.rows), len(l.se.plan.Measures)
	// Only what matches is counted as found; loose matches, shown when
	// nothing matches, are said to be only similar.
	matching, similar := search.Matching(l.se.rows)
	switch {
	case similar > 0:
		setDim(l.summary, lang.L("No measure matches · similar: {{.Count}}", map[string]any{"Count": similar}))
	case n == total:
		setDim(l.summary, lang.L("All {{.Total}} measures", map[string]any{"Total": total}))
	default:
		setDim(l.summary, lang.L("Showing {{.Count}} of {{.Total}} measures", map[string]any{"Count": matching, "Total": total}))
	}
	l.empty.Hidden = n > 0
	l.list.UnselectAll()
	if i := l.se.rowIndex(l.se.shown); i >= 0 {
		l.list.Select(i)
	}
	l.list.Refresh()
}

// selectMeasure selects a measure's row if the list has it.
func (l *measureList) selectMeasure(id string) {
	if i := l.se.rowIndex(id); i >= 0 {
		l.list.Select(i)
		l.list.ScrollTo(i)
	} else {
		l.list.UnselectAll()
	}
}

// selected is the measure of the row selected, "" for none.
func (l *measureList) selected() string {
	if i := l.list.Selected(); i >= 0 && i < len(l.se.rows) {
		return l.se.rows[i].Measure.ID
	}
	return ""
}

// selectFirst selects the first row, which shows its measure.
func (l *measureList) selectFirst() { l.list.Select(0) }

func (l *measureList) scrollToTop() { l.list.ScrollToTop() }

// focus gives the list the keyboard, with a row selected: the measure on
// show if it is listed, else the first.
func (l *measureList) takeFocus() {
	if l.list.Selected() < 0 && len(l.se.rows) > 0 {
		if i := l.se.rowIndex(l.se.shown); i >= 0 {
			l.selectMeasure(l.se.shown)
		} else {
			l.list.Select(0)
		}
	}
	l.win.Canvas().Focus(l.list)
}
