package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/report"
	"scoplan/storage"
)

// reportSince is the report dialog's "since" control: no section of what
// changed, since a recorded meeting, or since a day typed as YYYY-MM-DD.
// The section comes in the HTML and PDF reports only.
type reportSince struct {
	se       *session
	choice   *widget.Select
	date     *widget.Entry
	meetings map[string]data.Meeting // label -> meeting
}

func noSince() string    { return lang.L("No section of changes") }
func sinceADate() string { return lang.L("Since a date…") }

// errNotADay is the message for a day typed wrong.
func errNotADay(text string) error {
	return errors.New(lang.L("“{{.Text}}” is not a date. Write the day as YYYY-MM-DD, for example 2026-06-12.", map[string]any{"Text": text}))
}

func newReportSince(se *session) *reportSince {
	r := &reportSince{se: se, meetings: map[string]data.Meeting{}}
	opts := []string{noSince()}
	ms := data.Meetings(se.store.Changes())
	for i := len(ms) - 1; i >= 0; i-- { // the latest meeting first
		m := ms[i]
		label := lang.L("Since the meeting “{{.Name}}” ({{.Date}})", map[string]any{"Name": visible(m.Name), "Date": dateLabel(m.Date)})
		r.meetings[label] = m
		opts = append(opts, label)
	}
	opts = append(opts, sinceADate())
	r.date = widget.NewEntry()
	r.date.SetPlaceHolder(lang.L("YYYY-MM-DD"))
	r.date.Validator = func(s string) error {
		if _, err := data.ParseDate(strings.TrimSpace(s)); err != nil {
			return errNotADay(strings.TrimSpace(s))
		}
		return nil
	}
	r.date.Hide()
	r.choice = widget.NewSelect(opts, func(s string) {
		if s == sinceADate() {
			r.date.Show()
		} else {
			r.date.Hide()
		}
	})
	r.choice.SetSelected(opts[0])
	return r
}

// content returns the select with the date entry under it.
func (r *reportSince) content() fyne.CanvasObject {
	return container.NewVBox(r.choice, r.date)
}

// enable offers the control for the formats that have the section.
func (r *reportSince) enable(on bool) {
	if on {
		r.choice.Enable()
		r.date.Enable()
	} else {
		r.choice.Disable()
		r.date.Disable()
	}
}

// since returns the section asked for (nil for none), with the changes of
// the window on the measures the window shows, up to now; an error that
// says what is wrong with a day typed.
func (r *reportSince) since() (*report.Since, error) {
	var from data.Date
	name := ""
	switch sel := r.choice.Selected; {
	case r.choice.Disabled() || sel == noSince() || sel == "":
		return nil, nil
	case sel == sinceADate():
		text := strings.TrimSpace(r.date.Text)
		d, err := data.ParseDate(text)
		if err != nil {
			return nil, errNotADay(text)
		}
		from = d
	default:
		m, ok := r.meetings[sel]
		if !ok {
			return nil, nil
		}
		from, name = m.Date, m.Name
	}
	return sinceSection(r.se, from, name), nil
}

// sinceSection is the section of what changed after the end of day from
// (a meeting's day when name is not ""), up to now.
func sinceSection(se *session, from data.Date, name string) *report.Since {
	s := &report.Since{From: from.String(), AsOf: data.NewDate(now().UTC()).String()}
	if name != "" {
		s.From = fmt.Sprintf("%s (%s)", from, visible(name))
	}
	after := data.EndOfDay(from)
	s.Changes = data.ChangeList(se.store.Changes(), data.ChangeFilter{After: after})
	// The status files imported in the window: a data file that cannot
	// give its records lists none rather than keep the report from being
	// written.
	recs, _ := se.store.Imports()
	for _, r := range storage.ImportedBetween(recs, after, time.Time{}) {
		s.Files = append(s.Files, report.SinceFile{Name: r.File, Signer: r.Signer, Delegation: r.Delegation, Imported: r.Imported})
	}
	return s
}
