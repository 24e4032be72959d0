package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"scoplan/data"
	"scoplan/data/report"
	"scoplan/data/search"
	"scoplan/internal/atomicfile"
	"scoplan/storage"
)

func init() {
	register(&command{name: "report", args: "--format csv|xlsx|html|pdf --out FILE [flags]", summary: "write a report of the measures",
		help: `Writes the measures that the search and filters choose (the same flags as list)
as CSV (UTF-8 with a byte order mark, for Excel), an Excel workbook (a sheet of
measures with coloured statuses, a sheet of every note), one printable HTML
page with the overview, or an A4 PDF with the overview and the measures (made
by scoplan itself, with its own fonts: no browser needed). --format may be
left out when --out ends in .csv, .xlsx, .html or .pdf. --lang chooses the
language of the plan's texts; the Chinese source text then comes in a column
of its own. --as-of DAY reports the plan as it stood at the end of that day;
--since DAY adds to the HTML or PDF report a section of what changed after
that day (up to --as-of, or now), per chapter and per delegation: a meeting
brief. A DAY is YYYY-MM-DD or a recorded meeting's name.`,
		flags: reportFlags})
}

func reportFlags(fs *flag.FlagSet) func(*env, []string) error {
	var ff filterFlags
	ff.add(fs)
	format := fs.String("format", "", "csv, xlsx, html or pdf (default: from the --out file's extension)")
	out := fs.String("out", "", "the report file to write")
	texts := langFlag(fs)
	since := fs.String("since", "", "html, pdf: add a section of what changed after the end of this day (YYYY-MM-DD, UTC) or of a recorded meeting's date (its name), per chapter and per delegation, up to --as-of (default: now)")
	return func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		if strings.TrimSpace(*out) == "" {
			return usagef("give the file to write with --out FILE")
		}
		fname := *format
		if fname == "" {
			fname = filepath.Ext(*out)
			if fname == "" {
				return usagef("give --format csv, xlsx, html or pdf")
			}
		}
		f, err := report.ParseFormat(fname)
		if err != nil {
			return usagef("%s", err)
		}
		tx, err := texts()
		if err != nil {
			return err
		}
		if strings.TrimSpace(*since) != "" && f != report.HTML && f != report.PDF {
			return usagef("--since adds a section to the HTML or PDF report only (--format html or pdf)")
		}
		if err := e.checkDay("--since", *since); err != nil {
			return err
		}
		if err := e.checkOutput("--out", *out); err != nil {
			return err
		}
		ff.keepChanges = strings.TrimSpace(*since) != ""
		rows, plan, err := e.query(&ff)
		if err != nil {
			return err
		}
		var brief *report.Since
		if ff.keepChanges {
			if brief, err = e.brief(ff.changes, ff.imports, *since, ff.asOf); err != nil {
				return err
			}
		}
		// A report holds what the search matches, not similar measures.
		rows = slices.DeleteFunc(rows, search.Row.Similar)
		items := make([]report.Item, len(rows))
		for i, r := range rows {
			items[i] = report.Item{Measure: r.Measure, State: r.State}
		}
		rep := report.Build(items, report.Options{Texts: tx, Label: report.Labels(tx.Lang()), Today: e.today, Generated: time.Now(), Scope: ff.describe(), Plan: plan, Since: brief})
		content, err := rep.Encode(f)
		if err != nil {
			return fmt.Errorf("cannot make the report: %w", err)
		}
		if err := atomicfile.WriteFile(*out, content); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s with %s\n", *out, plural(len(rows), "measure", "measures"))
		return nil
	}
}

// describe says in words which search and filters are set ("" for none).
func (f *filterFlags) describe() string {
	var parts []string
	add := func(name, v string) {
		if v != "" {
			parts = append(parts, name+" "+v)
		}
	}
	add("search", f.query)
	add("status", f.status)
	add("body", f.body)
	add("section", f.section)
	add("deadline", f.kind)
	add("as of", f.asOf)
	for _, b := range []struct {
		on   bool
		name string
	}{{f.overdue, "overdue"}, {f.dueSoon, "due soon"}, {f.hasNotes, "with notes"}, {f.conflict, "in conflict"}} {
		if b.on {
			parts = append(parts, b.name)
		}
	}
	return strings.Join(parts, ", ")
}

// brief makes the section of what changed since the day since names, up to
// the end of the day asOf names (or everything recorded, when ""), with
// the status files imported in that window.
func (e *env) brief(changes []*data.Change, imports []storage.ImportRecord, since, asOf string) (*report.Since, error) {
	meetings := data.Meetings(changes)
	from, err := resolveDay("--since", since, meetings)
	if err != nil {
		return nil, err
	}
	f := data.ChangeFilter{After: data.EndOfDay(from)}
	b := &report.Since{From: from.String(), AsOf: data.NewDate(clock().UTC()).String()}
	if m, ok := data.FindMeeting(meetings, since); ok && m.Date == from {
		b.From = fmt.Sprintf("%s (%s)", from, m.Name)
	}
	if strings.TrimSpace(asOf) != "" {
		to, err := resolveDay("--as-of", asOf, meetings)
		if err != nil {
			return nil, err
		}
		f.Before, b.AsOf = data.EndOfDay(to), to.String()
	}
	b.Changes = data.ChangeList(changes, f)
	b.Files = sinceFiles(imports, f.After, f.Before)
	return b, nil
}

// sinceFiles are the status files imported in a window (after <= imported
// < before; before zero for no end): those a brief of it includes.
func sinceFiles(imports []storage.ImportRecord, after, before time.Time) []report.SinceFile {
	var out []report.SinceFile
	for _, r := range storage.ImportedBetween(imports, after, before) {
		out = append(out, report.SinceFile{Name: r.File, Signer: r.Signer, Delegation: r.Delegation, Imported: r.Imported})
	}
	return out
}
