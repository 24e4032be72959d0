package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"scoplan/data"
	"scoplan/storage/storagetest"
)

// With ReadOnly, a data file is read as usual and every write is refused
// with ErrReadOnly, the file left byte for byte as it was; a missing file
// is not created.
func TestReadOnlyOption(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.SetStatus("1.1.1", data.StatusDone); err != nil {
		t.Fatal(err)
	}
	note, err := s.AddNote("1.1.1", "agreed")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := storagetest.FileSum(t, path)

	r, err := Open(Options{Path: path, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() || r.Measure("1.1.1").Status != data.StatusDone || len(r.Measure("1.1.1").Notes) != 1 {
		t.Fatalf("read-only: %v, 1.1.1 %+v", r.ReadOnly(), r.Measure("1.1.1"))
	}
	writes := map[string]error{
		"status":   errOf(r.SetStatus("1.1.1", data.StatusBlocked)),
		"note":     errOf(r.AddNote("1.1.2", "x")),
		"edit":     errOf(r.EditNote("1.1.1", note.ID, "y")),
		"identity": r.SetIdentity("Bolat", "KZ"),
		"setting":  r.SetSetting("gui.theme", []byte("dark")),
	}
	for name, err := range writes {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if r.Measure("1.1.1").Status != data.StatusDone || r.Identity().Name == "Bolat" {
		t.Errorf("a refused write shows in memory")
	}
	r.Close()
	if storagetest.FileSum(t, path) != before {
		t.Error("the read-only store changed the file")
	}
	missing := filepath.Join(t.TempDir(), "none", "scoplan.db")
	if _, err := Open(Options{Path: missing, ReadOnly: true}); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening a missing file read-only: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("opening a missing file read-only made its folder")
	}
}

// Open without ReadOnly says ErrReadOnly for a file the user may not
// write. As root (CI), the effective user is nobody for the open, so that
// the kernel refuses the write as it would for a delegate.
func TestUnwritableFileIsReadOnly(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	asReader(t, filepath.Dir(path), nil, func() {
		if _, err := Open(Options{Path: path}); !errors.Is(err, ErrReadOnly) {
			t.Fatalf("opening an unwritable file: %v", err)
		}
		r, err := Open(Options{Path: path, ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
	})
}
