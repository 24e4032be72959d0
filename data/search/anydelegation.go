package search

import (
	"slices"

	"scoplan/data"
)

// "Any delegation" (Filter.AnyDelegation) is the question a Secretariat
// officer asks of the plan: is this measure blocked, overdue or in conflict
// for some delegation? The delegations looked at are those that reported:
// every delegation that set a status of at least one measure in the data
// file (the ones the filter panel's facet and `list --delegation` offer).
// On a measure it did not report on, such a delegation counts as not
// started, as it does when chosen alone. A measure passes the filters when
// they all hold for at least one of those delegations, the same one: "done
// and overdue" never holds, "blocked and in conflict" needs one delegation
// both blocked and in conflict. When no delegation reported anything, the
// states' own status is looked at, as without AnyDelegation.
//
// So, with Kazakhstan and Russia reporting: status blocked lists the
// measures either set blocked; overdue lists the measures whose dated
// deadline passed and that one of them has not reported done (a measure
// neither touched is not started for both); conflict lists the measures
// where people of one delegation disagree.
//
// Facet counts count a measure once under each value some delegation gives
// it: a measure done for Kazakhstan and blocked for Russia counts under
// both, so the status counts may add up to more than the measures.

// reportingKeys returns the keys of the delegations that set a status of
// any measure of the engine's states, sorted.
func (e *Engine) reportingKeys() []string {
	seen := map[string]bool{}
	for _, st := range e.states {
		for k := range st.Statuses {
			seen[k] = true
		}
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// delegationFacts returns, by measure index, the facts of the measure as
// each reporting delegation sees it (one entry, the states' own, when no
// delegation reported). Worked out once per engine.
func (e *Engine) delegationFacts() [][]facts {
	e.anyOnce.Do(func() {
		base := e.measureFacts()
		keys := e.reportingKeys()
		e.anyFacts = make([][]facts, len(base))
		for i, m := range e.plan.Measures {
			if len(keys) == 0 {
				e.anyFacts[i] = base[i : i+1 : i+1]
				continue
			}
			st := e.State(m.ID)
			views := make([]facts, len(keys))
			for j, k := range keys {
				d := st.StatusOf(k)
				v := base[i] // bodies, kind and notes do not depend on the delegation
				v.status, v.si, v.conflict = d.Status, slices.Index(data.Statuses, d.Status), d.Conflict
				ds := &data.MeasureState{DelegationStatus: d}
				v.overdue, v.dueSoon = data.IsOverdue(m, ds, e.today), data.IsDueSoon(m, ds, e.today)
				views[j] = v
			}
			e.anyFacts[i] = views
		}
	})
	return e.anyFacts
}

// measureFails returns the dimensions of f that measure m fails whoever
// reports it (its bodies), as bits (1<<dim); out is true when the measure
// is outside the filters that no facet counts (body text, section).
func measureFails(f *Filter, m *data.Measure) (fails uint, out bool) {
	if f.BodyText != "" && !BodyTextMatches(m, f.BodyText) ||
		f.Section != "" && m.Section.ID() != f.Section && m.Chapter().ID() != f.Section {
		return 0, true
	}
	if len(f.Bodies) > 0 && !anyBody(m, f.Bodies) {
		fails |= 1 << dimBody
	}
	return fails, false
}

// factFails returns the dimensions of f that a measure seen with the facts
// mf (one delegation's) fails, as bits.
func factFails(f *Filter, mf *facts) (fails uint) {
	if len(f.Statuses) > 0 && !containsStatus(f.Statuses, mf.status) {
		fails |= 1 << dimStatus
	}
	if f.Overdue && !mf.overdue {
		fails |= 1 << dimOverdue
	}
	if f.DueSoon && !mf.dueSoon {
		fails |= 1 << dimDueSoon
	}
	if len(f.Kinds) > 0 && !containsKind(f.Kinds, mf.kind) {
		fails |= 1 << dimKind
	}
	if f.HasNotes && !mf.notes {
		fails |= 1 << dimNotes
	}
	if f.Conflict && !mf.conflict {
		fails |= 1 << dimConflict
	}
	return fails
}

// filterAny keeps the rows that pass every filter for some delegation.
func (e *Engine) filterAny(rows []Row, f *Filter) []Row {
	views := e.delegationFacts()
	out := make([]Row, 0, len(rows))
	for _, r := range rows {
		mfails, o := measureFails(f, r.Measure)
		if o || mfails != 0 {
			continue
		}
		for i := range views[r.doc] {
			if factFails(f, &views[r.doc][i]) == 0 {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// countAny fills c with the facet counts of f over rows: a row counts for a
// value of dimension d when some delegation gives it that value and passes
// every filter but d's. Counted in arrays, put in maps at the end, as
// Engine.counts does.
func (e *Engine) countAny(rows []Row, f *Filter, c *Counts) {
	views := e.delegationFacts()
	known := e.measureFacts() // the measures' bodies, numbered
	statuses := make([]int, len(data.Statuses))
	bodies := make([]int, len(e.bodyNames))
	for _, r := range rows {
		if r.Similar() {
			continue // the counts count real matches only
		}
		mfails, out := measureFails(f, r.Measure)
		if out {
			continue
		}
		var seen uint64                 // statuses counted, by index in data.Statuses
		var others map[data.Status]bool // statuses outside data.Statuses (none today)
		var body, kind, notes, overdue, dueSoon, conflict bool
		for i := range views[r.doc] {
			mf := &views[r.doc][i]
			fails := mfails | factFails(f, mf)
			counts := func(d dimension) bool { return fails&^(1<<d) == 0 }
			if counts(dimStatus) {
				switch {
				case mf.si >= 0 && mf.si < 64:
					seen |= 1 << mf.si
				default:
					if others == nil {
						others = map[data.Status]bool{}
					}
					others[mf.status] = true
				}
			}
			body = body || counts(dimBody)
			kind = kind || counts(dimKind)
			notes = notes || counts(dimNotes) && mf.notes
			overdue = overdue || counts(dimOverdue) && mf.overdue
			dueSoon = dueSoon || counts(dimDueSoon) && mf.dueSoon
			conflict = conflict || counts(dimConflict) && mf.conflict
		}
		for i := range statuses {
			if seen&(1<<i) != 0 {
				statuses[i]++
			}
		}
		for s := range others {
			c.Status[s]++
		}
		if body {
			for _, b := range known[r.doc].bodies {
				bodies[b]++
			}
		}
		if kind {
			c.Kind[r.Measure.Deadline.Kind]++
		}
		c.HasNotes += b2i(notes)
		c.Overdue += b2i(overdue)
		c.DueSoon += b2i(dueSoon)
		c.Conflict += b2i(conflict)
	}
	for i, n := range statuses {
		if n > 0 {
			c.Status[data.Statuses[i]] += n
		}
	}
	for i, n := range bodies {
		if n > 0 {
			c.Body[e.bodyNames[i]] += n
		}
	}
}
