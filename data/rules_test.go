package data

import (
	"testing"
	"time"
)

// A measure done is neither overdue nor due soon; one in any other status
// is, as its deadline says.
func TestIsOverdueAndIsDueSoon(t *testing.T) {
	p := Load()
	today := Date{2026, time.November, 23}
	overdue, soon := p.Measure("1.1.2"), p.Measure("1.5.4") // due 2025-12-31 and in 38 days
	for _, tc := range []struct {
		m                 *Measure
		status            Status
		wantOver, wantDue bool
	}{
		{overdue, StatusNotStarted, true, false},
		{overdue, StatusBlocked, true, false},
		{overdue, StatusDone, false, false},
		{soon, StatusInProgress, false, true},
		{soon, StatusDone, false, false},
		{p.Measure("1.1.1"), StatusNotStarted, false, false}, // no dated deadline
	} {
		st := &MeasureState{DelegationStatus: DelegationStatus{Status: tc.status}}
		if got := IsOverdue(tc.m, st, today); got != tc.wantOver {
			t.Errorf("IsOverdue(%s, %s) = %v, want %v", tc.m.ID, tc.status, got, tc.wantOver)
		}
		if got := IsDueSoon(tc.m, st, today); got != tc.wantDue {
			t.Errorf("IsDueSoon(%s, %s) = %v, want %v", tc.m.ID, tc.status, got, tc.wantDue)
		}
	}
}

func TestPlanChapter(t *testing.T) {
	p := Load()
	for _, c := range p.Chapters {
		if got := p.Chapter(c.ID()); got != c {
			t.Errorf("Chapter(%q) = %v, want chapter %d", c.ID(), got, c.Num)
		}
	}
	for _, id := range []string{"", "0", "4", "1.1", "x"} {
		if got := p.Chapter(id); got != nil {
			t.Errorf("Chapter(%q) = chapter %d, want nil", id, got.Num)
		}
	}
}
