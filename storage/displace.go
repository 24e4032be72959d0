package storage

import (
	"bytes"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
)

// removeChanges removes the changes with the given IDs from the changes
// bucket, and their unverified marks: the unsigned changes an import's
// signed changes displace (importplan.Displaces), before it writes those
// under the same IDs. A value holds a run of changes keyed by the first
// one's ID (schema 2), so the values holding them are found by a scan of
// the bucket (only an import that displaces something pays for it), and
// each is written again without them: under its new first change's ID
// when the first one goes, and not at all when none is left.
func removeChanges(tx *bolt.Tx, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	gone := make(map[string]bool, len(ids))
	patterns := make([][]byte, 0, len(ids))
	for _, id := range ids {
		gone[id] = true
		// A change's own ID, as its canonical JSON spells it: no text
		// holds these bytes (a quote inside a string is escaped).
		patterns = append(patterns, []byte(`"id":"`+id+`"`))
	}
	type rewrite struct {
		key   []byte
		lines [][]byte // what the value keeps
	}
	var todo []rewrite
	b := tx.Bucket(bucketChanges)
	err := b.ForEach(func(k, v []byte) error {
		hit := false
		for _, p := range patterns {
			if bytes.Contains(v, p) {
				hit = true
				break
			}
		}
		if !hit {
			return nil
		}
		w := rewrite{key: bytes.Clone(k)}
		removed := false
		_ = eachLine(v, func(_ int, line []byte) error {
			if gone[lineID(line)] {
				removed = true
				return nil
			}
			w.lines = append(w.lines, bytes.Clone(line))
			return nil
		})
		if removed {
			todo = append(todo, w)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Written once the scan is over: a bucket is not changed while a
	// cursor walks it.
	for _, w := range todo {
		if err := b.Delete(w.key); err != nil {
			return err
		}
		if len(w.lines) == 0 {
			continue
		}
		value := w.lines[0] // a change alone: its line
		if len(w.lines) > 1 {
			value = append(bytes.Join(w.lines, []byte{'\n'}), '\n')
		}
		if err := b.Put([]byte(lineID(w.lines[0])), value); err != nil {
			return err
		}
	}
	if ub := tx.Bucket(bucketUnverified); ub != nil {
		for _, id := range ids {
			if err := ub.Delete([]byte(id)); err != nil {
				return err
			}
		}
	}
	return nil
}

// lineID returns the ID of a stored change's line: canonical JSON starts
// with it. A line that does not is decoded (and yields "" if it cannot be:
// such a line is damage for Check to report, not to remove).
func lineID(line []byte) string {
	const prefix = `{"id":"`
	if n := len(prefix) + data.ChangeIDHexLen; len(line) > n && string(line[:len(prefix)]) == prefix && line[n] == '"' {
		return string(line[len(prefix):n])
	}
	var c struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(line, &c)
	return c.ID
}
