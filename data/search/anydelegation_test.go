package search

import (
	"slices"
	"testing"

	"scoplan/data"
)

// anyStates has Kazakhstan (the own delegation) and Russia reporting:
// 1.1.1 done for KZ; 1.1.2 (deadline passed) done for KZ, blocked for RU;
// 1.3.1 blocked and in conflict for RU.
func anyStates() map[string]*data.MeasureState {
	kz := func(s data.Status) *data.DelegationStatus { return &data.DelegationStatus{Status: s} }
	mk := func(own data.Status, statuses map[string]*data.DelegationStatus) *data.MeasureState {
		return &data.MeasureState{DelegationStatus: data.DelegationStatus{Status: own}, Statuses: statuses}
	}
	return map[string]*data.MeasureState{
		"1.1.1": mk(data.StatusDone, map[string]*data.DelegationStatus{"KZ": kz(data.StatusDone)}),
		"1.1.2": mk(data.StatusDone, map[string]*data.DelegationStatus{"KZ": kz(data.StatusDone), "RU": kz(data.StatusBlocked)}),
		"1.3.1": mk(data.StatusNotStarted, map[string]*data.DelegationStatus{"RU": {Status: data.StatusBlocked, Conflict: true}}),
	}
}

// anyReference is Filter.AnyDelegation worked out the slow way: the
// measures that pass f (without it) for KZ's or RU's status.
func anyReference(states map[string]*data.MeasureState, f Filter) []string {
	f.AnyDelegation = false
	var out []string
	for _, m := range data.Load().Measures {
		st := states[m.ID]
		if st == nil {
			st = &data.MeasureState{}
		}
		for _, k := range []string{"KZ", "RU"} {
			v := st.StatusOf(k)
			if f.Match(m, &data.MeasureState{DelegationStatus: v, Notes: st.Notes}, today) {
				out = append(out, m.ID)
				break
			}
		}
	}
	return out
}

func TestAnyDelegationFilters(t *testing.T) {
	states := anyStates()
	e := engine(states)
	overdue := len(e.Run(Query{Filter: Filter{Overdue: true}}))
	cases := []struct {
		name string
		f    Filter
		want int
	}{
		{"blocked", Filter{Statuses: []data.Status{data.StatusBlocked}}, 2},         // 1.1.2 (RU), 1.3.1 (RU)
		{"done", Filter{Statuses: []data.Status{data.StatusDone}}, 2},               // 1.1.1, 1.1.2 (KZ)
		{"not started", Filter{Statuses: []data.Status{data.StatusNotStarted}}, 76}, // all but 1.1.2, set by both
		{"conflict", Filter{Conflict: true}, 1},
		{"overdue", Filter{Overdue: true}, overdue + 1}, // 1.1.2 is done for KZ but blocked for RU
		// The filters hold for one delegation at a time: 1.1.2 is done
		// for KZ and overdue for RU, never both.
		{"done and overdue", Filter{Statuses: []data.Status{data.StatusDone}, Overdue: true}, 0},
		{"blocked and conflict", Filter{Statuses: []data.Status{data.StatusBlocked}, Conflict: true}, 1},
		{"blocked in 1.1", Filter{Statuses: []data.Status{data.StatusBlocked}, Section: "1.1"}, 1},
	}
	for _, c := range cases {
		c.f.AnyDelegation = true
		rows := e.Run(Query{Filter: c.f})
		var got []string
		for _, r := range rows {
			got = append(got, r.Measure.ID)
		}
		if want := anyReference(states, c.f); len(got) != c.want || !slices.Equal(got, want) {
			t.Errorf("%s: %d measures %v, want %d %v", c.name, len(got), clip(got), c.want, clip(want))
		}
	}
	// Without it, the own status alone: 1.1.2 is done, so not blocked.
	if n := len(e.Run(Query{Filter: Filter{Statuses: []data.Status{data.StatusBlocked}}})); n != 0 {
		t.Errorf("own blocked: %d", n)
	}
	// AnyDelegation alone lets every measure through.
	if f := (Filter{AnyDelegation: true}); !f.IsZero() || len(e.Run(Query{Filter: f})) != 77 {
		t.Errorf("any delegation alone is a filter")
	}
}

func clip(ids []string) []string {
	if len(ids) > 5 {
		return append(ids[:5:5], "…")
	}
	return ids
}

// A facet count under AnyDelegation is what choosing that value alone
// would give, as without it; a measure done for one delegation and
// blocked for another counts under both.
func TestAnyDelegationCounts(t *testing.T) {
	e := engine(anyStates())
	for _, base := range []Filter{{}, {Overdue: true}, {Statuses: []data.Status{data.StatusBlocked}}, {Conflict: true}, {Section: "1.1"}} {
		base.AnyDelegation = true
		c := e.Counts(Query{Filter: base})
		for _, s := range data.Statuses {
			f := base
			f.Statuses = []data.Status{s}
			if n := len(e.Run(Query{Filter: f})); c.Status[s] != n {
				t.Errorf("%+v: count of %s %d, choosing it gives %d", base, s, c.Status[s], n)
			}
		}
		bodies := map[string]bool{}
		for _, m := range e.plan.Measures {
			for _, b := range m.Bodies {
				bodies[b] = true
			}
		}
		for b := range bodies {
			f := base
			f.Bodies = []string{b}
			if n := len(e.Run(Query{Filter: f})); c.Body[b] != n {
				t.Errorf("%+v: count of body %s %d, choosing it gives %d", base, b, c.Body[b], n)
			}
		}
		for _, k := range data.DeadlineKinds {
			f := base
			f.Kinds = []data.DeadlineKind{k}
			if n := len(e.Run(Query{Filter: f})); c.Kind[k] != n {
				t.Errorf("%+v: count of deadline kind %s %d, choosing it gives %d", base, k, c.Kind[k], n)
			}
		}
		f := base
		f.Overdue = true
		if n := len(e.Run(Query{Filter: f})); c.Overdue != n {
			t.Errorf("%+v: overdue count %d, choosing it gives %d", base, c.Overdue, n)
		}
		f = base
		f.Conflict = true
		if n := len(e.Run(Query{Filter: f})); c.Conflict != n {
			t.Errorf("%+v: conflict count %d, choosing it gives %d", base, c.Conflict, n)
		}
	}
	c := e.Counts(Query{Filter: Filter{AnyDelegation: true}})
	if c.Status[data.StatusDone] != 2 || c.Status[data.StatusBlocked] != 2 || c.Conflict != 1 {
		t.Errorf("counts %v, conflict %d", c.Status, c.Conflict)
	}
}

// With nobody reporting, any delegation is the own status.
func TestAnyDelegationWithNobodyReporting(t *testing.T) {
	states := map[string]*data.MeasureState{"1.1.1": {DelegationStatus: data.DelegationStatus{Status: data.StatusDone}}}
	e := engine(states)
	f := Filter{Statuses: []data.Status{data.StatusDone}}
	own := e.Run(Query{Filter: f})
	f.AnyDelegation = true
	if got := e.Run(Query{Filter: f}); len(got) != 1 || len(own) != 1 || got[0].Measure.ID != "1.1.1" {
		t.Errorf("any: %d, own: %d", len(got), len(own))
	}
	if c := e.Counts(Query{Filter: f}); c.Status[data.StatusNotStarted] != 76 {
		t.Errorf("not started count %d", c.Status[data.StatusNotStarted])
	}
}
