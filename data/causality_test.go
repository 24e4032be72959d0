package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func noteChange(n int, author string, kind ChangeKind, note string) *Change {
	c := &Change{ID: fmt.Sprintf("%032x", n), Kind: kind, Measure: "1.1.1", Author: author, Name: author,
		Time: time.Date(2026, 1, 1, 0, n, 0, 0, time.UTC), Clock: uint64(n), Note: note}
	if kind != ChangeNoteDelete {
		c.Text = fmt.Sprint("text ", n)
	}
	return c
}

// TestValidateRefusesSelfReferences: a status change naming itself as a
// parent or a parent twice, and a note edit or deletion naming itself as
// its note, are refused with ErrReference, and the message names the
// author and the measure.
func TestValidateRefusesSelfReferences(t *testing.T) {
	self := statusChange(1, "aaaaaaaaaaaaaaaa", "KZ", StatusDone)
	self.Parents = []string{self.ID}
	twice := statusChange(3, "aaaaaaaaaaaaaaaa", "KZ", StatusDone, fmt.Sprintf("%032x", 2), fmt.Sprintf("%032x", 2))
	edit := noteChange(4, "aaaaaaaaaaaaaaaa", ChangeNoteEdit, fmt.Sprintf("%032x", 4))
	del := noteChange(5, "aaaaaaaaaaaaaaaa", ChangeNoteDelete, fmt.Sprintf("%032x", 5))
	for name, c := range map[string]*Change{"self-parent": self, "parent twice": twice, "edit of itself": edit, "deletion of itself": del} {
		err := c.Validate()
		if !errors.Is(err, ErrReference) || !strings.Contains(err.Error(), `"aaaaaaaaaaaaaaaa"`) || !strings.Contains(err.Error(), `measure "1.1.1"`) {
			t.Errorf("%s: %v", name, err)
		}
	}
	ok := statusChange(3, "aaaaaaaaaaaaaaaa", "KZ", StatusDone, fmt.Sprintf("%032x", 1), fmt.Sprintf("%032x", 2))
	if err := ok.Validate(); err != nil {
		t.Errorf("two parents: %v", err)
	}
}

// TestCheckReference: a reference must go to an earlier change (lower
// clock) of the right kind on the same measure.
func TestCheckReference(t *testing.T) {
	a := "aaaaaaaaaaaaaaaa"
	st1 := statusChange(1, a, "KZ", StatusDone)
	st5 := statusChange(5, a, "KZ", StatusDone)
	other := statusChange(2, a, "KZ", StatusDone)
	other.Measure = "1.1.2"
	note := noteChange(3, a, ChangeNoteAdd, "")
	edit := noteChange(4, a, ChangeNoteEdit, note.ID)
	sameClock := statusChange(6, a, "KZ", StatusBlocked, st5.ID)
	sameClock.Clock = st5.Clock
	cases := []struct {
		name   string
		c, ref *Change
		want   string // "" for none
	}{
		{"earlier parent", statusChange(4, a, "KZ", StatusBlocked, st1.ID), st1, ""},
		{"later parent", statusChange(4, a, "KZ", StatusBlocked, st5.ID), st5, "not earlier"},
		{"same clock", sameClock, st5, "not earlier"},
		{"itself", st5, st5, "itself"},
		{"another measure", statusChange(4, a, "KZ", StatusBlocked, other.ID), other, "another measure"},
		{"a note as parent", statusChange(4, a, "KZ", StatusBlocked, note.ID), note, "not a status change"},
		{"earlier note", edit, note, ""},
		{"later note", noteChange(2, a, ChangeNoteDelete, note.ID), note, "not earlier"},
		{"an edit as the note", noteChange(6, a, ChangeNoteEdit, edit.ID), edit, "not a note that was added"},
		{"a status as the note", noteChange(6, a, ChangeNoteDelete, st1.ID), st1, "not a note that was added"},
	}
	for _, c := range cases {
		err := CheckReference(c.c, c.ref)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestCycleOfTwoIsRefused: in two changes that name each other as parent,
// one names a change with a clock not below its own, so CheckCausality
// refuses one of them whatever the clocks are.
func TestCycleOfTwoIsRefused(t *testing.T) {
	for _, clocks := range [][2]int{{1, 2}, {2, 1}, {2, 2}} {
		a := statusChange(10, "aaaaaaaaaaaaaaaa", "KZ", StatusDone)
		b := statusChange(11, "bbbbbbbbbbbbbbbb", "KZ", StatusBlocked)
		a.Clock, b.Clock = uint64(clocks[0]), uint64(clocks[1])
		a.Parents, b.Parents = []string{b.ID}, []string{a.ID}
		byID := map[string]*Change{a.ID: a, b.ID: b}
		lookup := func(id string) *Change { return byID[id] }
		if CheckCausality(a, lookup) == nil && CheckCausality(b, lookup) == nil {
			t.Errorf("clocks %v: the cycle passes", clocks)
		}
	}
}

// TestStatusHeadsFollowDerive: a change naming itself (a data file written
// before the rule may hold one) is a head for Derive, so a new status
// change must list it as a parent, which resolves the conflict it makes.
func TestStatusHeadsFollowDerive(t *testing.T) {
	s := NewState()
	s.SetOwn("KZ")
	real := statusChange(1, "aaaaaaaaaaaaaaaa", "KZ", StatusDone)
	self := statusChange(2, "bbbbbbbbbbbbbbbb", "KZ", StatusNotStarted, real.ID)
	self.Parents = append(self.Parents, self.ID)
	cycle := statusChange(3, "cccccccccccccccc", "KZ", StatusBlocked)
	s.Add(real, self, cycle)
	want := []string{self.ID, cycle.ID}
	if got := s.StatusHeads("1.1.1"); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("heads %v, want %v", got, want)
	}
	if m := s.Measure("1.1.1"); !m.Conflict || m.Set == nil {
		t.Errorf("before the resolution: %+v", m.DelegationStatus)
	}
	res := statusChange(4, "aaaaaaaaaaaaaaaa", "KZ", StatusInProgress, s.StatusHeads("1.1.1")...)
	s.Add(res)
	if m := s.Measure("1.1.1"); m.Conflict || m.Status != StatusInProgress || m.Set == nil || m.Set.ChangeID != res.ID {
		t.Errorf("after the resolution: %+v", m.DelegationStatus)
	}
}

// TestDeriveSelfParentKeepsTheRealStatus: a status change that names
// itself and the real status as parents, with a clock not above the real
// one's (so it cannot have followed it), and a cycle of two, never leave
// the measure "not started" with nobody setting it: the real status and its
// setter stay in play.
func TestDeriveSelfParentKeepsTheRealStatus(t *testing.T) {
	real := statusChange(5, "aaaaaaaaaaaaaaaa", "KZ", StatusDone)
	forged := statusChange(4, "bbbbbbbbbbbbbbbb", "KZ", StatusNotStarted, real.ID)
	forged.Parents = append(forged.Parents, forged.ID)
	forged.Clock = real.Clock
	ms := DeriveFor([]*Change{real, forged}, "KZ")
	if ms.Set == nil || ms.Status != StatusDone || ms.Set.ChangeID != real.ID || ms.Set.Name != real.Name {
		t.Errorf("self-parent: %+v", ms.DelegationStatus)
	}
	// Two changes naming each other with equal clocks: neither supersedes
	// the other, both are heads.
	a := statusChange(6, "aaaaaaaaaaaaaaaa", "KZ", StatusDone)
	b := statusChange(7, "bbbbbbbbbbbbbbbb", "KZ", StatusNotStarted)
	a.Parents, b.Parents, b.Clock = []string{b.ID}, []string{a.ID}, a.Clock
	ms = DeriveFor([]*Change{a, b}, "KZ")
	if ms.Set == nil || !ms.Conflict || len(ms.Competing) != 2 {
		t.Errorf("cycle: %+v", ms.DelegationStatus)
	}
}

// TestDeriveIgnoresNoteChangesBeforeTheNote: an edit or a deletion with a
// clock not above the note's cannot have followed it and is ignored.
func TestDeriveIgnoresNoteChangesBeforeTheNote(t *testing.T) {
	a := "aaaaaaaaaaaaaaaa"
	note := noteChange(5, a, ChangeNoteAdd, "")
	early := noteChange(4, a, ChangeNoteDelete, note.ID)
	same := noteChange(6, a, ChangeNoteEdit, note.ID)
	same.Clock = note.Clock
	ms := Derive([]*Change{note, early, same})
	if len(ms.Notes) != 1 || ms.Notes[0].Text != note.Text {
		t.Errorf("notes %+v", ms.Notes)
	}
	edit := noteChange(7, a, ChangeNoteEdit, note.ID)
	if ms := Derive([]*Change{note, edit}); len(ms.Notes) != 1 || ms.Notes[0].Text != edit.Text {
		t.Errorf("an honest edit: %+v", ms.Notes)
	}
}
