package storage

import (
	"testing"
	"time"

	"scoplan/storage/internal/importplan"
)

// BenchmarkImport1000Phases (in a file of its own, as it uses the import's
// internals, which scripts/bench-import.sh's BASE revision lacks) splits BenchmarkImport1000 into its phases, run
// one after the other (Apply overlaps the last two with the write):
// reading and checking the files, planning (new changes, refusals, sorted
// IDs), the bbolt transaction, deriving the touched measures' states, and
// the new in-memory state. Each is reported in ms.
func BenchmarkImport1000Phases(b *testing.B) {
	paths, _ := benchFiles(b, 1000)
	var phases [5]time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := newBenchStore(b)
		b.StartTimer()
		t0 := time.Now()
		files, hint, err := s.parseAll(pathSources(paths))
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		snap, err := s.snapshot()
		if err != nil {
			b.Fatal(err)
		}
		pl, err := importplan.Make(files, hint, snap)
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if err := s.writeImport(pl, pl.Result.Files); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		pl.Derive(snap)
		t4 := time.Now()
		s.state.Extended(pl.Changes, pl.Derived)
		t5 := time.Now()
		for j, d := range []time.Duration{t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t5.Sub(t4)} {
			phases[j] += d
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	for j, name := range []string{"read-ms", "plan-ms", "write-ms", "derive-ms", "state-ms"} {
		b.ReportMetric(float64(phases[j].Milliseconds())/float64(b.N), name)
	}
}
