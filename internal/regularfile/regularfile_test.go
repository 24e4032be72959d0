//go:build unix

package regularfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain")
	if err := os.WriteFile(plain, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	goodLink := filepath.Join(dir, "good-link")
	if err := os.Symlink(plain, goodLink); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want error
	}{
		{plain, nil}, {goodLink, nil}, {dir, ErrFolder}, {fifo, ErrNotRegular}, {link, ErrNotRegular},
		{"/dev/zero", ErrNotRegular}, {filepath.Join(dir, "missing"), os.ErrNotExist},
	} {
		done := make(chan error, 1)
		go func() {
			f, _, err := Open(tc.path)
			if f != nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Open(%s) = %v, want %v", filepath.Base(tc.path), err, tc.want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("Open(%s) hangs", filepath.Base(tc.path))
		}
	}
}

// openNonBlocking itself does not wait for a writer, should a FIFO be
// swapped in after the check.
func TestOpenNonBlockingOnAFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := openNonBlocking(fifo)
		if f != nil {
			f.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("openNonBlocking: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("openNonBlocking waits for a writer")
	}
}
