package data

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// TestChangeListPrevious checks Previous against the definition: the
// delegation's status derived from every change before it in history order,
// on logs with concurrent changes, conflicts and clocks that disagree with
// the wall clock.
func TestChangeListPrevious(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 30; round++ {
		var all []*Change
		deleg := []string{"KZ", "KZ", "RU"}
		seen := []*State{NewState(), NewState(), NewState()}
		for i := 0; i < 40; i++ {
			a := rng.Intn(3)
			m := fmt.Sprintf("1.1.%d", 1+rng.Intn(2))
			c := &Change{ID: hid(round*1000 + i + 1), Kind: ChangeStatus, Measure: m, Author: fmt.Sprintf("%016x", a+1),
				Delegation: deleg[a], Time: t0.Add(time.Duration(rng.Intn(60)) * time.Minute), Clock: seen[a].MaxClock() + 1,
				Status: Statuses[rng.Intn(len(Statuses))]}
			seen[a].SetOwn(deleg[a])
			c.Parents = seen[a].StatusHeads(m)
			seen[a].Add(c)
			if rng.Intn(3) == 0 { // an exchange
				seen[rng.Intn(3)].Add(all...)
			}
			all = append(all, c)
		}
		list := ChangeList(all, ChangeFilter{})
		if len(list) != len(all) {
			t.Fatalf("%d entries for %d changes", len(list), len(all))
		}
		for i, e := range list {
			if i > 0 && CompareHistory(list[i-1].Change, e.Change) <= 0 {
				t.Fatalf("not newest first at %d", i)
			}
			var before []*Change
			for _, o := range all {
				if o.Measure == e.Change.Measure && CompareHistory(o, e.Change) < 0 {
					before = append(before, o)
				}
			}
			want := Derive(before).StatusOf(e.Delegation)
			if e.Previous != want.Status || e.PreviousConflict != want.Conflict {
				t.Fatalf("round %d, change %s: previous %s/%v, want %s/%v", round, e.Change.ID, e.Previous, e.PreviousConflict, want.Status, want.Conflict)
			}
		}
	}
}

func TestChangeListFilters(t *testing.T) {
	day := func(s string) Date { d, _ := ParseDate(s); return d }
	s1 := &Change{ID: hid(1), Kind: ChangeStatus, Measure: "1.1.1", Author: kA, Delegation: "Kazakhstan", Time: at("2026-03-01", 10), Clock: 1, Status: StatusInProgress}
	n := &Change{ID: hid(2), Kind: ChangeNoteAdd, Measure: "1.1.1", Author: kA, Delegation: "KZ", Time: at("2026-03-02", 10), Clock: 2, Text: "first"}
	ed := &Change{ID: hid(3), Kind: ChangeNoteEdit, Measure: "1.1.1", Author: kA, Delegation: "KZ", Time: at("2026-03-03", 10), Clock: 3, Note: hid(2), Text: "second"}
	del := &Change{ID: hid(4), Kind: ChangeNoteDelete, Measure: "1.1.1", Author: kA, Delegation: "KZ", Time: at("2026-03-04", 10), Clock: 4, Note: hid(2)}
	s2 := &Change{ID: hid(5), Kind: ChangeStatus, Measure: "1.1.1", Author: kA, Delegation: "KZ", Time: at("2026-03-05", 10), Clock: 5, Status: StatusDone, Parents: []string{hid(1)}}
	r := &Change{ID: hid(6), Kind: ChangeStatus, Measure: "2.1.1", Author: kB, Delegation: "RU", Time: at("2026-03-05", 11), Clock: 1, Status: StatusBlocked}
	mt := &Change{ID: hid(7), Kind: ChangeMeeting, Author: kB, Delegation: "RU", Time: at("2026-03-06", 11), Clock: 2, Text: "Tashkent", Date: "2026-03-01"}
	all := []*Change{mt, r, s2, del, ed, n, s1}
	for _, c := range all {
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(es []ChangeEntry) string {
		s := ""
		for _, e := range es {
			s += e.Change.ID[31:]
		}
		return s
	}
	cases := []struct {
		f    ChangeFilter
		want string
	}{
		{ChangeFilter{}, "7654321"},
		{ChangeFilter{After: EndOfDay(day("2026-03-01"))}, "765432"},
		{ChangeFilter{After: EndOfDay(day("2026-03-01")), Before: EndOfDay(day("2026-03-04"))}, "432"},
		{ChangeFilter{Delegation: "KZ"}, "54321"},
		{ChangeFilter{Section: "2"}, "6"},
		{ChangeFilter{Section: "1.1"}, "54321"},
		{ChangeFilter{Section: "1.1.1"}, ""}, // a section, not a measure
	}
	for _, c := range cases {
		if got := ids(ChangeList(all, c.f)); got != c.want {
			t.Errorf("%+v: %s, want %s", c.f, got, c.want)
		}
	}
	list := ChangeList(all, ChangeFilter{})
	texts := map[string]string{}
	for _, e := range list {
		texts[e.Change.ID[31:]] = e.Text + "|" + string(e.Previous)
	}
	want := map[string]string{"1": "|not-started", "2": "first|", "3": "second|", "4": "second|", "5": "|in-progress", "6": "|not-started", "7": "Tashkent|"}
	for k, v := range want {
		if texts[k] != v {
			t.Errorf("change %s: %q, want %q", k, texts[k], v)
		}
	}
}

func TestMeetings(t *testing.T) {
	m1 := &Change{ID: hid(1), Kind: ChangeMeeting, Author: kA, Time: at("2026-06-13", 1), Clock: 1, Text: "Tashkent, Council of Heads of Government", Date: "2026-06-12"}
	m2 := &Change{ID: hid(2), Kind: ChangeMeeting, Author: kB, Time: at("2026-06-14", 1), Clock: 1, Text: "Tashkent, Council of Heads of Government", Date: "2026-06-12"}
	m3 := &Change{ID: hid(3), Kind: ChangeMeeting, Author: kB, Time: at("2026-01-14", 1), Clock: 1, Text: "Minsk", Date: "2026-01-10"}
	ms := Meetings([]*Change{m2, m3, m1})
	if len(ms) != 2 || ms[0].Name != "Minsk" || ms[1].Change != m1 {
		t.Fatalf("%+v", ms)
	}
	if d, ok := ResolveDay(" tashkent, council of heads of government ", ms); !ok || d.String() != "2026-06-12" {
		t.Errorf("by name: %v %v", d, ok)
	}
	if d, ok := ResolveDay("2026-02-03", nil); !ok || d.String() != "2026-02-03" {
		t.Errorf("by date: %v %v", d, ok)
	}
	if _, ok := ResolveDay("Astana", ms); ok {
		t.Error("an unknown meeting was found")
	}
	// The state ignores meetings: no measure "" appears.
	s := NewState()
	s.Add(m1)
	if s.Len() != 1 || len(s.MeasureChanges("")) != 0 {
		t.Errorf("a meeting touched the measures")
	}
	bad := []func(c *Change){
		func(c *Change) { c.Measure = "1.1.1" },
		func(c *Change) { c.Date = "2026-6-12" },
		func(c *Change) { c.Date = "" },
		func(c *Change) { c.Text = "" },
		func(c *Change) { c.Text = "two\nlines" },
		func(c *Change) { c.Text = string(make([]byte, MaxNameBytes+1)) },
		func(c *Change) { c.Status = StatusDone },
		func(c *Change) { c.Parents = []string{hid(9)} },
		func(c *Change) { c.Note = hid(9) },
	}
	for i, mod := range bad {
		c := *m1
		mod(&c)
		if c.Validate() == nil {
			t.Errorf("bad meeting %d accepted", i)
		}
	}
	if err := m1.Validate(); err != nil {
		t.Error(err)
	}
	n := &Change{ID: hid(4), Kind: ChangeNoteAdd, Measure: "1.1.1", Author: kA, Time: at("2026-06-13", 1), Clock: 1, Text: "x", Date: "2026-06-12"}
	if n.Validate() == nil {
		t.Error("a note with a date accepted")
	}
}
