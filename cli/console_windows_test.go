package cli

import (
	"os"
	"syscall"
	"testing"
)

// These tests run only in a Windows build (under wine on Linux:
// GOOS=windows go test -c ./cli, then wine cli.test.exe).

func TestUsableHandles(t *testing.T) {
	// Not in t.TempDir: wine 8 fails to remove a folder just written to.
	f, err := os.CreateTemp("", "scoplan-console-*.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, c := range []struct {
		name string
		h    syscall.Handle
		want bool
	}{
		{"file", syscall.Handle(f.Fd()), true},
		{"pipe", syscall.Handle(w.Fd()), true},
		{"none", 0, false},
		{"invalid", syscall.InvalidHandle, false},
	} {
		if got := usable(c.h); got != c.want {
			t.Errorf("usable(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}

// Run with its output redirected (as go test and wine do), the test binary
// has usable handles: Console keeps os.Stdout and os.Stderr.
func TestConsoleKeepsRedirectedOutput(t *testing.T) {
	if !usable(syscall.Stdout) || !usable(syscall.Stderr) {
		t.Fatal("run the test binary with stdout and stderr redirected to a file or a pipe")
	}
	out, errw := Console()
	if out != os.Stdout || errw != os.Stderr {
		t.Errorf("Console() = %v, %v; want os.Stdout, os.Stderr", out, errw)
	}
}
