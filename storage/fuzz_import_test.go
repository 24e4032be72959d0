package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// FuzzImportSigned imports crafted but correctly checksummed and signed
// status files into a real data file: the seeds are format 2 exports made
// by real stores (one author; two authors relayed; a relay with a fork),
// and each mutated body is sealed again with Mallory's key. The import
// must not panic; an import that fails, and any dry run, leave the data
// file unchanged byte for byte; a change the import refuses is not in the
// data file afterwards.
func FuzzImportSigned(f *testing.F) {
	dir := f.TempDir()
	mk := func(name, delegation string) *Store {
		s, err := Open(Options{Path: filepath.Join(dir, name+".db")})
		if err != nil {
			f.Fatal(err)
		}
		if err := s.SetIdentity(name, delegation); err != nil {
			f.Fatal(err)
		}
		return s
	}
	must := func(_ any, err error) {
		if err != nil {
			f.Fatal(err)
		}
	}
	var mallory *Store
	// exp exports s's data file and gives the body of the file as Mallory
	// would relay it: the same header (keys included) and change lines,
	// with Mallory as the exporter, so that the fuzz function can seal
	// mutations with Mallory's key.
	exp := func(s *Store, name string) []byte {
		p := filepath.Join(dir, name+statusfile.Extension)
		must(s.Export(p))
		pf, err := statusfile.ReadFile(p, statusfile.Options{})
		if err != nil {
			f.Fatal(err)
		}
		var lines [][]byte
		for _, l := range pf.Lines {
			lines = append(lines, l.Raw)
		}
		h := pf.Header
		h.Exporter.Name = "Mallory"
		b, err := statusfile.EncodeLines(h, mallory.PublicKey(), lines, mallory.Sign)
		if err != nil {
			f.Fatal(err)
		}
		return b[:bytes.Index(b, []byte("\nsha256 "))+1]
	}
	anna, bolat := mk("Anna", "KZ"), mk("Bolat", "RU")
	mallory = mk("Mallory", "CN")
	must(anna.SetStatus("1.1.1", data.StatusInProgress))
	annaNote, err := anna.AddNote("1.1.1", "customs agreement signed 草案")
	must(annaNote, err)
	annaDone, err := anna.SetStatus("1.1.1", data.StatusDone)
	must(annaDone, err)
	f.Add(exp(anna, "anna"))
	must(bolat.Import([]string{filepath.Join(dir, "anna"+statusfile.Extension)}, false))
	must(bolat.SetStatus("1.1.2", data.StatusBlocked))
	must(bolat.AddNote("1.1.1", "seen"))
	f.Add(exp(bolat, "bolat"))
	must(mallory.Import([]string{filepath.Join(dir, "bolat"+statusfile.Extension)}, false))
	must(mallory.AddNote("2.1.1", "Mallory's own note"))
	f.Add(exp(mallory, "mallory"))
	// The data file every input is imported into: Carol's, who knows
	// Anna's file already.
	carol := mk("Carol", "IN")
	must(carol.Import([]string{filepath.Join(dir, "anna"+statusfile.Extension)}, false))
	carolPath := filepath.Join(dir, "Carol.db")
	// And Dave's, who knows no signed feed of Anna's and took in a format 1
	// file of squatters: unsigned changes in Anna's name that copied the
	// IDs of her note and her last status, and an unsigned edit of the
	// squatter's note. An input bringing Anna's changes displaces them.
	dave := mk("Dave", "UZ")
	now := time.Now().UTC().Truncate(data.TimePrecision)
	ak := anna.Identity().Key
	squatNote := &data.Change{ID: annaNote.ID, Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: ak, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: 1, Text: "not Anna's"}
	squatStatus := &data.Change{ID: annaDone.ID, Kind: data.ChangeStatus, Measure: "1.1.1", Author: ak, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: 2, Status: data.StatusBlocked}
	edit := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteEdit, Measure: "1.1.1", Author: ak, Name: "Anna",
		Delegation: "KZ", Time: now, Clock: 3, Note: annaNote.ID, Text: "still not Anna's"}
	h := statusfile.Header{Plan: data.PlanID, PlanVersion: mallory.Plan().Version(), Exported: now,
		Exporter: statusfile.Exporter{Name: "Mallory", Delegation: "CN"}}
	squat, err := statusfile.EncodeFormat(1, h, mallory.PublicKey(), []*data.Change{squatNote, squatStatus, edit}, mallory.Sign)
	if err != nil {
		f.Fatal(err)
	}
	squatFile := filepath.Join(dir, "squat"+statusfile.Extension)
	if err := os.WriteFile(squatFile, squat, 0o600); err != nil {
		f.Fatal(err)
	}
	must(dave.Import([]string{squatFile}, false))
	davePath := filepath.Join(dir, "Dave.db")
	for _, s := range []*Store{anna, bolat, carol, dave} {
		s.Close()
	}
	var bases [][]byte
	for _, p := range []string{carolPath, davePath} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		bases = append(bases, b)
	}
	f.Cleanup(func() { mallory.Close() })

	f.Fuzz(func(t *testing.T, body []byte) {
		for _, base := range bases {
			importInto(t, base, statusfile.Seal(body, mallory.Sign))
		}
	})
}

// importInto imports a status file's bytes into a copy of the data file
// base, and checks what FuzzImportSigned promises; an import that is
// applied must also read back the same after the data file is reopened.
func importInto(t *testing.T, base, content []byte) {
	work := t.TempDir()
	db := filepath.Join(work, "data.db")
	if err := os.WriteFile(db, base, 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(work, "in"+statusfile.Extension)
	if err := os.WriteFile(file, content, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	closed := false
	defer func() {
		if !closed {
			s.Close()
		}
	}()
	before := snapshot(s)
	known := map[string]bool{}
	for _, c := range s.Changes() {
		known[c.ID] = true
	}
	if _, err := s.Import([]string{file}, true); err != nil {
		// Refused whole: a real import is refused too.
		if _, err2 := s.Import([]string{file}, false); err2 == nil {
			t.Fatalf("dry run refused (%v) but the import was not", err)
		}
		if snapshot(s) != before {
			t.Fatal("a refused import changed the data file")
		}
		s.Close()
		closed = true
		if after, _ := os.ReadFile(db); !bytes.Equal(after, base) {
			t.Fatal("a refused import changed the data file's bytes")
		}
		return
	}
	if snapshot(s) != before {
		t.Fatal("a dry run changed the data file")
	}
	r, err := s.Import([]string{file}, false)
	if err != nil {
		t.Fatalf("dry run accepted, import refused: %v", err)
	}
	have := map[string]bool{}
	for _, c := range s.Changes() {
		have[c.ID] = true
	}
	for _, fs := range r.Files {
		for _, x := range fs.Refused {
			if have[x.ID] && !known[x.ID] {
				// A refused change may share its ID with one the data
				// file already held (an altered copy); a new one must
				// not enter.
				t.Fatalf("refused change %s (%v) is in the data file", x.ID, x.Why)
			}
		}
	}
	after := snapshot(s)
	s.Close()
	closed = true
	s2, err := Open(Options{Path: db})
	if err != nil {
		t.Fatalf("the data file does not open after the import: %v", err)
	}
	defer s2.Close()
	if got := snapshot(s2); got != after {
		t.Fatalf("reopened after the import:\n%s\nin memory:\n%s", got, after)
	}
}
