//go:build unix

package shared

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFIFOsInTheFolder is part of issue 15's fourth break: a named pipe
// named like the own status file, or like a colleague's, hung the folder's
// pass (and then the window). Passes now return; the pipe is left alone
// and the problem told once.
func TestFIFOsInTheFolder(t *testing.T) {
	dir := t.TempDir()
	anna := open(t, "Anna")
	anna.AddNote("1.1.1", "Anna's note")
	f := folder(t, anna, dir)
	for _, name := range []string{filepath.Base(f.OwnFile()), "scoplan-0123456789abcdef.scoplan-status"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pass := func() Status {
		done := make(chan Status, 1)
		go func() { done <- f.Sync() }()
		select {
		case st := <-done:
			return st
		case <-time.After(10 * time.Second):
			t.Fatal("the pass hangs on a named pipe")
			return Status{}
		}
	}
	st := pass()
	if st.Err == nil {
		t.Errorf("first pass: %+v, want the own file's pipe told", st)
	}
	if st := pass(); st.Eventful() {
		t.Errorf("second pass told it again: %+v", st)
	}
	if info, err := os.Lstat(f.OwnFile()); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced or removed: %v %v", info, err)
	}
}
