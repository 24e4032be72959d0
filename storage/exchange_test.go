package storage

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"scoplan/storage/storagetest"
	"sort"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// person opens a fresh data file with a name and a delegation.
func person(t *testing.T, name, delegation string) (*Store, string) {
	t.Helper()
	s, path := openTemp(t)
	if err := s.SetIdentity(name, delegation); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func export(t *testing.T, s *Store, dir, name string) string {
	t.Helper()
	p := filepath.Join(dir, name+statusfile.Extension)
	if _, err := s.Export(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustImport(t *testing.T, s *Store, dryRun bool, paths ...string) *ImportResult {
	t.Helper()
	r, err := s.Import(paths, dryRun)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// snapshot describes everything a user can see of a store's state, and the
// exact change log, as one string.
func snapshot(s *Store) string {
	var b strings.Builder
	for _, m := range s.Plan().Measures {
		st := s.Measure(m.ID)
		if len(st.History) == 0 {
			continue
		}
		// Every delegation's status, not only the store's own view.
		fmt.Fprintf(&b, "%s", m.ID)
		for _, k := range st.Reporting() {
			d := st.StatusOf(k)
			fmt.Fprintf(&b, " [%s: %s conflict=%v", k, d.Status, d.Conflict)
			if d.Set != nil {
				fmt.Fprintf(&b, " set=%s", d.Set.ChangeID)
			}
			for _, c := range d.Competing {
				fmt.Fprintf(&b, " competing[%s %s %s %s]", c.Status, c.Author, c.Name, c.Time.Format(time.RFC3339Nano))
			}
			b.WriteString("]")
		}
		for _, n := range st.Notes {
			fmt.Fprintf(&b, " note[%s %s %q %v]", n.ID, n.Author, n.Text, n.Edited.UnixMilli())
		}
		for _, c := range st.History {
			fmt.Fprintf(&b, " %s", c.ID[:6])
		}
		b.WriteByte('\n')
	}
	cs := s.Changes()
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	for _, c := range cs {
		j, _ := json.Marshal(c)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestExchangeBothWays is the first "What must show": two data files
// of one delegation with different statuses and notes on the same measure,
// exported and imported into each other in both orders, end identical, with
// both notes and the delegation's conflict flagged. (People of different
// delegations never conflict: TestDelegationsReportTheirOwn.)
func TestExchangeBothWays(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna Petrova", "Russia")
	bolat, _ := person(t, "Bolat Nurlanov", "Russia")
	if _, err := anna.SetStatus("1.2.3", data.StatusDone); err != nil {
		t.Fatal(err)
	}
	anna.AddNote("1.2.3", "Roadmap signed in Moscow")
	bolat.SetStatus("1.2.3", data.StatusBlocked)
	bolat.AddNote("1.2.3", "Waiting for the customs working group")
	fa := export(t, anna, dir, "anna")
	fb := export(t, bolat, dir, "bolat")

	// Anna imports Bolat's file, Bolat imports Anna's.
	ra := mustImport(t, anna, false, fb)
	rb := mustImport(t, bolat, false, fa)
	for _, r := range []*ImportResult{ra, rb} {
		if r.Total.NewChanges != 2 || r.Total.NewNotes != 1 || r.Total.StatusChanges != 1 || r.Total.Conflicts != 1 {
			t.Errorf("summary %+v", r.Total)
		}
		if len(r.Measures) != 1 || !r.Measures[0].NewConflict || len(r.Measures[0].New) != 2 {
			t.Errorf("preview %+v", r.Measures)
		}
	}
	if ra.Files[0].Signer.Name != "Bolat Nurlanov" || ra.Files[0].Signer.Delegation != "Russia" || ra.Files[0].Signer.Key != bolat.Identity().Key || ra.Files[0].Signer.Known {
		t.Errorf("signer %+v", ra.Files[0].Signer)
	}
	// Two fresh data files import both files in the two orders.
	c1, _ := person(t, "C1", "Russia")
	mustImport(t, c1, false, fa)
	mustImport(t, c1, false, fb)
	c2, _ := person(t, "C2", "")
	mustImport(t, c2, false, fb)
	mustImport(t, c2, false, fa)

	want := snapshot(anna)
	for name, s := range map[string]*Store{"bolat": bolat, "c1 (a then b)": c1, "c2 (b then a)": c2} {
		if got := snapshot(s); got != want {
			t.Errorf("%s differs from anna:\n%s\nwant\n%s", name, got, want)
		}
	}
	m := anna.Measure("1.2.3")
	if !m.Conflict || len(m.Competing) != 2 || len(m.Notes) != 2 {
		t.Fatalf("state %+v", m)
	}
	got := map[data.Status]string{}
	for _, c := range m.Competing {
		got[c.Status] = c.Name
	}
	if got[data.StatusDone] != "Anna Petrova" || got[data.StatusBlocked] != "Bolat Nurlanov" {
		t.Errorf("competing %+v", m.Competing)
	}

	// Anna resolves the conflict; the resolution reaches Bolat.
	if _, err := anna.SetStatus("1.2.3", data.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	r := mustImport(t, bolat, false, export(t, anna, dir, "anna2"))
	if r.Total.Resolved != 1 || r.Total.StatusChanges != 1 {
		t.Errorf("resolution summary %+v", r.Total)
	}
	if m := bolat.Measure("1.2.3"); m.Conflict || m.Status != data.StatusInProgress {
		t.Errorf("after resolution: %+v", m)
	}
}

// TestSecondImportChangesNothing is the second "What must show".
func TestSecondImportChangesNothing(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "Russia")
	anna.SetStatus("2.1.1", data.StatusInProgress)
	anna.AddNote("2.1.1", "note")
	fa := export(t, anna, dir, "anna")
	bolat, bpath := person(t, "Bolat", "Kazakhstan")
	first := mustImport(t, bolat, false, fa)
	if first.Total.NothingNew() || first.Total.NewChanges != 2 {
		t.Fatalf("first import: %+v", first.Total)
	}
	before := storagetest.FileSum(t, bpath)
	snap := snapshot(bolat)
	for _, dry := range []bool{true, false} {
		again := mustImport(t, bolat, dry, fa, fa)
		if !again.Total.NothingNew() || len(again.Measures) != 0 || !again.Files[0].Signer.Known {
			t.Errorf("dry=%v: second import: %+v %+v", dry, again.Total, again.Files[0].Signer)
		}
	}
	// Also a file of one's own, and a file relaying changes already known.
	mustImport(t, bolat, false, export(t, bolat, dir, "own"))
	if storagetest.FileSum(t, bpath) != before || snapshot(bolat) != snap {
		t.Errorf("a repeated import changed the data file")
	}
}

// TestDryRunWritesNothing checks that a dry run reports what an import would
// do and leaves the data file byte-for-byte the same.
func TestDryRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "Russia")
	anna.SetStatus("3.1.1", data.StatusDone)
	n, _ := anna.AddNote("3.1.1", "to be edited")
	anna.EditNote("3.1.1", n.ID, "edited")
	gone, _ := anna.AddNote("3.1.2", "to be deleted")
	anna.DeleteNote("3.1.2", gone.ID)
	fa := export(t, anna, dir, "anna")
	bolat, bpath := person(t, "Bolat", "Kazakhstan")
	before := storagetest.FileSum(t, bpath)
	dry := mustImport(t, bolat, true, fa)
	if !dry.DryRun || dry.Total.NewChanges != 5 || dry.Total.NewNotes != 2 || dry.Total.NoteEdits != 1 || dry.Total.NoteDeletions != 1 || dry.Total.StatusChanges != 1 {
		t.Errorf("dry run summary %+v", dry.Total)
	}
	if storagetest.FileSum(t, bpath) != before || bolat.ChangeCount() != 0 {
		t.Fatalf("a dry run changed the data file")
	}
	real := mustImport(t, bolat, false, fa)
	if real.DryRun || real.Total != dry.Total {
		t.Errorf("real import %+v differs from its dry run %+v", real.Total, dry.Total)
	}
	if bolat.ChangeCount() != 5 || len(bolat.Measure("3.1.1").Notes) != 1 || len(bolat.Measure("3.1.2").Notes) != 0 {
		t.Errorf("import incomplete")
	}
}

// TestExportImportReproducesState: a fresh data file that imports an export
// has exactly the exporter's state, relayed changes included.
func TestExportImportReproducesState(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "Russia")
	bolat, _ := person(t, "Bolat", "Kazakhstan")
	chen, _ := person(t, "Chen Wei", "China")
	for i, m := range anna.Plan().Measures {
		switch i % 4 {
		case 0:
			anna.SetStatus(m.ID, data.Statuses[i%3+1])
		case 1:
			bolat.AddNote(m.ID, fmt.Sprintf("Bolat on %s: 第%d项", m.ID, i))
		case 2:
			chen.SetStatus(m.ID, data.StatusBlocked)
			anna.SetStatus(m.ID, data.StatusDone)
		}
	}
	n, _ := chen.AddNote("1.1.1", "=HYPERLINK(\"http://x\") <script>alert(1)</script>")
	chen.EditNote("1.1.1", n.ID, "edited")
	mustImport(t, anna, false, export(t, bolat, dir, "b"), export(t, chen, dir, "c"))
	anna.SetStatus(anna.Plan().Measures[2].ID, data.StatusInProgress) // resolves one conflict
	fa := export(t, anna, dir, "a")

	fresh, _ := person(t, "Fresh", "")
	r := mustImport(t, fresh, false, fa)
	if r.Total.NewChanges != anna.ChangeCount() {
		t.Errorf("imported %d of %d changes", r.Total.NewChanges, anna.ChangeCount())
	}
	if got, want := snapshot(fresh), snapshot(anna); got != want {
		t.Errorf("state differs:\n%s\nwant\n%s", got, want)
	}
	// The relayed notes carry their authors, not the exporter.
	if notes := fresh.Measure("1.1.1").Notes; len(notes) != 1 || notes[0].Name != "Chen Wei" || notes[0].Text != "edited" {
		t.Errorf("relayed note: %+v", notes)
	}
	// And the fresh file, reopened, still has it all.
	path := fresh.Path()
	want := snapshot(fresh)
	fresh.Close()
	again, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if snapshot(again) != want {
		t.Errorf("state differs after reopening")
	}
}

// TestRelayThroughSecretariat: a secretariat's combined file carries every
// delegation's notes to someone who never met them.
func TestRelayThroughSecretariat(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "Russia")
	bolat, _ := person(t, "Bolat", "Kazakhstan")
	sec, _ := person(t, "Secretariat", "SCO")
	anna.AddNote("1.1.1", "from Anna")
	bolat.AddNote("1.1.1", "from Bolat")
	r := mustImport(t, sec, false, export(t, anna, dir, "a"), export(t, bolat, dir, "b"))
	if len(r.Files) != 2 || r.Files[0].NewNotes != 1 || r.Files[1].NewNotes != 1 || r.Total.NewNotes != 2 {
		t.Errorf("per-file summary %+v", r.Files)
	}
	chen, _ := person(t, "Chen", "China")
	r = mustImport(t, chen, false, export(t, sec, dir, "sec"))
	if r.Files[0].Signer.Name != "Secretariat" || r.Total.NewNotes != 2 || len(chen.Measure("1.1.1").Notes) != 2 {
		t.Errorf("relay: %+v", r.Total)
	}
}

func TestSignersAreRemembered(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "Russia")
	bolat, _ := person(t, "Bolat", "Kazakhstan")
	bolat.AddNote("1.1.1", "x")
	r := mustImport(t, anna, false, export(t, bolat, dir, "b1"))
	if sg := r.Files[0].Signer; sg.Known || sg.Yours || len(sg.OtherNames) != 0 {
		t.Errorf("first sight: %+v", sg)
	}
	// The same key under another name.
	bolat.SetIdentity("B. Nurlanov", "Kazakhstan")
	r = mustImport(t, anna, false, export(t, bolat, dir, "b2"))
	if sg := r.Files[0].Signer; !sg.Known || len(sg.OtherNames) != 1 || sg.OtherNames[0] != "Bolat (Kazakhstan)" {
		t.Errorf("renamed key: %+v", sg)
	}
	// Another key under a name seen before.
	impostor, _ := person(t, "Bolat", "Kazakhstan")
	r = mustImport(t, anna, true, export(t, impostor, dir, "imp"))
	if sg := r.Files[0].Signer; sg.Known || len(sg.OtherKeys) != 1 || sg.OtherKeys[0] != bolat.Identity().Key {
		t.Errorf("impostor: %+v", sg)
	}
	// One's own file.
	r = mustImport(t, anna, false, export(t, anna, dir, "own"))
	if !r.Files[0].Signer.Yours {
		t.Errorf("own file not recognised")
	}
}

// forge writes a status file signed with a key of its own, holding changes as
// given, for refusal tests.
func forge(t *testing.T, path string, changes []*data.Change) {
	t.Helper()
	key := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, 32))
	content, err := statusfile.Encode(statusfile.Header{Plan: data.PlanID, PlanVersion: data.Load().Version(), Exported: time.Now(),
		Exporter: statusfile.Exporter{Name: "Mallory"}}, key.Public().(ed25519.PublicKey), changes, func(m []byte) []byte { return ed25519.Sign(key, m) })
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestBadFilesChangeNothing is the third "What must show" and the list
// of bad input: each file is refused with one line naming it, alone or among
// good files, by a real and by a dry-run import, and the data file is
// byte-for-byte unchanged.
func TestBadFilesChangeNothing(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "Russia")
	anna.SetStatus("1.1.1", data.StatusDone)
	for i := 0; i < 20; i++ {
		anna.AddNote("1.1.1", fmt.Sprintf("note %d with some text 笔记", i))
	}
	good := export(t, anna, dir, "anna")
	content, _ := os.ReadFile(good)
	bolat, bpath := person(t, "Bolat", "Kazakhstan")
	bolat.AddNote("2.1.1", "Bolat's own note")
	mine := bolat.Changes()[0]

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipAt := bytes.Index(content, []byte("note 7"))
	flipped := append([]byte(nil), content...)
	flipped[flipAt] ^= 1
	huge := filepath.Join(dir, "huge.scoplan-status")
	hf, _ := os.Create(huge)
	hf.Truncate(statusfile.MaxSize + 10)
	hf.Close()

	tmpl := func() *data.Change {
		return &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: "0123456789abcdef", Name: "M",
			Time: time.Now().UTC().Truncate(time.Millisecond), Clock: 1, Text: "forged"}
	}
	unknown := tmpl()
	unknown.Measure = "4.1.1"
	future := tmpl()
	future.Time = future.Time.Add(30 * 24 * time.Hour)
	reused := *mine
	reused.Text = "Bolat's note, rewritten by someone else"
	forge(t, filepath.Join(dir, "unknown-measure"), []*data.Change{unknown})
	forge(t, filepath.Join(dir, "future"), []*data.Change{future})
	// Format 2: a reused ID is refused for that change alone, not the whole
	// file (TestReusedIDIsRefusedAlone).
	forge(t, filepath.Join(dir, "reused-id"), []*data.Change{&reused})
	if r, err := bolat.Import([]string{filepath.Join(dir, "reused-id")}, true); err != nil || r.Total.RefusedChanges != 1 || r.Total.NewChanges != 0 {
		t.Errorf("reused ID: %v, %+v", err, r)
	}
	newer := bytes.Replace(content, []byte("SCOPLAN-STATUS 2"), []byte("SCOPLAN-STATUS 7"), 1)
	badUTF8 := bytes.Replace(content, []byte("笔记"), []byte("\xe7\xac\xff\xe8\xae\xb0"), 1)
	body := badUTF8[:bytes.Index(badUTF8, []byte("\nsha256 "))+1]
	badUTF8 = statusfile.Seal(body, anna.Sign) // correctly signed, invalid text

	cases := map[string]struct {
		path string
		kind error
	}{
		"empty":             {write("empty", nil), statusfile.ErrEmpty},
		"truncated":         {write("truncated", content[:len(content)*2/3]), statusfile.ErrTruncated},
		"bit-flipped":       {write("flipped", flipped), statusfile.ErrChecksum},
		"huge":              {huge, statusfile.ErrTooBig},
		"not a status file": {write("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF")), statusfile.ErrNotStatusFile},
		"newer format":      {write("newer", newer), statusfile.ErrNewerFormat},
		"another plan":      {write("other-plan", bytes.Replace(content, []byte(data.PlanID), []byte("sco-other-plan"), 1)), statusfile.ErrChecksum},
		"unknown measure":   {filepath.Join(dir, "unknown-measure"), statusfile.ErrUnknownMeasure},
		"invalid UTF-8":     {write("utf8", badUTF8), statusfile.ErrInvalidUTF8},
		"future timestamps": {filepath.Join(dir, "future"), statusfile.ErrFuture},
		"missing":           {filepath.Join(dir, "no-such-file"), statusfile.ErrUnreadable},
	}
	before := storagetest.FileSum(t, bpath)
	snap := snapshot(bolat)
	for name, c := range cases {
		for _, dry := range []bool{false, true} {
			for _, batch := range [][]string{{c.path}, {good, c.path}} {
				_, err := bolat.Import(batch, dry)
				if err == nil {
					t.Errorf("%s (dry=%v, %d files): accepted", name, dry, len(batch))
					continue
				}
				msg := err.Error()
				if !errors.Is(err, c.kind) || !strings.HasPrefix(msg, c.path+": ") || strings.Contains(msg, "\n") {
					t.Errorf("%s: %q", name, msg)
				}
			}
		}
		if storagetest.FileSum(t, bpath) != before || snapshot(bolat) != snap {
			t.Fatalf("%s: the data file changed", name)
		}
	}
	// The reused ID is also refused between two files of one import.
	other := *mine
	other.Text = "a different text"
	forge(t, filepath.Join(dir, "r1"), []*data.Change{mine})
	forge(t, filepath.Join(dir, "r2"), []*data.Change{&other})
	fresh, _ := person(t, "Fresh", "")
	// Format 2: each is refused alone (Bolat's key is unknown to Fresh,
	// the other's ID is not its content's hash); nothing is written.
	if r, err := fresh.Import([]string{filepath.Join(dir, "r1"), filepath.Join(dir, "r2")}, false); err != nil || r.Total.RefusedChanges != 2 || r.Total.NewChanges != 0 {
		t.Errorf("reuse across files: %v, %+v", err, r)
	}
	if fresh.ChangeCount() != 0 {
		t.Errorf("refused changes entered the data file")
	}
}

// TestImportIsOneTransaction: every file of an import is in the data file
// after it, also after reopening.
func TestImportIsOneTransaction(t *testing.T) {
	dir := t.TempDir()
	var files []string
	total := 0
	for i := 0; i < 5; i++ {
		s, _ := person(t, fmt.Sprint("P", i), "")
		for j := 0; j <= i; j++ {
			s.AddNote(fmt.Sprintf("1.1.%d", j+1), fmt.Sprint("note ", i, j))
			total++
		}
		files = append(files, export(t, s, dir, fmt.Sprint("p", i)))
	}
	s, path := person(t, "Sec", "")
	r := mustImport(t, s, false, files...)
	if r.Total.NewNotes != total || len(r.Files) != 5 {
		t.Fatalf("%+v", r.Total)
	}
	for i, f := range r.Files {
		if f.NewNotes != i+1 || f.Signer.Name != fmt.Sprint("P", i) {
			t.Errorf("file %d: %+v", i, f)
		}
	}
	s.Close()
	again, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.ChangeCount() != total {
		t.Errorf("after reopen: %d changes", again.ChangeCount())
	}
}

// TestKnownFileSignature: importing a file again skips its lines and the
// signature verified the first time, but a file whose signature line was
// changed since is refused, also when the data file was written by an
// older scoplan that did not keep the signatures.
func TestKnownFileSignature(t *testing.T) {
	dir := t.TempDir()
	anna, _ := person(t, "Anna", "Russia")
	anna.AddNote("1.1.1", "a note")
	good := export(t, anna, dir, "anna")
	content, _ := os.ReadFile(good)
	bad := append([]byte(nil), content...)
	if i := len(bad) - 10; bad[i] == '0' { // a hex digit of the signature
		bad[i] = '1'
	} else {
		bad[i] = '0'
	}
	badPath := filepath.Join(dir, "bad-signature"+statusfile.Extension)
	os.WriteFile(badPath, bad, 0o600)

	for _, older := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "b.db")
		s, err := Open(Options{Path: path})
		if err != nil {
			t.Fatal(err)
		}
		if r := mustImport(t, s, false, good); r.Total.NewChanges != 1 {
			t.Fatalf("first import %+v", r.Total)
		}
		if older { // as an older scoplan left it: the checksum, no signature
			s.Close()
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(bucketImported)
				var keys [][]byte
				b.ForEach(func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
				for _, k := range keys {
					b.Put(k, nil)
				}
				return nil
			})
			db.Close()
			if s, err = Open(Options{Path: path}); err != nil {
				t.Fatal(err)
			}
		}
		before := storagetest.FileSum(t, path)
		if r := mustImport(t, s, false, good); !r.Total.NothingNew() || r.Files[0].Changes != 1 {
			t.Errorf("older=%v: again %+v", older, r.Files[0])
		}
		if _, err := s.Import([]string{badPath}, false); !errors.Is(err, statusfile.ErrSignature) {
			t.Errorf("older=%v: changed signature: %v", older, err)
		}
		s.Close()
		if storagetest.FileSum(t, path) != before {
			t.Errorf("older=%v: the data file changed", older)
		}
		storagetest.Check(t, path)
	}
}

// TestFirstBadFileIsNamed: among many files read in parallel, the error
// names the first bad file in the order given, whatever the timing.
func TestFirstBadFileIsNamed(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 12; i++ {
		s, _ := person(t, fmt.Sprint("P", i), "")
		s.AddNote("1.1.1", fmt.Sprint("note ", i))
		paths = append(paths, export(t, s, dir, fmt.Sprint("p", i)))
	}
	for _, i := range []int{5, 9} {
		os.WriteFile(paths[i], []byte("not a status file\n"), 0o600)
	}
	s, path := person(t, "Sec", "")
	before := storagetest.FileSum(t, path)
	for round := 0; round < 20; round++ {
		_, err := s.Import(paths, round%2 == 0)
		if err == nil || !strings.HasPrefix(err.Error(), paths[5]+": ") {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	if storagetest.FileSum(t, path) != before || s.ChangeCount() != 0 {
		t.Errorf("the data file changed")
	}
}
