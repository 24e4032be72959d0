package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
)

// activityScreen is the plan's timeline: every change in a window of time,
// newest first, grouped by day, filtered by delegation and chapter; each
// entry opens its measure. It is a virtualised list (one row object per
// visible row, never a widget per change), built from data.ChangeList over
// the store's log, which it reads again only when the window, a filter or
// the data file changes.
type activityScreen struct {
	se     *session
	onOpen func(id string)

	since   *widget.Select
	deleg   *widget.Select
	chapter *widget.Select
	summary *widget.Label
	list    *widget.List
	view    fyne.CanvasObject // the screen, hidden while another view shows

	sinceDays map[string]time.Time   // label -> the time after which changes count
	sinceKeys map[string]sinceChoice // label -> the session's choice
	delegKeys map[string]string      // label -> delegation key
	chapters  map[string]string      // label -> chapter ID
	rows      []activityRow
	stale     bool // the log changed while the screen was hidden
}

// activityRow is a day's header (Entry nil) or one change.
type activityRow struct {
	Day   string
	Count int // a header's: the changes listed that day
	Entry *data.ChangeEntry
}

func newActivityScreen(se *session, onOpen func(id string)) *activityScreen {
	return &activityScreen{se: se, onOpen: onOpen, stale: true}
}

func (a *activityScreen) build() fyne.CanvasObject {
	a.since = widget.NewSelect(nil, func(s string) {
		if c, ok := a.sinceKeys[s]; ok {
			a.se.SetSince(c) // the list and the detail mark what is new since then
		}
		a.refresh()
	})
	a.deleg = widget.NewSelect(nil, func(string) { a.refresh() })
	a.chapter = widget.NewSelect(nil, func(string) { a.refresh() })
	a.summary = widget.NewLabel("")
	a.list = widget.NewList(
		func() int { return len(a.rows) },
		func() fyne.CanvasObject {
			day := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			what := widget.NewLabel("")
			what.Truncation = fyne.TextTruncateEllipsis
			who := newDim("")
			return container.NewStack(container.NewVBox(day, newDim("")), container.NewVBox(what, who))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			st := o.(*fyne.Container)
			head := st.Objects[0].(*fyne.Container)
			box := st.Objects[1].(*fyne.Container)
			r := a.rows[i]
			if r.Entry == nil {
				head.Objects[0].(*widget.Label).SetText(r.Day)
				head.Objects[1].(*widget.RichText).Segments = newDim(plural("activity.count", "{{.Count}} change", "{{.Count}} changes", r.Count)).Segments
				head.Objects[1].Refresh()
				head.Show()
				box.Hide()
				return
			}
			head.Hide()
			box.Show()
			box.Objects[0].(*widget.Label).SetText(activityText(r.Entry))
			box.Objects[1].(*widget.RichText).Segments = newDim(activityByline(r.Entry)).Segments
			box.Objects[1].Refresh()
		})
	a.list.OnSelected = func(i widget.ListItemID) {
		defer a.list.UnselectAll()
		if i < len(a.rows) && a.rows[i].Entry != nil && a.rows[i].Entry.Change.Measure != "" {
			a.onOpen(a.rows[i].Entry.Change.Measure)
		}
	}
	// A change to the data file is listed at once while the screen shows,
	// and when it is next shown otherwise: no pass over the log for a
	// screen nobody looks at.
	a.se.OnStateChanged(func() {
		a.stale = true
		if a.view.Visible() {
			a.refresh()
		}
	})
	form := container.NewHBox(widget.NewLabel(lang.L("Since")), fitSelect(a.since),
		widget.NewLabel(lang.L("Delegation")), fitSelect(a.deleg), widget.NewLabel(lang.L("Chapter")), fitSelect(a.chapter))
	a.view = container.NewBorder(container.NewVBox(container.NewHScroll(form), a.summary), nil, nil, nil, a.list)
	return a.view
}

// fillChoices offers the windows of time (the last week, month, three
// months, since each recorded meeting, everything), the delegations that
// made changes and the chapters.
func (a *activityScreen) fillChoices(changes []*data.Change) {
	now := time.Now()
	a.sinceDays = map[string]time.Time{}
	a.sinceKeys = map[string]sinceChoice{}
	var opts []string
	add := func(label string, c sinceChoice) {
		a.sinceDays[label], a.sinceKeys[label] = c.after, c
		opts = append(opts, label)
	}
	add(lang.L("the last 7 days"), sinceDays(7, now))
	add(lang.L("the last 30 days"), sinceDays(30, now))
	add(lang.L("the last 90 days"), sinceDays(90, now))
	ms := data.Meetings(changes)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		add(lang.L("the meeting “{{.Name}}” ({{.Date}})", map[string]any{"Name": m.Name, "Date": m.Date.String()}), sinceMeeting(m))
	}
	add(lang.L("the beginning"), sinceChoice{key: "beginning", set: true})
	a.since.Options = opts
	// The session's choice shows (the last meeting, or the last 30 days,
	// until one is made); a meeting no longer recorded gives way to that.
	chosen := a.se.since()
	a.since.Selected = ""
	for _, label := range opts {
		if a.sinceKeys[label].key == chosen.key {
			a.since.Selected = label
		}
	}
	if a.since.Selected == "" {
		a.since.Selected = opts[1]
		if len(ms) > 0 {
			a.since.Selected = opts[3] // since the last meeting
		}
		a.se.SetSince(a.sinceKeys[a.since.Selected])
	}
	a.since.Refresh()

	all := lang.L("All delegations")
	a.delegKeys = map[string]string{all: ""}
	seen := map[string]bool{}
	for _, c := range changes {
		seen[data.DelegationKey(c.Delegation)] = true
	}
	dopts := []string{all}
	for _, d := range data.Delegations() {
		if seen[d.Code] {
			label := delegationName(d.Code)
			a.delegKeys[label] = d.Code
			dopts = append(dopts, label)
		}
	}
	a.deleg.Options = dopts
	if a.deleg.Selected == "" {
		a.deleg.Selected = all
	}
	a.deleg.Refresh()

	allCh := lang.L("All chapters")
	a.chapters = map[string]string{allCh: ""}
	copts := []string{allCh}
	for _, ch := range a.se.plan.Chapters {
		label := ch.ID() + " " + planText.Chapter(ch)
		a.chapters[label] = ch.ID()
		copts = append(copts, label)
	}
	a.chapter.Options = copts
	if a.chapter.Selected == "" {
		a.chapter.Selected = allCh
	}
	a.chapter.Refresh()
}

// refresh lists the changes the window and filters choose, by day.
func (a *activityScreen) refresh() {
	if a.list == nil {
		return
	}
	a.show(a.se.store.Changes()) // read once for the choices and the list
}

// show lists the changes of the log the window and filters choose.
func (a *activityScreen) show(changes []*data.Change) {
	if a.stale {
		a.stale = false
		a.fillChoices(changes)
	}
	f := data.ChangeFilter{After: a.sinceDays[a.since.Selected], Delegation: a.delegKeys[a.deleg.Selected], Section: a.chapters[a.chapter.Selected]}
	entries := data.ChangeList(changes, f)
	a.rows = a.rows[:0]
	day, head := "", -1
	for i := range entries {
		d := entries[i].Change.Time.Local().Format("2006-01-02")
		if d != day {
			day, head = d, len(a.rows)
			a.rows = append(a.rows, activityRow{Day: d})
		}
		a.rows[head].Count++
		a.rows = append(a.rows, activityRow{Entry: &entries[i]})
	}
	a.summary.SetText(plural("activity.count", "{{.Count}} change", "{{.Count}} changes", len(entries)))
	a.list.Refresh()
}

// activityText says what a change did: on which measure, and the status
// from and to for its delegation, or the note.
func activityText(e *data.ChangeEntry) string {
	c := e.Change
	switch c.Kind {
	case data.ChangeStatus:
		return lang.L("{{.Measure}}: {{.From}} → {{.To}}", map[string]any{"Measure": c.Measure, "From": statusLabel(e.Previous), "To": statusLabel(c.Status)})
	case data.ChangeNoteAdd:
		return lang.L("{{.Measure}}: note added: {{.Text}}", map[string]any{"Measure": c.Measure, "Text": firstLine(visible(e.Text))})
	case data.ChangeNoteEdit:
		return lang.L("{{.Measure}}: note edited: {{.Text}}", map[string]any{"Measure": c.Measure, "Text": firstLine(visible(e.Text))})
	case data.ChangeNoteDelete:
		return lang.L("{{.Measure}}: note deleted: {{.Text}}", map[string]any{"Measure": c.Measure, "Text": firstLine(visible(e.Text))})
	case data.ChangeMeeting:
		return lang.L("Meeting recorded: {{.Name}}, {{.Date}}", map[string]any{"Name": visible(c.Text), "Date": c.Date})
	}
	return string(c.Kind)
}

func activityByline(e *data.ChangeEntry) string {
	return timeLabel(e.Change.Time) + " · " + who(e.Change.Name, e.Change.Delegation, e.Change.Author)
}
