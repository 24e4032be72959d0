package importplan_test

import (
	"hash/maphash"
	"maps"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/internal/importplan"
	"scoplan/storage/statusfile"
)

// exportTwice writes two status files signed by one new key, the second
// with one more change, and returns them.
func exportTwice(t *testing.T) []importplan.Source {
	t.Helper()
	dir := t.TempDir()
	s, err := storage.Open(storage.Options{Path: filepath.Join(dir, "a.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetIdentity("Alia", "KZ"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus("1.1.1", data.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	var out []importplan.Source
	for i, name := range []string{"one.scoplan-status", "two.scoplan-status"} {
		if i == 1 {
			if _, err := s.AddNote("1.1.1", "customs data exchange agreed"); err != nil {
				t.Fatal(err)
			}
		}
		content, _, err := s.ExportBytes()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, importplan.Source{Name: name, Content: content})
	}
	return out
}

// Make and Derive read the snapshot and change nothing in it; the second
// file of one key is judged against what the first taught (its key is
// known then); the plan holds each new change once, with the record of the
// new signer to write.
func TestMakeIsPureOverTheSnapshot(t *testing.T) {
	plan := data.Load()
	files, hint, err := importplan.Parse(exportTwice(t), statusfile.Options{Plan: plan, Now: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	old := &importplan.SignerRecord{PublicKey: "pk", Names: []importplan.SignerName{{Name: "Alia", Delegation: "KZ"}}}
	snap := &importplan.Snapshot{Plan: plan, State: data.NewState(), Seed: maphash.MakeSeed(), Me: "mine", Now: time.Now(),
		Signers: map[string]*importplan.SignerRecord{"otherkey": old}}
	before := maps.Clone(snap.Signers)
	oldNames := len(old.Names)

	pl, err := importplan.Make(files, hint, snap)
	if err != nil {
		t.Fatal(err)
	}
	pl.Derive(snap)

	if snap.State.Len() != 0 || !reflect.DeepEqual(snap.Signers, before) || len(old.Names) != oldNames {
		t.Errorf("planning changed the snapshot: %d changes, signers %v", snap.State.Len(), snap.Signers)
	}
	if len(pl.Changes) != 2 || len(pl.Raw) != 2 || len(pl.Digests) != 2 {
		t.Fatalf("%d new changes, want the status and the note once each", len(pl.Changes))
	}
	f1, f2 := pl.Result.Files[0].Signer, pl.Result.Files[1].Signer
	if f1.Known || !f2.Known {
		t.Errorf("known: first file %v, second %v; want false, true", f1.Known, f2.Known)
	}
	if !reflect.DeepEqual(f1.OtherKeys, []string{"otherkey"}) {
		t.Errorf("other keys with the name Alia (KZ): %v", f1.OtherKeys)
	}
	if len(pl.Signers) != 1 || pl.Signers[f1.Key] == nil {
		t.Errorf("signer records to write: %d, want the new key's", len(pl.Signers))
	}
	if got := pl.Derived["1.1.1"]; got == nil || got.StatusOf("KZ").Status != data.StatusInProgress || len(got.Notes) != 1 {
		t.Errorf("1.1.1 after the import: %+v", got)
	}
	if pl.Result.Total.NewChanges != 2 || pl.Result.Files[1].NewChanges != 1 {
		t.Errorf("counts: total %d, second file %d; want 2 and 1", pl.Result.Total.NewChanges, pl.Result.Files[1].NewChanges)
	}

	// The same files against the same snapshot plan the same result and
	// the same write (the order of Changes follows the parts, which split
	// the IDs by a random hash).
	again, err := importplan.Make(files, hint, snap)
	if err != nil {
		t.Fatal(err)
	}
	again.Derive(snap)
	if !reflect.DeepEqual(again.Result, pl.Result) {
		t.Errorf("a second plan of the same files has another result")
	}
	if !reflect.DeepEqual(again.Batches, pl.Batches) || !reflect.DeepEqual(again.Signers, pl.Signers) {
		t.Errorf("a second plan of the same files writes something else")
	}
}
