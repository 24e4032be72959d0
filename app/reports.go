package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/report"
	"scoplan/data/search"
	"scoplan/internal/atomicfile"
)

// describeQuery says in words which search and filters choose the measures
// ("" when none does).
func describeQuery(q search.Query, plan *data.Plan) string {
	var parts []string
	if t := strings.TrimSpace(q.Text); t != "" {
		parts = append(parts, lang.L("search “{{.Text}}”", map[string]any{"Text": t}))
	}
	f := q.Filter
	if f.Section != "" {
		name := f.Section
		if s := plan.Section(f.Section); s != nil {
			name += " " + s.Title
		}
		parts = append(parts, lang.L("section {{.Section}}", map[string]any{"Section": name}))
	}
	var sts []string
	for _, st := range f.Statuses {
		sts = append(sts, statusLabel(st))
	}
	if len(sts) > 0 {
		parts = append(parts, lang.L("status {{.Statuses}}", map[string]any{"Statuses": strings.Join(sts, ", ")}))
	}
	if len(f.Bodies) > 0 || f.BodyText != "" {
		parts = append(parts, lang.L("body {{.Bodies}}", map[string]any{"Bodies": strings.Join(append(append([]string(nil), f.Bodies...), f.BodyText), ", ")}))
	}
	var kinds []string
	for _, k := range f.Kinds {
		kinds = append(kinds, kindLabel(k))
	}
	if len(kinds) > 0 {
		parts = append(parts, lang.L("deadline {{.Kinds}}", map[string]any{"Kinds": strings.Join(kinds, ", ")}))
	}
	for _, b := range []struct {
		on   bool
		text string
	}{{f.Overdue, lang.L("overdue")}, {f.DueSoon, lang.L("due soon")}, {f.HasNotes, lang.L("with notes")}, {f.Conflict, lang.L("in conflict")}} {
		if b.on {
			parts = append(parts, b.text)
		}
	}
	return strings.Join(parts, "; ")
}

// reports is File → Save a report: the report of the measures the window
// shows, in a format and a language the user picks.
type reports struct {
	se *session
	*dialogs
	// run does work away from the window's goroutine with a progress
	// dialog, then done on it (the exchange's, which tests make inline).
	run func(what string, work, done func())
}

func newReports(se *session, dlg *dialogs, run func(what string, work, done func())) *reports {
	return &reports{se: se, dialogs: dlg, run: run}
}

// buildReport makes the report of the measures the window shows now (the
// current search and filters), in language l: the plan's texts and the
// report's own words (the Chinese source text comes in a column of its own
// when l is not Chinese).
func (x *reports) buildReport(l data.Lang) *report.Report { return x.buildReportSince(l, nil) }

// buildReportSince is buildReport with a section of what changed (nil for
// none).
func (x *reports) buildReportSince(l data.Lang, since *report.Since) *report.Report {
	se := x.se
	items := make([]report.Item, len(se.rows))
	for i, r := range se.rows {
		items[i] = report.Item{Measure: r.Measure, State: r.State}
	}
	return report.Build(items, report.Options{
		Texts: data.In(l), Label: report.Labels(l), Today: se.today, Generated: now(), Plan: se.plan,
		Scope: describeQuery(se.query, se.plan), Since: since,
	})
}

// onReport asks for a format and a language, then where to save the report
// of the measures shown now.
func (x *reports) onReport() {
	se := x.se
	formats := []string{lang.L("Excel workbook (.xlsx)"), lang.L("PDF for printing (.pdf)"), lang.L("Printable page (.html)"), lang.L("CSV for spreadsheets (.csv)")}
	byLabel := map[string]report.Format{formats[0]: report.XLSX, formats[1]: report.PDF, formats[2]: report.HTML, formats[3]: report.CSV}
	since := newReportSince(se)
	format := widget.NewRadioGroup(formats, func(s string) { since.enable(byLabel[s] == report.HTML || byLabel[s] == report.PDF) })
	format.Required = true
	format.SetSelected(formats[0])
	langs := []string{lang.L("Chinese (the authoritative text)"), lang.L("English (the plan in an unofficial translation)"), lang.L("Russian (the plan in an unofficial translation)")}
	byLang := map[string]data.Lang{langs[0]: data.Chinese, langs[1]: data.English, langs[2]: data.Russian}
	textLang := widget.NewSelect(langs, nil)
	textLang.SetSelected(langs[0])
	for label, l := range byLang {
		if l == planText.Lang() { // the language the window shows the plan in
			textLang.SetSelected(label)
		}
	}
	scope := describeQuery(se.query, se.plan)
	if scope == "" {
		scope = lang.L("all measures")
	}
	body := container.NewVBox(
		wrapped(plural("report.count", "The report holds the {{.Count}} measure the window shows now, with its notes.",
			"The report holds the {{.Count}} measures the window shows now, with their notes.", len(se.rows))),
		caption(lang.L("Search and filters: {{.Scope}}", map[string]any{"Scope": scope})),
		widget.NewForm(
			&widget.FormItem{Text: lang.L("Format"), Widget: format},
			&widget.FormItem{Text: lang.L("Language"), Widget: textLang, HintText: lang.L("In English or Russian the Chinese source text comes in a column of its own.")},
			&widget.FormItem{Text: lang.L("Changes"), Widget: since.content(), HintText: lang.L("For the PDF and the printable page: what changed since then.")},
		),
	)
	d := dialog.NewCustomConfirm(lang.L("Save a report"), lang.L("Save…"), lang.L("Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		f, l := byLabel[format.Selected], byLang[textLang.Selected]
		brief, err := since.since()
		if err != nil {
			x.showError(err)
			return
		}
		chooseSave(x.win, fileChoice{title: lang.L("Save a report"),
			name: "scoplan-report-" + se.today.String() + "." + string(f), exts: []string{"." + string(f)}},
			func(path string) { x.writeReportSince(path, f, l, brief) }, x.showError)
	}, x.win)
	d.Resize(fyne.NewSize(600, 0))
	x.showDialog(d, nil)
}

// writeReport builds the report and writes it, complete or not at all.
func (x *reports) writeReport(path string, f report.Format, l data.Lang) {
	x.writeReportSince(path, f, l, nil)
}

// writeReportSince is writeReport with a section of what changed (nil for
// none; HTML and PDF only).
func (x *reports) writeReportSince(path string, f report.Format, l data.Lang, since *report.Since) {
	rep := x.buildReportSince(l, since)
	var err error
	x.run(lang.L("Writing the report…"), func() {
		var content []byte
		if content, err = rep.Encode(f); err == nil {
			err = atomicfile.WriteFile(path, content, x.se.store.Path()) // never over the data file itself
		}
	}, func() {
		if err != nil {
			x.showError(err)
			return
		}
		msg := lang.L("Saved as {{.File}}: {{.Measures}}.", map[string]any{"File": filepath.Base(path),
			"Measures": plural("report.measures", "{{.Count}} measure", "{{.Count}} measures", len(rep.Rows))})
		x.showDialog(dialog.NewInformation(lang.L("Report saved"), msg, x.win), nil)
	})
}
