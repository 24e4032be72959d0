package app

import (
	"strings"
	"testing"

	"scoplan/data"
)

// TestOverviewProgressFollowsTheLog checks the overview's progress chart:
// it draws what the log says, for all delegations and for the one chosen,
// and a status set while the overview shows is drawn at once.
func TestOverviewProgressFollowsTheLog(t *testing.T) {
	h := newHarness(t)
	if err := h.ui.se.store.SetIdentity("Aigerim", "KZ"); err != nil {
		t.Fatal(err)
	}
	h.ui.onShowOverview()
	p := h.ui.overview.progress
	if len(p.chart.Times) != 0 {
		t.Fatalf("%d points before any status", len(p.chart.Times))
	}
	h.ui.setStatus("1.1.1", data.StatusDone)
	h.ui.setStatus("1.1.2", data.StatusBlocked)
	if n := len(p.chart.Times); n != 1 {
		t.Fatalf("%d points after two statuses set today, want 1", n)
	}
	last := func(i int) float64 { v := p.chart.Series[i].Values; return v[len(v)-1] }
	if last(0) != 1 || last(1) != 0 || last(2) != 1 {
		t.Errorf("done/in progress/blocked = %v/%v/%v, want 1/0/1", last(0), last(1), last(2))
	}
	if got := p.chart.Series[0].Label; got != "Done 1" {
		t.Errorf("legend %q, want the count now", got)
	}
	own := delegationName(h.ui.se.ownDelegation())
	if len(p.deleg.Options) != 2 || p.deleg.Options[1] != own {
		t.Fatalf("choices %q, want all and %q", p.deleg.Options, own)
	}
	if !strings.Contains(p.caption.String(), "All delegations") {
		t.Errorf("caption does not define all delegations: %q", p.caption.String())
	}
	p.deleg.SetSelected(own)
	if last(0) != 1 || !strings.Contains(p.caption.String(), own) {
		t.Errorf("for %s: done %v, caption %q", own, last(0), p.caption.String())
	}
}
