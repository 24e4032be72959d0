package storage

import (
	"bytes"
	"crypto/ed25519"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// benchFiles writes the import workload once per process: nFiles
// status files, each from its own exporter, each with a status on every one
// of the 77 measures and 5 notes on each, written by several authors (the
// exporter and the two exporters before it, as a relay would carry them).
// Every change is distinct, so a first import writes them all.
func benchFiles(b *testing.B, nFiles int) (paths []string, changes int) {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "scoplan-bench-")
		if err != nil {
			panic(err)
		}
		benchDir = dir
	})
	key := fmt.Sprint(nFiles)
	if p, ok := benchCache[key]; ok {
		return p, benchCount[key]
	}
	plan := data.Load()
	keys := make([]ed25519.PrivateKey, nFiles)
	fps := make([]string, nFiles)
	for i := range keys {
		seed := make([]byte, 32)
		binary.BigEndian.PutUint64(seed, uint64(i+1))
		keys[i] = ed25519.NewKeyFromSeed(seed)
		fps[i] = Fingerprint(keys[i].Public().(ed25519.PublicKey))
	}
	t0 := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	total := 0
	for f := 0; f < nFiles; f++ {
		var cs []*data.Change
		clock := uint64(0)
		for mi, m := range plan.Measures {
			for k := 0; k < 6; k++ {
				clock++
				a := (f + k%3) % nFiles
				c := &data.Change{ID: fmt.Sprintf("%08x%08x%016x", f, mi*6+k, clock), Measure: m.ID, Author: fps[a],
					Name: fmt.Sprint("Delegate ", a), Delegation: "Delegation", Time: t0.Add(time.Duration(f*1000+int(clock)) * time.Second), Clock: clock}
				if k == 0 {
					c.Kind, c.Status = data.ChangeStatus, data.Statuses[(f+mi)%4]
				} else {
					c.Kind, c.Text = data.ChangeNoteAdd, fmt.Sprintf("Note %d on %s: the working group met and agreed the next steps 工作组会议", k, m.ID)
				}
				cs = append(cs, c)
			}
		}
		total += len(cs)
		content, err := statusfile.Encode(statusfile.Header{Plan: data.PlanID, PlanVersion: plan.Version(), Exported: t0,
			Exporter: statusfile.Exporter{Name: fmt.Sprint("Delegate ", f), Delegation: "Delegation"}},
			keys[f].Public().(ed25519.PublicKey), cs, func(m []byte) []byte { return ed25519.Sign(keys[f], m) })
		if err != nil {
			panic(err)
		}
		p := filepath.Join(benchDir, fmt.Sprintf("n%d-%04d%s", nFiles, f, statusfile.Extension))
		if err := os.WriteFile(p, content, 0o600); err != nil {
			panic(err)
		}
		paths = append(paths, p)
	}
	benchCache[key], benchCount[key] = paths, total
	return paths, total
}

var (
	benchOnce  sync.Once
	benchDir   string
	benchCache = map[string][]string{}
	benchCount = map[string]int{}
)

// BenchmarkImport1000 imports 1,000 status files into a fresh data file
// (462,000 new changes, one transaction).
func BenchmarkImport1000(b *testing.B) {
	paths, n := benchFiles(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(Options{Path: filepath.Join(b.TempDir(), "x.db")})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		r, err := s.Import(paths, false)
		if err != nil || r.Total.NewChanges != n {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n), "changes")
}

// BenchmarkReimport1000 imports the same 1,000 files again: nothing new.
func BenchmarkReimport1000(b *testing.B) {
	paths, _ := benchFiles(b, 1000)
	s, err := Open(Options{Path: filepath.Join(b.TempDir(), "x.db")})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(paths, false); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := s.Import(paths, false)
		if err != nil || !r.Total.NothingNew() {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineDecode1000 is the baseline measured in the same run: read
// the same 1,000 files and decode every change line with encoding/json,
// checking nothing and writing nothing.
func BenchmarkBaselineDecode1000(b *testing.B) {
	paths, n := benchFiles(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		got := 0
		for _, p := range paths {
			content, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			ls := bytes.Split(content, []byte("\n"))
			for _, l := range ls[2 : len(ls)-3] {
				var c data.Change
				if err := json.Unmarshal(l, &c); err != nil {
					b.Fatal(err)
				}
				got++
			}
		}
		if got != n {
			b.Fatal(got, n)
		}
	}
}

// BenchmarkReimportUnseen1000 imports the same 1,000 files again as if
// their checksums had not been recorded (files that brought nothing new the
// first time): every line is read and recognised by its ID and bytes.
func BenchmarkReimportUnseen1000(b *testing.B) {
	paths, _ := benchFiles(b, 1000)
	s, err := Open(Options{Path: filepath.Join(b.TempDir(), "x.db")})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(paths, false); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.mu.Lock()
		s.imported = map[[32]byte]bool{}
		s.mu.Unlock()
		r, err := s.Import(paths, true)
		if err != nil || !r.Total.NothingNew() {
			b.Fatal(err)
		}
	}
}
