package data

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
)

// Note is a note on a measure as the change log defines it now.
type Note struct {
	ID         string
	Measure    string
	Author     string // fingerprint of the author's key
	Name       string
	Delegation string
	Created    time.Time
	Edited     time.Time // zero if never edited
	Text       string
	// Unverified: nothing proves the author wrote the note or its text
	// (a format 1 change relayed by someone else, Change.Unverified).
	Unverified bool
}

// StatusValue is one status someone set: the value with who and when.
type StatusValue struct {
	Status     Status
	ChangeID   string
	Author     string
	Name       string
	Delegation string
	Time       time.Time
	Unverified bool // see Change.Unverified
}

// DelegationStatus is one delegation's status of a measure, derived from
// the status changes of that delegation's people alone.
type DelegationStatus struct {
	Status Status
	// Set is the status change now in force; nil when nobody set a status.
	Set *StatusValue
	// Conflict is true when people of the delegation set different
	// statuses without having seen each other's change. Competing then
	// holds every value in play, the one in force first.
	Conflict  bool
	Competing []StatusValue
}

// MeasureState is what the change log says of one measure.
//
// Each delegation reports its own status of a measure: a status change
// counts for its author's delegation (DelegationKey of the change's
// Delegation), and different delegations never conflict. The embedded
// DelegationStatus is the status of the delegation the state is viewed for
// (State.SetOwn: the user's own); Statuses holds every delegation's.
type MeasureState struct {
	DelegationStatus
	// Statuses holds the status of every delegation whose people set one,
	// keyed by delegation key (a code such as "KZ", or an older free text).
	Statuses map[string]*DelegationStatus
	Notes    []*Note   // live notes, oldest first
	History  []*Change // every change on the measure, oldest first
}

// StatusOf returns a delegation's status of the measure: not started when
// nobody of it set one.
func (m *MeasureState) StatusOf(key string) DelegationStatus {
	if d, ok := m.Statuses[key]; ok {
		return *d
	}
	return DelegationStatus{Status: StatusNotStarted}
}

// Reporting returns the keys of the delegations that set a status, sorted.
func (m *MeasureState) Reporting() []string {
	keys := make([]string, 0, len(m.Statuses))
	for k := range m.Statuses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Conflicts returns the keys of the delegations whose status of the
// measure is in conflict, sorted.
func (m *MeasureState) Conflicts() []string {
	var keys []string
	for k, d := range m.Statuses {
		if d.Conflict {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// ViewedFor returns m with own's status as its own: a copy when that
// changes anything, so that states handed out are never changed.
func (m *MeasureState) ViewedFor(own string) *MeasureState {
	want := m.StatusOf(own)
	if m.Set == want.Set && m.Status == want.Status && m.Conflict == want.Conflict {
		return m
	}
	v := *m
	v.DelegationStatus = want
	return &v
}

// NoteCount returns the number of live notes.
func (m *MeasureState) NoteCount() int { return len(m.Notes) }

// State is the state derived from a set of changes.
type State struct {
	changes  map[string]*Change
	byMeas   map[string][]*Change
	measures map[string]*MeasureState
	maxClock uint64
	own      string // the delegation key the measures are viewed for
}

// SetOwn makes own (a delegation key) the delegation whose status
// MeasureState's Status, Set, Conflict and Competing give.
func (s *State) SetOwn(own string) {
	if own == s.own {
		return
	}
	s.own = own
	for id, m := range s.measures {
		s.measures[id] = m.ViewedFor(own)
	}
}

// Own returns the delegation key the state is viewed for.
func (s *State) Own() string { return s.own }

// NewState returns an empty state.
func NewState() *State {
	return &State{changes: map[string]*Change{}, byMeas: map[string][]*Change{}, measures: map[string]*MeasureState{}}
}

// Has reports whether a change with this ID is known.
func (s *State) Has(id string) bool { _, ok := s.changes[id]; return ok }

// Change returns the known change with this ID, or nil.
func (s *State) Change(id string) *Change { return s.changes[id] }

// Len returns the number of known changes.
func (s *State) Len() int { return len(s.changes) }

// MaxClock returns the highest Lamport clock among known changes.
func (s *State) MaxClock() uint64 { return s.maxClock }

// Changes returns every known change, ordered by clock, time and ID.
func (s *State) Changes() []*Change {
	out := make([]*Change, 0, len(s.changes))
	for _, c := range s.changes {
		out = append(out, c)
	}
	sortChanges(out)
	return out
}

// Measure returns the derived state of a measure; never nil.
func (s *State) Measure(id string) *MeasureState {
	if m, ok := s.measures[id]; ok {
		return m
	}
	return &MeasureState{DelegationStatus: DelegationStatus{Status: StatusNotStarted}}
}

// Add adds changes whose IDs are not yet known and re-derives the measures
// they touch. It returns the IDs of the measures touched. Changes are taken
// as they are; callers validate them first.
func (s *State) Add(changes ...*Change) []string { return s.AddDerived(changes, nil) }

// AddDerived is Add for callers that already derived the measures the
// changes touch, with Preview on this same state (an import computes them
// for its preview): derived[id] is used for measure id instead of deriving
// it again. A measure missing from derived is derived as Add does.
func (s *State) AddDerived(changes []*Change, derived map[string]*MeasureState) []string {
	s.reserve(len(changes))
	return s.addDerived(changes, derived)
}

// Extended returns a new state that holds s's changes and the given ones,
// as AddDerived would make it, and leaves s as it is. It copies s's maps:
// for as many new changes as s holds or more, that costs no more than
// adding them, and it lets a caller build the new state before it knows
// that it will keep it (an import, while its transaction is written).
func (s *State) Extended(changes []*Change, derived map[string]*MeasureState) *State {
	n := &State{changes: make(map[string]*Change, len(s.changes)+len(changes)),
		byMeas: make(map[string][]*Change, len(s.byMeas)), measures: maps.Clone(s.measures), maxClock: s.maxClock, own: s.own}
	maps.Copy(n.changes, s.changes)
	for m, cs := range s.byMeas {
		n.byMeas[m] = slices.Clip(cs) // appending copies: s's slices stay as they are
	}
	n.addDerived(changes, derived)
	return n
}

// Without returns a new state that holds s's changes but those with the
// given IDs, with the measures they were about derived again, and leaves s
// as it is (it copies s's maps, as Extended does). An import uses it when
// a signed change displaces an unsigned one that held its ID.
func (s *State) Without(ids []string) *State {
	n := &State{changes: maps.Clone(s.changes), byMeas: make(map[string][]*Change, len(s.byMeas)),
		measures: maps.Clone(s.measures), own: s.own}
	for m, cs := range s.byMeas {
		n.byMeas[m] = slices.Clip(cs) // appending copies: s's slices stay as they are
	}
	dirty := map[string]bool{}
	for _, id := range ids {
		c, ok := n.changes[id]
		if !ok {
			continue
		}
		delete(n.changes, id)
		if c.Kind == ChangeMeeting {
			continue
		}
		n.byMeas[c.Measure] = slices.DeleteFunc(slices.Clone(n.byMeas[c.Measure]), func(x *Change) bool { return x == c })
		dirty[c.Measure] = true
	}
	for _, c := range n.changes {
		n.maxClock = max(n.maxClock, c.Clock)
	}
	for m := range dirty {
		if len(n.byMeas[m]) == 0 {
			delete(n.byMeas, m)
			delete(n.measures, m)
			continue
		}
		n.measures[m] = DeriveFor(n.byMeas[m], n.own)
	}
	return n
}

func (s *State) addDerived(changes []*Change, derived map[string]*MeasureState) []string {
	dirty := map[string]bool{}
	for _, c := range changes {
		if _, ok := s.changes[c.ID]; ok {
			continue
		}
		s.changes[c.ID] = c
		if c.Clock > s.maxClock {
			s.maxClock = c.Clock
		}
		if c.Kind == ChangeMeeting {
			continue // about no measure
		}
		s.byMeas[c.Measure] = append(s.byMeas[c.Measure], c)
		dirty[c.Measure] = true
	}
	ids := make([]string, 0, len(dirty))
	for id := range dirty {
		if m, ok := derived[id]; ok {
			s.measures[id] = m.ViewedFor(s.own)
		} else {
			s.measures[id] = DeriveFor(s.byMeas[id], s.own)
		}
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// reserve makes room for n more changes at once when n is more than the
// state holds, so that a large import does not grow the map step by step.
// (Growing only then keeps the copying amortised.)
func (s *State) reserve(n int) {
	if n > len(s.changes) {
		m := make(map[string]*Change, len(s.changes)+n)
		maps.Copy(m, s.changes)
		s.changes = m
	}
}

// HistoryLess is the order of MeasureState.History: by time, then clock,
// author and ID, the same on every machine.
func HistoryLess(a, b *Change) bool { return changeLess(a, b) }

// Preview returns the state a measure would have if the given changes were
// added, without adding them.
func (s *State) Preview(measure string, extra []*Change) *MeasureState {
	all := append([]*Change(nil), s.byMeas[measure]...)
	for _, c := range extra {
		if _, ok := s.changes[c.ID]; !ok {
			all = append(all, c)
		}
	}
	return DeriveFor(all, s.own)
}

// MeasureChanges returns the known changes on one measure (unordered).
func (s *State) MeasureChanges(measure string) []*Change { return s.byMeas[measure] }

func sortChanges(cs []*Change) { slices.SortFunc(cs, CompareHistory) }

// changeLess orders changes by time, then clock, author and ID: the same on
// every machine.
func changeLess(a, b *Change) bool { return CompareHistory(a, b) < 0 }

// CompareHistory is HistoryLess as a comparison for slices.SortFunc: -1, 0
// or +1.
func CompareHistory(a, b *Change) int {
	if c := a.Time.Compare(b.Time); c != 0 {
		return c
	}
	if a.Clock != b.Clock {
		return cmp.Compare(a.Clock, b.Clock)
	}
	if c := strings.Compare(a.Author, b.Author); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// causalLess orders changes so that a change always comes after every change
// its author had seen (Lamport clock first), then as changeLess.
func causalLess(a, b *Change) bool {
	if a.Clock != b.Clock {
		return a.Clock < b.Clock
	}
	return changeLess(a, b)
}

// Derive computes a measure's state from the set of its changes, viewed
// for the delegation key "" (see DeriveFor).
func Derive(changes []*Change) *MeasureState { return DeriveFor(changes, "") }

// DeriveFor computes a measure's state from the set of its changes, with
// own's status as the state's own. The result depends only on the set, not
// on the order of the slice: this is what makes merging commutative,
// associative and idempotent.
//
// Status, per delegation: a status change counts for its author's
// delegation. Within a delegation the status changes form a graph through
// Parents (a change supersedes the status changes of its delegation its
// author had seen; parents in other delegations supersede nothing). The
// heads are those no change supersedes. The head with the latest time (then
// author key, then ID) is in force; when heads carry different values the
// delegation's status is in conflict. A resolution is a status change whose
// parents are all the delegation's heads.
//
// Notes: a note added stays until its author deletes it (a tombstone that
// wins over any edit); among its author's edits the causally last one wins.
// Edits and deletions by anyone else are ignored, and so are those with a
// clock not above the note's (they cannot have followed it: causality.go).
func DeriveFor(changes []*Change, own string) *MeasureState {
	cs := append([]*Change(nil), changes...)
	sortChanges(cs)
	ms := &MeasureState{History: cs}

	nAdds := 0
	for _, c := range cs {
		if c.Kind == ChangeNoteAdd {
			nAdds++
		}
	}
	adds := make(map[string]*Change, nAdds)
	groups := map[string][]*Change{} // status changes by delegation key
	for _, c := range cs {
		switch c.Kind {
		case ChangeStatus:
			k := DelegationKey(c.Delegation)
			groups[k] = append(groups[k], c)
		case ChangeNoteAdd:
			adds[c.ID] = c
		}
	}
	if len(groups) > 0 {
		ms.Statuses = make(map[string]*DelegationStatus, len(groups))
		for k, g := range groups {
			ms.Statuses[k] = deriveStatus(g)
		}
	}
	ms.DelegationStatus = ms.StatusOf(own)

	notes := make([]*Note, 0, nAdds) // in history order, nearly the order of ms.Notes
	lastEdit := map[string]*Change{}
	deleted := map[string]bool{}
	for _, c := range cs {
		switch c.Kind {
		case ChangeNoteAdd:
			notes = append(notes, &Note{ID: c.ID, Measure: c.Measure, Author: c.Author, Name: c.Name,
				Delegation: c.Delegation, Created: c.Time, Text: c.Text, Unverified: c.Unverified})
		case ChangeNoteEdit, ChangeNoteDelete:
			add, ok := adds[c.Note]
			if !ok || add.Author != c.Author || add.Clock >= c.Clock { // see causality.go
				continue
			}
			if c.Kind == ChangeNoteDelete {
				deleted[c.Note] = true
			} else if prev := lastEdit[c.Note]; prev == nil || causalLess(prev, c) {
				lastEdit[c.Note] = c
			}
		}
	}
	for _, n := range notes {
		if deleted[n.ID] {
			continue
		}
		if e := lastEdit[n.ID]; e != nil {
			n.Text, n.Edited = e.Text, e.Time
			n.Unverified = n.Unverified || e.Unverified
		}
		ms.Notes = append(ms.Notes, n)
	}
	slices.SortFunc(ms.Notes, func(a, b *Note) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return ms
}

// deriveStatus derives one delegation's status from its status changes,
// in history order.
//
// A change supersedes only parents of its delegation with a lower Lamport
// clock: an honest change's parents always have one (its author had seen
// them), and the rule makes a cycle of parents, or a change that names
// itself, supersede nothing.
func deriveStatus(cs []*Change) *DelegationStatus {
	byID := make(map[string]*Change, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	superseded := map[string]bool{}
	for _, c := range cs {
		for _, p := range c.Parents {
			if pc, ok := byID[p]; ok && pc.Clock < c.Clock {
				superseded[p] = true
			}
		}
	}
	var heads []*Change
	for _, c := range cs {
		if !superseded[c.ID] {
			heads = append(heads, c)
		}
	}
	d := &DelegationStatus{Status: StatusNotStarted}
	sort.Slice(heads, func(i, j int) bool { return changeLess(heads[j], heads[i]) }) // latest first
	win := heads[0]
	v := statusValue(win)
	d.Status, d.Set = win.Status, &v
	for _, h := range heads[1:] {
		if h.Status != win.Status {
			d.Conflict = true
			break
		}
	}
	if d.Conflict {
		seen := map[Status]bool{}
		for _, h := range heads {
			if !seen[h.Status] { // one entry per value: the latest who set it
				seen[h.Status] = true
				d.Competing = append(d.Competing, statusValue(h))
			}
		}
	}
	return d
}

func statusValue(c *Change) StatusValue {
	return StatusValue{Status: c.Status, ChangeID: c.ID, Author: c.Author, Name: c.Name, Delegation: c.Delegation, Time: c.Time, Unverified: c.Unverified}
}

// StatusHeads returns the IDs of the status changes a new status change on
// this measure by the own delegation (SetOwn) supersedes: every head of that
// delegation's status, so that setting a status resolves its conflict.
func (s *State) StatusHeads(measure string) []string {
	var status []*Change
	for _, c := range s.byMeas[measure] {
		if c.Kind == ChangeStatus && DelegationKey(c.Delegation) == s.own {
			status = append(status, c)
		}
	}
	return headIDs(status)
}
