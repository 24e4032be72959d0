package data

import (
	"slices"
	"strings"
	"time"
)

// ChangeFilter chooses the changes ChangeList gives. Zero values choose
// everything.
type ChangeFilter struct {
	// After and Before bound the recorded time: After <= Time < Before.
	// Zero means unbounded. "Since day d" is After = EndOfDay(d), the
	// complement of StateAsOf(d); "until day d" is Before = EndOfDay(d).
	After, Before time.Time
	// Delegation is a delegation key (DelegationKey of a change's
	// Delegation); "" means every delegation.
	Delegation string
	// Section is a chapter "C" or a section "C.S": only changes on its
	// measures (and no meetings). "" means everywhere.
	Section string
}

// ChangeEntry is one change as a list of changes shows it.
type ChangeEntry struct {
	Change *Change
	// Delegation is the key of the change's delegation.
	Delegation string
	// Previous is, for a status change, the status of the change's
	// delegation on the measure just before it (by history order, from
	// every change of the log, chosen or not): not-started when it had none.
	// PreviousConflict says that status was in conflict.
	Previous         Status
	PreviousConflict bool
	// Text is, for a note change, the note's text: what it was added or
	// edited to, or for a deletion the text it had when deleted. For a
	// meeting, its name.
	Text string
}

// ChangeList returns the changes f chooses, newest first (the reverse of
// history order, CompareHistory), each with what it changed. It reads the
// log once in history order, so the cost is one sort of the log and a pass
// over it, whatever the window.
func ChangeList(changes []*Change, f ChangeFilter) []ChangeEntry {
	cs := slices.Clone(changes)
	slices.SortFunc(cs, CompareHistory)
	prefix := ""
	if f.Section != "" {
		prefix = f.Section + "."
	}
	type group struct{ measure, deleg string }
	statuses := map[group]*statusTrack{}
	notes := map[string]*Change{} // note ID -> its add, then its latest edit by its author
	adds := map[string]*Change{}
	var out []ChangeEntry
	for _, c := range cs {
		key := DelegationKey(c.Delegation)
		e := ChangeEntry{Change: c, Delegation: key, Text: c.Text}
		switch c.Kind {
		case ChangeStatus:
			g := group{c.Measure, key}
			tr := statuses[g]
			if tr == nil {
				tr = newStatusTrack()
				statuses[g] = tr
			}
			e.Previous, e.PreviousConflict = tr.status()
			tr.add(c)
		case ChangeNoteAdd:
			adds[c.ID], notes[c.ID] = c, c
		case ChangeNoteEdit, ChangeNoteDelete:
			add, ok := adds[c.Note]
			if ok && add.Author == c.Author {
				if c.Kind == ChangeNoteDelete {
					e.Text = notes[c.Note].Text
				} else if last := notes[c.Note]; last.Kind == ChangeNoteAdd || causalLess(last, c) {
					notes[c.Note] = c
				}
			}
		}
		if !f.After.IsZero() && c.Time.Before(f.After) || !f.Before.IsZero() && !c.Time.Before(f.Before) {
			continue
		}
		if f.Delegation != "" && key != f.Delegation {
			continue
		}
		if prefix != "" && !strings.HasPrefix(c.Measure, prefix) {
			continue
		}
		out = append(out, e)
	}
	slices.Reverse(out)
	return out
}

// statusTrack follows one delegation's status of one measure as its status
// changes are added in history order, by the rules of deriveStatus: a
// change supersedes its parents that have a lower clock, whichever of the
// two comes first in history.
type statusTrack struct {
	clocks     map[string]uint64 // the changes added, by ID
	childClock map[string]uint64 // for every ID named as a parent, the highest clock of a change naming it
	heads      []*Change
}

func newStatusTrack() *statusTrack {
	return &statusTrack{clocks: map[string]uint64{}, childClock: map[string]uint64{}}
}

// status returns the status in force and whether it is in conflict.
func (t *statusTrack) status() (Status, bool) {
	if len(t.heads) == 0 {
		return StatusNotStarted, false
	}
	win := t.heads[0]
	for _, h := range t.heads[1:] {
		if changeLess(win, h) {
			win = h
		}
	}
	for _, h := range t.heads {
		if h.Status != win.Status {
			return win.Status, true
		}
	}
	return win.Status, false
}

func (t *statusTrack) add(c *Change) {
	t.clocks[c.ID] = c.Clock
	for _, p := range c.Parents {
		if c.Clock > t.childClock[p] {
			t.childClock[p] = c.Clock
		}
	}
	t.heads = slices.DeleteFunc(t.heads, func(h *Change) bool { return t.childClock[h.ID] > h.Clock })
	if t.childClock[c.ID] <= c.Clock {
		t.heads = append(t.heads, c)
	}
}
