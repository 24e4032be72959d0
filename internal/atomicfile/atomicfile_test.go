package atomicfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A write removes the temporary files that earlier, killed writes to the
// same path left behind, once they are old enough not to belong to a write
// still running; it leaves other files alone.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.scoplan-status")
	stale := filepath.Join(dir, ".mine.scoplan-status.123.tmp")
	fresh := filepath.Join(dir, ".mine.scoplan-status.456.tmp")
	other := filepath.Join(dir, ".theirs.scoplan-status.789.tmp")
	for _, p := range []string{stale, fresh, other} {
		if err := os.WriteFile(p, []byte("half a file"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * StaleTempAge)
	for _, p := range []string{stale, other} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFile(path, []byte("content")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file is still there (%v)", err)
	}
	for _, p := range []string{fresh, other, path} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
	}
}

func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.scoplan-status")
	for _, content := range [][]byte{[]byte("first"), []byte("second, longer than the first")} {
		if err := WriteFile(p, content); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(p)
		if !bytes.Equal(got, content) {
			t.Errorf("content differs")
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "dir", "x"), []byte("x")); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("write into a missing folder: %v", err)
	}
}

func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "scoplan.db")
	if err := os.WriteFile(data, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Link(data, link); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.csv")
	for _, tc := range []struct {
		path string
		want error
	}{
		{data, ErrProtected}, {link, ErrProtected}, {filepath.Join(dir, ".", "scoplan.db"), ErrProtected},
		{dir, ErrIsFolder}, {"/dev/null", ErrNotRegular}, {other, nil},
	} {
		err := CheckTarget(tc.path, data)
		if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("CheckTarget(%s) = %v, want %v", tc.path, err, tc.want)
		}
		if tc.want != nil {
			if err := WriteFile(tc.path, []byte("x"), data); !errors.Is(err, tc.want) {
				t.Errorf("WriteFile(%s) = %v", tc.path, err)
			}
		}
	}
	if b, _ := os.ReadFile(data); string(b) != "precious" {
		t.Errorf("the protected file holds %q", b)
	}
}
