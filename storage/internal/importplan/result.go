package importplan

import (
	"time"

	"scoplan/data"
)

// Summary counts what an import brings.
type Summary struct {
	NewChanges    int // changes not in the data file before
	NewNotes      int // notes added
	NoteEdits     int // edits of notes
	NoteDeletions int // notes deleted
	StatusChanges int // status changes
	Conflicts     int // measures that become a status conflict
	Resolved      int // measures whose status conflict the import resolves
	// RefusedChanges counts the changes refused (see FileSummary.Refused),
	// ForkCount the places where a key wrote two histories.
	RefusedChanges int
	ForkCount      int
	// Displaced counts the new signed changes that took the place of an
	// unsigned change holding their ID (a squatter, see Displaces): in
	// the data file, or from an earlier file of the import. Each is also
	// counted among NewChanges.
	Displaced int
	// Dropped counts the data file's changes removed because they
	// referred to a displaced change and cannot follow the change that
	// displaced it, or referred to such a change (Plan.Dropped).
	Dropped int
}

// NothingNew reports whether the import brings nothing at all.
func (s Summary) NothingNew() bool { return s.NewChanges == 0 }

func (s *Summary) add(o Summary) {
	s.NewChanges += o.NewChanges
	s.NewNotes += o.NewNotes
	s.NoteEdits += o.NoteEdits
	s.NoteDeletions += o.NoteDeletions
	s.StatusChanges += o.StatusChanges
	s.Conflicts += o.Conflicts
	s.Resolved += o.Resolved
	s.RefusedChanges += o.RefusedChanges
	s.ForkCount += o.ForkCount
	s.Displaced += o.Displaced
	s.Dropped += o.Dropped
}

func (s *Summary) count(c *data.Change) { s.countBy(c, 1) }

// uncount takes back what count counted for c.
func (s *Summary) uncount(c *data.Change) { s.countBy(c, -1) }

func (s *Summary) countBy(c *data.Change, n int) {
	s.NewChanges += n
	switch c.Kind {
	case data.ChangeNoteAdd:
		s.NewNotes += n
	case data.ChangeNoteEdit:
		s.NoteEdits += n
	case data.ChangeNoteDelete:
		s.NoteDeletions += n
	case data.ChangeStatus:
		s.StatusChanges += n
	}
}

// Signer is who signed an imported file, and what the data file knew of
// that key and that name before.
type Signer struct {
	Name       string
	Delegation string
	Key        string // the key's fingerprint
	Yours      bool   // signed by this installation's own key
	// Known is true when this key signed a file imported before.
	Known bool
	// OtherNames lists the other names ("Name (Delegation)") this key
	// signed with before: a key seen before under another name.
	OtherNames []string
	// OtherKeys lists the fingerprints of other keys that signed with this
	// same name, or one that looks the same, and delegation before.
	OtherKeys []string
	// LookAlikes names those of them whose name only looks the same: written
	// with other characters (invisible ones, Cyrillic or Greek letters drawn
	// like Latin ones), as "Name (Delegation), key K".
	LookAlikes []string
}

// Label is the signer as a user reads it: "Name (Delegation)".
func (sg Signer) Label() string { return nameLabel(sg.Name, sg.Delegation) }

func nameLabel(name, delegation string) string {
	if name == "" {
		name = "(no name)"
	}
	if delegation == "" {
		return name
	}
	return name + " (" + delegation + ")"
}

// FileSummary is what one file of an import brings. A change that several
// files carry counts for the first of them.
type FileSummary struct {
	Name     string // the file as given
	Signer   Signer
	Exported time.Time
	Changes  int // changes in the file
	// PlanVersion is the version of the plan text the exporter had; when it
	// differs from this installation's, OtherPlanText is true.
	PlanVersion   string
	OtherPlanText bool
	// Moves are the keys the data file knew under some delegations whose
	// new changes in this file claim another one.
	Moves []DelegationMove
	// Refused lists the changes of this file the import refuses, and why
	// (format 2: a file is imported without them, never silently).
	Refused []Refusal
	// Forks lists the keys that wrote two changes at one place of their
	// feed, as this file shows: both are kept.
	Forks []Fork
	Summary
}

// DelegationMove is a known key whose changes start claiming another
// delegation than before: plainly said, so that nobody slips into another
// delegation's column unnoticed.
type DelegationMove struct {
	Key  string   // the author's key fingerprint
	Name string   // the name on the new changes
	From []string // the delegation keys the data file knew it under, sorted
	To   string   // the delegation key the new changes claim
}

// PreviewChange is one new change and the index of the file (in
// Result.Files) it comes from.
type PreviewChange struct {
	Change *data.Change
	File   int
}

// MeasurePreview is what an import does to one measure.
type MeasurePreview struct {
	Measure string
	Before  *data.MeasureState
	After   *data.MeasureState
	New     []PreviewChange // the new changes on the measure, oldest first
	// NewConflict: the measure becomes a status conflict. Resolved: a
	// conflict it had is resolved.
	NewConflict bool
	Resolved    bool
}

// StatusChanged reports whether the status in force changes.
func (m *MeasurePreview) StatusChanged() bool { return m.Before.Status != m.After.Status }

// GoneNote is a note an import takes away without a deletion: an
// unverified note whose ID a signed change of the import holds (see
// Displaces). Replaced says the signed change is a note, which takes its
// place; else the measure loses the note.
type GoneNote struct {
	Note     *data.Note
	Replaced bool
}

// GoneNotes returns the notes of Before the import takes away without a
// deletion, in Before's order, so that the preview leaves nothing unsaid.
func (m *MeasurePreview) GoneNotes() []GoneNote {
	after := make(map[string]*data.Note, len(m.After.Notes))
	for _, n := range m.After.Notes {
		after[n.ID] = n
	}
	deleted := map[string]bool{}
	for _, n := range m.New {
		if n.Change.Kind == data.ChangeNoteDelete {
			deleted[n.Change.Note] = true
		}
	}
	var out []GoneNote
	for _, b := range m.Before.Notes {
		if !b.Unverified || deleted[b.ID] {
			continue
		}
		switch a := after[b.ID]; {
		case a != nil && !a.Unverified && a.Text != b.Text:
			out = append(out, GoneNote{Note: b, Replaced: true})
		case a == nil:
			out = append(out, GoneNote{Note: b})
		}
	}
	return out
}

// Result says what an import did or, for a dry run, would do.
type Result struct {
	DryRun   bool
	Files    []FileSummary
	Total    Summary
	Measures []MeasurePreview // the measures with new changes, in plan order
}
