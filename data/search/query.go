package search

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"scoplan/data"
	"scoplan/data/search/internal/index"
	"scoplan/data/search/internal/lang"
)

// Filter narrows the measures. Within one kind of filter any value may match
// (status done or blocked); different kinds must all match.
type Filter struct {
	Statuses []data.Status       `json:"statuses,omitempty"`
	Bodies   []string            `json:"bodies,omitempty"`    // canonical names
	BodyText string              `json:"body_text,omitempty"` // substring of any name or alias of a body
	Section  string              `json:"section,omitempty"`   // "C" or "C.S"
	Overdue  bool                `json:"overdue,omitempty"`   // dated deadline passed, not done
	DueSoon  bool                `json:"due_soon,omitempty"`  // due within data.DueSoonDays, not done
	Kinds    []data.DeadlineKind `json:"kinds,omitempty"`
	HasNotes bool                `json:"has_notes,omitempty"`
	Conflict bool                `json:"conflict,omitempty"`
	// AnyDelegation makes the status, overdue, due-soon and conflict
	// filters look at every delegation that reported instead of the
	// states' own status: see anydelegation.go. It lets every measure
	// through by itself. Match ignores it; the Engine applies it.
	AnyDelegation bool `json:"any_delegation,omitempty"`
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
		skip != dimOverdue && f.Overdue && !data.IsOverdue(m, st, today),
		skip != dimDueSoon && f.DueSoon && !data.IsDueSoon(m, st, today),
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
		for _, s := range lang.BodyNames(b) {
			if strings.Contains(strings.ToLower(s), text) {
				return true
			}
		}
	}
	return false
}

// Row is one measure in a result.
type Row struct {
	Measure *data.Measure
	State   *data.MeasureState
	// Hit is nil when there is no search text. The Engine leaves its Ranges
	// nil: Engine.Ranges works them out for the rows on screen.
	Hit  *Hit
	text string // the search text the row was found with
	doc  int    // the measure's index in the plan
}

// Engine answers queries over the plan and the current states. It is
// rebuilt when the states change (a status or a note) and is read-only
// afterwards, so a query never touches the disk. Its search index is built
// on the first query with search text (or by Index), not before. Queries
// typed one after the other reuse each other's work (see index.Session); Run and
// Counts for the same text share one search. It is safe for concurrent use.
type Engine struct {
	plan   *data.Plan
	states map[string]*data.MeasureState
	today  data.Date
	extras []func(*data.Measure) []Field // fields added to every measure's document
	keys   *lang.Keys                    // derives keys from the fields; nil: none

	indexOnce sync.Once
	index     *index.Index
	session   *index.Session // for the queries as typed and their other forms (Keys.AltQuery)
	// built is what Index built, for an engine made After this one; reuse
	// is what the engine before this one built, until Index is built.
	built atomic.Pointer[builtIndex]
	reuse *builtIndex

	mu         sync.Mutex
	lastText   string // the search text of lastRows
	lastRows   []Row  // candidates(lastText); never handed out to be changed
	rangesText string // the search text of ranges
	ranges     map[int]map[int][]Range
	docJobs    map[string]*index.DocQuery // the queries Ranges asks, prepared

	factsOnce sync.Once
	facts     []facts // by measure index
	bodyNames []string

	anyOnce  sync.Once
	anyFacts [][]facts // by measure index, one per delegation that reported (anydelegation.go)
}

// facts are what the facet counts need to know of a measure; they do not
// change while the Engine lives, so they are worked out once.
type facts struct {
	status                            data.Status
	kind                              data.DeadlineKind
	si, ki                            int     // indexes in data.Statuses and data.DeadlineKinds, -1 if not there
	bodies                            []int32 // into Engine.bodyNames
	overdue, dueSoon, notes, conflict bool
}

func (e *Engine) measureFacts() []facts {
	e.factsOnce.Do(func() {
		e.facts = make([]facts, len(e.plan.Measures))
		body := map[string]int32{}
		for i, m := range e.plan.Measures {
			st := e.State(m.ID)
			f := &e.facts[i]
			f.status, f.kind = st.Status, m.Deadline.Kind
			f.si, f.ki = slices.Index(data.Statuses, st.Status), slices.Index(data.DeadlineKinds, m.Deadline.Kind)
			f.overdue, f.dueSoon = data.IsOverdue(m, st, e.today), data.IsDueSoon(m, st, e.today)
			f.notes, f.conflict = len(st.Notes) > 0, st.Conflict
			for _, b := range m.Bodies {
				k, ok := body[b]
				if !ok {
					k = int32(len(e.bodyNames))
					body[b] = k
					e.bodyNames = append(e.bodyNames, b)
				}
				f.bodies = append(f.bodies, k)
			}
		}
	})
	return e.facts
}

// maxRanges bounds the rows whose ranges an Engine remembers.
const maxRanges = 1024

// NewEngine builds an engine. states may lack measures nobody touched.
// A measure is found by its text, section title and bodies in every
// language of the plan, and by the pinyin of its Chinese and the stems of
// its Russian (see internal/lang).
func NewEngine(plan *data.Plan, states map[string]*data.MeasureState, today data.Date, opts ...Option) *Engine {
	e := &Engine{plan: plan, states: states, today: today, extras: []func(*data.Measure) []Field{lang.TranslatedFields}}
	for _, o := range opts {
		o(e)
	}
	if e.keys == nil {
		e.keys = lang.NewKeys(nil)
	}
	return e
}

// An Option changes how NewEngine builds an engine.
type Option func(*Engine)

// After makes the new engine take over what the engine prev (which may be
// nil) derived from the fields it still has: an engine rebuilt after a
// change of a status or a note then derives only the keys of what changed.
// What the new engine does not take over is let go with prev.
//
// When prev's index is built and no measure's fields changed (a status
// changed, not a note), the new engine shares prev's index: a search's
// results depend on the fields alone.
func After(prev *Engine) Option {
	return func(e *Engine) {
		if prev != nil {
			e.keys = lang.NewKeys(prev.keys)
			e.reuse = prev.built.Load()
		}
	}
}

// builtIndex is an engine's index and the fields it was built from.
type builtIndex struct {
	fields [][]Field // per measure, before any key is derived
	index  *index.Index
}

// sameFields reports whether two engines' measures have the same fields.
func sameFields(a, b [][]Field) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// fields returns the fields of the plan's measures: the ID, text, section
// title and bodies of each, the extra fields and its notes.
func (e *Engine) fields() [][]Field {
	out := make([][]Field, len(e.plan.Measures))
	for i, m := range e.plan.Measures {
		fs := []Field{{Kind: KindID, Text: m.ID}, {Kind: KindText, Text: m.Text}, {Kind: KindTitle, Text: m.Section.Title}}
		for _, b := range m.Bodies {
			fs = append(fs, Field{Kind: KindBody, Text: strings.Join(lang.BodyNames(b), "、")})
		}
		for _, ex := range e.extras {
			fs = append(fs, ex(m)...)
		}
		if st := e.states[m.ID]; st != nil {
			for _, n := range st.Notes {
				fs = append(fs, Field{Kind: KindNote, Text: n.Text})
			}
		}
		out[i] = fs
	}
	return out
}

// docs returns the documents for the measures' fields: the fields and the
// keys the engine's Keys derive from them.
func (e *Engine) docs(fields [][]Field) []Doc {
	keyers := e.keyers()
	docs := make([]Doc, len(fields))
	for i, fs := range fields {
		docs[i] = index.DeriveDoc(fs, keyers)
	}
	return docs
}

// keyers returns the keyers the engine's documents were derived with.
func (e *Engine) keyers() []index.Keyer {
	if e.keys == nil {
		return nil
	}
	return e.keys.Keyers()
}

// altQuery returns a query's other form (see lang.Keys.AltQuery), or "".
func (e *Engine) altQuery(q string) string {
	if e.keys == nil {
		return ""
	}
	return e.keys.AltQuery(q)
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
	return &data.MeasureState{DelegationStatus: data.DelegationStatus{Status: data.StatusNotStarted}}
}

// Index returns the engine's search index, building it on first use. A
// caller that wants the first search to be quick can call it early, in the
// background.
func (e *Engine) Index() *index.Index {
	e.indexOnce.Do(func() {
		fields := e.fields()
		if r := e.reuse; r != nil && sameFields(fields, r.fields) {
			// Nothing to derive again. The keys stay unsealed and empty:
			// the next engine takes over from the ones they were made
			// from (lang.NewKeys), which derived this index's keys.
			e.index = r.index
		} else {
			e.index = index.New(e.docs(fields), e.keyers())
			if e.keys != nil {
				e.keys.Seal() // every key is derived: what was not taken over is let go
			}
		}
		e.reuse = nil
		e.session = e.index.NewRankSession()
		e.built.Store(&builtIndex{fields: fields, index: e.index})
	})
	return e.index
}

// Run returns the measures matching the query: in the plan's order when
// there is no search text, else best hit first.
func (e *Engine) Run(q Query) []Row {
	rows, _ := e.run(context.Background(), q)
	return rows
}

// RunContext returns what Run and Counts return for the query, with one
// search. It gives up with ctx's error when ctx ends first, so a caller
// that searches in the background can cancel the query of a keystroke the
// next one has made stale. The GUI does not call it: it runs each
// keystroke's Run and Counts to the end, on Fyne's goroutine
// (app/session.go).
func (e *Engine) RunContext(ctx context.Context, q Query) ([]Row, Counts, error) {
	rows, err := e.run(ctx, q)
	if err != nil {
		return nil, Counts{}, err
	}
	c, err := e.counts(ctx, q)
	return rows, c, err
}

func (e *Engine) run(ctx context.Context, q Query) ([]Row, error) {
	all, err := e.candidates(ctx, q.Text)
	if err != nil {
		return nil, err
	}
	if q.Filter.IsZero() {
		return append([]Row(nil), all...), nil // the caller may change its copy
	}
	return e.filter(all, q.Filter, dimNone), nil
}

// candidates returns every measure with its search hit, in result order.
// The result is shared: callers must not change it.
func (e *Engine) candidates(ctx context.Context, text string) ([]Row, error) {
	e.mu.Lock()
	if e.lastRows != nil && e.lastText == text {
		rows := e.lastRows
		e.mu.Unlock()
		return rows, nil
	}
	e.mu.Unlock()
	var rows []Row
	if Normalize(text) == "" {
		rows = make([]Row, len(e.plan.Measures))
		for i, m := range e.plan.Measures {
			rows[i] = Row{Measure: m, State: e.State(m.ID), doc: i}
		}
	} else {
		e.Index()
		// The query and its other form (AltQuery) each narrow on a stack
		// of their own; the hits are copied, as searchAnyForm changes them.
		form := 0
		hits, err := index.SearchAnyForm(text, e.altQuery, func(q string) ([]Hit, error) {
			hs, err := e.session.SearchForm(ctx, q, form)
			form = 1
			return append([]Hit(nil), hs...), err
		}, func(_ int, r map[int][]Range) map[int][]Range { return r })
		if err != nil {
			return nil, err
		}
		rows = make([]Row, len(hits))
		for i := range hits {
			m := e.plan.Measures[hits[i].Doc]
			rows[i] = Row{Measure: m, State: e.State(m.ID), Hit: &hits[i], text: text, doc: hits[i].Doc}
		}
	}
	e.mu.Lock()
	e.lastText, e.lastRows = text, rows
	e.mu.Unlock()
	return rows, nil
}

// Ranges returns the matched runes of a row's hit by field, as Reference
// and searchAnyForm give them (ranges found in derived keys moved to the
// fields they come from). Run leaves them out, as working them out for
// every hit would cost more than the search itself; a list asks for the
// rows it shows. The last text's ranges are remembered, so asking again as
// a row is drawn again costs nothing; the result is shared and must not be
// changed. It returns nil for a row without a hit.
func (e *Engine) Ranges(r Row) map[int][]Range {
	if r.Hit == nil {
		return nil
	}
	ix := e.Index()
	d := r.Hit.Doc
	if d < 0 || d >= ix.Len() {
		return nil
	}
	e.mu.Lock()
	if rs, ok := e.ranges[d]; ok && e.rangesText == r.text {
		e.mu.Unlock()
		return rs
	}
	e.mu.Unlock()
	var out map[int][]Range
	hits, _ := index.SearchAnyForm(r.text, e.altQuery, func(q string) ([]Hit, error) {
		if r.Hit.Similar {
			return e.docQuery(q).SimilarHits(d), nil
		}
		return e.docQuery(q).Hits(d), nil
	}, ix.SourceRanges)
	for _, h := range hits {
		if h.Doc == d {
			out = h.Ranges
		}
	}
	e.mu.Lock()
	if e.rangesText != r.text || len(e.ranges) >= maxRanges {
		e.rangesText, e.ranges = r.text, map[int]map[int][]Range{}
	}
	e.ranges[d] = out
	e.mu.Unlock()
	return out
}

// docQuery returns query prepared for asking one document, prepared once.
func (e *Engine) docQuery(query string) *index.DocQuery {
	e.mu.Lock()
	defer e.mu.Unlock()
	if j, ok := e.docJobs[query]; ok {
		return j
	}
	if len(e.docJobs) >= 8 {
		e.docJobs = nil
	}
	if e.docJobs == nil {
		e.docJobs = map[string]*index.DocQuery{}
	}
	j := e.index.DocQuery(query)
	e.docJobs[query] = j
	return j
}

func (e *Engine) filter(rows []Row, f Filter, skip dimension) []Row {
	if f.IsZero() {
		return rows
	}
	if f.AnyDelegation {
		return e.filterAny(rows, &f)
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
	c, _ := e.counts(context.Background(), q)
	return c
}

func (e *Engine) counts(ctx context.Context, q Query) (Counts, error) {
	c := Counts{Status: map[data.Status]int{}, Body: map[string]int{}, Kind: map[data.DeadlineKind]int{}}
	all, err := e.candidates(ctx, q.Text)
	if err != nil {
		return c, err
	}
	if q.Filter.AnyDelegation {
		e.countAny(all, &q.Filter, &c)
		return c, nil
	}
	// One pass: a row counts for the facet of dimension d when it passes
	// every filter but maybe d's. Counted in arrays, put in maps at the end.
	known := e.measureFacts()
	f := &q.Filter
	statuses := make([]int, len(data.Statuses))
	kinds := make([]int, len(data.DeadlineKinds))
	bodies := make([]int, len(e.bodyNames))
	// Values outside data.Statuses or data.DeadlineKinds (none today) are
	// counted in the maps directly.
	addStatus := func(mf *facts) {
		if mf.si >= 0 {
			statuses[mf.si]++
		} else {
			c.Status[mf.status]++
		}
	}
	addKind := func(mf *facts) {
		if mf.ki >= 0 {
			kinds[mf.ki]++
		} else {
			c.Kind[mf.kind]++
		}
	}
	for _, r := range all {
		if r.Similar() {
			continue // the counts count real matches only
		}
		mf := &known[r.doc]
		fails, out := measureFails(f, r.Measure)
		if out {
			continue
		}
		fails |= factFails(f, mf)
		if fails == 0 { // the common case: every facet counts the row
			addStatus(mf)
			for _, b := range mf.bodies {
				bodies[b]++
			}
			addKind(mf)
			c.Overdue += b2i(mf.overdue)
			c.DueSoon += b2i(mf.dueSoon)
			c.HasNotes += b2i(mf.notes)
			c.Conflict += b2i(mf.conflict)
			continue
		}
		counts := func(d dimension) bool { return fails&^(1<<d) == 0 }
		if counts(dimStatus) {
			addStatus(mf)
		}
		if counts(dimBody) {
			for _, b := range mf.bodies {
				bodies[b]++
			}
		}
		if counts(dimKind) {
			addKind(mf)
		}
		if counts(dimOverdue) && mf.overdue {
			c.Overdue++
		}
		if counts(dimDueSoon) && mf.dueSoon {
			c.DueSoon++
		}
		if counts(dimNotes) && mf.notes {
			c.HasNotes++
		}
		if counts(dimConflict) && mf.conflict {
			c.Conflict++
		}
	}
	for i, n := range statuses {
		if n > 0 {
			c.Status[data.Statuses[i]] = n
		}
	}
	for i, n := range kinds {
		if n > 0 {
			c.Kind[data.DeadlineKinds[i]] = n
		}
	}
	for b, n := range bodies {
		if n > 0 {
			c.Body[e.bodyNames[b]] = n
		}
	}
	return c, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
