package search

import (
	"strings"

	"scoplan/data"
)

// DueSoonDays is how far ahead "due soon" looks.
const DueSoonDays = 90

// Filter narrows the measures. Within one kind of filter any value may match
// (status done or blocked); different kinds must all match.
type Filter struct {
	Statuses []data.Status       `json:"statuses,omitempty"`
	Bodies   []string            `json:"bodies,omitempty"`    // canonical names
	BodyText string              `json:"body_text,omitempty"` // substring of any name or alias of a body
	Section  string              `json:"section,omitempty"`   // "C" or "C.S"
	Overdue  bool                `json:"overdue,omitempty"`   // dated deadline passed, not done
	DueSoon  bool                `json:"due_soon,omitempty"`  // due within DueSoonDays, not done
	Kinds    []data.DeadlineKind `json:"kinds,omitempty"`
	HasNotes bool                `json:"has_notes,omitempty"`
	Conflict bool                `json:"conflict,omitempty"`
}

// IsZero reports whether the filter lets every measure through.
func (f Filter) IsZero() bool {
	return len(f.Statuses) == 0 && len(f.Bodies) == 0 && f.BodyText == "" && f.Section == "" &&
		!f.Overdue && !f.DueSoon && len(f.Kinds) == 0 && !f.HasNotes && !f.Conflict
}

// Query is a search text and a filter.
type Query struct {
	Text   string `json:"text,omitempty"`
	Filter Filter `json:"filter"`
}

// IsOverdue reports whether a measure is overdue on the given day: its dated
// deadline has passed and it is not done.
func IsOverdue(m *data.Measure, st *data.MeasureState, today data.Date) bool {
	return st.Status != data.StatusDone && m.Deadline.Overdue(today)
}

// IsDueSoon reports whether a measure not done falls due within DueSoonDays.
func IsDueSoon(m *data.Measure, st *data.MeasureState, today data.Date) bool {
	return st.Status != data.StatusDone && m.Deadline.DueWithin(today, DueSoonDays)
}

// dimension names a kind of filter, for facet counts.
type dimension int

const (
	dimNone dimension = iota
	dimStatus
	dimBody
	dimOverdue
	dimDueSoon
	dimKind
	dimNotes
	dimConflict
)

// match applies every filter but the one of dimension skip.
func (f *Filter) match(m *data.Measure, st *data.MeasureState, today data.Date, skip dimension) bool {
	switch {
	case skip != dimStatus && len(f.Statuses) > 0 && !containsStatus(f.Statuses, st.Status),
		skip != dimBody && len(f.Bodies) > 0 && !anyBody(m, f.Bodies),
		f.BodyText != "" && !BodyTextMatches(m, f.BodyText),
		f.Section != "" && m.Section.ID() != f.Section && m.Chapter().ID() != f.Section,
		skip != dimOverdue && f.Overdue && !IsOverdue(m, st, today),
		skip != dimDueSoon && f.DueSoon && !IsDueSoon(m, st, today),
		skip != dimKind && len(f.Kinds) > 0 && !containsKind(f.Kinds, m.Deadline.Kind),
		skip != dimNotes && f.HasNotes && len(st.Notes) == 0,
		skip != dimConflict && f.Conflict && !st.Conflict:
		return false
	}
	return true
}

// Match reports whether a measure passes the filter.
func (f *Filter) Match(m *data.Measure, st *data.MeasureState, today data.Date) bool {
	return f.match(m, st, today, dimNone)
}

func containsStatus(list []data.Status, s data.Status) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsKind(list []data.DeadlineKind, k data.DeadlineKind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

func anyBody(m *data.Measure, bodies []string) bool {
	for _, b := range m.Bodies {
		for _, want := range bodies {
			if b == want {
				return true
			}
		}
	}
	return false
}

// BodyTextMatches reports whether text is a substring of any name or alias
// of one of the measure's bodies (case-insensitive).
func BodyTextMatches(m *data.Measure, text string) bool {
	text = strings.ToLower(strings.TrimSpace(text))
	for _, b := range m.Bodies {
		for _, s := range BodyNames(b) {
			if strings.Contains(strings.ToLower(s), text) {
				return true
			}
		}
	}
	return false
}

// BodyNames returns every name a body is known by: its canonical name, the
// source's other spellings, and its names in the plan's translations.
var BodyNames = bodyNames

// Row is one measure in a result.
type Row struct {
	Measure *data.Measure
	State   *data.MeasureState
	Hit     *Hit // nil when there is no search text
}

// Engine answers queries over the plan and the current states. It is
// rebuilt when the states change (a status or a note) and is read-only
// afterwards, so a query never touches the disk.
type Engine struct {
	plan   *data.Plan
	states map[string]*data.MeasureState
	index  *Index
	today  data.Date
}

// DocBuilder returns the documents for the plan's measures. Extra fields
// (translations) are added by the builders in Extras, and keys derived from
// every field (pinyin, Russian stems) by the Keyers.
func DocBuilder(plan *data.Plan, states map[string]*data.MeasureState) []Doc {
	docs := make([]Doc, len(plan.Measures))
	for i, m := range plan.Measures {
		fs := []Field{{KindID, m.ID}, {KindText, m.Text}, {KindTitle, m.Section.Title}}
		for _, b := range m.Bodies {
			fs = append(fs, Field{KindBody, strings.Join(BodyNames(b), "、")})
		}
		for _, ex := range Extras {
			fs = append(fs, ex(m)...)
		}
		if st := states[m.ID]; st != nil {
			for _, n := range st.Notes {
				fs = append(fs, Field{KindNote, n.Text})
			}
		}
		fs, derived := derive(fs)
		docs[i] = Doc{Fields: fs, Derived: derived}
	}
	return docs
}

// Extras add fields to every measure's document (translations of the text,
// phonetic keys). They are set once at start-up, before any Engine is built.
var Extras []func(*data.Measure) []Field

// NewEngine builds an engine. states may lack measures nobody touched.
func NewEngine(plan *data.Plan, states map[string]*data.MeasureState, today data.Date) *Engine {
	return &Engine{plan: plan, states: states, index: NewIndex(DocBuilder(plan, states)), today: today}
}

// Plan returns the engine's plan.
func (e *Engine) Plan() *data.Plan { return e.plan }

// Today returns the day deadlines are judged against.
func (e *Engine) Today() data.Date { return e.today }

// State returns a measure's state; never nil.
func (e *Engine) State(id string) *data.MeasureState {
	if st := e.states[id]; st != nil {
		return st
	}
	return &data.MeasureState{Status: data.StatusNotStarted}
}

// Index returns the engine's search index.
func (e *Engine) Index() *Index { return e.index }

// Run returns the measures matching the query: in the plan's order when
// there is no search text, else best hit first.
func (e *Engine) Run(q Query) []Row {
	return e.filter(e.candidates(q.Text), q.Filter, dimNone)
}

// candidates returns every measure with its search hit, in result order.
func (e *Engine) candidates(text string) []Row {
	if Normalize(text) == "" {
		rows := make([]Row, len(e.plan.Measures))
		for i, m := range e.plan.Measures {
			rows[i] = Row{Measure: m, State: e.State(m.ID)}
		}
		return rows
	}
	hits, _ := searchAnyForm(e.index.Docs(), text, func(q string) ([]Hit, error) { return e.index.Search(q), nil })
	rows := make([]Row, len(hits))
	for i := range hits {
		m := e.plan.Measures[hits[i].Doc]
		rows[i] = Row{Measure: m, State: e.State(m.ID), Hit: &hits[i]}
	}
	return rows
}

func (e *Engine) filter(rows []Row, f Filter, skip dimension) []Row {
	if f.IsZero() {
		return rows
	}
	out := make([]Row, 0, len(rows))
	for _, r := range rows {
		if f.match(r.Measure, r.State, e.today, skip) {
			out = append(out, r)
		}
	}
	return out
}

// Counts says how many measures each filter value would give, combined with
// the query's search text and its other filters.
type Counts struct {
	Status   map[data.Status]int
	Body     map[string]int
	Overdue  int
	DueSoon  int
	Kind     map[data.DeadlineKind]int
	HasNotes int
	Conflict int
}

// Counts computes the facet counts for a query: for each kind of filter, the
// measures that pass the search and every other kind of filter, by value.
func (e *Engine) Counts(q Query) Counts {
	c := Counts{Status: map[data.Status]int{}, Body: map[string]int{}, Kind: map[data.DeadlineKind]int{}}
	all := e.candidates(q.Text)
	each := func(d dimension, fn func(Row)) {
		for _, r := range e.filter(all, q.Filter, d) {
			fn(r)
		}
	}
	each(dimStatus, func(r Row) { c.Status[r.State.Status]++ })
	each(dimBody, func(r Row) {
		for _, b := range r.Measure.Bodies {
			c.Body[b]++
		}
	})
	each(dimKind, func(r Row) { c.Kind[r.Measure.Deadline.Kind]++ })
	each(dimOverdue, func(r Row) {
		if IsOverdue(r.Measure, r.State, e.today) {
			c.Overdue++
		}
	})
	each(dimDueSoon, func(r Row) {
		if IsDueSoon(r.Measure, r.State, e.today) {
			c.DueSoon++
		}
	})
	each(dimNotes, func(r Row) {
		if len(r.State.Notes) > 0 {
			c.HasNotes++
		}
	})
	each(dimConflict, func(r Row) {
		if r.State.Conflict {
			c.Conflict++
		}
	})
	return c
}
