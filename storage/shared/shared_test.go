package shared

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/statusfile"
)

func open(t *testing.T, name string) *storage.Store {
	t.Helper()
	s, err := storage.Open(storage.Options{Path: filepath.Join(t.TempDir(), name+".db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetIdentity(name, "")
	return s
}

func folder(t *testing.T, s *storage.Store, dir string) *Folder {
	t.Helper()
	f, err := New(Options{Store: s, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func notes(s *storage.Store, id string) []string {
	var out []string
	for _, n := range s.Measure(id).Notes {
		out = append(out, n.Text)
	}
	return out
}

// TestThreeDelegatesStayInStep: three data files share one folder; each
// pass of each merges the others' files and writes its own, and all three
// end with everyone's notes and the same status.
func TestThreeDelegatesStayInStep(t *testing.T) {
	dir := t.TempDir()
	stores := []*storage.Store{open(t, "Anna"), open(t, "Bolat"), open(t, "Chen")}
	var folders []*Folder
	for i, s := range stores {
		folders = append(folders, folder(t, s, dir))
		s.AddNote("1.1.1", "note by "+s.Identity().Name)
		if i == 1 {
			s.SetStatus("1.1.1", data.StatusInProgress)
		}
	}
	for round := 0; round < 2; round++ {
		for _, f := range folders {
			if st := f.Sync(); st.Err != nil || len(st.Refused) > 0 {
				t.Fatalf("sync: %+v", st)
			}
		}
	}
	for _, s := range stores {
		if got := notes(s, "1.1.1"); len(got) != 3 || s.Measure("1.1.1").Status != data.StatusInProgress {
			t.Errorf("%s has %v, %s", s.Identity().Name, got, s.Measure("1.1.1").Status)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("folder holds %d files", len(entries))
	}
	// A pass with nothing new writes nothing and imports nothing.
	before, _ := os.Stat(folders[0].OwnFile())
	st := folders[0].Sync()
	after, _ := os.Stat(folders[0].OwnFile())
	if st.Eventful() || !before.ModTime().Equal(after.ModTime()) {
		t.Errorf("idle pass: %+v", st)
	}
}

// TestBadFileInFolderIsRefusedAlone: a damaged or half-synced file is
// refused, the good ones are still merged, and it is retried once it changes.
func TestBadFileInFolderIsRefusedAlone(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, "Anna"), open(t, "Bolat")
	a.AddNote("2.1.1", "from Anna")
	if err := folder(t, a, dir).Sync().Err; err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(filepath.Join(dir, FileName(a.Identity().Key)))
	half := filepath.Join(dir, "incoming"+statusfile.Extension)
	os.WriteFile(half, good[:len(good)/2], 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not ours"), 0o600)

	fb := folder(t, b, dir)
	sum := func() [32]byte { raw, _ := os.ReadFile(b.Path()); return sha256.Sum256(raw) }
	st := fb.Sync()
	if len(st.Refused) != 1 || !errors.Is(st.Refused[0], statusfile.ErrTruncated) || !strings.Contains(st.Refused[0].Error(), "incoming") {
		t.Fatalf("refused: %v", st.Refused)
	}
	if st.Imported == nil || st.Imported.Total.NewNotes != 1 || !st.Exported {
		t.Fatalf("good file not merged: %+v", st)
	}
	// Unchanged, the bad file is not tried again.
	before := sum()
	if st := fb.Sync(); len(st.Refused) != 0 || st.Eventful() {
		t.Errorf("second pass: %+v", st)
	}
	if sum() != before {
		t.Errorf("an idle pass changed the data file")
	}
	// Once the sync completes the file, it is merged.
	a.AddNote("2.1.1", "second from Anna")
	content, _, _ := a.ExportBytes()
	os.WriteFile(half, content, 0o600)
	os.Chtimes(half, time.Now().Add(time.Second), time.Now().Add(time.Second))
	if st := fb.Sync(); len(st.Refused) != 0 || st.Imported == nil || st.Imported.Total.NewNotes != 1 {
		t.Errorf("completed file: %+v %v", st, st.Refused)
	}
}

// TestStartWatchesTheFolder runs the goroutine: a change in one data file
// reaches the other through the folder without any call.
func TestStartWatchesTheFolder(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, "Anna"), open(t, "Bolat")
	got := make(chan Status, 100)
	fa, err := Start(Options{Store: a, Dir: dir, Interval: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer fa.Stop()
	fb, err := Start(Options{Store: b, Dir: dir, Interval: 30 * time.Millisecond, OnSync: func(s Status) { got <- s }})
	if err != nil {
		t.Fatal(err)
	}
	defer fb.Stop()
	a.AddNote("3.1.1", "watched")
	deadline := time.After(20 * time.Second) // a bound on a hang, not a speed check
	for len(notes(b, "3.1.1")) == 0 {
		select {
		case <-got:
		case <-deadline:
			t.Fatal("the note never arrived")
		}
	}
	if notes(b, "3.1.1")[0] != "watched" {
		t.Errorf("notes %v", notes(b, "3.1.1"))
	}
}

// TestTwinUnderTheSameName: a copy of the data file on another computer
// writes under the same name; its changes are merged, not overwritten.
func TestTwinUnderTheSameName(t *testing.T) {
	dir := t.TempDir()
	a := open(t, "Anna")
	a.AddNote("1.1.1", "before the copy")
	fa := folder(t, a, dir)
	fa.Sync()
	// The twin: a copy of Anna's data file, changed elsewhere.
	a.Close()
	raw, _ := os.ReadFile(a.Path())
	twinPath := filepath.Join(t.TempDir(), "twin.db")
	os.WriteFile(twinPath, raw, 0o600)
	a2, err := storage.Open(storage.Options{Path: a.Path()})
	if err != nil {
		t.Fatal(err)
	}
	defer a2.Close()
	twin, err := storage.Open(storage.Options{Path: twinPath})
	if err != nil {
		t.Fatal(err)
	}
	defer twin.Close()
	twin.AddNote("1.1.1", "written on the twin")
	ft := folder(t, twin, dir)
	ft.Sync() // overwrites Anna's file with the twin's log
	fa = folder(t, a2, dir)
	fa.Sync()
	a2.AddNote("1.1.1", "after")
	st := fa.Sync()
	if got := notes(a2, "1.1.1"); len(got) != 3 {
		t.Fatalf("notes %v (%+v)", got, st)
	}
	ft.Sync()
	if got := notes(twin, "1.1.1"); len(got) != 3 {
		t.Errorf("twin has %v", got)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o600)
	for _, p := range []string{filepath.Join(dir, "missing"), file} {
		if err := Check(p); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v", p, err)
		}
	}
	if err := Check(dir); err != nil {
		t.Error(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("Check left files behind")
	}
	if !bytes.HasPrefix([]byte(FileName("0123456789abcdef")), []byte("scoplan-0123456789abcdef")) {
		t.Errorf("file name")
	}
}
