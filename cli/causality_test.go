package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage"
)

// TestCheckReportsBrokenCausality: a data file written before imports
// checked causality, holding a status change that lists itself as a parent,
// still opens and shows the real status with who set it; "scoplan check"
// reports the change in plain words (its author, its measure, why) and
// recovers the rest.
func TestCheckReportsBrokenCausality(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mine.db")
	s, err := storage.Open(storage.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	s.SetIdentity("Aigerim", "KZ")
	real, _ := s.SetStatus("1.1.1", data.StatusDone)
	s.Close()
	self := &data.Change{ID: storage.NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Author: "0123456789abcdef", Name: "Mallory",
		Delegation: "KZ", Time: real.Time.Add(time.Minute), Clock: 1, Status: data.StatusNotStarted}
	self.Parents = []string{real.ID, self.ID}
	b, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	buf, _ := json.Marshal(self)
	if err := b.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("changes")).Put([]byte(self.ID), buf) }); err != nil {
		t.Fatal(err)
	}
	b.Close()

	if out := must(t, "show", "1.1.1", "--db", db); !strings.Contains(out, "done") || !strings.Contains(out, "Aigerim") {
		t.Errorf("show:\n%s", out)
	}
	out, _, code := runIn(t, "check", "--db", db)
	if code != ExitError || !strings.Contains(out, "1 problem") || !strings.Contains(out, self.ID) ||
		!strings.Contains(out, `change "`+self.ID+`": by "Mallory" on measure "1.1.1" breaks causality: it lists itself as a parent`) ||
		!strings.Contains(out, "recoverable: 1 change") {
		t.Errorf("check: exit %d:\n%s", code, out)
	}
}
