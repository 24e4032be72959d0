//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"scoplan/storage/storagetest"
)

// TestOutputNeverOverTheDataFile is issue 15's seventh break: export --out
// or report --out naming the data file destroyed it. By any spelling (a
// relative path, a hard link), or a folder, or a named pipe, it is now a
// wrong argument: exit 2, one line, the data file byte for byte unchanged.
func TestOutputNeverOverTheDataFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mine.db")
	must(t, "note", "--db", db, "1.1.1", "must survive")
	hard := filepath.Join(dir, "hard-link.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.scoplan-status")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	before := storagetest.FileSum(t, db)
	for _, args := range [][]string{
		{"export", "--out", db}, {"export", "--out", "mine.db"}, {"export", "--out", "./mine.db"}, {"export", "--out", hard},
		{"report", "--out", db, "--format", "csv"}, {"report", "--out", hard, "--format", "html"},
		{"export", "--out", dir}, {"report", "--out", dir, "--format", "csv"}, {"export", "--out", fifo},
	} {
		_, errs, code := runWithin(t, 10*time.Second, append(args, "--db", db)...)
		if code != ExitUsage || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, "nothing was written") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
		if storagetest.FileSum(t, db) != before {
			t.Fatalf("%v changed the data file", args)
		}
	}
}

// TestImportOfANamedPipe is issue 15's fourth break: importing a FIFO (or a
// link to one) hung for ever, holding the data file. It is refused at once.
func TestImportOfANamedPipe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mine.db")
	must(t, "note", "--db", db, "1.1.1", "must survive")
	fifo := filepath.Join(dir, "pipe.scoplan-status")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.scoplan-status")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	before := storagetest.FileSum(t, db)
	for _, p := range []string{fifo, link, dir, "/dev/zero"} {
		_, errs, code := runWithin(t, 10*time.Second, "import", "--db", db, p)
		if code != ExitError || !strings.Contains(errs, "not a regular file") && !strings.Contains(errs, "is a folder") {
			t.Errorf("import %s: exit %d, %q", p, code, errs)
		}
	}
	if storagetest.FileSum(t, db) != before {
		t.Fatal("a refused import changed the data file")
	}
}

// runWithin runs the command line and fails the test if it has not
// returned after limit: a guard against a hang, not a measure of speed.
func runWithin(t *testing.T, limit time.Duration, args ...string) (string, string, int) {
	t.Helper()
	type result struct {
		out, errs string
		code      int
	}
	done := make(chan result, 1)
	go func() {
		out, errs, code := runIn(t, args...)
		done <- result{out, errs, code}
	}()
	select {
	case r := <-done:
		return r.out, r.errs, r.code
	case <-time.After(limit):
		t.Fatalf("scoplan %v hangs", args)
		return "", "", 0
	}
}
