package storage

import (
	"testing"
	"time"

	"scoplan/data"
)

// TestImportsAreRecorded: every status file imported is recorded with its
// name, its signer and when it was imported, in the order imported; an
// import that brings nothing new records nothing, and the records come
// back after the data file is opened again.
func TestImportsAreRecorded(t *testing.T) {
	dir := t.TempDir()
	kz, _ := person(t, "Aigerim", "Kazakhstan")
	cn, _ := person(t, "Li Wei", "China")
	ru, _ := person(t, "Dmitry", "RU")
	for _, s := range []*Store{cn, ru} {
		if _, err := s.SetStatus("1.1.1", data.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	me, path := person(t, "Bolat", "KZ")
	if got, err := me.Imports(); err != nil || len(got) != 0 {
		t.Fatalf("a new data file has records: %v, %v", got, err)
	}
	before := time.Now().UTC().Add(-time.Second)
	mustImport(t, me, false, export(t, cn, dir, "li-wei"), export(t, ru, dir, "dmitry"))
	mustImport(t, me, true, export(t, kz, dir, "aigerim")) // a dry run writes nothing
	mustImport(t, me, false, dir+"/li-wei.scoplan-status") // nothing new: nothing recorded
	got, err := me.Imports()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d records, want 2: %+v", len(got), got)
	}
	want := []struct{ file, signer, deleg string }{{"li-wei.scoplan-status", "Li Wei", "China"}, {"dmitry.scoplan-status", "Dmitry", "RU"}}
	for i, w := range want {
		r := got[i]
		if r.File != w.file || r.Signer != w.signer || r.Delegation != w.deleg || r.Changes != 1 || r.Key == "" ||
			r.Imported.Before(before) || r.Imported.After(time.Now().UTC()) || r.Exported.IsZero() {
			t.Errorf("record %d: %+v, want %v", i, r, w)
		}
	}
	if err := me.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if back, err := again.Imports(); err != nil || len(back) != 2 || back[1].File != "dmitry.scoplan-status" {
		t.Errorf("after opening again: %+v, %v", back, err)
	}
}
