package storage

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"scoplan/data"
)

// TestMergeLawsThroughFiles checks the merge laws end to end: random change
// logs written by at least three authors, each in a real data file, with
// random exchanges of real status files between them along the way; then
// every status file ever exported (stale ones too) is imported into fresh
// data files in random orders, random groupings and with repeats. Every
// fresh file must end in exactly the same state (idempotent, commutative,
// associative), that state must hold every change anyone made (nothing
// lost), and the authors themselves must converge to it.
//
// The rounds are independent (each has its own seed, drawn in order from
// one fixed seed) and run side by side as parallel subtests. There are
// 120 of them; 20 with -short, 600 with SCOPLAN_LONG=1.
func TestMergeLawsThroughFiles(t *testing.T) {
	rounds, orders := 120, 10
	if testing.Short() {
		rounds = 20
	}
	if long() {
		rounds = 600
	}
	seeds := rand.New(rand.NewSource(20261123))
	var cases, imports atomic.Int64
	t.Run("rounds", func(t *testing.T) {
		for round := 0; round < rounds; round++ {
			seed := seeds.Int63()
			t.Run(fmt.Sprint(round), func(t *testing.T) {
				t.Parallel()
				c, i := mergeLawsRound(t, round, rand.New(rand.NewSource(seed)), orders)
				cases.Add(int64(c))
				imports.Add(int64(i))
			})
		}
	})
	t.Logf("%d rounds, %d import orders checked (%d imports into fresh data files)", rounds, cases.Load(), imports.Load())
}

// mergeLawsRound is one round of TestMergeLawsThroughFiles: it returns the
// number of import orders checked and of imports made.
func mergeLawsRound(t *testing.T, round int, rng *rand.Rand, orders int) (cases, imports int) {
	measures := []string{"1.1.1", "1.1.2", "2.1.3", "3.2.1"}
	dir := t.TempDir()
	base := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	n := 3 + rng.Intn(2)
	authors := make([]*Store, n)
	for i := range authors {
		// Each author's clock is skewed, so that wall time and causal
		// order disagree now and then.
		skew := time.Duration(rng.Intn(120)-60) * time.Minute
		step := 0
		s, err := Open(Options{Path: filepath.Join(dir, fmt.Sprint("a", i, ".db")), Now: func() time.Time {
			step++
			return base.Add(skew + time.Duration(step)*time.Minute)
		}})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.SetIdentity(fmt.Sprint("Author ", i), fmt.Sprint("D", i%2))
		authors[i] = s
	}
	var files []string
	exportOf := func(a int) string {
		p := filepath.Join(dir, fmt.Sprintf("f%d.scoplan-status", len(files)))
		if _, err := authors[a].Export(p); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
		return p
	}
	made := map[string]bool{}
	record := func(c *data.Change, err error) {
		if err == nil {
			made[c.ID] = true
		}
	}
	for step := 0; step < 30; step++ {
		ai := rng.Intn(n)
		a := authors[ai]
		m := measures[rng.Intn(len(measures))]
		switch rng.Intn(6) {
		case 0, 1:
			record(a.SetStatus(m, data.Statuses[rng.Intn(len(data.Statuses))]))
		case 2:
			record(a.AddNote(m, fmt.Sprintf("note %d by %d", step, ai)))
		case 3:
			var own []*data.Note
			for _, nt := range a.Measure(m).Notes {
				if nt.Author == a.Identity().Key {
					own = append(own, nt)
				}
			}
			if len(own) > 0 {
				nt := own[rng.Intn(len(own))]
				if rng.Intn(3) == 0 {
					record(a.DeleteNote(m, nt.ID))
				} else {
					record(a.EditNote(m, nt.ID, fmt.Sprintf("edit %d", step)))
				}
			}
		case 4, 5: // a status file passes from one author to another
			from := rng.Intn(n)
			if from != ai {
				if _, err := a.Import([]string{exportOf(from)}, false); err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
			}
		}
	}
	for i := range authors {
		exportOf(i)
	}

	// The reference: every file in one import.
	ref, err := Open(Options{Path: filepath.Join(dir, "ref.db")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ref.Import(files, false); err != nil {
		t.Fatal(err)
	}
	want := snapshot(ref)
	for id := range made {
		if ref.state.Change(id) == nil {
			t.Fatalf("round %d: change %s was lost", round, id)
		}
	}
	if ref.ChangeCount() != len(made) {
		t.Fatalf("round %d: %d changes, %d made", round, ref.ChangeCount(), len(made))
	}
	ref.Close()

	for k := 0; k < orders; k++ {
		s, err := Open(Options{Path: filepath.Join(dir, fmt.Sprint("o", k, ".db"))})
		if err != nil {
			t.Fatal(err)
		}
		perm := rng.Perm(len(files))
		for i := 0; i < len(perm); {
			size := 1 + rng.Intn(4)
			var batch []string
			for j := i; j < i+size && j < len(perm); j++ {
				batch = append(batch, files[perm[j]])
				if rng.Intn(5) == 0 { // a repeat of a file seen before
					batch = append(batch, files[perm[rng.Intn(j+1)]])
				}
			}
			if _, err := s.Import(batch, rng.Intn(10) == 0); err != nil {
				t.Fatal(err)
			}
			imports++
			i += size
		}
		// Whatever dry runs skipped, one more pass brings.
		if _, err := s.Import(files, false); err != nil {
			t.Fatal(err)
		}
		if got := snapshot(s); got != want {
			t.Fatalf("round %d order %d: the state depends on order or grouping\n got:\n%s\nwant:\n%s", round, k, got, want)
		}
		again, _ := s.Import(files, false)
		if !again.Total.NothingNew() {
			t.Fatalf("round %d: a repeated import brought %+v", round, again.Total)
		}
		s.Close()
		cases++
	}
	// The authors converge once each has everyone's last file.
	last := files[len(files)-n:]
	for i, a := range authors {
		if _, err := a.Import(last, false); err != nil {
			t.Fatal(err)
		}
		if got := snapshot(a); got != want {
			t.Fatalf("round %d: author %d did not converge", round, i)
		}
	}
	return cases, imports
}
