package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"scoplan/data"
	"scoplan/data/search"
)

// The filter panel's delegation facet makes the status and conflict
// filters look at a chosen delegation's status, with counts; the row's
// chip and the detail stay the user's own.
func TestFilterFacetLooksAtAChosenDelegation(t *testing.T) {
	h := severalDelegations(t)
	f := h.ui.filters.facet
	if !f.box.Visible() {
		t.Fatal("no delegation facet though other delegations reported")
	}
	want := []string{"Mine: Kazakhstan (1)", "Any delegation (2)", "China (1)", "Russia (1)", "Narnia Mission (1)"}
	if got := f.sel.Options; !slices.Equal(got, want) {
		t.Fatalf("options %q, want %q", got, want)
	}
	if f.sel.Selected != want[0] {
		t.Errorf("selected %q by default", f.sel.Selected)
	}
	test.Tap(h.filterCheck(statusLabel(data.StatusBlocked)))
	if len(h.ui.se.rows) != 0 {
		t.Fatalf("the own delegation has %d blocked measures", len(h.ui.se.rows))
	}
	f.sel.SetSelected("Russia (1)")
	if h.ui.se.Viewed() != "RU" || len(h.ui.se.rows) != 1 || h.ui.se.rows[0].Measure.ID != "1.1.1" {
		t.Fatalf("viewing Russia: %q, %d rows", h.ui.se.Viewed(), len(h.ui.se.rows))
	}
	if n := h.ui.se.counts.Status[data.StatusBlocked]; n != 1 {
		t.Errorf("Russia's blocked count %d", n)
	}
	if r := h.renderRow(0); r.chip.Text != "Done" {
		t.Errorf("the row's chip shows %q, not the own status", r.chip.Text)
	}
	h.ui.se.Show("1.1.1")
	if s := h.statusSelect(); s.Selected != "Done" {
		t.Errorf("the detail's status control shows %q while viewing Russia", s.Selected)
	}
	// The conflict filter looks at China's status.
	h.ui.se.SetQuery(search.Query{Filter: search.Filter{Conflict: true}})
	if len(h.ui.se.rows) != 0 {
		t.Errorf("Russia has %d conflicts", len(h.ui.se.rows))
	}
	f.sel.SetSelected("China (1)")
	if len(h.ui.se.rows) != 1 || h.ui.se.rows[0].Measure.ID != "1.1.1" {
		t.Errorf("China's conflicts: %d rows", len(h.ui.se.rows))
	}
	// Setting a status while viewing China sets the own one.
	if _, err := h.ui.se.store.SetStatus("1.1.2", data.StatusBlocked); err != nil {
		t.Fatal(err)
	}
	h.ui.se.refresh()
	if st := h.ui.se.store.Measure("1.1.2"); st.StatusOf("KZ").Status != data.StatusBlocked || st.StatusOf("CN").Status != data.StatusNotStarted {
		t.Errorf("1.1.2: KZ %s, CN %s", st.StatusOf("KZ").Status, st.StatusOf("CN").Status)
	}
	if st := h.ui.se.engine.State("1.1.2"); st.Status != data.StatusNotStarted {
		t.Errorf("after a rebuild the engine sees China's 1.1.2 as %s", st.Status)
	}
	f.sel.SetSelected(f.sel.Options[0])
	if h.ui.se.Viewed() != "" || len(h.ui.se.rows) != 0 {
		t.Errorf("back to mine: viewed %q, %d conflicts", h.ui.se.Viewed(), len(h.ui.se.rows))
	}
}

// With no delegation but the user's own reporting, there is nothing to
// choose: the facet is hidden.
func TestFilterFacetHiddenWithOneDelegation(t *testing.T) {
	h := newHarness(t)
	if h.ui.filters.facet.box.Visible() {
		t.Error("the delegation facet shows on a fresh data file")
	}
}
