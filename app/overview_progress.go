package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// progressView is the overview's progress over time: how many measures
// were done, in progress and blocked at the end of every day a status
// changed, for all delegations together or for the one chosen beside the
// chart, drawn from the log (data.ProgressOverTime).
type progressView struct {
	se      *session
	deleg   *widget.Select
	chart   *widgets.ProgressChart
	caption *widget.RichText
	keys    map[string]string // label -> delegation key, "" for all
	view    fyne.CanvasObject
}

func newProgressView(se *session) *progressView {
	p := &progressView{se: se}
	p.chart = widgets.NewProgressChart(nil)
	p.chart.Height = 170
	p.chart.DateLabel = func(t time.Time) string { return dateLabel(data.NewDate(t)) }
	p.deleg = widget.NewSelect(nil, func(string) { p.refresh() })
	p.caption = caption("")
	p.view = container.NewVBox(heading(lang.L("Progress over time")), p.deleg, p.chart, p.caption)
	return p
}

// allDelegations is the select's first choice.
func allDelegations() string { return lang.L("All delegations") }

// fillChoices offers all delegations and each delegation that set a status.
func (p *progressView) fillChoices(changes []*data.Change) {
	all := allDelegations()
	p.keys = map[string]string{all: ""}
	seen := map[string]bool{}
	for _, c := range changes {
		if c.Kind == data.ChangeStatus {
			seen[data.DelegationKey(c.Delegation)] = true
		}
	}
	opts := []string{all}
	for _, d := range data.Delegations() {
		if seen[d.Code] {
			label := delegationName(d.Code)
			p.keys[label] = d.Code
			opts = append(opts, label)
		}
	}
	p.deleg.Options = opts
	if _, ok := p.keys[p.deleg.Selected]; !ok {
		p.deleg.Selected = all
	}
	p.deleg.Refresh()
}

// refresh draws the chart for the delegation chosen.
func (p *progressView) refresh() { p.draw(p.se.store.Changes()) }

func (p *progressView) draw(changes []*data.Change) {
	se := p.se
	if p.keys == nil {
		return // not filled yet: reload draws
	}
	ids := make([]string, len(se.plan.Measures))
	for i, m := range se.plan.Measures {
		ids[i] = m.ID
	}
	key := p.keys[p.deleg.Selected]
	points := data.ProgressOverTime(changes, ids, key)
	times := make([]time.Time, len(points))
	series := []widgets.ChartSeries{
		{Label: statusLabel(data.StatusDone), Color: statusColor(data.StatusDone)},
		{Label: statusLabel(data.StatusInProgress), Color: statusColor(data.StatusInProgress)},
		{Label: statusLabel(data.StatusBlocked), Color: statusColor(data.StatusBlocked)},
	}
	for i, pt := range points {
		times[i] = pt.Day.Time()
		series[0].Values = append(series[0].Values, float64(pt.Done))
		series[1].Values = append(series[1].Values, float64(pt.InProgress))
		series[2].Values = append(series[2].Values, float64(pt.Blocked))
	}
	// The axis runs to the end of today, or of the last day a status
	// changed if that is later (a clock ahead, or --today in the past).
	last := se.today
	if n := len(points); n > 0 && points[n-1].Day.Time().After(last.Time()) {
		last = points[n-1].Day
	}
	p.chart.End, p.chart.EndLabel = data.EndOfDay(last), dateLabel(last)
	// The legend gives the counts now: at the right end the last day's
	// step may be a pixel wide.
	for i := range series {
		if n := len(series[i].Values); n > 0 {
			series[i].Label += fmt.Sprintf(" %d", int(series[i].Values[n-1]))
		}
	}
	p.chart.Empty = lang.L("No status has been set yet.")
	p.chart.SetData(times, series...)
	text := lang.L("Measures at each status at the end of every day a status changed, of {{.Total}}. All delegations: each measure counted once, as done if any delegation reports it done, else blocked if any reports it blocked, else in progress if any reports work under way.",
		map[string]any{"Total": len(ids)})
	if key != "" {
		text = lang.L("Measures at each status at the end of every day a status changed, of {{.Total}}, as {{.Delegation}} reports them.",
			map[string]any{"Total": len(ids), "Delegation": delegationName(key)})
	}
	p.caption.Segments = caption(text).Segments
	p.caption.Refresh()
}

// reload offers the delegations anew (the log changed) and redraws.
func (p *progressView) reload() {
	changes := p.se.store.Changes()
	p.fillChoices(changes)
	p.draw(changes)
}
