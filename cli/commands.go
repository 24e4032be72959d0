package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
)

func init() {
	register(&command{name: "list", args: "[flags]", summary: "list measures, searched and filtered",
		help: `Lists the plan's measures. --query searches as the window does (text, bodies
and notes in every language; every word must match, best first; when nothing
matches, similar measures are listed and marked so); the other flags filter,
and all of them combine. --delegation any judges --status, --overdue,
--due-soon and --conflict by every delegation that reported: a measure is
listed when they hold for at least one of them, a delegation counting as
not started where it reported nothing on the measure.`,
		flags: listFlags})
	register(&command{name: "show", args: "ID [flags]", summary: "show one measure with its notes and history",
		help:  "Shows a measure (ID like 1.2.3): its text, deadline, bodies, status, notes and history.",
		flags: showFlags})
	register(&command{name: "set-status", args: "ID STATUS", summary: "set a measure's status",
		help: `Sets the status of a measure: not-started, in-progress, done or blocked.
Setting a status also resolves a status conflict on the measure.`,
		flags: setStatusFlags})
	register(&command{name: "note", args: "ID TEXT", summary: "add a note to a measure",
		help:  "Adds a note to a measure, signed with your name and delegation (see whoami).",
		flags: noteFlags})
	register(&command{name: "whoami", args: "[--name NAME] [--delegation NAME]", summary: "show or set your name and delegation",
		help:  "Shows the name and delegation written on your changes, and your key's fingerprint; the flags change them.",
		flags: whoamiFlags})
}

// filterFlags adds the filters list and report share.
type filterFlags struct {
	query, status, body, section, kind   string
	delegation, asOf                     string
	overdue, dueSoon, hasNotes, conflict bool
	// keepChanges asks query to keep the log's changes in changes (for
	// report --since), read while the data file is open.
	keepChanges bool
	changes     []*data.Change
	imports     []storage.ImportRecord // the status files imported, with changes
}

func (f *filterFlags) add(fs *flag.FlagSet) {
	fs.StringVar(&f.query, "query", "", "search text (measure text, ID, bodies, notes)")
	fs.StringVar(&f.status, "status", "", "only these statuses (comma-separated: not-started,in-progress,done,blocked)")
	fs.StringVar(&f.body, "body", "", "only measures with a responsible body whose name or alias contains this text")
	fs.StringVar(&f.section, "section", "", "only this chapter (C) or section (C.S)")
	fs.StringVar(&f.kind, "deadline", "", "only these deadline kinds (comma-separated: by,range,annual,regular,as-agreed)")
	fs.BoolVar(&f.overdue, "overdue", false, "only measures whose dated deadline has passed and that are not done")
	fs.BoolVar(&f.dueSoon, "due-soon", false, fmt.Sprintf("only measures not done and due within %d days", data.DueSoonDays))
	fs.BoolVar(&f.hasNotes, "has-notes", false, "only measures with notes")
	fs.BoolVar(&f.conflict, "conflict", false, "only measures with a status conflict")
	asOfFlag(fs, &f.asOf)
	fs.StringVar(&f.delegation, "delegation", "", "judge --status, --overdue, --due-soon and --conflict (and print status and conflict) by this delegation's status instead of your own: a code (RU) or any name of it; or any: by every delegation that reported (listed when they hold for one of them; status and conflict printed stay your own)")
}

// viewKey returns the delegation key --delegation names ("" when not given:
// the user's own delegation).
func (f *filterFlags) viewKey() (string, bool, error) {
	if strings.TrimSpace(f.delegation) == "" || f.anyDelegation() {
		return "", false, nil
	}
	if d, ok := data.LookupDelegation(f.delegation); ok {
		return d.Code, true, nil
	}
	return "", false, usagef("--delegation: unknown delegation %q (scoplan whoami --help)", f.delegation)
}

// anyDelegation reports whether --delegation is "any": the filters look at
// every delegation that reported (search.Filter.AnyDelegation).
func (f *filterFlags) anyDelegation() bool {
	return strings.EqualFold(strings.TrimSpace(f.delegation), "any")
}

func (f *filterFlags) toQuery(plan *data.Plan) (search.Query, error) {
	q := search.Query{Text: f.query, Filter: search.Filter{
		BodyText: strings.TrimSpace(f.body), Overdue: f.overdue, DueSoon: f.dueSoon, HasNotes: f.hasNotes, Conflict: f.conflict,
		AnyDelegation: f.anyDelegation(),
	}}
	for _, s := range splitList(f.status) {
		st, err := data.ParseStatus(s)
		if err != nil {
			return q, usagef("--status: %s", err)
		}
		q.Filter.Statuses = append(q.Filter.Statuses, st)
	}
	for _, k := range splitList(f.kind) {
		ok := false
		for _, dk := range data.DeadlineKinds {
			if string(dk) == k {
				q.Filter.Kinds, ok = append(q.Filter.Kinds, dk), true
			}
		}
		if !ok {
			return q, usagef("--deadline: unknown kind %q (use by, range, annual, regular or as-agreed)", k)
		}
	}
	if f.section != "" {
		if plan.Section(f.section) == nil && plan.Chapter(f.section) == nil {
			return q, usagef("--section: no chapter or section %q", f.section)
		}
		q.Filter.Section = f.section
	}
	return q, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// langFlag adds --lang: the language of the plan's texts in the output.
func langFlag(fs *flag.FlagSet) func() (*data.Texts, error) {
	code := fs.String("lang", "zh", "language of the plan's texts, titles, deadlines and bodies: zh (the authoritative Chinese), en or ru (unofficial translations; the Chinese comes along as source_text)")
	return func() (*data.Texts, error) {
		l, err := data.ParseLang(*code)
		if err != nil {
			return nil, usagef("--lang: %s", err)
		}
		return data.In(l), nil
	}
}

func listFlags(fs *flag.FlagSet) func(*env, []string) error {
	var ff filterFlags
	ff.add(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per line")
	texts := langFlag(fs)
	return func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		tx, err := texts()
		if err != nil {
			return err
		}
		rows, _, err := e.query(&ff)
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			for _, r := range rows {
				it := listItem(r.Measure, r.State, e.today, tx)
				it.Similar = r.Similar()
				if err := enc.Encode(it); err != nil {
					return err
				}
			}
			return nil
		}
		printTable(e.stdout, rows, e.today, tx)
		return nil
	}
}

// query opens the data file, runs the search and filters the flags give,
// and closes the file: the rows hold the states as they were read.
func (e *env) query(ff *filterFlags) ([]search.Row, *data.Plan, error) {
	q, err := ff.toQuery(data.Load())
	if err != nil {
		return nil, nil, err
	}
	key, other, err := ff.viewKey()
	if err != nil {
		return nil, nil, err
	}
	if err := e.checkDay("--as-of", ff.asOf); err != nil {
		return nil, nil, err
	}
	s, err := e.openStore()
	if err != nil {
		return nil, nil, err
	}
	defer s.Close()
	states, err := e.statesAsOf(s, ff.asOf)
	if err != nil {
		return nil, nil, err
	}
	if ff.keepChanges {
		ff.changes = s.Changes()
		if ff.imports, err = s.Imports(); err != nil {
			return nil, nil, err
		}
	}
	if other {
		for id, st := range states {
			states[id] = st.ViewedFor(key)
		}
	}
	return search.NewEngine(s.Plan(), states, e.today).Run(q), s.Plan(), nil
}

func printTable(w io.Writer, rows []search.Row, today data.Date, tx *data.Texts) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tDEADLINE\tNOTES\tTEXT")
	for _, r := range rows {
		mark := ""
		if data.IsOverdue(r.Measure, r.State, today) {
			mark = " (overdue)"
		}
		status := string(r.State.Status)
		if r.State.Conflict {
			status += "!"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s%s\t%d\t%s\n", r.Measure.ID, status, tx.Deadline(r.Measure.Deadline), mark, len(r.State.Notes), clipRunes(tx.Measure(r.Measure), 40))
	}
	tw.Flush()
	if matching, similar := search.Matching(rows); similar > 0 {
		fmt.Fprintf(w, "no measure matches; %d similar\n", similar)
	} else {
		fmt.Fprintln(w, plural(matching, "measure", "measures"))
	}
	if n := tx.Notice(); n != "" {
		fmt.Fprintln(w, n)
	}
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func findMeasure(id string) (*data.Measure, error) {
	m := data.Load().Measure(id)
	if m == nil {
		return nil, usagef("unknown measure %q (IDs look like 1.2.3; see scoplan list)", id)
	}
	return m, nil
}

func showFlags(fs *flag.FlagSet) func(*env, []string) error {
	asJSON := fs.Bool("json", false, "print one JSON object")
	texts := langFlag(fs)
	var asOf string
	asOfFlag(fs, &asOf)
	return func(e *env, args []string) error {
		if len(args) != 1 {
			return usagef("give one measure ID")
		}
		tx, err := texts()
		if err != nil {
			return err
		}
		m, err := findMeasure(args[0])
		if err != nil {
			return err
		}
		if err := e.checkDay("--as-of", asOf); err != nil {
			return err
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		states, err := e.statesAsOf(s, asOf)
		if err != nil {
			return err
		}
		item := showItem(m, states[m.ID], e.today, tx)
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(item)
		}
		printShow(e.stdout, item, tx)
		return nil
	}
}

func printShow(w io.Writer, it ShowItem, tx *data.Texts) {
	fmt.Fprintf(w, "%s  %s\n%s / %s\n\n%s\n\n", it.ID, it.Status, it.Chapter, it.Section, it.Text)
	if !tx.Authoritative() {
		fmt.Fprintf(w, "%s\n\n(%s)\n\n", it.SourceText, tx.Notice())
	}
	fmt.Fprintf(w, "Deadline: %s", it.Deadline.Text)
	if it.Deadline.Due != nil {
		fmt.Fprintf(w, " (due %s)", *it.Deadline.Due)
	}
	if it.Overdue {
		fmt.Fprint(w, " OVERDUE")
	}
	fmt.Fprintf(w, "\nBodies: %s\n", strings.Join(it.Bodies, "; "))
	if it.Conflict {
		fmt.Fprintln(w, "\nStatus conflict between:")
		for _, c := range it.Competing {
			fmt.Fprintf(w, "  %s by %s (%s) [key %s%s] at %s\n", c.Status, oneLine(c.Author), oneLine(c.Delegation), c.Key, unverifiedMark(c.Verified), c.Time)
		}
	}
	fmt.Fprintf(w, "\nNotes (%d):\n", len(it.NoteList))
	for _, n := range it.NoteList {
		fmt.Fprintf(w, "  [%s] %s (%s) [key %s%s]:\n    %s\n", n.Created, oneLine(n.Author), oneLine(n.Delegation), n.Key, unverifiedMark(n.Verified), strings.ReplaceAll(block(n.Text), "\n", "\n    "))
	}
	fmt.Fprintf(w, "\nHistory (%d):\n", len(it.History))
	for _, h := range it.History {
		fmt.Fprintf(w, "  %s  %s (%s) [key %s%s]  %s\n", h.Time, oneLine(h.Author), oneLine(h.Delegation), h.Key, unverifiedMark(h.Verified), oneLine(h.Summary))
	}
}

// unverifiedMark follows the key of a change nothing proves the author of.
func unverifiedMark(v *bool) string {
	if v != nil && !*v {
		return ", unverified"
	}
	return ""
}

func setStatusFlags(fs *flag.FlagSet) func(*env, []string) error {
	return func(e *env, args []string) error {
		if len(args) != 2 {
			return usagef("give a measure ID and a status")
		}
		m, err := findMeasure(args[0])
		if err != nil {
			return err
		}
		st, err := data.ParseStatus(args[1])
		if err != nil {
			return usagef("%s", err)
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		if _, err := s.SetStatus(m.ID, st); err != nil {
			if storage.IsUnchanged(err) {
				fmt.Fprintf(e.stdout, "%s is already %s; nothing changed\n", m.ID, st)
				return nil
			}
			return err
		}
		fmt.Fprintf(e.stdout, "%s is now %s\n", m.ID, st)
		return nil
	}
}

func noteFlags(fs *flag.FlagSet) func(*env, []string) error {
	return func(e *env, args []string) error {
		if len(args) < 2 {
			return usagef("give a measure ID and the note's text")
		}
		m, err := findMeasure(args[0])
		if err != nil {
			return err
		}
		text := strings.Join(args[1:], " ")
		switch {
		case strings.TrimSpace(text) == "":
			return usagef("%s", storage.ErrEmptyNote)
		case !utf8.ValidString(text):
			return usagef("the note is not valid UTF-8 text")
		case len(text) > data.MaxNoteBytes:
			return usagef("the note is longer than %d KiB", data.MaxNoteBytes>>10)
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		c, err := s.AddNote(m.ID, text)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "note %s added to %s\n", c.ID, m.ID)
		return nil
	}
}

func whoamiFlags(fs *flag.FlagSet) func(*env, []string) error {
	name := fs.String("name", "", "set your name")
	deleg := fs.String("delegation", "", "set your delegation: a member state, the SCO Secretariat or a partner, by code (KZ), or by name in English, Chinese or Russian")
	asJSON := fs.Bool("json", false, "print one JSON object")
	return func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		setName, setDeleg := false, false
		fs.Visit(func(f *flag.Flag) {
			setName = setName || f.Name == "name"
			setDeleg = setDeleg || f.Name == "delegation"
		})
		// Everything is checked before the data file is opened (or
		// created): a wrong argument writes nothing.
		newName := strings.TrimSpace(*name)
		if setName && (len(newName) > data.MaxNameBytes || !utf8.ValidString(newName)) {
			return usagef("--name must be valid text of at most %d bytes", data.MaxNameBytes)
		}
		newDeleg := ""
		if setDeleg && strings.TrimSpace(*deleg) != "" {
			d, ok := data.LookupDelegation(*deleg)
			if !ok {
				var near []string
				for _, c := range data.ClosestDelegations(*deleg, 3) {
					near = append(near, fmt.Sprintf("%s (%s)", c.EN, c.Code))
				}
				return usagef("unknown delegation %q; the closest are %s (scoplan whoami --help)", *deleg, strings.Join(near, ", "))
			}
			newDeleg = d.Code
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		if setName || setDeleg {
			id := s.Identity()
			if setName {
				id.Name = newName
			}
			if setDeleg {
				id.Delegation = newDeleg
			}
			if err := s.SetIdentity(id.Name, id.Delegation); err != nil {
				return err
			}
		}
		id := s.Identity()
		code := data.DelegationKey(id.Delegation)
		if *asJSON {
			return json.NewEncoder(e.stdout).Encode(map[string]any{"name": id.Name, "delegation": code,
				"delegation_name": data.DelegationLabel(code, "en"), "key": id.Key,
				"data_file": s.Path(), "changes": s.ChangeCount()})
		}
		shown := code
		if d, ok := data.DelegationByCode(code); ok {
			shown = fmt.Sprintf("%s (%s)", d.EN, d.Code)
		}
		fmt.Fprintf(e.stdout, "name:        %s\ndelegation:  %s\nkey:         %s\ndata file:   %s\n", oneLine(id.Name), oneLine(shown), id.Key, oneLine(s.Path()))
		return nil
	}
}

// JSON shapes.

// DeadlineJSON is a deadline as the command line prints it.
type DeadlineJSON struct {
	Text       string  `json:"text"`        // in the language asked for
	SourceText string  `json:"source_text"` // as the Chinese source writes it
	Kind       string  `json:"kind"`
	Due        *string `json:"due"`
}

// ListItem is one line of "list --json".
type ListItem struct {
	ID       string       `json:"id"`
	Chapter  string       `json:"chapter"`
	Section  string       `json:"section"`
	Text     string       `json:"text"`
	Deadline DeadlineJSON `json:"deadline"`
	// Lang is the language of Chapter, Section, Text, Deadline.Text and
	// Bodies; SourceText is the measure's authoritative Chinese text.
	Lang       string   `json:"lang"`
	SourceText string   `json:"source_text"`
	Bodies     []string `json:"bodies"`
	Status     string   `json:"status"`
	Notes      int      `json:"notes"`
	Overdue    bool     `json:"overdue"`
	DueSoon    bool     `json:"due_soon"`
	Conflict   bool     `json:"conflict"`
	// Similar marks a measure listed only because none matches the search
	// (a loose match: see search.Row.Similar).
	Similar bool `json:"similar,omitempty"`
	// Statuses holds every delegation's status that someone set, keyed by
	// delegation code (or the free text of an older, unmapped one); Status
	// and Conflict above are the user's own delegation's (or --delegation's).
	Statuses map[string]DelegationStatusJSON `json:"statuses"`
}

// DelegationStatusJSON is one delegation's status of a measure.
type DelegationStatusJSON struct {
	Status   string `json:"status"`
	Conflict bool   `json:"conflict"`
	// Name and Key are who set the status in force, Time when.
	Name string `json:"name"`
	Key  string `json:"key"`
	Time string `json:"time"`
	// DelegationName is the delegation's English short name.
	DelegationName string `json:"delegation_name"`
	// Verified is false (and only then present) when nothing proves the
	// status's author set it: a format 1 change relayed by someone else.
	Verified *bool `json:"verified,omitempty"`
}

// NoteJSON is a note in "show --json".
type NoteJSON struct {
	ID         string `json:"id"`
	Author     string `json:"author"`
	Delegation string `json:"delegation"`
	Key        string `json:"key"`
	Created    string `json:"created"`
	Edited     string `json:"edited,omitempty"`
	Text       string `json:"text"`
	Verified   *bool  `json:"verified,omitempty"` // false, and only then present, for an unverified note
}

// StatusJSON is one competing status value.
type StatusJSON struct {
	Status     string `json:"status"`
	Author     string `json:"author"`
	Delegation string `json:"delegation"`
	Key        string `json:"key"`
	Time       string `json:"time"`
	Verified   *bool  `json:"verified,omitempty"` // false, and only then present, for an unverified change
}

// HistoryJSON is one change in a measure's history.
type HistoryJSON struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	Time       string `json:"time"`
	Author     string `json:"author"`
	Delegation string `json:"delegation"`
	Key        string `json:"key"`
	Status     string `json:"status,omitempty"`
	Note       string `json:"note,omitempty"`
	Text       string `json:"text,omitempty"`
	Summary    string `json:"summary"`
	Verified   *bool  `json:"verified,omitempty"` // false, and only then present, for an unverified change
}

// ShowItem is the output of "show --json".
type ShowItem struct {
	ListItem
	NoteList  []NoteJSON    `json:"notes"`
	Competing []StatusJSON  `json:"competing"`
	History   []HistoryJSON `json:"history"`
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func listItem(m *data.Measure, st *data.MeasureState, today data.Date, tx *data.Texts) ListItem {
	d := DeadlineJSON{Text: tx.Deadline(m.Deadline), SourceText: m.Deadline.Text, Kind: string(m.Deadline.Kind)}
	if m.Deadline.Due != nil {
		s := m.Deadline.Due.String()
		d.Due = &s
	}
	return ListItem{
		ID: m.ID, Chapter: tx.Chapter(m.Chapter()), Section: tx.Section(m.Section), Text: tx.Measure(m), Deadline: d,
		Lang: string(tx.Lang()), SourceText: m.Text,
		Bodies: tx.Bodies(m), Status: string(st.Status), Notes: len(st.Notes),
		Overdue: data.IsOverdue(m, st, today), DueSoon: data.IsDueSoon(m, st, today), Conflict: st.Conflict,
		Statuses: statusesJSON(st),
	}
}

func statusesJSON(st *data.MeasureState) map[string]DelegationStatusJSON {
	out := map[string]DelegationStatusJSON{}
	for _, k := range st.Reporting() {
		d := st.StatusOf(k)
		j := DelegationStatusJSON{Status: string(d.Status), Conflict: d.Conflict, DelegationName: data.DelegationLabel(k, "en")}
		if d.Set != nil {
			j.Name, j.Key, j.Time = d.Set.Name, d.Set.Author, stamp(d.Set.Time)
			j.Verified = verified(!d.Set.Unverified)
		}
		out[k] = j
	}
	return out
}

func showItem(m *data.Measure, st *data.MeasureState, today data.Date, tx *data.Texts) ShowItem {
	it := ShowItem{ListItem: listItem(m, st, today, tx), NoteList: []NoteJSON{}, Competing: []StatusJSON{}, History: []HistoryJSON{}}
	for _, n := range st.Notes {
		nj := NoteJSON{ID: n.ID, Author: n.Name, Delegation: data.DelegationKey(n.Delegation), Key: n.Author, Created: stamp(n.Created), Text: n.Text}
		if !n.Edited.IsZero() {
			nj.Edited = stamp(n.Edited)
		}
		nj.Verified = verified(!n.Unverified)
		it.NoteList = append(it.NoteList, nj)
	}
	for _, c := range st.Competing {
		it.Competing = append(it.Competing, StatusJSON{Status: string(c.Status), Author: c.Name, Delegation: data.DelegationKey(c.Delegation), Key: c.Author, Time: stamp(c.Time), Verified: verified(!c.Unverified)})
	}
	for _, c := range st.History {
		it.History = append(it.History, HistoryJSON{ID: c.ID, Kind: string(c.Kind), Time: stamp(c.Time), Author: c.Name,
			Delegation: data.DelegationKey(c.Delegation), Key: c.Author, Status: string(c.Status), Note: c.NoteID(), Text: c.Text, Summary: Summary(c),
			Verified: verified(!c.Unverified)})
	}
	return it
}

// verified is the JSON "verified" field: absent for a verified change,
// false for one nothing proves the author of.
func verified(ok bool) *bool {
	if ok {
		return nil
	}
	return new(bool)
}

// Summary describes a change in a few English words.
func Summary(c *data.Change) string {
	switch c.Kind {
	case data.ChangeStatus:
		if len(c.Parents) > 1 {
			return "resolved a status conflict: " + string(c.Status)
		}
		return "status: " + string(c.Status)
	case data.ChangeNoteAdd:
		return "added a note"
	case data.ChangeNoteEdit:
		return "edited a note"
	case data.ChangeNoteDelete:
		return "deleted a note"
	}
	return string(c.Kind)
}
