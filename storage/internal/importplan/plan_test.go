package importplan_test

import (
	"crypto/ed25519"
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

// A signed change whose ID the snapshot holds for an unsigned change (a
// squatter) is planned as new, and the squatter as displaced; the snapshot
// is left as it is, and Base is it without the squatter. An unsigned line
// under a signed change's ID is refused as a reused ID.
func TestMakeDisplacesUnsignedSquatter(t *testing.T) {
	plan := data.Load()
	sources := exportTwice(t)
	files, hint, err := importplan.Parse(sources[:1], statusfile.Options{Plan: plan, Now: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	real := files[0].Lines[0].Change
	squat := &data.Change{ID: real.ID, Kind: data.ChangeNoteAdd, Measure: "2.1.1", Author: real.Author, Name: "Alia",
		Time: real.Time, Clock: 1, Text: "not what Alia wrote", Unverified: true}
	state := data.NewState()
	state.Add(squat)
	snap := &importplan.Snapshot{Plan: plan, State: state, Seed: maphash.MakeSeed(), Me: "mine", Now: time.Now()}
	pl, err := importplan.Make(files, hint, snap)
	if err != nil {
		t.Fatal(err)
	}
	pl.Derive(snap)
	if !reflect.DeepEqual(pl.Displaced, []string{real.ID}) || len(pl.Changes) != 1 || pl.Changes[0].ID != real.ID ||
		pl.Result.Total.Displaced != 1 || pl.Result.Total.NewChanges != 1 || pl.Result.Total.RefusedChanges != 0 {
		t.Fatalf("displaced %v, %d changes, %+v", pl.Displaced, len(pl.Changes), pl.Result.Total)
	}
	if snap.State.Change(real.ID) != squat || len(snap.State.Measure("2.1.1").Notes) != 1 {
		t.Errorf("planning changed the snapshot")
	}
	if pl.Base == nil || pl.Base.Len() != 0 || len(pl.Base.Measure("2.1.1").Notes) != 0 {
		t.Errorf("Base: %+v", pl.Base)
	}
	if got := pl.Derived["2.1.1"]; got == nil || len(got.Notes) != 0 {
		t.Errorf("2.1.1, where only the squatter was: %+v", got)
	}
	if got := pl.Derived["1.1.1"]; got == nil || got.StatusOf("KZ").Status != data.StatusInProgress {
		t.Errorf("1.1.1 after the import: %+v", got)
	}

	// The other way round: the signed change known, a format 1 file's
	// squatter is refused.
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	plain := *squat
	plain.Unverified = false
	content, err := statusfile.EncodeFormat(1, statusfile.Header{Plan: data.PlanID, PlanVersion: plan.Version(), Exported: time.Now(),
		Exporter: statusfile.Exporter{Name: "Mallory"}}, pub, []*data.Change{&plain}, func(m []byte) []byte { return ed25519.Sign(priv, m) })
	if err != nil {
		t.Fatal(err)
	}
	files, hint, err = importplan.Parse([]importplan.Source{{Name: "mallory", Content: content}}, statusfile.Options{Plan: plan, Now: time.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	state = data.NewState()
	state.Add(real)
	snap.State = state
	pl, err = importplan.Make(files, hint, snap)
	if err != nil {
		t.Fatal(err)
	}
	pl.Derive(snap)
	if len(pl.Displaced) != 0 || len(pl.Changes) != 0 || pl.Base != nil || len(pl.Result.Files[0].Refused) != 1 ||
		pl.Result.Files[0].Refused[0].Why != importplan.WhyReusedID {
		t.Errorf("the squatter after the signed change: displaced %v, %d changes, refused %+v", pl.Displaced, len(pl.Changes), pl.Result.Files[0].Refused)
	}
}
