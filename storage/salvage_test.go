package storage

import (
	"path/filepath"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// A salvaged data file keeps what the damaged one knew to be unverified:
// a format 1 change relayed by someone other than its author stays marked
// so, and the own and signed changes stay verified.
func TestSalvageKeepsUnverifiedMarks(t *testing.T) {
	dir := t.TempDir()
	old, _ := person(t, "Old", "KZ")
	now := time.Now().UTC().Truncate(data.TimePrecision)
	relayed := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.2", Author: "0123456789abcdef", Name: "Zed",
		Time: now, Clock: 1, Text: "relayed"}
	p := filepath.Join(dir, "old"+statusfile.Extension)
	craft(t, old, p, 1, []*data.Change{relayed})
	carol, cpath := person(t, "Carol", "RU")
	own, err := carol.AddNote("2.1.1", "Carol signs her changes")
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, carol, false, p)
	carol.Close()

	r, err := Check(cpath, data.Load())
	if err != nil || !r.OK() {
		t.Fatalf("check: %v %+v", err, r)
	}
	fresh := filepath.Join(dir, "salvaged.db")
	if _, err := r.Salvage(fresh); err != nil {
		t.Fatal(err)
	}
	s, err := Open(Options{Path: fresh})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := map[string]bool{}
	for _, c := range s.Changes() {
		got[c.ID] = c.Unverified
	}
	if v, ok := got[relayed.ID]; !ok || !v {
		t.Errorf("the relayed format 1 change after the salvage: present %v, unverified %v", ok, v)
	}
	if v, ok := got[own.ID]; !ok || v {
		t.Errorf("the own signed change after the salvage: present %v, unverified %v", ok, v)
	}
}
