package storage

import (
	"errors"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestDraftSurvivesReopenAndIsDiscarded(t *testing.T) {
	s, path := openTemp(t)
	for _, d := range []struct{ measure, note, text string }{
		{"1.5.1", "", "new note 你好"},
		{"1.5.1", "abc", "an edit"},
		{"1.5.10", "", "other measure"},
	} {
		if err := s.SaveDraft(d.measure, d.note, d.text); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SaveDraft("1.5.1", "", "new note 你好, longer"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d, ok, err := s.LoadDraft("1.5.1", "")
	if err != nil || !ok || d.Text != "new note 你好, longer" || d.Saved.IsZero() {
		t.Fatalf("after reopening: %+v %v %v", d, ok, err)
	}
	all, err := s.Drafts("1.5.1")
	if err != nil || len(all) != 2 || all[0].Note != "" || all[1].Note != "abc" || all[1].Text != "an edit" {
		t.Fatalf("drafts of 1.5.1 (1.5.10's must not be among them): %+v %v", all, err)
	}
	if err := s.DiscardDraft("1.5.1", ""); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.LoadDraft("1.5.1", ""); ok {
		t.Error("the discarded draft is still there")
	}
	if err := s.DiscardDraft("1.5.1", ""); err != nil {
		t.Errorf("discarding twice: %v", err)
	}
	if _, ok, _ := s.LoadDraft("1.5.10", ""); !ok {
		t.Error("discarding one draft removed another")
	}
	if err := s.SaveDraft("9.9.9", "", "x"); !errors.Is(err, ErrUnknownMeasure) {
		t.Errorf("draft on an unknown measure: %v", err)
	}
}

// A data file written before drafts existed has no drafts bucket: it opens,
// reports no draft, and gets the bucket with its first draft.
func TestDraftInAnOlderFile(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketDrafts) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err = Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok, err := s.LoadDraft("1.5.1", ""); ok || err != nil {
		t.Fatalf("an older file has a draft: %v %v", ok, err)
	}
	if all, err := s.Drafts("1.5.1"); len(all) != 0 || err != nil {
		t.Fatalf("drafts of an older file: %v %v", all, err)
	}
	if err := s.DiscardDraft("1.5.1", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDraft("1.5.1", "", "first"); err != nil {
		t.Fatal(err)
	}
	if d, ok, _ := s.LoadDraft("1.5.1", ""); !ok || d.Text != "first" {
		t.Fatalf("draft in an older file: %+v %v", d, ok)
	}
}
