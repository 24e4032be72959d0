package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scoplan/storage"
)

// BenchmarkHeldFileGivesUp measures how long the command line takes to give
// up on a data file another process holds (the user waits that long for
// "scoplan is already open with this data file"), against the same command
// on a free data file in the same run: start-up, open and write, with no
// wait. The ratio is the figure to read (docs/PERFORMANCE.md); the wait is
// storage's 1 s timeout.
//
//	go test -run '^$' -bench HeldFileGivesUp -benchtime 5x .
func BenchmarkHeldFileGivesUp(b *testing.B) {
	dir := b.TempDir()
	held, free := filepath.Join(dir, "held.db"), filepath.Join(dir, "free.db")
	s, err := storage.Open(storage.Options{Path: held}) // this process holds it
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if r := run(b, "set-status", "1.1.1", "done", "--db", free); r.code != 0 { // creates it
		b.Fatalf("free file: exit %d, stderr %q", r.code, r.stderr)
	}
	var heldTime, freeTime time.Duration
	for b.Loop() {
		start := time.Now()
		r := run(b, "set-status", "1.1.1", "done", "--db", held)
		heldTime += time.Since(start)
		if r.code != 1 || !strings.Contains(r.stderr, "scoplan is already open with this data file") {
			b.Fatalf("held file: exit %d, stderr %q", r.code, r.stderr)
		}
		start = time.Now()
		r = run(b, "set-status", "1.1.1", "blocked", "--db", free)
		freeTime += time.Since(start)
		if r.code != 0 {
			b.Fatalf("free file: exit %d, stderr %q", r.code, r.stderr)
		}
	}
	n := float64(b.N)
	b.ReportMetric(heldTime.Seconds()*1000/n, "ms/held")
	b.ReportMetric(freeTime.Seconds()*1000/n, "ms/free")
	b.ReportMetric(heldTime.Seconds()/freeTime.Seconds(), "held/free")
}
