package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/widgets"
)

// filterPanel holds the filters: status, deadline, responsible body, notes
// and conflicts. Each value shows how many measures it would give together
// with the search and the other filters; one button clears them all.
type filterPanel struct {
	se       *session
	onEscape func()

	statuses map[data.Status]*widgets.Check
	kinds    map[data.DeadlineKind]*widgets.Check
	bodies   map[string]*widgets.Check
	overdue  *widgets.Check
	dueSoon  *widgets.Check
	hasNotes *widgets.Check
	conflict *widgets.Check

	acc    *widget.Accordion
	facet  *delegationFacet // whose status the filters look at
	scroll *container.Scroll
	clear  *widget.Button
	full   map[*widgets.Check]string // each check's whole label (fitCheck may cut it)

	drawn bool // the panel has been synced once: its widgets have renderers
}

func newFilterPanel(se *session, onEscape func()) *filterPanel {
	return &filterPanel{se: se, onEscape: onEscape, statuses: map[data.Status]*widgets.Check{},
		kinds: map[data.DeadlineKind]*widgets.Check{}, bodies: map[string]*widgets.Check{},
		full: map[*widgets.Check]string{}}
}

// check makes a filter's check box. When sync ticks it to match the query,
// changed finds the filter as it would make it, and nothing is rerun.
func (f *filterPanel) check(changed func(bool)) *widgets.Check {
	c := widgets.NewCheck("", changed)
	c.OnEscape = f.onEscape
	return c
}

// fitted puts each check in a fitCheck, which cuts a label too long for
// the panel.
func (f *filterPanel) fitted(objs ...fyne.CanvasObject) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(objs))
	for i, o := range objs {
		if c, ok := o.(*widgets.Check); ok {
			o = container.New(fitCheck{f}, c)
		}
		out[i] = o
	}
	return out
}

func (f *filterPanel) build() fyne.CanvasObject {
	var statusBox, deadlineBox, bodyBox []fyne.CanvasObject
	for _, st := range data.Statuses {
		st := st
		c := f.check(func(on bool) { f.onStatus(st, on) })
		f.statuses[st] = c
		statusBox = append(statusBox, c)
	}
	f.overdue = f.check(func(on bool) { f.onFlag(func(fl *search.Filter) { fl.Overdue = on }) })
	f.dueSoon = f.check(func(on bool) { f.onFlag(func(fl *search.Filter) { fl.DueSoon = on }) })
	deadlineBox = append(deadlineBox, f.overdue, f.dueSoon, widget.NewSeparator())
	for _, k := range data.DeadlineKinds {
		k := k
		c := f.check(func(on bool) { f.onKind(k, on) })
		f.kinds[k] = c
		deadlineBox = append(deadlineBox, c)
	}
	for _, b := range f.se.plan.Bodies() {
		b := b
		c := f.check(func(on bool) { f.onBody(b, on) })
		f.bodies[b] = c
		bodyBox = append(bodyBox, c)
	}
	f.hasNotes = f.check(func(on bool) { f.onFlag(func(fl *search.Filter) { fl.HasNotes = on }) })
	f.conflict = f.check(func(on bool) { f.onFlag(func(fl *search.Filter) { fl.Conflict = on }) })

	// Status, deadline and notes start open, the bodies closed.
	items := []*widget.AccordionItem{
		widget.NewAccordionItem("", container.NewVBox(f.fitted(statusBox...)...)),
		widget.NewAccordionItem("", container.NewVBox(f.fitted(deadlineBox...)...)),
		widget.NewAccordionItem("", container.NewVBox(f.fitted(f.hasNotes, f.conflict)...)),
		widget.NewAccordionItem("", container.NewVBox(f.fitted(bodyBox...)...)),
	}
	for _, it := range items[:3] {
		it.Open = true
	}
	f.acc = widget.NewAccordion(items...)
	f.acc.MultiOpen = true

	f.clear = widget.NewButtonWithIcon(lang.L("Clear all"), theme.ContentClearIcon(), func() { f.se.ClearFilters() })
	f.clear.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle(lang.L("Filters"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	header := container.NewBorder(nil, nil, nil, f.clear, title)
	// The first sync fills in the labels before anything is drawn: a
	// refresh now would make each check's renderer, and colour its icons,
	// only to do it again when the window is laid out (the bodies' checks
	// not at all until their section is opened).
	f.facet = newDelegationFacet(f.se, f.onEscape)
	f.drawn = false
	f.sync()
	f.drawn = true
	f.scroll = container.NewVScroll(container.NewVBox(f.facet.box, f.acc))
	return container.NewBorder(header, nil, nil, nil, f.scroll)
}

func (f *filterPanel) onStatus(st data.Status, on bool) {
	f.se.ChangeFilter(func(fl *search.Filter) { fl.Statuses = toggle(fl.Statuses, st, on) })
}

func (f *filterPanel) onKind(k data.DeadlineKind, on bool) {
	f.se.ChangeFilter(func(fl *search.Filter) { fl.Kinds = toggle(fl.Kinds, k, on) })
}

func (f *filterPanel) onBody(b string, on bool) {
	f.se.ChangeFilter(func(fl *search.Filter) { fl.Bodies = toggle(fl.Bodies, b, on) })
}

func (f *filterPanel) onFlag(set func(*search.Filter)) { f.se.ChangeFilter(set) }

// toggle adds v to list or removes it, keeping the list free of duplicates.
func toggle[T comparable](list []T, v T, on bool) []T {
	if has(list, v) == on {
		return list // nothing to do: the filter stays equal
	}
	out := make([]T, 0, len(list)+1)
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	if on {
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func has[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func withCount(label string, n int) string { return fmt.Sprintf("%s (%d)", label, n) }

// setCheck updates a check's label and state without reporting a change;
// before the panel is first drawn it only sets them.
func (f *filterPanel) setCheck(c *widgets.Check, label string, on bool) {
	f.full[c] = label
	if !f.drawn {
		c.Text, c.Checked = label, on
		return
	}
	if w := c.Size().Width; w > 0 {
		f.fit(c, w)
	} else if c.Text != label {
		c.Text = label
		c.Refresh()
	}
	if c.Checked != on {
		c.SetChecked(on)
	}
}

// sync shows the query's filters and the current counts.
func (f *filterPanel) sync() {
	q := f.se.query.Filter
	c := f.se.counts
	f.facet.sync()
	active := [4]int{}
	for st, ch := range f.statuses {
		f.setCheck(ch, withCount(statusLabel(st), c.Status[st]), has(q.Statuses, st))
	}
	active[0] = len(q.Statuses)
	f.setCheck(f.overdue, withCount(lang.L("Overdue"), c.Overdue), q.Overdue)
	f.setCheck(f.dueSoon, withCount(lang.L("Due within 90 days"), c.DueSoon), q.DueSoon)
	for k, ch := range f.kinds {
		f.setCheck(ch, withCount(kindLabel(k), c.Kind[k]), has(q.Kinds, k))
	}
	active[1] = len(q.Kinds) + b2i(q.Overdue) + b2i(q.DueSoon)
	f.setCheck(f.hasNotes, withCount(lang.L("Has notes"), c.HasNotes), q.HasNotes)
	f.setCheck(f.conflict, withCount(lang.L("Status in conflict"), c.Conflict), q.Conflict)
	active[2] = b2i(q.HasNotes) + b2i(q.Conflict)
	for b, ch := range f.bodies {
		f.setCheck(ch, withCount(planText.Body(b), c.Body[b]), has(q.Bodies, b))
	}
	active[3] = len(q.Bodies)
	titles := [4]string{lang.L("Status"), lang.L("Deadline"), lang.L("Notes and conflicts"), lang.L("Responsible body")}
	for i, t := range titles {
		if active[i] > 0 {
			t = fmt.Sprintf("%s · %d", t, active[i])
		}
		f.acc.Items[i].Title = t
	}
	if f.drawn {
		f.acc.Refresh()
	}
	if f.se.hasFilters() {
		f.clear.Enable()
	} else {
		f.clear.Disable()
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
