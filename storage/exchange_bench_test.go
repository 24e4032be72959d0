package storage

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand"
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
//
// The files are format 2, as scoplan writes them: every change is signed
// by its author and takes the next place in the author's feed, which goes
// on from file to file in the order of the files.
func benchFiles(b *testing.B, nFiles int) (paths []string, changes int) {
	return benchFilesFormat(b, nFiles, 2)
}

// benchFilesFormat is benchFiles writing the given format version: 1 makes
// the same workload as format 1 files (unsigned changes with random IDs),
// as older scoplans wrote them, to compare the two in one run.
func benchFilesFormat(b *testing.B, nFiles, version int) (paths []string, changes int) {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "scoplan-bench-")
		if err != nil {
			panic(err)
		}
		benchDir = dir
	})
	key := fmt.Sprint(nFiles, "v", version)
	if p, ok := benchCache[key]; ok {
		return p, benchCount[key]
	}
	seqs := make([]uint64, nFiles)
	prevs := make([]string, nFiles)
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
				c := &data.Change{ID: benchID(f, mi*6+k), Measure: m.ID, Author: fps[a],
					Name: fmt.Sprint("Delegate ", a), Delegation: "Delegation", Time: t0.Add(time.Duration(f*1000+int(clock)) * time.Second), Clock: clock}
				if k == 0 {
					c.Kind, c.Status = data.ChangeStatus, data.Statuses[(f+mi)%4]
				} else {
					c.Kind, c.Text = data.ChangeNoteAdd, fmt.Sprintf("Note %d on %s: the working group met and agreed the next steps 工作组会议", k, m.ID)
				}
				if version >= 2 {
					seqs[a]++
					c.Seq, c.Prev = seqs[a], prevs[a]
					if err := statusfile.SignChange(c, func(m []byte) []byte { return ed25519.Sign(keys[a], m) }); err != nil {
						panic(err)
					}
					prevs[a] = c.ID
				}
				cs = append(cs, c)
			}
		}
		total += len(cs)
		hkeys := map[string]string{}
		for k := 0; k < 3; k++ {
			a := (f + k) % nFiles
			hkeys[fps[a]] = hex.EncodeToString(keys[a].Public().(ed25519.PublicKey))
		}
		content, err := statusfile.EncodeFormat(version, statusfile.Header{Plan: data.PlanID, PlanVersion: plan.Version(), Exported: t0,
			Exporter: statusfile.Exporter{Name: fmt.Sprint("Delegate ", f), Delegation: "Delegation"}, Keys: hkeys},
			keys[f].Public().(ed25519.PublicKey), cs, func(m []byte) []byte { return ed25519.Sign(keys[f], m) })
		if err != nil {
			panic(err)
		}
		p := filepath.Join(benchDir, fmt.Sprintf("n%d-v%d-%04d%s", nFiles, version, f, statusfile.Extension))
		if err := os.WriteFile(p, content, 0o600); err != nil {
			panic(err)
		}
		paths = append(paths, p)
	}
	benchCache[key], benchCount[key] = paths, total
	return paths, total
}

// benchID is a change ID for the benchmarks' files: like NewChangeID's, it
// looks random (so the IDs come in no particular order), but it is the
// same in every run.
func benchID(a, b int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "%d/%d", a, b))
	return hex.EncodeToString(sum[:data.ChangeIDHexLen/2])
}

var (
	benchOnce  sync.Once
	benchDir   string
	benchCache = map[string][]string{}
	benchCount = map[string]int{}
)

// relayFiles writes the workload as delegates produce it, once per
// process: 5 authors (authors × exports = 1,000 files), each exporting a
// status file after every 2 changes of their own (a status with the heads
// they know as parents, a note, or an edit of one of their notes, on any of
// the 77 measures, until each measure has some 5 notes), and after each
// export taking in the latest files of the next two authors. Each file is
// its author's whole log at that moment, relayed changes included, so the
// files overlap heavily: 2,000 distinct changes in about a million lines.
// The files are format 2, every change signed in its author's feed.
func relayFiles(b *testing.B, authors, exports int) (paths []string, changes, lines int) {
	return relayFilesFormat(b, authors, exports, 2)
}

// relayFilesFormat is relayFiles writing the given format version (1: the
// same workload as unsigned format 1 files).
func relayFilesFormat(b *testing.B, authors, exports, version int) (paths []string, changes, lines int) {
	b.Helper()
	benchOnce.Do(func() {
		dir, err := os.MkdirTemp("", "scoplan-bench-")
		if err != nil {
			panic(err)
		}
		benchDir = dir
	})
	key := fmt.Sprint("relay", authors, "x", exports, "v", version)
	if p, ok := benchCache[key]; ok {
		return p, benchCount[key], benchCount[key+"lines"]
	}
	plan := data.Load()
	rng := rand.New(rand.NewSource(2030))
	type author struct {
		key   ed25519.PrivateKey
		fp    string
		state *data.State
		notes map[string][]string // measure → own note IDs
		last  []*data.Change      // the log in the latest export
		seq   uint64              // format 2: the author's feed
		prev  string
	}
	as := make([]*author, authors)
	hkeys := map[string]string{}
	for i := range as {
		seed := make([]byte, 32)
		binary.BigEndian.PutUint64(seed, uint64(1000+i))
		k := ed25519.NewKeyFromSeed(seed)
		as[i] = &author{key: k, fp: Fingerprint(k.Public().(ed25519.PublicKey)), state: data.NewState(), notes: map[string][]string{}}
		hkeys[as[i].fp] = hex.EncodeToString(k.Public().(ed25519.PublicKey))
	}
	// Dated in the past whatever the machine's clock says.
	t0 := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -2*exports)
	notesOn := map[string]int{}
	n, total := 0, 0
	for round := 0; round < exports; round++ {
		for ai, a := range as {
			for k := 0; k < 2; k++ {
				n++
				m := plan.Measures[rng.Intn(len(plan.Measures))].ID
				c := &data.Change{ID: benchID(-1, n), Measure: m, Author: a.fp,
					Name: fmt.Sprint("Delegate ", ai), Delegation: fmt.Sprint("Delegation ", ai),
					Time: t0.Add(time.Duration(n) * 7 * time.Minute), Clock: a.state.MaxClock() + 1}
				own := a.notes[m]
				added := false
				switch r := rng.Intn(10); {
				case r < 4:
					c.Kind, c.Status, c.Parents = data.ChangeStatus, data.Statuses[rng.Intn(4)], a.state.StatusHeads(m)
				case r < 7 && notesOn[m] < 5 || len(own) == 0:
					c.Kind = data.ChangeNoteAdd
					c.Text = fmt.Sprintf("%s: the working group met on day %d and agreed the next steps; 工作组第%d次会议商定了下一步工作", m, round, round)
					added = true
					notesOn[m]++
				default:
					c.Kind, c.Note = data.ChangeNoteEdit, own[rng.Intn(len(own))]
					c.Text = fmt.Sprintf("%s: revised after the meeting of day %d (修订稿)", m, round)
				}
				if version >= 2 {
					a.seq++
					c.Seq, c.Prev = a.seq, a.prev
					if err := statusfile.SignChange(c, func(m []byte) []byte { return ed25519.Sign(a.key, m) }); err != nil {
						panic(err)
					}
					a.prev = c.ID
				}
				if added {
					a.notes[m] = append(own, c.ID)
				}
				a.state.Add(c)
			}
			a.last = a.state.Changes()
			total += len(a.last)
			content, err := statusfile.EncodeFormat(version, statusfile.Header{Plan: data.PlanID, PlanVersion: plan.Version(), Exported: t0.Add(time.Duration(n) * 7 * time.Minute),
				Exporter: statusfile.Exporter{Name: fmt.Sprint("Delegate ", ai), Delegation: fmt.Sprint("Delegation ", ai)}, Keys: hkeys},
				a.key.Public().(ed25519.PublicKey), a.last, func(m []byte) []byte { return ed25519.Sign(a.key, m) })
			if err != nil {
				panic(err)
			}
			p := filepath.Join(benchDir, fmt.Sprintf("%s-%03d-%d%s", key, round, ai, statusfile.Extension))
			if err := os.WriteFile(p, content, 0o600); err != nil {
				panic(err)
			}
			paths = append(paths, p)
		}
		for ai, a := range as { // the next two authors' latest files
			for _, o := range []*author{as[(ai+1)%authors], as[(ai+2)%authors]} {
				a.state.Add(o.last...)
			}
		}
	}
	benchCache[key], benchCount[key], benchCount[key+"lines"] = paths, n, total
	return paths, n, total
}

// BenchmarkImport1000 imports 1,000 status files into a fresh data file
// (462,000 new changes, one transaction).
func BenchmarkImport1000(b *testing.B) {
	paths, n := benchFiles(b, 1000)
	importFresh(b, paths, n)
}

// BenchmarkImport1000Format1 is BenchmarkImport1000 with the same workload
// as format 1 files: the cost of verifying format 2, measured in one run.
func BenchmarkImport1000Format1(b *testing.B) {
	paths, n := benchFilesFormat(b, 1000, 1)
	importFresh(b, paths, n)
}

// BenchmarkImportRelay1000Format1 is BenchmarkImportRelay1000 with format 1
// files.
func BenchmarkImportRelay1000Format1(b *testing.B) {
	paths, n, lines := relayFilesFormat(b, 5, 200, 1)
	importFresh(b, paths, n)
	b.ReportMetric(float64(lines), "lines")
}

// importFresh imports paths into a new data file per iteration (only the
// import is timed) and checks that it brings n changes.
func importFresh(b *testing.B, paths []string, n int) {
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := newBenchStore(b)
		b.StartTimer()
		r, err := s.Import(paths, false)
		if err != nil || r.Total.NewChanges != n {
			b.Fatal(err, r.Total.NewChanges, n)
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
	reimport(b, paths)
}

// reimport imports paths into a new data file, then times importing them
// again, which must bring nothing new.
func reimport(b *testing.B, paths []string) {
	s := newBenchStore(b)
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

// BenchmarkImportRelay1000 imports the 1,000 overlapping files of
// relayFiles (5 authors, 200 exports each, about a million lines, 2,000
// distinct changes) into a fresh data file.
func BenchmarkImportRelay1000(b *testing.B) {
	paths, n, lines := relayFiles(b, 5, 200)
	importFresh(b, paths, n)
	b.ReportMetric(float64(lines), "lines")
}

// BenchmarkReimportRelay1000 imports the same relayed files again.
func BenchmarkReimportRelay1000(b *testing.B) {
	paths, _, _ := relayFiles(b, 5, 200)
	reimport(b, paths)
}

// BenchmarkBaselineDecodeRelay1000 is the relay benchmarks' baseline, as
// BenchmarkBaselineDecode1000: read the same files and decode every line
// with encoding/json.
func BenchmarkBaselineDecodeRelay1000(b *testing.B) {
	paths, _, lines := relayFiles(b, 5, 200)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := baselineDecode(b, paths); got != lines {
			b.Fatal(got, lines)
		}
	}
}

// baselineDecode reads the files and decodes every change line with
// encoding/json, checking nothing; it returns the number of lines.
func baselineDecode(b *testing.B, paths []string) int {
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
	return got
}

// BenchmarkBaselineDecode1000 is the baseline measured in the same run: read
// the same 1,000 files and decode every change line with encoding/json,
// checking nothing and writing nothing.
func BenchmarkBaselineDecode1000(b *testing.B) {
	paths, n := benchFiles(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := baselineDecode(b, paths); got != n {
			b.Fatal(got, n)
		}
	}
}

// BenchmarkReimportUnseen1000 imports the same 1,000 files again as if
// their checksums had not been recorded (files that brought nothing new the
// first time): every line is read and recognised by its ID and bytes.
func BenchmarkReimportUnseen1000(b *testing.B) {
	paths, _ := benchFiles(b, 1000)
	s := newBenchStore(b)
	defer s.Close()
	if _, err := s.Import(paths, false); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.mu.Lock()
		s.imported = map[[32]byte][]byte{}
		s.mu.Unlock()
		r, err := s.Import(paths, true)
		if err != nil || !r.Total.NothingNew() {
			b.Fatal(err)
		}
	}
}

// newBenchStore opens a new, empty data file in a temporary folder.
func newBenchStore(b *testing.B) *Store {
	s, err := Open(Options{Path: filepath.Join(b.TempDir(), "x.db")})
	if err != nil {
		b.Fatal(err)
	}
	return s
}
