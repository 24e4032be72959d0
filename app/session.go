package app

import (
	"encoding/json"
	"sort"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
)

// Keys of the GUI's settings kept in the data file (they travel with it on
// a USB stick in portable mode).
const (
	settingQuery   = "gui.query"   // the last search and filters, JSON of search.Query
	settingTheme   = "gui.theme"   // "light", "dark" or "system"
	settingMeasure = "gui.measure" // the measure last shown
)

// session is what the window shows, without any Fyne: the store, the
// search engine over its current state, the query and its results. Screens
// read it and call its methods; it never draws anything.
type session struct {
	store *storage.Store
	plan  *data.Plan
	today data.Date

	engine  *search.Engine
	changes int // the store's change count the engine was built on

	query  search.Query
	rows   []search.Row
	counts search.Counts
	// sectionRows are the results of the query without its section
	// filter: the navigation counts them per chapter and section.
	sectionRows []search.Row
}

func newSession(s *storage.Store, today data.Date) *session {
	se := &session{store: s, plan: s.Plan(), today: today, changes: -1}
	se.query = loadQuery(s)
	se.refresh()
	return se
}

// loadQuery reads the last query from the store; a damaged or stale value
// is dropped rather than trusted.
func loadQuery(s *storage.Store) search.Query {
	var q search.Query
	raw := s.Setting(settingQuery)
	if raw == nil || json.Unmarshal(raw, &q) != nil {
		return search.Query{}
	}
	plan := s.Plan()
	var statuses []data.Status
	for _, st := range q.Filter.Statuses {
		if _, err := data.ParseStatus(string(st)); err == nil {
			statuses = append(statuses, st)
		}
	}
	q.Filter.Statuses = statuses
	known := map[string]bool{}
	for _, b := range plan.Bodies() {
		known[b] = true
	}
	var bodies []string
	for _, b := range q.Filter.Bodies {
		if known[b] {
			bodies = append(bodies, b)
		}
	}
	q.Filter.Bodies = bodies
	var kinds []data.DeadlineKind
	for _, k := range q.Filter.Kinds {
		for _, want := range data.DeadlineKinds {
			if k == want {
				kinds = append(kinds, k)
			}
		}
	}
	q.Filter.Kinds = kinds
	if q.Filter.Section != "" && plan.Section(q.Filter.Section) == nil && plan.Chapter(q.Filter.Section) == nil {
		q.Filter.Section = ""
	}
	if len(q.Text) > 1000 {
		q.Text = ""
	}
	return q
}

// saveQuery writes the query to the store so it comes back after a restart.
func (se *session) saveQuery() error {
	buf, err := json.Marshal(se.query)
	if err != nil {
		return err
	}
	return se.store.SetSetting(settingQuery, buf)
}

// refresh rebuilds the engine if the store changed since it was built, and
// reruns the query. It reports whether the engine was rebuilt.
func (se *session) refresh() bool {
	rebuilt := false
	if n := se.store.ChangeCount(); n != se.changes || se.engine == nil {
		se.engine = search.NewEngine(se.plan, se.store.States(), se.today, search.After(se.engine))
		se.changes = n
		rebuilt = true
	}
	se.run()
	return rebuilt
}

// run reruns the query on the current engine.
func (se *session) run() {
	se.rows = se.engine.Run(se.query)
	se.counts = se.engine.Counts(se.query)
	if se.query.Filter.Section == "" {
		se.sectionRows = se.rows
	} else {
		q := se.query
		q.Filter.Section = ""
		se.sectionRows = se.engine.Run(q)
	}
}

// state returns a measure's current state; never nil.
func (se *session) state(id string) *data.MeasureState { return se.engine.State(id) }

// hasFilters reports whether any filter other than the section is on.
func (se *session) hasFilters() bool {
	f := se.query.Filter
	f.Section = ""
	return !f.IsZero()
}

// rowIndex returns the position of a measure in the results, or -1.
func (se *session) rowIndex(id string) int {
	for i, r := range se.rows {
		if r.Measure.ID == id {
			return i
		}
	}
	return -1
}

// progress counts the measures of a chapter or section ("" for the whole
// plan): how many match the query without its section filter, how many
// there are, and how many of those are done.
func (se *session) progress(scope string) (matching, total, done int) {
	in := func(m *data.Measure) bool {
		return scope == "" || m.Section.ID() == scope || m.Chapter().ID() == scope
	}
	for _, r := range se.sectionRows {
		if in(r.Measure) {
			matching++
		}
	}
	for _, m := range se.plan.Measures {
		if in(m) {
			total++
			if se.state(m.ID).Status == data.StatusDone {
				done++
			}
		}
	}
	return matching, total, done
}

// statusCounts counts the measures of a chapter ("" for the whole plan) by status.
func (se *session) statusCounts(chapter string) map[data.Status]int {
	out := map[data.Status]int{}
	for _, m := range se.plan.Measures {
		if chapter == "" || m.Chapter().ID() == chapter {
			out[se.state(m.ID).Status]++
		}
	}
	return out
}

// overdue and dueSoon list the measures not done whose dated deadline has
// passed, or falls within data.DueSoonDays, soonest first.
func (se *session) overdue() []*data.Measure {
	return se.dated(func(m *data.Measure, st *data.MeasureState) bool { return data.IsOverdue(m, st, se.today) })
}

func (se *session) dueSoon() []*data.Measure {
	return se.dated(func(m *data.Measure, st *data.MeasureState) bool { return data.IsDueSoon(m, st, se.today) })
}

func (se *session) dated(keep func(*data.Measure, *data.MeasureState) bool) []*data.Measure {
	var out []*data.Measure
	for _, m := range se.plan.Measures {
		if keep(m, se.state(m.ID)) {
			out = append(out, m)
		}
	}
	// Stable: measures due on the same day keep the plan's order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Deadline.Due.Time().Before(out[j].Deadline.Due.Time()) })
	return out
}

// conflicts lists the measures whose status is in conflict.
func (se *session) conflicts() []*data.Measure {
	var out []*data.Measure
	for _, m := range se.plan.Measures {
		if se.state(m.ID).Conflict {
			out = append(out, m)
		}
	}
	return out
}
