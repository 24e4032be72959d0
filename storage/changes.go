package storage

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"strings"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// NewChangeID returns 128 random bits in hex.
func NewChangeID() string {
	var b [data.ChangeIDHexLen / 2]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("scoplan: no randomness: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}

// newChange fills in what every local change carries. Callers hold s.mu.
func (s *Store) newChange(kind data.ChangeKind, measure string) *data.Change {
	return &data.Change{
		ID:         NewChangeID(),
		Kind:       kind,
		Measure:    measure,
		Author:     s.me.Key,
		Name:       s.me.Name,
		Delegation: s.me.Delegation,
		Time:       s.now().UTC().Truncate(data.TimePrecision),
		Clock:      s.state.MaxClock() + 1,
		Seq:        s.tip.Seq + 1,
		Prev:       s.tip.ID,
	}
}

// commit writes one local change to the file (synced before it returns) and
// then to the in-memory state. Callers hold s.mu.
func (s *Store) commit(c *data.Change) error {
	if s.closed {
		return ErrClosed
	}
	// Format 2: the ID is the hash of the content, signed by the own key
	// (newChange gave it its place in the own feed).
	if c.Seq > 0 && c.Author == s.me.Key {
		if err := statusfile.SignChange(c, s.Sign); err != nil {
			return err
		}
	}
	if err := c.Validate(); err != nil {
		return err
	}
	buf, err := json.Marshal(c)
	if err != nil {
		return err
	}
	err = safeUpdate(s.db, func(tx *bolt.Tx) error {
		if c.Signed() {
			if err := raiseSchema(tx, 3); err != nil { // see SchemaVersion
				return err
			}
		}
		return tx.Bucket(bucketChanges).Put([]byte(c.ID), buf)
	})
	if err != nil {
		return fmt.Errorf("cannot write to the data file: %w", err)
	}
	s.state.Add(c)
	s.digests[c.ID] = maphash.Bytes(s.seed, buf)
	s.addFeeds([]*data.Change{c})
	return nil
}

func (s *Store) write(build func() (*data.Change, error)) (*data.Change, error) {
	s.mu.Lock()
	c, err := build()
	if err == nil {
		err = s.commit(c)
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	s.notify()
	return c, nil
}

func (s *Store) checkMeasure(id string) error {
	if s.plan.Measure(id) == nil {
		return fmt.Errorf("%w: %q", ErrUnknownMeasure, id)
	}
	return nil
}

// SetStatus records a status for a measure. The change supersedes every
// status change now in play on the measure, so it also resolves a conflict.
// Setting the status already in force, with no conflict, records nothing.
func (s *Store) SetStatus(measure string, status data.Status) (*data.Change, error) {
	if _, err := data.ParseStatus(string(status)); err != nil {
		return nil, err
	}
	return s.write(func() (*data.Change, error) {
		if err := s.checkMeasure(measure); err != nil {
			return nil, err
		}
		if cur := s.state.Measure(measure); cur.Status == status && !cur.Conflict {
			return nil, errUnchanged
		}
		c := s.newChange(data.ChangeStatus, measure)
		c.Status = status
		c.Parents = s.state.StatusHeads(measure)
		return c, nil
	})
}

// errUnchanged is returned by SetStatus when nothing needs recording.
var errUnchanged = fmt.Errorf("the measure already has this status")

// IsUnchanged reports whether err says a write was not needed.
func IsUnchanged(err error) bool { return err == errUnchanged }

func cleanNote(text string) (string, error) {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return "", ErrEmptyNote
	}
	if len(text) > data.MaxNoteBytes {
		return "", fmt.Errorf("a note may have at most %d KiB", data.MaxNoteBytes>>10)
	}
	return text, nil
}

// AddNote adds a note by the user to a measure.
func (s *Store) AddNote(measure, text string) (*data.Change, error) {
	text, err := cleanNote(text)
	if err != nil {
		return nil, err
	}
	return s.write(func() (*data.Change, error) {
		if err := s.checkMeasure(measure); err != nil {
			return nil, err
		}
		c := s.newChange(data.ChangeNoteAdd, measure)
		c.Text = text
		return c, nil
	})
}

// ownNote checks that the note exists, is live and is the user's.
func (s *Store) ownNote(measure, noteID string) error {
	if err := s.checkMeasure(measure); err != nil {
		return err
	}
	for _, n := range s.state.Measure(measure).Notes {
		if n.ID == noteID {
			if n.Author != s.me.Key {
				return ErrNotYourNote
			}
			return nil
		}
	}
	return ErrNoSuchNote
}

// EditNote replaces the text of one of the user's own notes.
func (s *Store) EditNote(measure, noteID, text string) (*data.Change, error) {
	text, err := cleanNote(text)
	if err != nil {
		return nil, err
	}
	return s.write(func() (*data.Change, error) {
		if err := s.ownNote(measure, noteID); err != nil {
			return nil, err
		}
		c := s.newChange(data.ChangeNoteEdit, measure)
		c.Note, c.Text = noteID, text
		return c, nil
	})
}

// DeleteNote deletes one of the user's own notes. The deletion is a change
// like any other: it reaches colleagues through exchange, and the note stays
// visible in the measure's history.
func (s *Store) DeleteNote(measure, noteID string) (*data.Change, error) {
	return s.write(func() (*data.Change, error) {
		if err := s.ownNote(measure, noteID); err != nil {
			return nil, err
		}
		c := s.newChange(data.ChangeNoteDelete, measure)
		c.Note = noteID
		return c, nil
	})
}

// Measure returns the derived state of a measure. The value is never
// modified afterwards; a later change produces a new one.
func (s *Store) Measure(id string) *data.MeasureState {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Measure(id)
}

// States returns the derived state of every measure of the plan.
func (s *Store) States() map[string]*data.MeasureState {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string]*data.MeasureState, len(s.plan.Measures))
	for _, m := range s.plan.Measures {
		out[m.ID] = s.state.Measure(m.ID)
	}
	return out
}

// Changes returns every change in the log, oldest first.
func (s *Store) Changes() []*data.Change {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Changes()
}

// ChangeCount returns the number of changes in the log.
func (s *Store) ChangeCount() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Len()
}

// Revision returns a number that grows with every write of changes, for
// callers that redo work when the log changed: the change count, plus the
// changes this store removed since it opened (an import removes the
// unsigned changes that signed ones displace, and may bring nothing else:
// the count alone would not tell).
func (s *Store) Revision() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state.Len() + s.removed
}

// Setting returns a stored setting, or nil.
func (s *Store) Setting(key string) []byte {
	var out []byte
	_ = safeView(s.db, func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketSettings).Get([]byte(key)); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	return out
}

// SetSetting stores a setting (nil deletes it).
func (s *Store) SetSetting(key string, value []byte) error {
	s.mu.RLock()
	closed := s.closed
	s.mu.RUnlock()
	if closed {
		return ErrClosed
	}
	return safeUpdate(s.db, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSettings)
		if value == nil {
			return b.Delete([]byte(key))
		}
		return b.Put([]byte(key), value)
	})
}
