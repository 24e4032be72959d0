package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"scoplan/data"
)

// "Any delegation" makes the status, overdue and conflict filters hold when
// they hold for some delegation that reported, with counts, and says so
// under the facet; clearing the filters keeps it.
func TestFilterFacetAnyDelegation(t *testing.T) {
	h := severalDelegations(t)
	f := h.ui.filters.facet
	if f.anyMsg.Visible() {
		t.Error("the explanation of any delegation shows while mine is chosen")
	}
	f.sel.SetSelected("Any delegation (2)")
	if h.ui.se.Viewed() != viewAny || !h.ui.se.Query().Filter.AnyDelegation {
		t.Fatalf("viewing %q, filter %+v", h.ui.se.Viewed(), h.ui.se.Query().Filter)
	}
	if !f.anyMsg.Visible() {
		t.Error("no explanation of any delegation")
	}
	// 1.1.1: KZ done, RU blocked, CN done but in conflict; 1.1.2: Narnia in
	// progress. Every measure is not started for some delegation.
	c := h.ui.se.counts
	if c.Status[data.StatusBlocked] != 1 || c.Status[data.StatusInProgress] != 1 || c.Status[data.StatusDone] != 1 || c.Status[data.StatusNotStarted] != 77 || c.Conflict != 1 {
		t.Errorf("counts %v, conflict %d", c.Status, c.Conflict)
	}
	test.Tap(h.filterCheck(statusLabel(data.StatusBlocked)))
	if len(h.ui.se.rows) != 1 || h.ui.se.rows[0].Measure.ID != "1.1.1" {
		t.Fatalf("blocked for any delegation: %v", h.ids(5))
	}
	// The row's chip stays the user's own status.
	if r := h.renderRow(0); r.chip.Text != "Done" {
		t.Errorf("the row's chip shows %q", r.chip.Text)
	}
	h.ui.se.ClearFilters()
	if h.ui.se.Viewed() != viewAny || len(h.ui.se.rows) != 77 {
		t.Errorf("after clearing the filters: viewing %q, %d rows", h.ui.se.Viewed(), len(h.ui.se.rows))
	}
	f.sel.SetSelected("Russia (1)")
	if h.ui.se.Viewed() != "RU" || h.ui.se.Query().Filter.AnyDelegation || f.anyMsg.Visible() {
		t.Errorf("choosing Russia: viewing %q, filter %+v", h.ui.se.Viewed(), h.ui.se.Query().Filter)
	}
	f.sel.SetSelected("Any delegation (2)")
	if h.ui.se.Viewed() != viewAny || h.ui.se.engine.State("1.1.1").Status != data.StatusDone {
		t.Errorf("back to any: viewing %q, engine's own 1.1.1 %s", h.ui.se.Viewed(), h.ui.se.engine.State("1.1.1").Status)
	}
}
