package search

import (
	"math/rand"
	"runtime"
	"testing"
)

// TestMemoryFlatOverSearchCycles types 1,000 queries into one engine, one
// character at a time with Run and Counts per keystroke as the window does,
// clearing the field after each, and checks that the live heap after the
// last cycle is within a few MB of the heap after the first 100 (what a
// session and its caches hold is bounded; nothing piles up).
// Run with -v to see the numbers.
func TestMemoryFlatOverSearchCycles(t *testing.T) {
	f := loadFixtures(t)[0]
	e := f.engine
	rng := rand.New(rand.NewSource(3))
	queries := append(queryPool(f.docs, rng, 200), typed...)
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var at100 uint64
	keys := 0
	for c := 1; c <= 1000; c++ {
		r := []rune(queries[rng.Intn(len(queries))])
		for i := 1; i <= len(r); i++ {
			q := Query{Text: string(r[:i])}
			e.Run(q)
			e.Counts(q)
			keys++
		}
		e.Run(Query{})
		e.Counts(Query{})
		if c == 100 {
			at100 = heap()
		}
	}
	at1000 := heap()
	growth := int64(at1000) - int64(at100)
	t.Logf("%d keystrokes in 1,000 cycles: live heap %.1f MiB after 100 cycles, %.1f MiB after 1,000 (growth %+.2f MiB)",
		keys, float64(at100)/(1<<20), float64(at1000)/(1<<20), float64(growth)/(1<<20))
	if growth > 4<<20 {
		t.Errorf("the live heap grew by %.1f MiB over 900 search cycles", float64(growth)/(1<<20))
	}
}
