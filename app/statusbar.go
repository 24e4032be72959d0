package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/search"
)

// statusBar is the line at the foot of the window: who records statuses
// and notes here (a click opens the settings), what the last action did
// when the window would not show it otherwise, and the status conflicts
// waiting to be resolved (a click lists them).
type statusBar struct {
	se                 *session
	onWho, onConflicts func()

	who       *widget.Button
	notice    *widget.Label
	conflicts *widget.Button
}

// newStatusBar makes the bar; onWho opens the settings, onConflicts lists
// the measures in conflict.
func newStatusBar(se *session, onWho, onConflicts func()) *statusBar {
	return &statusBar{se: se, onWho: onWho, onConflicts: onConflicts}
}

func (b *statusBar) build() fyne.CanvasObject {
	b.who = widget.NewButtonWithIcon("", theme.AccountIcon(), b.onWho)
	b.who.Importance = widget.LowImportance
	b.who.Alignment = widget.ButtonAlignLeading
	b.notice = widget.NewLabel("")
	b.notice.Wrapping = fyne.TextWrapWord // a long notice in Russian takes two lines
	b.notice.Hide()
	b.conflicts = widget.NewButtonWithIcon("", theme.WarningIcon(), b.onConflicts)
	b.conflicts.Importance = widget.WarningImportance
	b.conflicts.Hide()
	b.sync()
	return container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, b.who, b.conflicts, b.notice))
}

// sync shows who the user is and how many measures are in conflict.
func (b *statusBar) sync() {
	if b.who == nil {
		return // not built yet
	}
	id := b.se.store.Identity()
	text := lang.L("Name and delegation not set")
	if id.Name != "" {
		text = lang.L("Recording as {{.Who}}", map[string]any{"Who": who(id.Name, id.Delegation, id.Key)})
	}
	if b.who.Text != text {
		b.who.SetText(text)
	}
	n := len(b.se.conflicts())
	if n == 0 {
		b.conflicts.Hide()
		return
	}
	if t := plural("bar.conflicts", "{{.Count}} status conflict", "{{.Count}} status conflicts", n); b.conflicts.Text != t {
		b.conflicts.SetText(t)
	}
	b.conflicts.Show()
}

// say shows what the last action did, until the search or filters change.
func (b *statusBar) say(text string) {
	b.notice.SetText(text)
	b.notice.Show()
}

// clear takes the notice away.
func (b *statusBar) clear() {
	if b.notice.Visible() {
		b.notice.Hide()
		b.notice.SetText("")
	}
}

// showConflicts lists the measures in conflict (and only those).
func (u *ui) showConflicts() {
	u.onShowMeasures()
	u.se.SetQuery(search.Query{Filter: search.Filter{Conflict: true}})
	u.list.scrollToTop()
	if len(u.se.rows) > 0 {
		u.se.Show(u.se.rows[0].Measure.ID)
		u.list.selectMeasure(u.se.shown)
	}
}

// statusNotice says what setting a status did that the list does not
// show: a conflict resolved, the measure gone from the list because it no
// longer matches the search and filters.
func statusNotice(id string, st data.Status, resolved, left bool) string {
	args := map[string]any{"ID": id, "Status": statusLabel(st)}
	switch {
	case resolved && left:
		return lang.L("Measure {{.ID}}: the status conflict is resolved, {{.Status}} holds. It no longer matches the search and filters, so it left the list.", args)
	case resolved:
		return lang.L("Measure {{.ID}}: the status conflict is resolved, {{.Status}} holds.", args)
	case left:
		return lang.L("Measure {{.ID}} is now {{.Status}}. It no longer matches the search and filters, so it left the list.", args)
	}
	return ""
}
