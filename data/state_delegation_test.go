package data

import (
	"fmt"
	"testing"
	"time"
)

func statusChange(n int, author, delegation string, st Status, parents ...string) *Change {
	return &Change{ID: fmt.Sprintf("%032x", n), Kind: ChangeStatus, Measure: "1.1.1", Author: author, Name: author,
		Delegation: delegation, Time: time.Date(2026, 1, 1, 0, n, 0, 0, time.UTC), Clock: uint64(n), Status: st, Parents: parents}
}

// TestStatusPerDelegation: each delegation's status is derived from its own
// people's changes; different delegations never conflict; a parent in
// another delegation supersedes nothing.
func TestStatusPerDelegation(t *testing.T) {
	kz := statusChange(1, "aaaaaaaaaaaaaaaa", "Kazakhstan", StatusDone) // 0.2.0's free text
	ru := statusChange(2, "bbbbbbbbbbbbbbbb", "RU", StatusBlocked, kz.ID)
	kz2 := statusChange(3, "cccccccccccccccc", "KZ", StatusInProgress) // did not see kz
	for _, own := range []string{"KZ", "RU", "CN", ""} {
		ms := DeriveFor([]*Change{ru, kz2, kz}, own)
		if got := ms.StatusOf("RU"); got.Status != StatusBlocked || got.Conflict {
			t.Errorf("own %q: RU %+v", own, got)
		}
		if got := ms.StatusOf("KZ"); got.Status != StatusInProgress || !got.Conflict || len(got.Competing) != 2 {
			t.Errorf("own %q: KZ %+v, want a conflict between done and in progress", own, got)
		}
		if got := ms.StatusOf("CN"); got.Status != StatusNotStarted || got.Set != nil {
			t.Errorf("own %q: CN %+v", own, got)
		}
		if want := ms.StatusOf(own); ms.Status != want.Status || ms.Conflict != want.Conflict {
			t.Errorf("own %q: the own view %+v, want %+v", own, ms.DelegationStatus, want)
		}
		if got := ms.Conflicts(); len(got) != 1 || got[0] != "KZ" {
			t.Errorf("own %q: conflicts %v", own, got)
		}
	}
	// Resolving within Kazakhstan supersedes both Kazakh heads.
	res := statusChange(4, "aaaaaaaaaaaaaaaa", "KZ", StatusDone, kz.ID, kz2.ID)
	ms := DeriveFor([]*Change{kz, ru, kz2, res}, "KZ")
	if ms.Conflict || ms.Status != StatusDone || ms.StatusOf("RU").Status != StatusBlocked {
		t.Errorf("after the resolution: %+v, RU %+v", ms.DelegationStatus, ms.StatusOf("RU"))
	}
}

// TestStatusParentsThatCannotBe: a change that names itself, or a cycle of
// changes naming each other, supersedes nothing (a parent must have a
// lower clock): the measure is not taken back to "not started" by a change
// nobody is shown as making.
func TestStatusParentsThatCannotBe(t *testing.T) {
	self := statusChange(1, "aaaaaaaaaaaaaaaa", "KZ", StatusDone)
	self.Parents = []string{self.ID}
	ms := DeriveFor([]*Change{self}, "KZ")
	if ms.Status != StatusDone || ms.Set == nil {
		t.Errorf("a change naming itself: %+v", ms.DelegationStatus)
	}
	a := statusChange(2, "aaaaaaaaaaaaaaaa", "KZ", StatusDone)
	b := statusChange(3, "bbbbbbbbbbbbbbbb", "KZ", StatusBlocked, a.ID)
	a.Parents = []string{b.ID} // a later change as a parent
	ms = DeriveFor([]*Change{a, b}, "KZ")
	if ms.Status != StatusBlocked || ms.Conflict {
		t.Errorf("a cycle: %+v; want b, which supersedes a, in force", ms.DelegationStatus)
	}
}

// TestSetOwnViewsEveryMeasure: changing the own delegation changes the
// status every measure shows as the user's, without touching states handed
// out before.
func TestSetOwnViewsEveryMeasure(t *testing.T) {
	s := NewState()
	s.SetOwn("KZ")
	s.Add(statusChange(1, "aaaaaaaaaaaaaaaa", "KZ", StatusDone), statusChange(2, "bbbbbbbbbbbbbbbb", "RU", StatusBlocked))
	before := s.Measure("1.1.1")
	if before.Status != StatusDone {
		t.Fatalf("KZ's view: %s", before.Status)
	}
	s.SetOwn("RU")
	if got := s.Measure("1.1.1").Status; got != StatusBlocked {
		t.Errorf("RU's view: %s", got)
	}
	if before.Status != StatusDone {
		t.Errorf("a state handed out before changed to %s", before.Status)
	}
	if heads := s.StatusHeads("1.1.1"); len(heads) != 1 || heads[0] != fmt.Sprintf("%032x", 2) {
		t.Errorf("RU's heads: %v", heads)
	}
}
