package storage

import (
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// bucketImports holds a record of every status file imported: which file,
// who signed it, when it was imported. A meeting brief lists the files it
// includes from them. Created by the first import that records one; older
// files lack it and list none.
var bucketImports = []byte("imports")

// ImportRecord is one status file imported into the data file.
type ImportRecord struct {
	File       string    `json:"file"`       // the file's name, without its folder
	Signer     string    `json:"signer"`     // the name it was signed with
	Delegation string    `json:"delegation"` // the signer's delegation, as declared
	Key        string    `json:"key"`        // the signing key's fingerprint
	Exported   time.Time `json:"exported"`   // when the file was made
	Imported   time.Time `json:"imported"`   // when it was imported here
	Changes    int       `json:"changes"`    // the changes in the file
}

// putImportRecords records the files of an import, in the import's
// transaction: keyed by the time of the import and the file's place in it,
// so that they read back in the order imported.
func putImportRecords(tx *bolt.Tx, files []FileSummary, at time.Time) error {
	b, err := tx.CreateBucketIfNotExists(bucketImports)
	if err != nil {
		return err
	}
	at = at.UTC()
	for i, f := range files {
		rec := ImportRecord{File: filepath.Base(f.Name), Signer: f.Signer.Name, Delegation: f.Signer.Delegation,
			Key: f.Signer.Key, Exported: f.Exported.UTC(), Imported: at, Changes: f.Changes}
		v, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		k := make([]byte, 12)
		binary.BigEndian.PutUint64(k, uint64(at.UnixNano()))
		binary.BigEndian.PutUint32(k[8:], uint32(i))
		if err := b.Put(k, v); err != nil {
			return err
		}
	}
	return nil
}

// Imports returns the status files imported into the data file, in the
// order imported; none for a data file older than the records.
func (s *Store) Imports() ([]ImportRecord, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, ErrClosed
	}
	var out []ImportRecord
	err := safeView(s.db, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketImports)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var r ImportRecord
			if json.Unmarshal(v, &r) == nil { // an unreadable record is left out
				out = append(out, r)
			}
			return nil
		})
	})
	return out, err
}

// ImportedBetween returns the records of the files imported at or after
// after and, unless before is zero, before before.
func ImportedBetween(recs []ImportRecord, after, before time.Time) []ImportRecord {
	var out []ImportRecord
	for _, r := range recs {
		if !r.Imported.Before(after) && (before.IsZero() || r.Imported.Before(before)) {
			out = append(out, r)
		}
	}
	return out
}
