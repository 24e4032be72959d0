package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// overviewScreen shows where the plan stands at a glance: on the left the
// matrix of measures × delegations, each cell a delegation's status; on the
// right the own delegation's measures per status overall and per chapter as
// bars, and the overdue measures, those due soon and those in conflict.
// Every measure is a click away from its detail.
type overviewScreen struct {
	se     *session
	app    fyne.App
	onOpen func(id string) // a measure's link: its detail

	matrix   *matrixView
	progress *progressView
	split    *container.Split
	scroll   *container.Scroll
	builtAt  int
}

func newOverviewScreen(se *session, a fyne.App, onOpen func(id string)) *overviewScreen {
	return &overviewScreen{se: se, app: a, onOpen: onOpen, builtAt: -1}
}

// reset forgets the screen's content, for a window built anew (another
// language): build makes it again when the overview is shown.
func (o *overviewScreen) reset() {
	o.scroll, o.matrix, o.split, o.progress = nil, nil, nil, nil
	o.builtAt = -1
}

// build makes the matrix and the summary side by side: the matrix takes
// what its columns need (the ten member states and the Secretariat fit at
// 1280 px), the summary the rest; the divider moves either way.
func (o *overviewScreen) build() fyne.CanvasObject {
	o.scroll = container.NewVScroll(widget.NewLabel(""))
	o.matrix = newMatrixView(o.se, o.app, o.onOpen)
	o.split = container.NewHSplit(container.NewPadded(o.matrix.build()), o.scroll)
	o.split.SetOffset(0.77)
	o.builtAt = o.se.changes
	o.progress = newProgressView(o.se)
	o.progress.reload()
	o.refreshSummary()
	return o.split
}

// statusColor is the theme colour of a status in bars and legends.
func statusColor(s data.Status) fyne.ThemeColorName {
	switch s {
	case data.StatusInProgress:
		return theme.ColorNamePrimary
	case data.StatusDone:
		return theme.ColorNameSuccess
	case data.StatusBlocked:
		return theme.ColorNameError
	}
	return theme.ColorNameDisabled
}

func statusParts(counts map[data.Status]int) []widgets.BarPart {
	// Done first, then in progress, blocked and not started: the bar fills
	// from the left as the plan advances.
	order := []data.Status{data.StatusDone, data.StatusInProgress, data.StatusBlocked, data.StatusNotStarted}
	parts := make([]widgets.BarPart, 0, len(order))
	for _, s := range order {
		parts = append(parts, widgets.BarPart{Value: float64(counts[s]), Color: statusColor(s)})
	}
	return parts
}

// legend shows each status's colour, count and share.
func (o *overviewScreen) legend(counts map[data.Status]int, total int) fyne.CanvasObject {
	th := o.app.Settings().Theme()
	v := o.app.Settings().ThemeVariant()
	var items []fyne.CanvasObject
	for _, s := range []data.Status{data.StatusDone, data.StatusInProgress, data.StatusBlocked, data.StatusNotStarted} {
		sw := canvas.NewRectangle(th.Color(statusColor(s), v))
		sw.CornerRadius = 3
		sw.SetMinSize(fyne.NewSquareSize(th.Size(theme.SizeNameInlineIcon) * 0.7))
		pct := 0
		if total > 0 {
			pct = (counts[s]*100 + total/2) / total
		}
		l := widget.NewLabel(fmt.Sprintf("%s %d (%d%%)", statusLabel(s), counts[s], pct))
		items = append(items, container.NewHBox(container.NewCenter(sw), l))
	}
	// One under the other: beside the matrix the summary is narrow.
	return container.NewVBox(items...)
}

// focus gives the keyboard to the matrix, so that arrows move in it at once.
func (o *overviewScreen) focus(c fyne.Canvas) {
	if o.matrix != nil && o.matrix.matrix != nil {
		c.Focus(o.matrix.matrix)
	}
}

func (o *overviewScreen) refresh() {
	if o.scroll == nil || o.builtAt == o.se.changes {
		return
	}
	o.builtAt = o.se.changes
	o.matrix.refresh()
	o.progress.reload()
	o.refreshSummary()
}

// refreshSummary redraws the summary beside the matrix.
func (o *overviewScreen) refreshSummary() {
	se := o.se
	var objs []fyne.CanvasObject

	title := widget.NewRichText(&widget.TextSegment{Text: lang.L("Where the plan stands"),
		Style: widget.RichTextStyle{SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	title.Wrapping = fyne.TextWrapWord
	objs = append(objs, title, caption(lang.L("{{.Total}} measures, deadlines judged as of {{.Today}}",
		map[string]any{"Total": len(se.plan.Measures), "Today": dateLabel(se.today)})))

	all := se.statusCounts("")
	total := len(se.plan.Measures)
	bar := widgets.NewStackedBar(statusParts(all)...)
	bar.Height = 28
	objs = append(objs, bar, o.legend(all, total))
	objs = append(objs, widget.NewSeparator(), o.progress.view)

	objs = append(objs, widget.NewSeparator(), heading(lang.L("By chapter")))
	for _, c := range se.plan.Chapters {
		counts := se.statusCounts(c.ID())
		n := 0
		for _, k := range counts {
			n += k
		}
		label := widget.NewLabel(fmt.Sprintf("%s. %s", c.ID(), planText.Chapter(c)))
		label.Truncation = fyne.TextTruncateEllipsis
		summary := newDim(lang.L("{{.Done}} of {{.Total}} done", map[string]any{"Done": counts[data.StatusDone], "Total": n}))
		b := widgets.NewStackedBar(statusParts(counts)...)
		b.Height = 16
		objs = append(objs, container.NewBorder(nil, nil, nil, summary, label), b)
	}

	lists := container.NewVBox(
		o.measureList(lang.L("Overdue ({{.Count}})", map[string]any{"Count": len(se.overdue())}), se.overdue(),
			lang.L("No measure is overdue.")),
		o.measureList(lang.L("Due within 90 days ({{.Count}})", map[string]any{"Count": len(se.dueSoon())}), se.dueSoon(),
			lang.L("No measure falls due in the next 90 days.")),
	)
	objs = append(objs, widget.NewSeparator(), lists)
	if c := se.conflicts(); len(c) > 0 {
		objs = append(objs, widget.NewSeparator(), o.measureList(lang.L("Status conflicts ({{.Count}})", map[string]any{"Count": len(c)}), c, ""))
	}
	o.scroll.Content = container.NewPadded(container.NewVBox(objs...))
	o.scroll.Refresh()
}

// measureList lists measures as links to their detail.
func (o *overviewScreen) measureList(title string, ms []*data.Measure, none string) fyne.CanvasObject {
	objs := []fyne.CanvasObject{heading(title)}
	if len(ms) == 0 {
		objs = append(objs, caption(none))
	}
	se := o.se
	idWidth := idColumnWidth(o.app.Settings().Theme())
	for _, m := range ms {
		m := m
		link := widget.NewHyperlink(firstLine(planText.Measure(m)), nil)
		link.Truncation = fyne.TextTruncateEllipsis
		link.OnTapped = func() { o.onOpen(m.ID) }
		id := widget.NewLabelWithStyle(m.ID, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		when := newDim(deadlineShort(m, se.state(m.ID), se.today))
		// The deadline goes under the title: beside it, in half the
		// window at 1024 px, it left the title some twenty letters.
		objs = append(objs, container.NewBorder(nil, nil, withWidth(idWidth, id), nil,
			container.New(&tightVBox{}, link, when)))
	}
	return container.NewVBox(objs...)
}
