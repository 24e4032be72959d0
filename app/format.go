package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
)

// Every text a user sees is made here or next to its widget, and goes
// through lang so that it can be translated; the English text is the key.

// statusLabel names a status for the user.
func statusLabel(s data.Status) string {
	switch s {
	case data.StatusNotStarted:
		return lang.L("Not started")
	case data.StatusInProgress:
		return lang.L("In progress")
	case data.StatusDone:
		return lang.L("Done")
	case data.StatusBlocked:
		return lang.L("Blocked")
	}
	return string(s)
}

// statusImportance gives a status its colour.
func statusImportance(s data.Status) widget.Importance {
	switch s {
	case data.StatusInProgress:
		return widget.HighImportance
	case data.StatusDone:
		return widget.SuccessImportance
	case data.StatusBlocked:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// kindLabel names a kind of deadline.
func kindLabel(k data.DeadlineKind) string {
	switch k {
	case data.KindBy:
		return lang.L("By a date")
	case data.KindRange:
		return lang.L("Over a period")
	case data.KindAnnual:
		return lang.L("Every year")
	case data.KindRegular:
		return lang.L("Regularly")
	case data.KindAsAgreed:
		return lang.L("As agreed")
	}
	return string(k)
}

// plural picks the English form by n as the fallback; a translation file
// gives every language its own forms under the key.
func plural(key, one, other string, n int) string {
	fb := other
	if n == 1 {
		fb = one
	}
	return lang.XN(key, fb, n, map[string]any{"Count": n})
}

// dateLabel writes a calendar day the same way in every language.
func dateLabel(d data.Date) string { return d.String() }

// timeLabel writes a moment in the local time zone, to the minute.
func timeLabel(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }

// deadlineMeaning explains a deadline: its due date and how far away it is,
// or what an undated deadline means.
func deadlineMeaning(m *data.Measure, st *data.MeasureState, today data.Date) string {
	d := m.Deadline
	switch d.Kind {
	case data.KindAnnual:
		return lang.L("Every year; no fixed due date")
	case data.KindRegular:
		return lang.L("Regularly; no fixed due date")
	case data.KindAsAgreed:
		return lang.L("As the members agree; no fixed due date")
	}
	days, ok := d.DaysLeft(today)
	if !ok {
		return ""
	}
	due := lang.L("Due {{.Date}}", map[string]any{"Date": dateLabel(*d.Due)})
	if d.Kind == data.KindRange {
		due = lang.L("From {{.From}}, due {{.Date}}", map[string]any{"From": d.From, "Date": dateLabel(*d.Due)})
	}
	var when string
	switch {
	case st.Status == data.StatusDone:
		when = lang.L("done")
	case days < 0:
		when = plural("days.overdue", "{{.Count}} day overdue", "{{.Count}} days overdue", -days)
	case days == 0:
		when = lang.L("due today")
	default:
		when = plural("days.left", "{{.Count}} day left", "{{.Count}} days left", days)
	}
	return due + " · " + when
}

// deadlineShort is the deadline column of the list: the source's words and,
// for a dated deadline not done, how far it is.
func deadlineShort(m *data.Measure, st *data.MeasureState, today data.Date) string {
	days, ok := m.Deadline.DaysLeft(today)
	if !ok || st.Status == data.StatusDone {
		return planText.Deadline(m.Deadline)
	}
	switch {
	case days < 0:
		return planText.Deadline(m.Deadline) + " · " + plural("days.overdue.short", "{{.Count}} day late", "{{.Count}} days late", -days)
	case days <= data.DueSoonDays:
		return planText.Deadline(m.Deadline) + " · " + plural("days.left.short", "{{.Count}} day left", "{{.Count}} days left", days)
	}
	return planText.Deadline(m.Deadline)
}

// who names the author of a change or note: "Name (Delegation)".
func who(name, delegation, key string) string {
	if name == "" {
		name = lang.L("Unknown delegate")
		if key != "" {
			name += " " + key[:min(len(key), 8)]
		}
	}
	name = visible(name) // a name from someone else's file acts on nothing unseen
	if delegation == "" {
		return name
	}
	return fmt.Sprintf("%s (%s)", name, visible(delegationName(delegation)))
}

// delegationName names a delegation in the UI's language: a code's short
// name ("KZ" is Казахстан in Russian), an older free text as it is.
func delegationName(delegation string) string {
	return data.DelegationLabel(data.DelegationKey(delegation), lang.X("language.code", "en"))
}

// changeSummary describes a change of the history in a few words.
func changeSummary(c *data.Change) string {
	switch c.Kind {
	case data.ChangeStatus:
		if len(c.Parents) > 1 {
			return lang.L("resolved a status conflict: {{.Status}}", map[string]any{"Status": statusLabel(c.Status)})
		}
		return lang.L("set the status to {{.Status}}", map[string]any{"Status": statusLabel(c.Status)})
	case data.ChangeNoteAdd:
		return lang.L("added a note")
	case data.ChangeNoteEdit:
		return lang.L("edited a note")
	case data.ChangeNoteDelete:
		return lang.L("deleted a note")
	}
	return string(c.Kind)
}

// firstLine returns the text up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
