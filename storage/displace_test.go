package storage

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage/internal/importplan"
	"scoplan/storage/statusfile"
	"scoplan/storage/storagetest"
)

// squatters returns format 1 lines (unsigned, in Anna's name, as relayed)
// reusing the IDs of changes with other content: what Mallory plants to
// keep Anna's changes out.
func squatters(anna *Store, clock uint64, of ...*data.Change) []*data.Change {
	now := time.Now().UTC().Truncate(data.TimePrecision)
	var out []*data.Change
	for _, c := range of {
		out = append(out, &data.Change{ID: c.ID, Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: anna.Identity().Key,
			Name: "Anna", Delegation: "KZ", Time: now, Clock: clock, Text: "Anna says: drop the customs plan"})
		clock++
	}
	return out
}

// changesValues returns the changes bucket's keys and their values' lines.
func changesValues(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketChanges).ForEach(func(k, v []byte) error {
			return eachLine(v, func(n int, line []byte) error {
				if n == 0 && lineID(line) != string(k) {
					t.Errorf("value %s starts with change %s", k, lineID(line))
				}
				out[string(k)]++
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// closeCheckReopen closes s, checks its data file (bbolt's and scoplan's
// checks, signatures included) and opens it again.
func closeCheckReopen(t *testing.T, s *Store, path string) *Store {
	t.Helper()
	s.Close()
	storagetest.Check(t, path)
	if rep, err := Check(path, data.Load()); err != nil || !rep.OK() {
		t.Fatalf("check: %v %+v", err, rep)
	}
	s, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The squatter race: an unsigned line reusing the ID of one of Anna's
// signed changes, with other content, reaches Carol first. Anna's signed
// change displaces it when it comes, with every later change of her feed;
// the data file holds no trace of the squatter, reads back the same, and
// importing Anna's file again brings nothing.
func TestSignedChangeDisplacesUnsignedSquatter(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "KZ")
	n1, _ := anna.AddNote("1.1.1", "customs agreement signed")
	st, _ := anna.SetStatus("1.1.2", data.StatusInProgress)
	n3, _ := anna.AddNote("1.1.3", "third")
	annaFile := export(t, anna, dir, "anna")

	// Mallory's format 1 file: two squatters around one of her own notes,
	// one value of Carol's changes bucket, keyed by the first squatter.
	mallory, _ := person(t, "Mallory", "KZ")
	now := time.Now().UTC().Truncate(data.TimePrecision)
	sq := squatters(anna, 1, n1, n3)
	own := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "2.1.1", Author: mallory.Identity().Key,
		Name: "Mallory", Time: now, Clock: 3, Text: "Mallory's own note"}
	malloryFile := filepath.Join(dir, "mallory"+statusfile.Extension)
	craft(t, mallory, malloryFile, 1, []*data.Change{sq[0], own, sq[1]})

	carol, cpath := person(t, "Carol", "RU")
	r := mustImport(t, carol, false, malloryFile)
	if r.Total.NewChanges != 3 || r.Total.RefusedChanges != 0 {
		t.Fatalf("Mallory's file: %+v %+v", r.Total, r.Files[0].Refused)
	}
	if vals := changesValues(t, carol); vals[n1.ID] != 3 {
		t.Fatalf("the squatters are not one value keyed by the first: %v", vals)
	}
	if c := carol.state.Change(n1.ID); c == nil || !c.Unverified || c.Text != sq[0].Text {
		t.Fatalf("the squatter at Carol: %+v", c)
	}

	for _, dry := range []bool{true, false} {
		r := mustImport(t, carol, dry, annaFile)
		if r.Total.NewChanges != 3 || r.Total.Displaced != 2 || r.Files[0].Displaced != 2 || r.Total.RefusedChanges != 0 {
			t.Fatalf("dry=%v: Anna's file: %+v %+v", dry, r.Total, r.Files[0].Refused)
		}
		for _, m := range r.Measures {
			if m.Measure == "1.1.1" && (len(m.After.Notes) != 1 || m.After.Notes[0].Text != n1.Text) {
				t.Errorf("dry=%v: the preview of 1.1.1: %+v", dry, m.After.Notes)
			}
		}
	}
	check := func(s *Store) {
		t.Helper()
		for _, want := range []*data.Change{n1, st, n3} {
			c := s.state.Change(want.ID)
			if c == nil || !c.SameContent(want) || c.Unverified {
				t.Errorf("Anna's change %s: %+v", want.ID, c)
			}
		}
		if n := s.Measure("1.1.1").Notes; len(n) != 1 || n[0].Text != n1.Text {
			t.Errorf("notes on 1.1.1: %+v", n)
		}
		if n := s.Measure("1.1.3").Notes; len(n) != 1 || n[0].Text != n3.Text {
			t.Errorf("notes on 1.1.3: %+v", n)
		}
		if got := s.Measure("1.1.2").StatusOf("KZ").Status; got != data.StatusInProgress {
			t.Errorf("Anna's status: %s", got)
		}
		if n := s.Measure("2.1.1").Notes; len(n) != 1 || n[0].ID != own.ID {
			t.Errorf("Mallory's own note: %+v", n)
		}
		if s.ChangeCount() != 4 {
			t.Errorf("%d changes, want Anna's 3 and Mallory's own", s.ChangeCount())
		}
		vals := changesValues(t, s)
		if vals[own.ID] != 1 || vals[n1.ID] != 3 {
			t.Errorf("values: %v", vals)
		}
		err := s.db.View(func(tx *bolt.Tx) error {
			if b := tx.Bucket(bucketUnverified); b != nil && (b.Get([]byte(n1.ID)) != nil || b.Get([]byte(n3.ID)) != nil) {
				t.Errorf("a squatter's unverified mark is left")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check(carol)
	before := snapshot(carol)
	again := mustImport(t, carol, false, annaFile)
	if !again.Total.NothingNew() || again.Total.Displaced != 0 {
		t.Errorf("Anna's file again: %+v", again.Total)
	}
	// Mallory's file again: its squatters are now refused as reusing IDs.
	carol.mu.Lock()
	clear(carol.imported)
	carol.mu.Unlock()
	again = mustImport(t, carol, false, malloryFile)
	if !again.Total.NothingNew() || len(refusedBy(again, importplan.WhyReusedID)) != 2 {
		t.Errorf("Mallory's file again: %+v %+v", again.Total, again.Files[0].Refused)
	}
	carol = closeCheckReopen(t, carol, cpath)
	defer carol.Close()
	check(carol)
	if got := snapshot(carol); got != before {
		t.Errorf("reopened:\n%s\nbefore:\n%s", got, before)
	}
	// Dave imports Carol's export: Anna's changes, verified.
	dave, _ := person(t, "Dave", "UZ")
	r = mustImport(t, dave, false, export(t, carol, dir, "carol"))
	if r.Total.NewChanges != 4 || r.Total.RefusedChanges != 0 {
		t.Errorf("Carol's export at Dave: %+v %+v", r.Total, r.Files[0].Refused)
	}
}

// Both files in one import, the squatter's first: Anna's signed change
// takes its place in the import.
func TestSignedChangeDisplacesSquatterOfTheSameImport(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "KZ")
	n1, _ := anna.AddNote("1.1.1", "customs agreement signed")
	n2, _ := anna.AddNote("1.1.1", "second")
	annaFile := export(t, anna, dir, "anna")
	mallory, _ := person(t, "Mallory", "KZ")
	malloryFile := filepath.Join(dir, "mallory"+statusfile.Extension)
	craft(t, mallory, malloryFile, 1, squatters(anna, 1, n1))

	carol, cpath := person(t, "Carol", "RU")
	for _, dry := range []bool{true, false} {
		r := mustImport(t, carol, dry, malloryFile, annaFile)
		if r.Total.NewChanges != 2 || r.Total.Displaced != 1 || r.Files[0].NewChanges != 0 || r.Files[1].Displaced != 1 {
			t.Fatalf("dry=%v: %+v, files %+v / %+v", dry, r.Total, r.Files[0].Summary, r.Files[1].Summary)
		}
	}
	for _, want := range []*data.Change{n1, n2} {
		if c := carol.state.Change(want.ID); c == nil || !c.SameContent(want) || c.Unverified {
			t.Errorf("Anna's change %s: %+v", want.ID, c)
		}
	}
	carol.Close()
	if rep, err := Check(cpath, data.Load()); err != nil || !rep.OK() {
		t.Fatalf("check: %v %+v", err, rep)
	}
}

// noteRace is a squatter race on a note: Anna's note n1, exported to
// annaFile, and Mallory's format 1 file of one squatter of it.
type noteRace struct {
	dir, annaFile, malloryFile string
	anna, mallory              *Store
	n1                         *data.Change
}

func newNoteRace(t *testing.T) *noteRace {
	t.Helper()
	r := &noteRace{dir: t.TempDir()}
	r.anna, _ = person(t, "Anna", "KZ")
	r.n1, _ = r.anna.AddNote("1.1.1", "customs agreement signed")
	r.annaFile = export(t, r.anna, r.dir, "anna")
	r.mallory, _ = person(t, "Mallory", "KZ")
	r.malloryFile = filepath.Join(r.dir, "mallory"+statusfile.Extension)
	craft(t, r.mallory, r.malloryFile, 1, squatters(r.anna, 1, r.n1))
	return r
}

// A signed change is never displaced: an unsigned line reusing its ID is
// refused as before, and so is a signed one that does not verify as its
// author's over an unsigned one.
func TestSignedChangeIsNeverDisplaced(t *testing.T) {
	race := newNoteRace(t)
	dir, mallory, n1, annaFile, malloryFile := race.dir, race.mallory, race.n1, race.annaFile, race.malloryFile

	carol, cpath := person(t, "Carol", "RU")
	mustImport(t, carol, false, annaFile)
	r := mustImport(t, carol, false, malloryFile)
	if r.Total.NewChanges != 0 || r.Total.Displaced != 0 || len(refusedBy(r, importplan.WhyReusedID)) != 1 {
		t.Errorf("the squatter after Anna's change: %+v %+v", r.Total, r.Files[0].Refused)
	}
	if c := carol.state.Change(n1.ID); c == nil || !c.SameContent(n1) {
		t.Errorf("Anna's change: %+v", c)
	}
	carol.Close()
	storagetest.Check(t, cpath)

	// Anna's change signed by Mallory's key: it does not verify, and the
	// squatter stays (unverified) rather than give way to a forgery.
	dave, _ := person(t, "Dave", "UZ")
	mustImport(t, dave, false, malloryFile)
	forged := *n1
	forged.Unverified = false
	if err := statusfile.SignChange(&forged, mallory.Sign); err != nil {
		t.Fatal(err)
	}
	forgedFile := filepath.Join(dir, "forged"+statusfile.Extension)
	craft(t, mallory, forgedFile, statusfile.Version, []*data.Change{&forged})
	r = mustImport(t, dave, false, forgedFile)
	if r.Total.NewChanges != 0 || r.Total.Displaced != 0 || r.Total.RefusedChanges != 1 {
		t.Errorf("the forgery: %+v %+v", r.Total, r.Files[0].Refused)
	}
	if c := dave.state.Change(n1.ID); c == nil || c.Signed() || !c.Unverified {
		t.Errorf("at Dave: %+v", c)
	}
}

// Changes that named a squatter name Anna's change once it is displaced.
// One that cannot follow it (its parent's clock, which the squatter
// claimed lower, is not below its own) is removed from the data file with
// what refers to it, so that the data file stays one that check finds
// sound and that exports whole; one that can follow it stays. One that a
// new change of the import refers to stays too.
func TestSquatterDependantsAfterDisplacement(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "KZ")
	note, _ := anna.AddNote("2.1.1", "first")
	anna.AddNote("2.1.1", "second")
	anna.AddNote("2.1.1", "third")
	real, _ := anna.SetStatus("1.1.1", data.StatusDone) // clock 4
	annaFile := export(t, anna, dir, "anna")

	mallory, _ := person(t, "Mallory", "KZ")
	mk := mallory.Identity().Key
	now := time.Now().UTC().Truncate(data.TimePrecision)
	squat := &data.Change{ID: real.ID, Kind: data.ChangeStatus, Measure: "1.1.1", Author: anna.Identity().Key, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: 1, Status: data.StatusBlocked}
	squatNote := &data.Change{ID: note.ID, Kind: data.ChangeNoteAdd, Measure: "2.1.1", Author: anna.Identity().Key, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: 1, Text: "not Anna's"}
	dep := &data.Change{ID: NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Author: mk, Name: "Mallory",
		Delegation: "KZ", Time: now, Clock: 2, Status: data.StatusNotStarted, Parents: []string{real.ID}}
	depOfDep := &data.Change{ID: NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Author: mk, Name: "Mallory",
		Delegation: "KZ", Time: now, Clock: 3, Status: data.StatusBlocked, Parents: []string{dep.ID}}
	follows := &data.Change{ID: NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Author: mk, Name: "Mallory",
		Delegation: "UZ", Time: now, Clock: 5, Status: data.StatusInProgress, Parents: []string{real.ID}}
	// Edits of the squatter's note, unsigned: one in Mallory's name, one
	// claiming Anna's key. Both were written about the squatter's text;
	// the second would otherwise change Anna's own words.
	edit := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteEdit, Measure: "2.1.1", Author: mk, Name: "Mallory",
		Time: now, Clock: 5, Note: note.ID, Text: "edited"}
	forgedEdit := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteEdit, Measure: "2.1.1", Author: anna.Identity().Key, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: 6, Note: note.ID, Text: "Anna now says: drop it"}
	base := []*data.Change{squat, squatNote, dep, depOfDep, follows, edit, forgedEdit}
	malloryFile := filepath.Join(dir, "mallory"+statusfile.Extension)
	craft(t, mallory, malloryFile, 1, base)

	carol, cpath := person(t, "Carol", "RU")
	mustImport(t, carol, false, malloryFile)
	for _, dry := range []bool{true, false} {
		r := mustImport(t, carol, dry, annaFile)
		if r.Total.NewChanges != 4 || r.Total.Displaced != 2 || r.Total.Dropped != 4 || r.Files[0].Dropped != 4 {
			t.Fatalf("dry=%v: %+v %+v", dry, r.Total, r.Files[0].Refused)
		}
	}
	for _, c := range []*data.Change{dep, depOfDep, edit, forgedEdit} {
		if carol.state.Change(c.ID) != nil {
			t.Errorf("not dropped: %+v", c)
		}
	}
	if carol.state.Change(follows.ID) == nil {
		t.Error("a status that can follow Anna's was dropped")
	}
	if m := carol.Measure("1.1.1").StatusOf("KZ"); m.Status != data.StatusDone || m.Conflict {
		t.Errorf("KZ on 1.1.1: %+v", m)
	}
	texts := map[string]bool{}
	for _, n := range carol.Measure("2.1.1").Notes {
		texts[n.Text] = true
	}
	if len(texts) != 3 || !texts["first"] || texts["not Anna's"] || texts[forgedEdit.Text] {
		t.Errorf("Anna's notes: %v", texts)
	}
	before := snapshot(carol)
	// Mallory's file again: the squatters are refused, and what depends
	// on them.
	carol.mu.Lock()
	clear(carol.imported)
	carol.mu.Unlock()
	if r := mustImport(t, carol, false, malloryFile); !r.Total.NothingNew() || r.Total.RefusedChanges != 6 {
		t.Errorf("Mallory's file again: %+v %+v", r.Total, r.Files[0].Refused)
	}
	dave, _ := person(t, "Dave", "UZ")
	if r := mustImport(t, dave, false, export(t, carol, dir, "carol")); r.Total.NewChanges != 5 || r.Total.RefusedChanges != 0 {
		t.Errorf("Carol's export at Dave: %+v %+v", r.Total, r.Files[0].Refused)
	}
	carol = closeCheckReopen(t, carol, cpath)
	if got := snapshot(carol); got != before {
		t.Errorf("reopened:\n%s\nbefore:\n%s", got, before)
	}
	carol.Close()

	// Erin imports Mallory's file, then a newer one with a change that
	// refers to the one that cannot follow Anna's, with Anna's file: the
	// import keeps what its new change refers to.
	erin, _ := person(t, "Erin", "UZ")
	mustImport(t, erin, false, malloryFile)
	later := &data.Change{ID: NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Author: mk, Name: "Mallory",
		Delegation: "KZ", Time: now, Clock: 6, Status: data.StatusInProgress, Parents: []string{depOfDep.ID}}
	newer := filepath.Join(dir, "mallory2"+statusfile.Extension)
	craft(t, mallory, newer, 1, append(base, later))
	r := mustImport(t, erin, false, newer, annaFile)
	if r.Total.NewChanges != 5 || r.Total.Displaced != 2 || r.Total.Dropped != 2 {
		t.Errorf("Erin: %+v %+v / %+v", r.Total, r.Files[0].Refused, r.Files[1].Refused)
	}
	if erin.state.Change(edit.ID) != nil || erin.state.Change(forgedEdit.ID) != nil {
		t.Error("at Erin: an unsigned edit of the squatter's note stays")
	}
	if erin.state.Change(dep.ID) == nil || erin.state.Change(later.ID) == nil || erin.state.Change(real.ID).Signed() != true {
		t.Errorf("at Erin: dep %v, later %v", erin.state.Change(dep.ID), erin.state.Change(later.ID))
	}
	frank, _ := person(t, "Frank", "RU")
	if _, err := frank.Import([]string{export(t, erin, dir, "erin")}, false); err != nil {
		t.Errorf("Erin's export at Frank: %v", err)
	}
}

// statusRace is a squatter race on a status: Anna, with three notes and
// then a status (clock 4), exported to annaFile; a squatter of that status
// (unsigned, clock 1, in Zed's name: a key that signs no changes) and
// dep, Mallory's status naming it (clock 2), which cannot follow Anna's.
type statusRace struct {
	dir, annaFile string
	anna, mallory *Store
	real          *data.Change // Anna's status
	squat, dep    *data.Change
}

func newStatusRace(t *testing.T) *statusRace {
	t.Helper()
	r := &statusRace{dir: t.TempDir()}
	r.anna, _ = person(t, "Anna", "KZ")
	for i := 0; i < 3; i++ {
		r.anna.AddNote("2.1.1", "before")
	}
	r.real, _ = r.anna.SetStatus("1.1.1", data.StatusDone)
	r.annaFile = export(t, r.anna, r.dir, "anna")
	r.mallory, _ = person(t, "Mallory", "KZ")
	now := time.Now().UTC().Truncate(data.TimePrecision)
	// In the name of a key that signs no changes: in Anna's, the
	// squatter would be refused as unsigned once her feed is known.
	r.squat = &data.Change{ID: r.real.ID, Kind: data.ChangeStatus, Measure: "1.1.1", Author: "0123456789abcdef", Name: "Zed",
		Delegation: "KZ", Time: now, Clock: 1, Status: data.StatusBlocked}
	r.dep = &data.Change{ID: NewChangeID(), Kind: data.ChangeStatus, Measure: "1.1.1", Author: r.mallory.Identity().Key, Name: "Mallory",
		Delegation: "KZ", Time: now, Clock: 2, Status: data.StatusNotStarted, Parents: []string{r.real.ID}}
	return r
}

// One import of Anna's file and, after it, a format 1 file reusing the ID
// of one of her changes: the squatter is refused by name, and so is what
// depends on it in its file, as when Anna's change is in the data file
// already. Before, the later file's change that depended on the squatter
// was taken as depending on Anna's change, and the whole import refused
// as damaged when it could not follow it.
func TestReusedIDOfAnEarlierFileRefusesItsDependants(t *testing.T) {
	race := newStatusRace(t)
	real, dep, annaFile := race.real, race.dep, race.annaFile
	honest := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "2.1.2", Author: race.mallory.Identity().Key, Name: "Mallory",
		Time: race.dep.Time, Clock: 3, Text: "an honest note"}
	malloryFile := filepath.Join(race.dir, "mallory"+statusfile.Extension)
	craft(t, race.mallory, malloryFile, 1, []*data.Change{race.squat, dep, honest})

	for _, into := range []string{"empty", "with Anna's"} {
		carol, cpath := person(t, "Carol", "RU")
		files := []string{annaFile, malloryFile}
		if into != "empty" {
			mustImport(t, carol, false, annaFile)
		}
		r, err := carol.Import(files, false)
		if err != nil {
			t.Fatalf("%s: %v", into, err)
		}
		if reused := refusedBy(r, importplan.WhyReusedID); len(reused) != 1 || reused[0].ID != real.ID || reused[0].File != 1 {
			t.Errorf("%s: reused %+v", into, reused)
		}
		if deps := refusedBy(r, importplan.WhyDepends); len(deps) != 1 || deps[0].ID != dep.ID || deps[0].On != real.ID {
			t.Errorf("%s: depends %+v", into, deps)
		}
		if c := carol.state.Change(real.ID); c == nil || !c.SameContent(real) || carol.state.Change(dep.ID) != nil || carol.state.Change(honest.ID) == nil {
			t.Errorf("%s: Anna's %v, dependant %v, honest %v", into, c, carol.state.Change(dep.ID), carol.state.Change(honest.ID))
		}
		carol.Close()
		if rep, err := Check(cpath, data.Load()); err != nil || !rep.OK() {
			t.Errorf("%s: check: %v %+v", into, err, rep)
		}
	}
}

// A signed change that named a squatter stays when the squatter is
// displaced, even if it cannot follow Anna's change: removing it would
// break its author's feed.
func TestSignedDependantOfSquatterStays(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "KZ")
	for i := 0; i < 3; i++ {
		anna.AddNote("2.1.1", "before")
	}
	real, _ := anna.SetStatus("1.1.1", data.StatusDone) // clock 4
	annaFile := export(t, anna, dir, "anna")

	mallory, _ := person(t, "Mallory", "KZ")
	now := time.Now().UTC().Truncate(data.TimePrecision)
	squat := &data.Change{ID: real.ID, Kind: data.ChangeStatus, Measure: "1.1.1", Author: anna.Identity().Key, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: 1, Status: data.StatusBlocked}
	dep := &data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Author: mallory.Identity().Key, Name: "Mallory",
		Delegation: "KZ", Time: now, Clock: 2, Seq: 1, Status: data.StatusNotStarted, Parents: []string{real.ID}}
	if err := statusfile.SignChange(dep, mallory.Sign); err != nil {
		t.Fatal(err)
	}
	malloryFile := filepath.Join(dir, "mallory"+statusfile.Extension)
	craft(t, mallory, malloryFile, statusfile.Version, []*data.Change{squat, dep})

	carol, _ := person(t, "Carol", "RU")
	if r := mustImport(t, carol, false, malloryFile); r.Total.NewChanges != 2 || r.Total.RefusedChanges != 0 {
		t.Fatalf("Mallory's file: %+v %+v", r.Total, r.Files[0].Refused)
	}
	r := mustImport(t, carol, false, annaFile)
	if r.Total.NewChanges != 4 || r.Total.Displaced != 1 || r.Total.Dropped != 0 {
		t.Errorf("%+v %+v", r.Total, r.Files[0].Refused)
	}
	if c := carol.state.Change(dep.ID); c == nil || !c.Signed() {
		t.Errorf("Mallory's signed change: %+v", c)
	}
	if c := carol.state.Change(real.ID); c == nil || !c.SameContent(real) {
		t.Errorf("Anna's change: %+v", c)
	}
	dave, _ := person(t, "Dave", "UZ")
	if _, err := dave.Import([]string{export(t, carol, dir, "carol")}, false); err != nil {
		t.Errorf("Carol's export at Dave: %v", err)
	}
}

// An import that displaces a squatter and brings nothing else leaves the
// change count as it was; the store's revision still grows, so that the
// window and the shared folder see that the log changed.
func TestRevisionGrowsWhenASquatterIsDisplaced(t *testing.T) {
	race := newNoteRace(t)
	annaFile, malloryFile := race.annaFile, race.malloryFile
	carol, _ := person(t, "Carol", "RU")
	mustImport(t, carol, false, malloryFile)
	count, rev := carol.ChangeCount(), carol.Revision()
	if r := mustImport(t, carol, false, annaFile); r.Total.Displaced != 1 {
		t.Fatalf("%+v", r.Total)
	}
	if carol.ChangeCount() != count || carol.Revision() <= rev {
		t.Errorf("count %d → %d, revision %d → %d", count, carol.ChangeCount(), rev, carol.Revision())
	}
}

// A squatter and a change naming it that cannot follow Anna's change, in
// a file imported with Anna's after it: the squatter gives way to Anna's
// change within the import, and the change that cannot follow it makes
// its file refused as damaged, as any change breaking causality does (the
// shared folder then leaves that file out and imports the rest). Alone,
// after Anna's, the file is imported without the squatter and what names it.
func TestSquatterDependantInTheSameImport(t *testing.T) {
	race := newStatusRace(t)
	annaFile := race.annaFile
	malloryFile := filepath.Join(race.dir, "mallory"+statusfile.Extension)
	craft(t, race.mallory, malloryFile, 1, []*data.Change{race.squat, race.dep})

	carol, _ := person(t, "Carol", "RU")
	_, err := carol.Import([]string{malloryFile, annaFile}, false)
	var fe *statusfile.Error
	if !errors.As(err, &fe) || fe.File != malloryFile || fe.Kind != statusfile.ErrDamaged {
		t.Fatalf("both files: %v", err)
	}
	if carol.ChangeCount() != 0 {
		t.Errorf("%d changes written", carol.ChangeCount())
	}
	mustImport(t, carol, false, annaFile)
	r := mustImport(t, carol, false, malloryFile)
	if r.Total.NewChanges != 0 || r.Total.RefusedChanges != 2 {
		t.Errorf("Mallory's file after Anna's: %+v %+v", r.Total, r.Files[0].Refused)
	}
}
