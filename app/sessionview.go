package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
)

// The filter panel's delegation facet: whose status the status, overdue
// and conflict filters look at. The engine searches states viewed for that
// delegation (MeasureState.ViewedFor); se.state still gives the user's own
// delegation's status, which is the one the detail shows and sets.

// loadViewed reads the delegation the filters looked at when the window
// last saved its query: "" (the own) when "any" was chosen (the query's
// AnyDelegation keeps that) or when the value is not a delegation key a
// data file can hold.
func loadViewed(s *storage.Store, anyOne bool) string {
	key := string(s.Setting(settingViewed))
	if anyOne || len(key) > 200 || !utf8.ValidString(key) || strings.TrimSpace(key) != key || strings.ContainsFunc(key, unicode.IsControl) {
		return ""
	}
	if key == data.DelegationKey(s.Identity().Delegation) {
		return "" // the own, under the name it has now
	}
	return key
}

// saveViewed writes the delegation the filters look at ("" for the own or
// for any).
func (se *session) saveViewed() error {
	if string(se.store.Setting(settingViewed)) == se.viewed {
		return nil // no write, no wait for the disk
	}
	return se.store.SetSetting(settingViewed, []byte(se.viewed))
}

// viewedStates returns the store's states viewed for se.viewed.
func (se *session) viewedStates() map[string]*data.MeasureState {
	states := se.store.States()
	if se.viewed == "" {
		return states
	}
	for id, st := range states {
		states[id] = st.ViewedFor(se.viewed)
	}
	return states
}

// viewAny is the key Viewed and SetViewed use for "any delegation that
// reported" (search.Filter.AnyDelegation); delegation keys are names or
// codes, never starting with a NUL, so it names none.
const viewAny = "\x00any"

// Viewed returns the key of the delegation the filters look at; "" for the
// user's own, viewAny for any delegation that reported.
func (se *session) Viewed() string {
	if se.query.Filter.AnyDelegation {
		return viewAny
	}
	return se.viewed
}

// SetViewed makes the filters look at a delegation's status (its key; ""
// or the own key for the user's own; viewAny for any delegation that
// reported) and reruns the query over states viewed for it. It reports
// whether anything changed.
func (se *session) SetViewed(key string) bool {
	if key == se.ownDelegation() {
		key = ""
	}
	anyOne := key == viewAny
	if anyOne {
		key = "" // the engine judges every delegation's status itself
	}
	if key == se.viewed && anyOne == se.query.Filter.AnyDelegation {
		return false
	}
	if key != se.viewed {
		se.viewed = key
		se.engine = search.NewEngine(se.plan, se.viewedStates(), se.today, search.After(se.engine))
		se.changes = se.store.Revision()
	}
	se.query.Filter.AnyDelegation = anyOne
	se.requery()
	return true
}

// reportingCounts returns the delegations that set a status of any
// measure, in the strip's order (own first when it reported), with how
// many measures each reported on.
func (se *session) reportingCounts() ([]string, map[string]int) {
	counts := map[string]int{}
	reported := &data.MeasureState{Statuses: map[string]*data.DelegationStatus{}}
	for _, m := range se.plan.Measures {
		for k, d := range se.state(m.ID).Statuses {
			counts[k]++
			reported.Statuses[k] = d
		}
	}
	return reportingOrder(reported, se.ownDelegation(), false), counts
}

// reportedMeasures counts the measures some delegation set a status of.
func (se *session) reportedMeasures() int {
	n := 0
	for _, m := range se.plan.Measures {
		if len(se.state(m.ID).Statuses) > 0 {
			n++
		}
	}
	return n
}
