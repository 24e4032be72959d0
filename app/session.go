package app

import (
	"encoding/json"
	"reflect"
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
	settingViewed  = "gui.viewed"  // the delegation the filters look at (sessionview.go)
)

// session is what the window shows, without any Fyne: the store, the
// search engine over its current state, the query and its results, the
// measure on show. It is the one owner of that state: screens read it,
// change it through its methods and redraw when it tells them (OnQueryChanged,
// OnRowsChanged, OnShown, OnStateChanged); it never draws anything.
type session struct {
	store *storage.Store
	plan  *data.Plan
	today data.Date

	engine  *search.Engine
	changes int // the store's revision (Store.Revision) the engine was built on
	// viewed is the delegation whose status the status, overdue and
	// conflict filters look at: "" for the user's own (sessionview.go).
	viewed string

	query  search.Query
	rows   []search.Row
	counts search.Counts
	// sectionRows are the results of the query without its section
	// filter: the navigation counts them per chapter and section.
	sectionRows []search.Row

	shown   string // the measure on show, "" for none
	pinned  string // a measure kept on show though it left the results
	writing bool   // a note is being written on the measure shown: it stays

	// guard runs the redraw after a store write; the window turns a panic
	// in it into an error dialog. It calls fn directly by default.
	guard func(fn func())

	onQuery, onRows, onShown, onState []func()

	newSince sinceChoice // what counts as new (session_since.go)
	onSince  []func()
}

func newSession(s *storage.Store, today data.Date) *session {
	se := &session{store: s, plan: s.Plan(), today: today, changes: -1, guard: func(fn func()) { fn() }}
	se.query = loadQuery(s)
	se.viewed = loadViewed(s, se.query.Filter.AnyDelegation)
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

// saveQuery writes the query, and the delegation the filters look at, to
// the store so they come back after a restart.
func (se *session) saveQuery() error {
	if se.readOnly() {
		return nil // nothing is kept of a file the user may not write
	}
	buf, err := json.Marshal(se.query)
	if err != nil {
		return err
	}
	if err := se.store.SetSetting(settingQuery, buf); err != nil {
		return err
	}
	return se.saveViewed()
}

// refresh rebuilds the engine if the store changed since it was built, and
// reruns the query. It reports whether the engine was rebuilt.
func (se *session) refresh() bool {
	rebuilt := false
	if n := se.store.Revision(); n != se.changes || se.engine == nil {
		se.engine = search.NewEngine(se.plan, se.viewedStates(), se.today, search.After(se.engine))
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

// state returns a measure's current state, its status the user's own
// delegation's; never nil.
func (se *session) state(id string) *data.MeasureState {
	if se.viewed != "" {
		return se.store.Measure(id)
	}
	return se.engine.State(id)
}

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
		if in(r.Measure) && !r.Similar() { // loose matches are not counted as found
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

// ---- change notifications ----

// OnQueryChanged calls f when the search text or a filter changed, before
// the query is rerun.
func (se *session) OnQueryChanged(f func()) { se.onQuery = append(se.onQuery, f) }

// OnRowsChanged calls f when the rows were rerun: after the query changed,
// or after the store changed.
func (se *session) OnRowsChanged(f func()) { se.onRows = append(se.onRows, f) }

// OnShown calls f when another measure is put on show.
func (se *session) OnShown(f func()) { se.onShown = append(se.onShown, f) }

// OnStateChanged calls f after the store changed (a write of the window's
// own, or one made elsewhere such as an import), once the engine is rebuilt.
func (se *session) OnStateChanged(f func()) { se.onState = append(se.onState, f) }

func notify(fs []func()) {
	for _, f := range fs {
		f()
	}
}

// ---- the query ----

// SetText sets the search text and reruns the query; it reports whether
// the text changed.
func (se *session) SetText(text string) bool {
	if text == se.query.Text {
		return false
	}
	se.query.Text = text
	se.requery()
	return true
}

// ChangeFilter changes the filter with set and reruns the query if that
// changed it; it reports whether it did.
func (se *session) ChangeFilter(set func(*search.Filter)) bool {
	f := se.query.Filter
	set(&f)
	if reflect.DeepEqual(f, se.query.Filter) {
		return false
	}
	se.query.Filter = f
	se.requery()
	return true
}

// SetSection narrows the query to a chapter or section ("" for the whole
// plan); it reports whether the section changed.
func (se *session) SetSection(scope string) bool {
	return se.ChangeFilter(func(f *search.Filter) { f.Section = scope })
}

// ClearFilters clears every filter, keeping the search, the section and
// whose status the filters look at.
func (se *session) ClearFilters() bool {
	return se.ChangeFilter(func(f *search.Filter) {
		*f = search.Filter{Section: f.Section, AnyDelegation: f.AnyDelegation} // whose status is not a filter
	})
}

// SetQuery replaces the whole query and reruns it.
func (se *session) SetQuery(q search.Query) {
	se.query = q
	se.requery()
}

// Query is the query now.
func (se *session) Query() search.Query { return se.query }

// Rows are the query's results now.
func (se *session) Rows() []search.Row { return se.rows }

// requery reruns the query after it changed: the pinned measure is let go,
// and the measure on show follows the results.
func (se *session) requery() {
	se.pinned = ""
	notify(se.onQuery)
	se.run()
	se.follow()
	notify(se.onRows)
}

// ---- the measure on show ----

// Shown is the measure on show, "" for none.
func (se *session) Shown() string { return se.shown }

// Show puts a measure on show ("" for none).
func (se *session) Show(id string) {
	if id == se.shown {
		return
	}
	se.shown = id
	notify(se.onShown)
}

// SetWriting says whether a note is being written on the measure shown:
// while it is, the measure stays on show whatever the results.
func (se *session) SetWriting(on bool) { se.writing = on }

// follow shows the best result when the measure shown has left the
// results, unless a note is being written on it or it is pinned.
func (se *session) follow() {
	if se.writing || se.rowIndex(se.shown) >= 0 || (se.pinned != "" && se.pinned == se.shown) {
		return
	}
	if len(se.rows) > 0 {
		se.Show(se.rows[0].Measure.ID)
	} else {
		se.Show("")
	}
}

// ---- the store ----

// Reload rebuilds the engine if the store changed and tells everyone.
func (se *session) Reload() {
	se.guard(func() {
		se.refresh()
		notify(se.onState)
		se.follow()
		notify(se.onRows)
	})
}

// SetStatus records a status. A measure on show that leaves the results
// through it (resolving a conflict while the conflict filter is on) stays
// on show. It reports whether a conflict was resolved and whether the
// measure left the results; err is nil for a status already set.
func (se *session) SetStatus(id string, st data.Status) (resolved, left bool, err error) {
	conflict, listed := se.state(id).Conflict, se.rowIndex(id) >= 0
	if id == se.shown {
		se.pinned = id // before the write: the store's listeners redraw
	}
	_, err = se.store.SetStatus(id, st)
	if storage.IsUnchanged(err) {
		err = nil
	}
	se.Reload()
	if err != nil {
		return false, false, err
	}
	return conflict && !se.state(id).Conflict, listed && se.rowIndex(id) < 0, nil
}

// AddNote, EditNote and DeleteNote write a note and redraw.
func (se *session) AddNote(id, text string) error {
	_, err := se.store.AddNote(id, text)
	if err == nil {
		se.Reload()
	}
	return err
}

func (se *session) EditNote(id, note, text string) error {
	_, err := se.store.EditNote(id, note, text)
	if err == nil {
		se.Reload()
	}
	return err
}

func (se *session) DeleteNote(id, note string) error {
	_, err := se.store.DeleteNote(id, note)
	se.Reload()
	return err
}
