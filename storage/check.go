package storage

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// Damage is one thing found wrong in a data file.
type Damage struct {
	// Where names the place: a change's key in the changes bucket, or a
	// part of the file ("structure", "identity", "key").
	Where  string
	Reason string
}

// CheckReport is what Check found in a data file.
type CheckReport struct {
	Path   string
	Schema int
	// Changes are the changes that read back whole and valid, and whose
	// every reference (status parents, the note an edit or deletion is
	// about) is among them: what can be recovered.
	Changes []*data.Change
	// Dropped counts the readable changes left out of Changes because a
	// change they refer to is damaged.
	Dropped int
	Damage  []Damage
	// Key and Identity are the installation's, when they read back.
	Key      ed25519.PrivateKey
	Identity Identity
	// Keys are the authors' public keys that read back whole (the keys
	// bucket), by fingerprint: a salvaged file keeps them, so that it
	// passes the signed changes on with their keys.
	Keys map[string]ed25519.PublicKey
	// Unverified holds the IDs the unverified bucket marks (format 1
	// changes relayed by others): a salvaged file keeps the marks.
	Unverified []string
}

// OK reports whether nothing was found wrong.
func (r *CheckReport) OK() bool { return len(r.Damage) == 0 }

// Check reads a data file without writing to it (bbolt read-only, a shared
// lock) and reports what is wrong with it: the B+tree's own consistency
// (bbolt's page checks), the marks and schema, the key and identity, and
// every stored change (decodes, validates, names a measure of plan, appears
// once, its value's first line is its key's change). It returns an error
// only when the file cannot be looked at at all (held by scoplan, not a
// data file, from a newer scoplan, unreadable).
func Check(path string, plan *data.Plan) (*CheckReport, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("cannot read the data file: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, openError(err)
	}
	defer db.Close()
	r := &CheckReport{Path: path}
	var raw []*data.Change
	err = safeView(db, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(keyApp)) != string(appMarker) {
			return ErrNotDataFile
		}
		v, err := strconv.Atoi(string(meta.Get(keySchema)))
		switch {
		case err != nil || v < 1:
			r.Damage = append(r.Damage, Damage{"schema", "the schema mark cannot be read"})
		case v > SchemaVersion:
			return ErrNewerSchema
		}
		r.Schema = v
		for err := range tx.Check() {
			r.Damage = append(r.Damage, Damage{"structure", err.Error()})
		}
		if seed := meta.Get(keyPrivate); len(seed) == ed25519.SeedSize {
			r.Key = ed25519.NewKeyFromSeed(seed)
		} else {
			r.Damage = append(r.Damage, Damage{"key", "the signing key cannot be read"})
		}
		if err := json.Unmarshal(meta.Get(keyIdentity), &r.Identity); err != nil {
			r.Damage = append(r.Damage, Damage{"identity", "your name and delegation cannot be read"})
		}
		for _, b := range [][]byte{bucketSigners, bucketSettings} {
			if tx.Bucket(b) == nil {
				r.Damage = append(r.Damage, Damage{string(b), "this part of the file is missing"})
			}
		}
		changes := tx.Bucket(bucketChanges)
		if changes == nil {
			r.Damage = append(r.Damage, Damage{"changes", "the change log is missing"})
			return nil
		}
		r.Keys = map[string]ed25519.PublicKey{}
		storedKeys(tx, r.Keys)
		if b := tx.Bucket(bucketUnverified); b != nil {
			_ = b.ForEach(func(k, _ []byte) error {
				r.Unverified = append(r.Unverified, string(k))
				return nil
			})
		}
		keys := maps.Clone(r.Keys)
		if r.Key != nil {
			pub := r.Key.Public().(ed25519.PublicKey)
			keys[Fingerprint(pub)] = pub
		}
		seen := map[string]bool{}
		return changes.ForEach(func(k, v []byte) error {
			return eachLine(v, func(n int, line []byte) error {
				where := fmt.Sprintf("change %q, line %d", clip(string(k)), n+1)
				c, _, why := storedLine(k, n, line, plan)
				switch {
				case why != "":
					r.Damage = append(r.Damage, Damage{where, why})
				case seen[c.ID]:
					r.Damage = append(r.Damage, Damage{where, "is in the file twice"})
				case c.Signed() && !signedByAuthor(c, keys):
					r.Damage = append(r.Damage, Damage{where, signatureDamage(c, keys)})
				default:
					seen[c.ID] = true
					raw = append(raw, c) // decoded: nothing refers to the transaction's memory
				}
				return nil
			})
		})
	})
	if err != nil {
		if errors.Is(err, ErrDamaged) && r.Schema > 0 {
			// bbolt itself faulted on a damaged page: what was read so far
			// stands, the rest is lost.
			r.Damage = append(r.Damage, Damage{"structure", "a damaged page stopped the reading"})
		} else {
			return nil, err
		}
	}
	raw = causalDamage(r, raw)
	r.Changes, r.Dropped = closed(raw)
	return r, nil
}

// closed keeps the changes whose references all lead to kept changes, so
// that a status file of them is complete (docs/FORMAT.md: a file is
// closed), and counts the others.
func closed(cs []*data.Change) ([]*data.Change, int) {
	keep := make(map[string]*data.Change, len(cs))
	for _, c := range cs {
		keep[c.ID] = c
	}
	for changed := true; changed; {
		changed = false
		for id, c := range keep {
			ok := true
			for _, p := range c.Parents {
				if keep[p] == nil {
					ok = false
				}
			}
			if c.Kind == data.ChangeNoteEdit || c.Kind == data.ChangeNoteDelete {
				ok = ok && keep[c.Note] != nil
			}
			if !ok {
				delete(keep, id)
				changed = true
			}
		}
	}
	out := make([]*data.Change, 0, len(keep))
	for _, c := range cs {
		if keep[c.ID] != nil {
			out = append(out, c)
		}
	}
	return out, len(cs) - len(out)
}

// Salvage makes a new data file at path holding the changes Check could
// recover, with the damaged file's key and identity when they read back
// (a fresh key otherwise), so that its owner goes on where they were. The
// path must not exist yet. It returns the number of changes written.
func (r *CheckReport) Salvage(path string) (int, error) {
	if _, err := os.Lstat(path); err == nil {
		return 0, fmt.Errorf("%s exists already: give the name of a new data file", path)
	}
	s, err := Open(Options{Path: path})
	if err != nil {
		return 0, err
	}
	id, _ := json.Marshal(Identity{Name: r.Identity.Name, Delegation: r.Identity.Delegation})
	err = safeUpdate(s.db, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if r.Key != nil {
			if err := meta.Put(keyPrivate, r.Key.Seed()); err != nil {
				return err
			}
		}
		if err := meta.Put(keyIdentity, id); err != nil {
			return err
		}
		kb := tx.Bucket(bucketKeys)
		for fp, pub := range r.Keys {
			if err := kb.Put([]byte(fp), pub); err != nil {
				return err
			}
		}
		ub, err := tx.CreateBucketIfNotExists(bucketUnverified)
		if err != nil {
			return err
		}
		for _, id := range r.Unverified {
			if err := ub.Put([]byte(id), []byte{}); err != nil {
				return err
			}
		}
		b := tx.Bucket(bucketChanges)
		for _, c := range r.Changes {
			buf, err := json.Marshal(c)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(c.ID), buf); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()
	if err != nil {
		os.Remove(path)
		return 0, fmt.Errorf("cannot write the new data file: %w", err)
	}
	// It must open as any data file does.
	s, err = Open(Options{Path: path})
	if err != nil {
		return 0, fmt.Errorf("the new data file does not open: %w", err)
	}
	n := s.ChangeCount()
	s.Close()
	return n, nil
}

// eachLine calls fn with each line of a value of the changes bucket,
// numbered from 0: one change, or several, one a line (schema 2), the first
// one's ID the key. It stops at fn's first error.
func eachLine(v []byte, fn func(n int, line []byte) error) error {
	for n := 0; n == 0 || len(v) > 0; n++ {
		line := v
		if i := bytes.IndexByte(v, '\n'); i >= 0 {
			line, v = v[:i], v[i+1:]
		} else {
			v = nil
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return nil
}

// storedLine decodes line n of the value under key and checks it as every
// reader of the data file does (opening it, and Check): it must decode, be
// the change its key names (the first line), be valid and, unless it is a
// meeting, name a measure of plan (one damaged byte in an ID, "1.\ufffd.1",
// must not pass). It returns the change and, when it is refused, why:
// unreadable (and no change) for the first three.
func storedLine(key []byte, n int, line []byte, plan *data.Plan) (c *data.Change, unreadable bool, why string) {
	c = new(data.Change)
	switch err := json.Unmarshal(line, c); {
	case err != nil:
		return nil, true, "cannot be decoded"
	case n == 0 && c.ID != string(key):
		return nil, true, "is not the change its key names"
	}
	// A change referring to itself passed every other check: a data file
	// written before the rule may hold it (data.ErrReference; Check reports it).
	if err := c.Validate(); err != nil && !errors.Is(err, data.ErrReference) {
		return nil, true, err.Error()
	}
	if c.Kind != data.ChangeMeeting && plan.Measure(c.Measure) == nil {
		return c, false, fmt.Sprintf("names a measure the plan does not have (%q)", clip(c.Measure))
	}
	return c, false, ""
}

// signedByAuthor reports whether a signed (format 2) change's ID is the
// hash of its content and its signature its author's, by the key the data
// file holds for the author. Check verifies every signature, one by one
// (about 40 µs each): an import verifies one per author's feed and file,
// but a data file's bytes can be damaged anywhere after that.
func signedByAuthor(c *data.Change, keys map[string]ed25519.PublicKey) bool {
	id, err := statusfile.ContentID(c)
	return err == nil && id == c.ID && statusfile.VerifyChange(keys[c.Author], c)
}

// signatureDamage says why signedByAuthor refused c.
func signatureDamage(c *data.Change, keys map[string]ed25519.PublicKey) string {
	switch id, err := statusfile.ContentID(c); {
	case err != nil || id != c.ID:
		return "its content does not match its ID: it was altered after it was signed"
	case keys[c.Author] == nil:
		return fmt.Sprintf("the public key of its author (key %s) is missing, so its signature cannot be checked", c.Author)
	}
	return fmt.Sprintf("its signature is not its author's (key %s)", c.Author)
}
