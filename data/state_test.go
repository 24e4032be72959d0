package data

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)

type author struct {
	key, name string
	seen      *State // what this author's machine knows
	n         int
}

func (a *author) change(kind ChangeKind, measure string, mod func(*Change)) *Change {
	a.n++
	c := &Change{
		ID: fmt.Sprintf("%016x%016x", a.n, len(a.key)*1000003+int(a.key[0])), Kind: kind, Measure: measure,
		Author: a.key, Name: a.name, Time: t0.Add(time.Duration(a.n) * time.Minute), Clock: a.seen.MaxClock() + 1,
	}
	if kind == ChangeStatus {
		c.Parents = a.seen.StatusHeads(measure)
	}
	if mod != nil {
		mod(c)
	}
	if err := c.Validate(); err != nil {
		panic(err)
	}
	a.seen.Add(c)
	return c
}

func newAuthor(key, name string) *author {
	return &author{key: key, name: name, seen: NewState()}
}

func TestConcurrentStatusIsAConflictAndResolutionMerges(t *testing.T) {
	a := newAuthor("aaaaaaaaaaaaaaaa", "Anna")
	b := newAuthor("bbbbbbbbbbbbbbbb", "Bolat")
	ca := a.change(ChangeStatus, "1.1.1", func(c *Change) { c.Status = StatusDone })
	cb := b.change(ChangeStatus, "1.1.1", func(c *Change) { c.Status = StatusBlocked })

	a.seen.Add(cb)
	b.seen.Add(ca)
	for _, s := range []*State{a.seen, b.seen} {
		m := s.Measure("1.1.1")
		if !m.Conflict || len(m.Competing) != 2 {
			t.Fatalf("want a conflict with two values, got %+v", m)
		}
		if m.Status != StatusBlocked { // Bolat's change is the later one
			t.Errorf("status in force = %s, want blocked", m.Status)
		}
	}
	// Anna resolves it: her change supersedes both heads.
	res := a.change(ChangeStatus, "1.1.1", func(c *Change) { c.Status = StatusInProgress })
	if len(res.Parents) != 2 {
		t.Fatalf("resolution parents = %v", res.Parents)
	}
	b.seen.Add(res)
	for _, s := range []*State{a.seen, b.seen} {
		if m := s.Measure("1.1.1"); m.Conflict || m.Status != StatusInProgress {
			t.Errorf("after resolution: %+v", m)
		}
	}
}

func TestSequentialStatusIsNoConflict(t *testing.T) {
	a := newAuthor("aaaaaaaaaaaaaaaa", "Anna")
	b := newAuthor("bbbbbbbbbbbbbbbb", "Bolat")
	ca := a.change(ChangeStatus, "1.1.1", func(c *Change) { c.Status = StatusDone })
	b.seen.Add(ca)
	// Bolat's clock is behind: his later change has an earlier time, but he
	// had seen Anna's change, so his wins and there is no conflict.
	cb := b.change(ChangeStatus, "1.1.1", func(c *Change) { c.Status = StatusBlocked; c.Time = t0 })
	a.seen.Add(cb)
	if m := a.seen.Measure("1.1.1"); m.Conflict || m.Status != StatusBlocked {
		t.Errorf("got %+v", m)
	}
	// Two people setting the same value concurrently is no real conflict.
	c := newAuthor("cccccccccccccccc", "Chen")
	cc := c.change(ChangeStatus, "1.1.1", func(c *Change) { c.Status = StatusBlocked })
	a.seen.Add(cc)
	if m := a.seen.Measure("1.1.1"); m.Conflict || m.Status != StatusBlocked {
		t.Errorf("same value concurrently: %+v", m)
	}
}

func TestNotesEditDeleteAndForeignEdits(t *testing.T) {
	a := newAuthor("aaaaaaaaaaaaaaaa", "Anna")
	b := newAuthor("bbbbbbbbbbbbbbbb", "Bolat")
	n1 := a.change(ChangeNoteAdd, "1.2.3", func(c *Change) { c.Text = "first" })
	n2 := b.change(ChangeNoteAdd, "1.2.3", func(c *Change) { c.Text = "second" })
	b.seen.Add(n1)
	a.seen.Add(n2)
	e1 := a.change(ChangeNoteEdit, "1.2.3", func(c *Change) { c.Note = n1.ID; c.Text = "first, edited" })
	// Bolat tries to edit and delete Anna's note: ignored.
	fe := b.change(ChangeNoteEdit, "1.2.3", func(c *Change) { c.Note = n1.ID; c.Text = "hijacked" })
	fd := b.change(ChangeNoteDelete, "1.2.3", func(c *Change) { c.Note = n1.ID })
	a.seen.Add(fe, fd)
	m := a.seen.Measure("1.2.3")
	if len(m.Notes) != 2 || m.Notes[0].Text != "first, edited" || m.Notes[1].Text != "second" {
		t.Fatalf("notes: %+v %+v", m.Notes[0], m.Notes[1])
	}
	if m.Notes[0].Edited != e1.Time {
		t.Errorf("edited time not kept")
	}
	d := a.change(ChangeNoteDelete, "1.2.3", func(c *Change) { c.Note = n1.ID })
	// A later edit does not bring a deleted note back.
	a.change(ChangeNoteEdit, "1.2.3", func(c *Change) { c.Note = n1.ID; c.Text = "again" })
	m = a.seen.Measure("1.2.3")
	if len(m.Notes) != 1 || m.Notes[0].ID != n2.ID {
		t.Errorf("after delete: %+v", m.Notes)
	}
	if len(m.History) != 7 || m.History[len(m.History)-2] != d {
		t.Errorf("history has %d entries", len(m.History))
	}
}

// TestMergeLaws checks, over random change logs of several authors, that the
// derived state depends only on the set of changes: idempotent, commutative
// and associative merges.
func TestMergeLaws(t *testing.T) {
	rng := rand.New(rand.NewSource(20261123))
	measures := []string{"1.1.1", "1.1.2", "2.1.3"}
	for round := 0; round < 300; round++ {
		authors := []*author{newAuthor("aaaaaaaaaaaaaaaa", "A"), newAuthor("bbbbbbbbbbbbbbbb", "B"), newAuthor("cccccccccccccccc", "C"), newAuthor("dddddddddddddddd", "D")}
		var all []*Change
		for step := 0; step < 40; step++ {
			a := authors[rng.Intn(len(authors))]
			m := measures[rng.Intn(len(measures))]
			switch rng.Intn(5) {
			case 0, 1:
				all = append(all, a.change(ChangeStatus, m, func(c *Change) { c.Status = Statuses[rng.Intn(4)] }))
			case 2:
				all = append(all, a.change(ChangeNoteAdd, m, func(c *Change) { c.Text = fmt.Sprint("note ", step) }))
			case 3:
				if n := a.seen.Measure(m).Notes; len(n) > 0 {
					note := n[rng.Intn(len(n))]
					kind := ChangeNoteEdit
					if rng.Intn(3) == 0 {
						kind = ChangeNoteDelete
					}
					all = append(all, a.change(kind, m, func(c *Change) {
						c.Note = note.ID
						if kind == ChangeNoteEdit {
							c.Text = fmt.Sprint("edit ", step)
						}
					}))
				}
			case 4: // gossip: a learns what another author knows
				o := authors[rng.Intn(len(authors))]
				a.seen.Add(o.seen.Changes()...)
			}
		}
		want := snapshot(build(all), measures)
		// Any order, any grouping, with repeats.
		for k := 0; k < 5; k++ {
			perm := rng.Perm(len(all))
			s := NewState()
			i := 0
			for i < len(perm) {
				n := 1 + rng.Intn(5)
				var batch []*Change
				for j := i; j < i+n && j < len(perm); j++ {
					batch = append(batch, all[perm[j]])
					if rng.Intn(4) == 0 { // repeat an earlier change
						batch = append(batch, all[perm[rng.Intn(j+1)]])
					}
				}
				s.Add(batch...)
				i += n
			}
			if got := snapshot(s, measures); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d: merge depends on order or grouping\n got %v\nwant %v", round, got, want)
			}
		}
	}
}

func build(cs []*Change) *State { s := NewState(); s.Add(cs...); return s }

func snapshot(s *State, measures []string) map[string]string {
	out := map[string]string{}
	for _, id := range measures {
		m := s.Measure(id)
		desc := fmt.Sprintf("%s conflict=%v competing=%v history=%d", m.Status, m.Conflict, m.Competing, len(m.History))
		for _, n := range m.Notes {
			desc += fmt.Sprintf(" note[%s %s %s %v]", n.ID, n.Author, n.Text, n.Edited)
		}
		out[id] = desc
	}
	return out
}

func TestValidateRejects(t *testing.T) {
	good := Change{ID: "0123456789abcdef0123456789abcdef", Kind: ChangeStatus, Measure: "1.1.1", Author: "0123456789abcdef",
		Name: "A", Time: t0, Clock: 1, Status: StatusDone}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func(*Change){
		"short id":       func(c *Change) { c.ID = "abc" },
		"bad author":     func(c *Change) { c.Author = "zz" },
		"unknown status": func(c *Change) { c.Status = "finished" },
		"unknown kind":   func(c *Change) { c.Kind = "rename" },
		"zero time":      func(c *Change) { c.Time = time.Time{} },
		"zero clock":     func(c *Change) { c.Clock = 0 },
		"invalid utf8":   func(c *Change) { c.Name = "\xff\xfe" },
		"note on status": func(c *Change) { c.Text = "x" },
		"empty note":     func(c *Change) { c.Kind = ChangeNoteAdd; c.Status = "" },
		"huge note":      func(c *Change) { c.Kind = ChangeNoteAdd; c.Status = ""; c.Text = string(make([]byte, MaxNoteBytes+1)) },
		"edit no target": func(c *Change) { c.Kind = ChangeNoteEdit; c.Status = ""; c.Text = "x" },
	}
	for name, mod := range bad {
		c := good
		mod(&c)
		if err := c.Validate(); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
