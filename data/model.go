package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Status is where a measure stands.
type Status string

// The statuses a measure can have. A measure nobody has touched is StatusNotStarted.
const (
	StatusNotStarted Status = "not-started"
	StatusInProgress Status = "in-progress"
	StatusDone       Status = "done"
	StatusBlocked    Status = "blocked"
)

// Statuses lists every status in the order a user sees them.
var Statuses = []Status{StatusNotStarted, StatusInProgress, StatusDone, StatusBlocked}

// ParseStatus checks a status name.
func ParseStatus(s string) (Status, error) {
	for _, st := range Statuses {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown status %q (use not-started, in-progress, done or blocked)", s)
}

// ChangeKind says what a change does.
type ChangeKind string

// The kinds of change a user can make.
const (
	ChangeStatus     ChangeKind = "status"      // set a measure's status
	ChangeNoteAdd    ChangeKind = "note-add"    // add a note; the note's ID is the change's ID
	ChangeNoteEdit   ChangeKind = "note-edit"   // replace the text of one's own note
	ChangeNoteDelete ChangeKind = "note-delete" // delete one's own note (a tombstone)
	// ChangeMeeting records a meeting of the group: a name (Text) and a
	// day (Date). It is about no measure (Measure is empty) and changes no
	// measure's state; it travels in status files so that everyone shares
	// the dates that "since" and "as of" can name.
	ChangeMeeting ChangeKind = "meeting"
)

// Limits on what a change may carry. They keep a hostile file from filling
// the data file or the screen.
const (
	MaxNoteBytes    = 64 << 10
	MaxNameBytes    = 200
	MaxParents      = 64
	ChangeIDHexLen  = 32
	AuthorIDHexLen  = 16
	TimePrecision   = time.Millisecond
	maxClockAllowed = 1 << 53
)

// Change is one entry of the append-only change log. The current state of
// every measure is derived from the set of changes, so merging two logs is a
// set union: idempotent, commutative and associative by construction.
type Change struct {
	ID         string     `json:"id"`                   // 128 random bits, hex
	Kind       ChangeKind `json:"kind"`                 // what the change does
	Measure    string     `json:"measure"`              // measure ID "C.S.N"
	Author     string     `json:"author"`               // fingerprint of the author's key
	Name       string     `json:"name"`                 // the author's name when the change was made
	Delegation string     `json:"delegation,omitempty"` // the author's delegation then
	Time       time.Time  `json:"time"`                 // wall clock, UTC, millisecond precision
	Clock      uint64     `json:"clock"`                // Lamport clock: greater than every change the author had seen
	Seq        uint64     `json:"seq,omitempty"`        // format 2: the change's place in its author's feed (1, 2, …); 0 for a format 1 change
	Prev       string     `json:"prev,omitempty"`       // format 2: the ID of the author's change Seq-1 (none for Seq 1)
	Status     Status     `json:"status,omitempty"`     // for ChangeStatus
	Parents    []string   `json:"parents,omitempty"`    // for ChangeStatus: the status changes it supersedes
	Note       string     `json:"note,omitempty"`       // for note edits and deletions: the note's ID
	Text       string     `json:"text,omitempty"`       // for note additions and edits; a meeting's name
	Date       string     `json:"date,omitempty"`       // for ChangeMeeting: the meeting's day, YYYY-MM-DD
	Sig        string     `json:"sig,omitempty"`        // format 2: the author's Ed25519 signature of the ID, hex

	// Unverified is true for a format 1 change relayed by someone other
	// than its author: nothing proves who wrote it. It is not part of the
	// change's content (the data file keeps it aside).
	Unverified bool `json:"-"`
}

// SigHexLen is the length of a format 2 change's signature, in hex.
const SigHexLen = 128

// Signed reports whether the change is a format 2 change (it has a place in
// its author's feed and a signature).
func (c *Change) Signed() bool { return c.Seq > 0 }

// NoteID returns the ID of the note a note change is about.
func (c *Change) NoteID() string {
	if c.Kind == ChangeNoteAdd {
		return c.ID
	}
	return c.Note
}

// SameContent reports whether two changes carry exactly the same content.
func (c *Change) SameContent(o *Change) bool {
	a, _ := json.Marshal(c)
	b, _ := json.Marshal(o)
	return bytes.Equal(a, b)
}

// isHex reports whether s is n hex digits (either case, as hex.DecodeString
// accepts them). It allocates nothing: an import checks millions of IDs.
func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !hexDigit[s[i]] {
			return false
		}
	}
	return true
}

var hexDigit = func() (t [256]bool) {
	for _, c := range "0123456789abcdefABCDEF" {
		t[c] = true
	}
	return t
}()

// Validate checks a change's form: well-formed IDs, a known kind and status,
// valid UTF-8 within limits. It does not check the measure against a plan.
func (c *Change) Validate() error {
	if !isHex(c.ID, ChangeIDHexLen) {
		return fmt.Errorf("change ID %q is malformed", clip(c.ID))
	}
	if !isHex(c.Author, AuthorIDHexLen) {
		return fmt.Errorf("change %s: author %q is malformed", c.ID, clip(c.Author))
	}
	for _, s := range []string{c.Measure, c.Name, c.Delegation, c.Text, c.Note, c.Date, string(c.Status), string(c.Kind)} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("change %s: text is not valid UTF-8", c.ID)
		}
	}
	if len(c.Name) > MaxNameBytes || len(c.Delegation) > MaxNameBytes {
		return fmt.Errorf("change %s: the author's name is too long", c.ID)
	}
	if c.Time.IsZero() || c.Time.Year() < 2000 {
		return fmt.Errorf("change %s: time %s is not plausible", c.ID, c.Time.Format(time.RFC3339))
	}
	if c.Clock == 0 || c.Clock > maxClockAllowed {
		return fmt.Errorf("change %s: clock %d is out of range", c.ID, c.Clock)
	}
	if err := c.validateFeed(); err != nil {
		return err
	}
	if c.Kind != ChangeMeeting && c.Date != "" {
		return fmt.Errorf("change %s: only a meeting carries a date", c.ID)
	}
	switch c.Kind {
	case ChangeMeeting:
		return c.validateMeeting()
	case ChangeStatus:
		if _, err := ParseStatus(string(c.Status)); err != nil {
			return fmt.Errorf("change %s: %w", c.ID, err)
		}
		if len(c.Parents) > MaxParents {
			return fmt.Errorf("change %s: too many parents", c.ID)
		}
		for _, p := range c.Parents {
			if !isHex(p, ChangeIDHexLen) {
				return fmt.Errorf("change %s: parent %q is malformed", c.ID, clip(p))
			}
		}
		if c.Text != "" || c.Note != "" {
			return fmt.Errorf("change %s: a status change carries no note", c.ID)
		}
	case ChangeNoteAdd, ChangeNoteEdit, ChangeNoteDelete:
		if c.Status != "" || len(c.Parents) > 0 {
			return fmt.Errorf("change %s: a note change carries no status", c.ID)
		}
		if c.Kind == ChangeNoteAdd && c.Note != "" {
			return fmt.Errorf("change %s: a new note names no other note", c.ID)
		}
		if c.Kind != ChangeNoteAdd && !isHex(c.Note, ChangeIDHexLen) {
			return fmt.Errorf("change %s: note ID %q is malformed", c.ID, clip(c.Note))
		}
		if c.Kind == ChangeNoteDelete && c.Text != "" {
			return fmt.Errorf("change %s: a deletion carries no text", c.ID)
		}
		if c.Kind != ChangeNoteDelete && c.Text == "" {
			return fmt.Errorf("change %s: a note has no text", c.ID)
		}
		if len(c.Text) > MaxNoteBytes {
			return fmt.Errorf("change %s: the note is longer than %d KiB", c.ID, MaxNoteBytes>>10)
		}
	default:
		return fmt.Errorf("change %s: unknown kind %q", c.ID, clip(string(c.Kind)))
	}
	return c.ValidateReferences() // last: see ErrReference
}

// validateFeed checks the format 2 fields: none on a format 1 change; on
// a format 2 change a signature, and the previous change's ID from the
// second change of the feed on.
func (c *Change) validateFeed() error {
	if c.Seq == 0 {
		if c.Prev != "" || c.Sig != "" {
			return fmt.Errorf("change %s: a change with no place in its author's feed carries no signature", c.ID)
		}
		return nil
	}
	if c.Seq > maxClockAllowed {
		return fmt.Errorf("change %s: feed position %d is out of range", c.ID, c.Seq)
	}
	if !isHex(c.Sig, SigHexLen) {
		return fmt.Errorf("change %s: signature is malformed", c.ID)
	}
	if c.Seq == 1 && c.Prev != "" {
		return fmt.Errorf("change %s: the first change of a feed has no previous change", c.ID)
	}
	if c.Seq > 1 && !isHex(c.Prev, ChangeIDHexLen) {
		return fmt.Errorf("change %s: previous change %q is malformed", c.ID, clip(c.Prev))
	}
	if c.Prev == c.ID {
		return fmt.Errorf("change %s: it names itself as its previous change", c.ID)
	}
	return nil
}

// validateMeeting checks a meeting: no measure, status, parents or note; a
// name of at most MaxNameBytes on one line; a day written YYYY-MM-DD.
func (c *Change) validateMeeting() error {
	if c.Measure != "" || c.Status != "" || len(c.Parents) > 0 || c.Note != "" {
		return fmt.Errorf("change %s: a meeting is about no measure", c.ID)
	}
	if err := CheckMeetingName(c.Text); err != nil {
		return fmt.Errorf("change %s: %w", c.ID, err)
	}
	if d, err := ParseDate(c.Date); err != nil || d.String() != c.Date || d.Year < 2000 {
		return fmt.Errorf("change %s: meeting date %q is not a day written YYYY-MM-DD", c.ID, clip(c.Date))
	}
	return nil
}

// CheckMeetingName checks a meeting's name: some text, at most MaxNameBytes,
// on one line, with no control characters.
func CheckMeetingName(name string) error {
	if strings.TrimSpace(name) != name || name == "" {
		return fmt.Errorf("a meeting's name must be some text without leading or trailing spaces")
	}
	if len(name) > MaxNameBytes {
		return fmt.Errorf("a meeting's name may have at most %d bytes", MaxNameBytes)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return fmt.Errorf("a meeting's name must be on one line, without control characters")
		}
	}
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}
