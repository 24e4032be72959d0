package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"scoplan/data"
)

// The facet's choice comes back after a restart, as the search and the
// filters do: a chosen delegation, "any", and mine.
func TestFilterFacetChoicePersists(t *testing.T) {
	h := severalDelegations(t)
	h.ui.filters.facet.sel.SetSelected("Russia (1)")
	test.Tap(h.filterCheck(statusLabel(data.StatusBlocked)))
	h.reopen()
	f := h.ui.filters.facet
	if h.ui.se.Viewed() != "RU" || f.sel.Selected != "Russia (1)" {
		t.Fatalf("after a restart: viewing %q, facet shows %q", h.ui.se.Viewed(), f.sel.Selected)
	}
	if len(h.ui.se.rows) != 1 || h.ui.se.rows[0].Measure.ID != "1.1.1" {
		t.Errorf("Russia's blocked measures after a restart: %v", h.ids(5))
	}

	f.sel.SetSelected("Any delegation (2)")
	h.reopen()
	f = h.ui.filters.facet
	if h.ui.se.Viewed() != viewAny || f.sel.Selected != "Any delegation (2)" || !f.anyMsg.Visible() {
		t.Fatalf("after a restart: viewing %q, facet shows %q", h.ui.se.Viewed(), f.sel.Selected)
	}
	if len(h.ui.se.rows) != 1 || h.ui.se.rows[0].Measure.ID != "1.1.1" {
		t.Errorf("any delegation's blocked measures after a restart: %v", h.ids(5))
	}

	f.sel.SetSelected(f.sel.Options[0])
	h.reopen()
	if h.ui.se.Viewed() != "" || h.ui.filters.facet.sel.Selected != h.ui.filters.facet.sel.Options[0] || len(h.ui.se.rows) != 0 {
		t.Errorf("after a restart: viewing %q, %d rows", h.ui.se.Viewed(), len(h.ui.se.rows))
	}
}

// A damaged value (control characters, over-long) is dropped, not trusted.
func TestFilterFacetDamagedChoiceDropped(t *testing.T) {
	h := severalDelegations(t)
	for _, bad := range []string{"RU\n", string(make([]byte, 300)), "\xff"} {
		if err := h.ui.se.store.SetSetting(settingViewed, []byte(bad)); err != nil {
			t.Fatal(err)
		}
		if err := h.ui.se.store.Close(); err != nil {
			t.Fatal(err)
		}
		h.open()
		if v := h.ui.se.Viewed(); v != "" {
			t.Errorf("setting %q: viewing %q", bad, v)
		}
	}
}
