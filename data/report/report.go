// Package report writes the state of the plan's measures as a CSV file, an
// Excel workbook, a self-contained printable HTML page or an A4 PDF.
//
// It never imports Fyne: the command line and the GUI both use it. The
// report's words pass through Options.Label and the plan's texts through
// Options.Texts, so a report comes out in any language scoplan has, with the
// Chinese source text in a column of its own when the chosen language is not
// Chinese.
package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"scoplan/data"
)

// Format is a report's file format.
type Format string

// The formats a report can be written in.
const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
	HTML Format = "html"
	PDF  Format = "pdf"
)

// Formats lists every format.
var Formats = []Format{CSV, XLSX, HTML, PDF}

// ParseFormat reads a format name (case-insensitive, with or without a dot).
func ParseFormat(s string) (Format, error) {
	s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".")
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown report format %q (use csv, xlsx, html or pdf)", s)
}

// Item is one measure to report, with its state.
type Item struct {
	Measure *data.Measure
	State   *data.MeasureState
}

// Options say how to write a report.
type Options struct {
	// Texts gives the plan's texts in the report's language; the Chinese
	// source if nil.
	Texts *data.Texts
	// Label translates the report's own words, given in English; the
	// English words if nil.
	Label func(english string) string
	// Today judges deadlines (overdue, due soon).
	Today data.Date
	// Generated is when the report is made; shown in it.
	Generated time.Time
	// Scope describes the search and filters that chose the measures, in
	// the report's language ("" when every measure is in it).
	Scope string
	// Plan is the plan the measures come from (for the overview by
	// chapter); data.Load() if nil.
	Plan *data.Plan
	// Since, when set, adds a section of what changed (HTML and PDF).
	Since *Since
}

func (o *Options) fill() {
	if o.Texts == nil {
		o.Texts = data.In(data.Chinese)
	}
	if o.Label == nil {
		o.Label = func(s string) string { return s }
	}
	if o.Plan == nil {
		o.Plan = data.Load()
	}
	if o.Generated.IsZero() {
		o.Generated = time.Now()
	}
}

// Row is one measure as every format shows it: the seam where the report's
// language is decided. All strings are in the report's language, except
// SourceText, which is always the Chinese source.
type Row struct {
	ID         string
	Chapter    string
	Section    string
	Text       string
	SourceText string // the Chinese source text
	Deadline   string // the deadline's words
	Due        string // YYYY-MM-DD, or "" when the deadline has no date
	Bodies     string // the responsible bodies, "; "-separated
	Status     data.Status
	StatusText string // the status as the reader reads it
	Conflict   bool
	Competing  string // when in conflict: every value with who and when
	SetBy      string // who set the status in force, and when
	Overdue    bool
	DueSoon    bool
	Notes      []NoteRow
	// ByDelegation holds every delegation's status of the measure, keyed
	// as Report.Delegations; a delegation without a key here has not
	// reported on it (not started).
	ByDelegation map[string]Cell
}

// Cell is one delegation's status of one measure.
type Cell struct {
	Status     data.Status
	StatusText string
	Conflict   bool
}

// DelegationColumn is a delegation that reported on at least one of the
// report's measures: a column of the tables and of the matrix.
type DelegationColumn struct {
	Key  string // a code ("KZ"), an older free text, or "" for none
	Code string // the code, or the key itself when it names no known delegation
	Name string // in the report's language
	Done int    // measures it reports done
}

// NoteRow is one live note.
type NoteRow struct {
	Measure    string
	Author     string
	Delegation string
	Key        string
	Created    string
	Edited     string // "" if never edited
	Text       string
}

// Report is what every format writes.
type Report struct {
	Title     string
	Generated string
	Scope     string
	Notice    string // says a translation is unofficial, when it is one
	Lang      data.Lang
	Source    bool // the report's language is not Chinese: add the source column
	Rows      []Row
	Overview  Overview
	// Delegations are the delegations that reported on the measures, in the
	// order of data.Delegations (member states first), then others.
	Delegations []DelegationColumn
	// Changes is the section of what changed (Options.Since), or nil.
	Changes *ChangesSection
	label   func(string) string
}

// Cell returns a delegation's status of a row: not started when it has not
// reported.
func (r *Report) Cell(row *Row, key string) Cell {
	if c, ok := row.ByDelegation[key]; ok {
		return c
	}
	return Cell{Status: data.StatusNotStarted, StatusText: r.L(StatusLabel(data.StatusNotStarted))}
}

// L translates one of the report's own words.
func (r *Report) L(english string) string { return r.label(english) }

// Overview counts the reported measures per status, overall and by chapter.
type Overview struct {
	Total    Counts
	Chapters []ChapterCounts
}

// Counts is a number of measures per status.
type Counts struct {
	ByStatus  map[data.Status]int
	All       int
	Overdue   int
	DueSoon   int
	Conflicts int
}

// ChapterCounts is Counts for one chapter.
type ChapterCounts struct {
	Title string
	Counts
}

func (c *Counts) add(r *Row) {
	if c.ByStatus == nil {
		c.ByStatus = map[data.Status]int{}
	}
	c.ByStatus[r.Status]++
	c.All++
	if r.Overdue {
		c.Overdue++
	}
	if r.DueSoon {
		c.DueSoon++
	}
	if r.Conflict {
		c.Conflicts++
	}
}

// StatusLabel is the English name of a status, the key for Options.Label.
func StatusLabel(s data.Status) string {
	switch s {
	case data.StatusNotStarted:
		return "Not started"
	case data.StatusInProgress:
		return "In progress"
	case data.StatusDone:
		return "Done"
	case data.StatusBlocked:
		return "Blocked"
	}
	return string(s)
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// whoIn names an author with their delegation, named in a language.
func whoIn(l data.Lang) func(name, delegation string) string {
	return func(name, delegation string) string {
		if delegation == "" {
			return name
		}
		return name + " (" + data.DelegationLabel(data.DelegationKey(delegation), string(l)) + ")"
	}
}

// delegationColumns orders the delegation keys seen: the table's order for
// known codes, then the other keys sorted, "" (no delegation) last.
func delegationColumns(seen map[string]bool, l data.Lang, label func(string) string) []DelegationColumn {
	var out []DelegationColumn
	for _, d := range data.Delegations() {
		if seen[d.Code] {
			out = append(out, DelegationColumn{Key: d.Code, Code: d.Code, Name: d.Name(string(l))})
			delete(seen, d.Code)
		}
	}
	var rest []string
	for k := range seen {
		rest = append(rest, k)
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i] != "" && (rest[j] == "" || rest[i] < rest[j]) })
	for _, k := range rest {
		name := k
		if k == "" {
			name = label("No delegation")
		}
		out = append(out, DelegationColumn{Key: k, Code: name, Name: name})
	}
	return out
}

// Build turns measures and their states into a report.
func Build(items []Item, o Options) *Report {
	o.fill()
	tx := o.Texts
	r := &Report{
		Title:     tx.Title(o.Plan),
		Generated: stamp(o.Generated),
		Scope:     o.Scope,
		Notice:    tx.Notice(),
		Lang:      tx.Lang(),
		Source:    !tx.Authoritative(),
		label:     o.Label,
	}
	who := whoIn(tx.Lang())
	seen := map[string]bool{}
	chapters := map[*data.Chapter]int{}
	for _, it := range items {
		m, st := it.Measure, it.State
		row := Row{
			ID: m.ID, Chapter: tx.Chapter(m.Chapter()), Section: tx.Section(m.Section), Text: tx.Measure(m), SourceText: m.Text,
			Deadline: tx.Deadline(m.Deadline), Bodies: strings.Join(tx.Bodies(m), "; "),
			Status: st.Status, StatusText: o.Label(StatusLabel(st.Status)), Conflict: st.Conflict,
			Overdue: data.IsOverdue(m, st, o.Today), DueSoon: data.IsDueSoon(m, st, o.Today),
		}
		if m.Deadline.Due != nil {
			row.Due = m.Deadline.Due.String()
		}
		if st.Set != nil {
			row.SetBy = withKey(who(st.Set.Name, st.Set.Delegation), keyTag(o.Label, st.Set.Author)) + ", " + stamp(st.Set.Time)
		}
		var comp []string
		for _, c := range st.Competing {
			comp = append(comp, fmt.Sprintf("%s: %s, %s", o.Label(StatusLabel(c.Status)), withKey(who(c.Name, c.Delegation), keyTag(o.Label, c.Author)), stamp(c.Time)))
		}
		row.Competing = strings.Join(comp, "; ")
		for _, k := range st.Reporting() {
			d := st.StatusOf(k)
			if row.ByDelegation == nil {
				row.ByDelegation = map[string]Cell{}
			}
			row.ByDelegation[k] = Cell{Status: d.Status, StatusText: o.Label(StatusLabel(d.Status)), Conflict: d.Conflict}
			seen[k] = true
		}
		for _, n := range st.Notes {
			nr := NoteRow{Measure: m.ID, Author: n.Name, Delegation: data.DelegationLabel(data.DelegationKey(n.Delegation), string(tx.Lang())), Key: n.Author, Created: stamp(n.Created), Text: n.Text}
			if !n.Edited.IsZero() {
				nr.Edited = stamp(n.Edited)
			}
			row.Notes = append(row.Notes, nr)
		}
		r.Rows = append(r.Rows, row)
		r.Overview.Total.add(&r.Rows[len(r.Rows)-1])
		ch := m.Chapter()
		i, ok := chapters[ch]
		if !ok {
			i = len(r.Overview.Chapters)
			chapters[ch] = i
			r.Overview.Chapters = append(r.Overview.Chapters, ChapterCounts{Title: tx.Chapter(ch)})
		}
		r.Overview.Chapters[i].add(&r.Rows[len(r.Rows)-1])
	}
	if o.Since != nil {
		r.Changes = buildChanges(o.Since, items, o)
	}
	r.Delegations = delegationColumns(seen, tx.Lang(), o.Label)
	for i := range r.Delegations {
		for j := range r.Rows {
			if c, ok := r.Rows[j].ByDelegation[r.Delegations[i].Key]; ok && c.Status == data.StatusDone {
				r.Delegations[i].Done++
			}
		}
	}
	return r
}

// Neutralize defuses text that a spreadsheet would read as a formula: text
// starting with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe. Every text cell of a CSV or XLSX report goes through it.
func Neutralize(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// Encode writes the report in a format.
func (r *Report) Encode(f Format) ([]byte, error) {
	switch f {
	case CSV:
		return r.CSV()
	case XLSX:
		return r.XLSX()
	case HTML:
		return r.HTML()
	case PDF:
		return r.PDF()
	}
	return nil, fmt.Errorf("unknown report format %q", f)
}

// columns of the measures table, by their English names.
func (r *Report) columns() []string {
	cols := []string{"ID", "Chapter", "Section", "Measure"}
	if r.Source {
		cols = append(cols, "Source text (Chinese)")
	}
	return append(cols, "Deadline", "Due", "Responsible bodies", "Status", "Status conflict", "Competing statuses",
		"Status set by", "Overdue", "Due soon", "Notes")
}

// headings returns the measures table's column heads in the report's
// language: columns(), then one per delegation that reported.
func (r *Report) headings() []string {
	head := r.translate(r.columns())
	for _, d := range r.Delegations {
		head = append(head, d.Name)
	}
	return head
}

// cellText is a delegation's status as a table cell says it.
func (r *Report) cellText(c Cell) string {
	if c.Conflict {
		return c.StatusText + " (" + r.L("Status conflict") + ")"
	}
	return c.StatusText
}

func (r *Report) translate(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = r.L(w)
	}
	return out
}

func (r *Report) yes(b bool) string {
	if b {
		return r.L("yes")
	}
	return ""
}

// cells returns a row's cells in the order of columns, and the index of the
// status cell.
func (r *Report) cells(row *Row) ([]string, int) {
	c := []string{row.ID, row.Chapter, row.Section, row.Text}
	if r.Source {
		c = append(c, row.SourceText)
	}
	status := len(c) + 3
	c = append(c, row.Deadline, row.Due, row.Bodies, row.StatusText, r.yes(row.Conflict), row.Competing,
		row.SetBy, r.yes(row.Overdue), r.yes(row.DueSoon), fmt.Sprint(len(row.Notes)))
	for _, d := range r.Delegations {
		c = append(c, r.cellText(r.Cell(row, d.Key)))
	}
	return c, status
}

func (r *Report) noteColumns() []string {
	return []string{"Measure", "Author", "Delegation", "Key", "Written", "Edited", "Note"}
}

func noteCells(n *NoteRow) []string {
	return []string{n.Measure, n.Author, n.Delegation, n.Key, n.Created, n.Edited, n.Text}
}
