package storage

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// bucketDrafts holds the notes being written and not yet saved, so that a
// draft survives closing the editor, closing the window and a crash. It is
// created with a new data file; older files get it with their first draft.
// Drafts are the user's own unfinished text: they are never exported.
var bucketDrafts = []byte("drafts")

// Draft is a note being written: a new note on a measure (Note is "") or an
// edit of one of the user's notes (Note is its ID).
type Draft struct {
	Measure string    `json:"measure"`
	Note    string    `json:"note,omitempty"`
	Text    string    `json:"text"`
	Saved   time.Time `json:"saved"`
}

func draftKey(measure, note string) []byte { return []byte(measure + "\x00" + note) }

// SaveDraft keeps text as the draft of a new note on measure (note "") or
// of an edit of the note with that ID. The write is synced to disk, like
// every write of the store; the GUI calls it shortly after the user stops
// typing.
func (s *Store) SaveDraft(measure, note, text string) error {
	if s.plan.Measure(measure) == nil {
		return ErrUnknownMeasure
	}
	buf, err := json.Marshal(Draft{Measure: measure, Note: note, Text: text, Saved: s.now().UTC()})
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	err = safeUpdate(s.db, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketDrafts)
		if err != nil {
			return err
		}
		return b.Put(draftKey(measure, note), buf)
	})
	if err != nil {
		return fmt.Errorf("cannot keep the draft: %w", err)
	}
	return nil
}

// LoadDraft returns the draft kept for a new note on measure (note "") or
// for an edit of a note, and whether there is one.
func (s *Store) LoadDraft(measure, note string) (Draft, bool, error) {
	var d Draft
	var found bool
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return d, false, ErrClosed
	}
	err := safeView(s.db, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts)
		if b == nil {
			return nil
		}
		v := b.Get(draftKey(measure, note))
		if v == nil {
			return nil
		}
		found = true
		return json.Unmarshal(v, &d) // copies the text out of the transaction
	})
	if err != nil {
		return Draft{}, false, fmt.Errorf("cannot read the draft: %w", err)
	}
	return d, found, nil
}

// Drafts returns every draft kept for measure, new note first.
func (s *Store) Drafts(measure string) ([]Draft, error) {
	var out []Draft
	prefix := draftKey(measure, "")
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, ErrClosed
	}
	err := safeView(s.db, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			var d Draft
			if err := json.Unmarshal(v, &d); err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read the drafts: %w", err)
	}
	return out, nil
}

// DiscardDraft removes a draft; a missing draft is not an error.
func (s *Store) DiscardDraft(measure, note string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	err := safeUpdate(s.db, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDrafts)
		if b == nil {
			return nil
		}
		return b.Delete(draftKey(measure, note))
	})
	if err != nil {
		return fmt.Errorf("cannot discard the draft: %w", err)
	}
	return nil
}
