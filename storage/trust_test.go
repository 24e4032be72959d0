package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage/internal/importplan"
	"scoplan/storage/statusfile"
	"scoplan/storage/storagetest"
)

// craft writes a status file signed by s's key holding changes (as given:
// the tests build hostile ones with the real signing code) and the public
// keys of s's data file.
func craft(t *testing.T, s *Store, path string, version int, changes []*data.Change) {
	t.Helper()
	h := statusfile.Header{Plan: data.PlanID, PlanVersion: s.Plan().Version(), Exported: time.Now(),
		Exporter: statusfile.Exporter{Name: s.Identity().Name}, Keys: map[string]string{}}
	s.mu.RLock()
	for fp, k := range s.keys {
		h.Keys[fp] = fmtHex(k)
	}
	s.mu.RUnlock()
	content, err := statusfile.EncodeFormat(version, h, s.PublicKey(), changes, s.Sign)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
}

func fmtHex(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// lastOf returns the newest change of an author in s.
func lastOf(s *Store, author string) *data.Change {
	var last *data.Change
	for _, c := range s.Changes() {
		if c.Author == author && c.Signed() && (last == nil || c.Seq > last.Seq) {
			last = c
		}
	}
	return last
}

func refusedBy(r *ImportResult, why importplan.Why) []importplan.Refusal {
	var out []importplan.Refusal
	for _, f := range r.Files {
		for _, x := range f.Refused {
			if x.Why == why {
				out = append(out, x)
			}
		}
	}
	return out
}

// Issue 15, break 1: a file signed by Mallory carries changes claiming
// Anna's key and name. Each is refused by name (author, key, measure, why),
// what depends on them too, and the honest changes of the same file are
// imported.
func TestForgedAuthorshipIsRefusedByName(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "KZ")
	annaNote, err := anna.AddNote("1.1.1", "customs agreement signed")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := anna.SetStatus("1.1.1", data.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	mallory, _ := person(t, "Mallory", "KZ")
	mustImport(t, mallory, false, export(t, anna, dir, "anna"))
	honest, err := mallory.AddNote("2.1.1", "Mallory's own, honest note")
	if err != nil {
		t.Fatal(err)
	}
	ak := anna.Identity().Key
	tip := lastOf(mallory, ak)
	now := time.Now().UTC().Truncate(data.TimePrecision)
	clock := uint64(len(mallory.Changes()))
	// A note "by Anna", placed after Anna's tip, signed by Mallory's key.
	fakeNote := &data.Change{Kind: data.ChangeNoteAdd, Measure: "1.2.1", Author: ak, Name: "Anna", Delegation: "KZ",
		Time: now, Clock: clock + 1, Seq: tip.Seq + 1, Prev: tip.ID, Text: "Anna says: drop the customs plan"}
	if err := statusfile.SignChange(fakeNote, mallory.Sign); err != nil {
		t.Fatal(err)
	}
	// A status "by Anna", starting a new feed, signed by Mallory's key.
	fakeStatus := &data.Change{Kind: data.ChangeStatus, Measure: "1.3.1", Author: ak, Name: "Anna", Delegation: "KZ",
		Time: now, Clock: clock + 1, Seq: 1, Status: data.StatusBlocked}
	if err := statusfile.SignChange(fakeStatus, mallory.Sign); err != nil {
		t.Fatal(err)
	}
	// A deletion of Anna's note in her name, unsigned as format 1 wrote.
	fakeDelete := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteDelete, Measure: "1.1.1", Author: ak, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: clock + 1, Note: annaNote.ID}
	// Mallory's own (unsigned) edit of the forged note depends on it.
	dependent := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteEdit, Measure: "1.2.1", Author: mallory.Identity().Key,
		Name: "Mallory", Delegation: "KZ", Time: now, Clock: clock + 2, Note: fakeNote.ID, Text: "edited"}
	file := filepath.Join(dir, "mallory"+statusfile.Extension)
	craft(t, mallory, file, statusfile.Version, append(mallory.Changes(), fakeNote, fakeStatus, fakeDelete, dependent))

	carol, _ := person(t, "Carol", "RU")
	for _, dry := range []bool{true, false} {
		r := mustImport(t, carol, dry, file)
		if r.Total.NewChanges != 3 || r.Total.RefusedChanges != 4 {
			t.Fatalf("dry=%v: %d new, %d refused; want Anna's 2 and Mallory's note, 4 refused: %+v", dry, r.Total.NewChanges, r.Total.RefusedChanges, r.Files[0].Refused)
		}
		want := map[string]importplan.Why{fakeNote.ID: importplan.WhySignature, fakeStatus.ID: importplan.WhySignature,
			fakeDelete.ID: importplan.WhyUnsigned, dependent.ID: importplan.WhyDepends}
		for _, x := range r.Files[0].Refused {
			if want[x.ID] != x.Why {
				t.Errorf("%s (%s): refused for %d, want %d", x.ID, x.Kind, x.Why, want[x.ID])
			}
			if x.ID != dependent.ID && (x.Name != "Anna" || x.Author != ak || x.Measure == "") {
				t.Errorf("refusal not by name: %+v", x)
			}
		}
		if deps := refusedBy(r, importplan.WhyDepends); len(deps) != 1 || deps[0].On != fakeNote.ID {
			t.Errorf("dependent: %+v", deps)
		}
	}
	m := carol.Measure("1.1.1")
	if len(m.Notes) != 1 || m.Notes[0].ID != annaNote.ID {
		t.Errorf("Anna's note: %+v", m.Notes)
	}
	if len(carol.Measure("1.2.1").Notes) != 0 || carol.Measure("1.3.1").StatusOf("KZ").Status != data.StatusNotStarted {
		t.Errorf("a forged change entered")
	}
	if n := carol.Measure("2.1.1").Notes; len(n) != 1 || n[0].ID != honest.ID {
		t.Errorf("Mallory's honest note: %+v", n)
	}
	for _, c := range carol.Changes() {
		if c.Unverified {
			t.Errorf("%s is unverified", c.ID)
		}
	}
}

// Issue 15, break 3: a file reusing one of Anna's change IDs with other
// content is refused for that change alone; Carol imports the rest, and
// Anna's later files still.
func TestReusedIDIsRefusedAlone(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "KZ")
	n1, _ := anna.AddNote("1.1.1", "first note")
	carol, cpath := person(t, "Carol", "RU")
	mustImport(t, carol, false, export(t, anna, dir, "anna1"))

	mallory, _ := person(t, "Mallory", "KZ")
	honest, _ := mallory.AddNote("2.1.1", "an honest note")
	now := time.Now().UTC().Truncate(data.TimePrecision)
	// Format 1 style (no signature), under Mallory's own key: only the ID
	// is Anna's. And a signed line under Anna's ID with other content.
	squat := &data.Change{ID: n1.ID, Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: mallory.Identity().Key, Name: "Mallory",
		Time: now, Clock: 1, Text: "not what Anna wrote"}
	altered := *n1
	altered.Text = "Anna's note, altered"
	altered.Unverified = false
	f := filepath.Join(dir, "mallory"+statusfile.Extension)
	craft(t, mallory, f, statusfile.Version, append(mallory.Changes(), squat))
	fa := filepath.Join(dir, "altered"+statusfile.Extension)
	craft(t, mallory, fa, statusfile.Version, append(mallory.Changes(), &altered))
	for _, p := range []string{f, fa} {
		r, err := carol.Import([]string{p}, false)
		if err != nil {
			t.Fatalf("%s: the whole file was refused: %v", p, err)
		}
		if len(r.Files[0].Refused) != 1 || r.Files[0].Refused[0].ID != n1.ID {
			t.Errorf("%s: refused %+v", p, r.Files[0].Refused)
		}
	}
	if n := carol.Measure("2.1.1").Notes; len(n) != 1 || n[0].ID != honest.ID {
		t.Errorf("the honest note: %+v", n)
	}
	if n := carol.Measure("1.1.1").Notes; len(n) != 1 || n[0].Text != "first note" {
		t.Errorf("Anna's note: %+v", n)
	}
	// Anna's later files still come in.
	n2, _ := anna.AddNote("1.1.1", "second note")
	r := mustImport(t, carol, false, export(t, anna, dir, "anna2"))
	if r.Total.NewChanges != 1 || r.Total.RefusedChanges != 0 || carol.Measure("1.1.1").Notes[1].ID != n2.ID {
		t.Errorf("Anna's second file: %+v", r.Total)
	}
	carol.Close()
	storagetest.Check(t, cpath)
}

// A format 2 file round trip: verified at every relay; the keys travel in
// the header, so a relay's reader verifies authors it never met.
func TestV2RoundTripVerifies(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "KZ")
	anna.SetStatus("1.1.1", data.StatusDone)
	anna.AddNote("1.1.1", "done")
	anna.AddMeeting("Council", data.Date{Year: 2026, Month: 11, Day: 3})
	carol, _ := person(t, "Carol", "RU")
	mustImport(t, carol, false, export(t, anna, dir, "anna"))
	carol.AddNote("1.1.1", "seen")
	dave, _ := person(t, "Dave", "UZ")
	r := mustImport(t, dave, false, export(t, carol, dir, "carol"))
	if r.Total.NewChanges != 4 || r.Total.RefusedChanges != 0 {
		t.Fatalf("%+v %+v", r.Total, r.Files[0].Refused)
	}
	for _, c := range dave.Changes() {
		if c.Unverified || !c.Signed() {
			t.Errorf("%s: unverified %v, signed %v", c.ID, c.Unverified, c.Signed())
		}
		if id, _ := statusfile.ContentID(c); id != c.ID {
			t.Errorf("%s: ID is not its content's hash %s", c.ID, id)
		}
	}
	content, _, _ := carol.ExportBytes()
	f, err := statusfile.Parse("carol", content, statusfile.Options{})
	if err != nil || f.Version != 2 || len(f.Header.Keys) != 2 {
		t.Errorf("carol's export: %v, version %d, keys %v", err, f.Version, f.Header.Keys)
	}
}

// Format 1 files are still read: the exporter's own changes are verified by
// the file's signature, relayed ones kept but unverified, also after
// reopening. An unsigned change in the name of a key that signs its
// changes is refused.
func TestV1FileStillRead(t *testing.T) {
	dir := t.TempDir()
	old, _ := person(t, "Old", "KZ")
	now := time.Now().UTC().Truncate(data.TimePrecision)
	own := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: old.Identity().Key, Name: "Old",
		Time: now, Clock: 1, Text: "written by format 1"}
	relayed := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.2", Author: "0123456789abcdef", Name: "Zed",
		Time: now, Clock: 2, Text: "relayed"}
	carol, cpath := person(t, "Carol", "RU")
	forgery := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.3", Author: carol.Identity().Key, Name: "Carol",
		Time: now, Clock: 3, Text: "in Carol's name"}
	carol.AddNote("2.1.1", "Carol signs her changes")
	p := filepath.Join(dir, "old"+statusfile.Extension)
	craft(t, old, p, 1, []*data.Change{own, relayed, forgery})
	content, _ := os.ReadFile(p)
	if string(content[:17]) != "SCOPLAN-STATUS 1\n" {
		t.Fatalf("not a format 1 file: %q", content[:17])
	}
	r := mustImport(t, carol, false, p)
	if r.Total.NewChanges != 2 || len(refusedBy(r, importplan.WhyUnsigned)) != 1 {
		t.Fatalf("%+v %+v", r.Total, r.Files[0].Refused)
	}
	carol.Close()
	carol, err := Open(Options{Path: cpath})
	if err != nil {
		t.Fatal(err)
	}
	defer carol.Close()
	got := map[string]bool{}
	for _, c := range carol.Changes() {
		got[c.ID] = c.Unverified
	}
	if got[own.ID] || !got[relayed.ID] {
		t.Errorf("unverified: own %v, relayed %v", got[own.ID], got[relayed.ID])
	}
}

// The own feed goes on across sessions: after reopening, a new change
// follows the last one.
func TestOwnFeedContinuesAcrossSessions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	c1, _ := s.AddNote("1.1.1", "one")
	c2, _ := s.SetStatus("1.1.1", data.StatusDone)
	s.Close()
	s, err = Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c3, err := s.AddNote("1.1.1", "three")
	if err != nil {
		t.Fatal(err)
	}
	if c1.Seq != 1 || c1.Prev != "" || c2.Seq != 2 || c2.Prev != c1.ID || c3.Seq != 3 || c3.Prev != c2.ID {
		t.Errorf("feed: %d %q, %d %q, %d %q", c1.Seq, c1.Prev, c2.Seq, c2.Prev, c3.Seq, c3.Prev)
	}
	if !statusfile.VerifyChange(s.PublicKey(), c3) {
		t.Errorf("the third change's signature does not verify")
	}
}

// One data file copied to two computers: one key writes two histories.
// Both are signed, both kept, and the import says so. Importing again
// changes nothing.
func TestForkIsKeptAndReported(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anna.db")
	anna, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	anna.SetIdentity("Anna", "KZ")
	anna.AddNote("1.1.1", "before the copy")
	anna.Close()
	b, _ := os.ReadFile(path)
	copyPath := filepath.Join(dir, "copy.db")
	os.WriteFile(copyPath, b, 0o600)
	var files []string
	for i, p := range []string{path, copyPath} {
		s, err := Open(Options{Path: p})
		if err != nil {
			t.Fatal(err)
		}
		s.AddNote("1.1.2", []string{"on the laptop", "on the office computer"}[i])
		files = append(files, export(t, s, dir, []string{"laptop", "office"}[i]))
		s.Close()
	}
	carol, cpath := person(t, "Carol", "RU")
	r := mustImport(t, carol, false, files...)
	if r.Total.NewChanges != 3 || r.Total.ForkCount != 1 || len(r.Files[1].Forks) != 1 || r.Files[1].Forks[0].Seq != 2 {
		t.Errorf("%+v, forks %+v", r.Total, r.Files[1].Forks)
	}
	if n := carol.Measure("1.1.2").Notes; len(n) != 2 {
		t.Errorf("both histories kept: %+v", n)
	}
	before := storagetest.FileSum(t, cpath)
	again := mustImport(t, carol, false, files...)
	if !again.Total.NothingNew() || storagetest.FileSum(t, cpath) != before {
		t.Errorf("a repeated import changed something: %+v", again.Total)
	}
	// Even as if the files were new (every line recognised).
	carol.mu.Lock()
	clear(carol.imported)
	carol.mu.Unlock()
	if again := mustImport(t, carol, true, files...); !again.Total.NothingNew() || again.Total.RefusedChanges != 0 {
		t.Errorf("unseen repeat: %+v", again.Total)
	}
}
