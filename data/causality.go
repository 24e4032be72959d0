package data

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
)

// Causality: a change refers to earlier changes only. A status change's
// parents are the status changes (of the same measure) its author had seen,
// and a note edit or deletion is about a note its author had seen; every
// change its author had seen has a lower Lamport clock (Change.Clock is one
// more than the highest clock the author's installation knew). So a change
// cannot refer to itself, nor to a change with the same or a higher clock.
//
// Since clocks strictly decrease along every reference, references can
// never form a cycle: a cycle would need a clock lower than itself. Checking
// each reference against the clock of the change it names (one lookup per
// reference) is therefore enough to refuse every cycle, without a graph
// walk or a sort.

// ErrReference is the kind (for errors.Is) of Validate's refusal of a change
// that refers to itself or names the same parent twice. Validate checks it
// last: a change refused with it passes every other check of its form. The
// data file's reader tolerates it (a data file written before the rule may
// hold such a change: Derive ignores the reference, and scoplan check
// reports it); a status file holding one is refused.
var ErrReference = errors.New("breaks causality")

// ValidateReferences is Validate's last check: no reference to the change
// itself, no parent twice. Its error wraps ErrReference.
func (c *Change) ValidateReferences() error {
	switch c.Kind {
	case ChangeStatus:
		for i, p := range c.Parents {
			if p == c.ID {
				return fmt.Errorf("%s %w: it lists itself as a parent", c.label(), ErrReference)
			}
			for _, q := range c.Parents[:i] { // at most MaxParents: quadratic is fine
				if q == p {
					return fmt.Errorf("%s %w: it lists change %s twice as a parent", c.label(), ErrReference, p)
				}
			}
		}
	case ChangeNoteEdit, ChangeNoteDelete:
		if c.Note == c.ID {
			return fmt.Errorf("%s %w: it names itself as the note it is about", c.label(), ErrReference)
		}
	}
	return nil
}

// label names a change in a message: its ID, its author's name (quoted, so
// that no control character reaches a terminal) and its measure.
func (c *Change) label() string {
	s := "change " + c.ID + " by " + strconv.Quote(c.Name)
	if c.Measure != "" {
		s += " on measure " + strconv.Quote(c.Measure)
	}
	return s
}

// References returns the IDs of the changes c refers to: a status change's
// parents, or the note a note edit or deletion is about.
func (c *Change) References() []string {
	switch c.Kind {
	case ChangeStatus:
		return c.Parents
	case ChangeNoteEdit, ChangeNoteDelete:
		return []string{c.Note}
	}
	return nil
}

// CheckReference checks one reference of c, to the change ref (known: in
// the same file or the data file): a status change's parent must be a
// status change of the same measure, a note edit's or deletion's note a note
// added on the same measure, and either must have a lower clock than c. The
// error says why in plain words, naming c's author and measure.
func CheckReference(c, ref *Change) error {
	what := "lists change " + ref.ID + " as a parent"
	switch c.Kind {
	case ChangeStatus:
		if ref.Kind != ChangeStatus {
			return fmt.Errorf("%s %s, which is not a status change", c.label(), what)
		}
	case ChangeNoteEdit, ChangeNoteDelete:
		what = "is about note " + ref.ID
		if ref.Kind != ChangeNoteAdd {
			return fmt.Errorf("%s %s, which is not a note that was added", c.label(), what)
		}
	default:
		return fmt.Errorf("%s refers to change %s, which a %s cannot", c.label(), ref.ID, c.Kind)
	}
	if ref.Measure != c.Measure {
		return fmt.Errorf("%s %s, which is about another measure (%q)", c.label(), what, ref.Measure)
	}
	if ref.ID == c.ID {
		return fmt.Errorf("%s %s: itself", c.label(), what)
	}
	if ref.Clock >= c.Clock {
		return fmt.Errorf("%s %s, which is not earlier (clock %d, not below the change's %d): a change can only follow changes made before it", c.label(), what, ref.Clock, c.Clock)
	}
	return nil
}

// CheckCausality checks every reference of c that lookup knows (nil for an
// unknown ID) with CheckReference, and returns the first problem.
// It allocates nothing: an import checks hundreds of thousands of changes.
func CheckCausality(c *Change, lookup func(id string) *Change) error {
	switch c.Kind {
	case ChangeStatus:
		for _, id := range c.Parents {
			if ref := lookup(id); ref != nil {
				if err := CheckReference(c, ref); err != nil {
					return err
				}
			}
		}
	case ChangeNoteEdit, ChangeNoteDelete:
		if ref := lookup(c.Note); ref != nil {
			return CheckReference(c, ref)
		}
	}
	return nil
}

// headIDs returns, sorted, the IDs of the heads among one delegation's
// status changes on a measure, by deriveStatus's rule: a change supersedes
// only those of its parents among them with a lower clock. StatusHeads uses
// it, so that a new status change supersedes exactly the heads Derive shows
// (a change naming itself is a head for both, and is superseded).
func headIDs(status []*Change) []string {
	byID := make(map[string]*Change, len(status))
	for _, c := range status {
		byID[c.ID] = c
	}
	superseded := map[string]bool{}
	for _, c := range status {
		for _, p := range c.Parents {
			if pc, ok := byID[p]; ok && pc.Clock < c.Clock {
				superseded[p] = true
			}
		}
	}
	var out []string
	for _, c := range status {
		if !superseded[c.ID] {
			out = append(out, c.ID)
		}
	}
	sort.Strings(out)
	return out
}
