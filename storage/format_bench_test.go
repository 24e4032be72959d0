package storage

import (
	"crypto/ed25519"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// BenchmarkFormats compares importing status files of format 1 and format
// 2 (every change signed by its author, verified per feed tip) on the
// issue's two workloads, in the same run, into a fresh data file each
// time:
//   - worst: 1,000 files, each its exporter's own 462 changes (462,000
//     distinct changes), as BenchmarkImport1000 but with one author per
//     file, so that the format 2 files are each one feed;
//   - delegates: 5 authors exporting 200 times each (1,000 files), each
//     file the author's whole log with what the next two authors' latest
//     files brought (2,000 distinct changes), as relayFiles.
//
// Format 1 writes the same changes unsigned, with random IDs, and their
// files without keys.
//
//	go test ./storage -run '^$' -bench Formats -benchtime 3x -count 3
func BenchmarkFormats(b *testing.B) {
	for _, w := range []string{"worst", "delegates"} {
		for _, v := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/v%d", w, v), func(b *testing.B) {
				var paths []string
				var n int
				if w == "worst" {
					paths, n = formatWorst(b, v)
				} else {
					paths, n = formatDelegates(b, v)
				}
				importFresh(b, paths, n)
			})
		}
	}
}

var formatCache = map[string][]string{}
var formatCount = map[string]int{}

// benchKey is a fixed key, the same in every run.
func benchKey(i int) (ed25519.PrivateKey, string) {
	seed := make([]byte, 32)
	binary.BigEndian.PutUint64(seed, uint64(i))
	k := ed25519.NewKeyFromSeed(seed)
	return k, Fingerprint(k.Public().(ed25519.PublicKey))
}

// feed gives a change its place in its author's feed and signs it (format
// 2), or a fixed random-looking ID (format 1).
type feed struct {
	key  ed25519.PrivateKey
	seq  uint64
	prev string
}

func (f *feed) add(b *testing.B, c *data.Change, version int, id string) {
	if version < 2 {
		c.ID = id
		return
	}
	f.seq++
	c.Seq, c.Prev = f.seq, f.prev
	if err := statusfile.SignChange(c, func(m []byte) []byte { return ed25519.Sign(f.key, m) }); err != nil {
		b.Fatal(err)
	}
	f.prev = c.ID
}

func writeFormat(b *testing.B, name string, version int, key ed25519.PrivateKey, h statusfile.Header, cs []*data.Change, keys map[string]string) string {
	h.Keys = keys
	content, err := statusfile.EncodeFormat(version, h, key.Public().(ed25519.PublicKey), cs, func(m []byte) []byte { return ed25519.Sign(key, m) })
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(os.TempDir(), "scoplan-bench-formats")
	os.MkdirAll(dir, 0o700)
	p := filepath.Join(dir, name+statusfile.Extension)
	if err := os.WriteFile(p, content, 0o600); err != nil {
		b.Fatal(err)
	}
	return p
}

func formatWorst(b *testing.B, version int) ([]string, int) {
	key := fmt.Sprint("worst", version)
	if p, ok := formatCache[key]; ok {
		return p, formatCount[key]
	}
	plan := data.Load()
	t0 := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	var paths []string
	total := 0
	for f := 0; f < 1000; f++ {
		k, fp := benchKey(f + 1)
		fd := &feed{key: k}
		var cs []*data.Change
		clock := uint64(0)
		for mi, m := range plan.Measures {
			for j := 0; j < 6; j++ {
				clock++
				c := &data.Change{Measure: m.ID, Author: fp, Name: fmt.Sprint("Delegate ", f), Delegation: "KZ",
					Time: t0.Add(time.Duration(f*1000+int(clock)) * time.Second), Clock: clock}
				if j == 0 {
					c.Kind, c.Status = data.ChangeStatus, data.Statuses[(f+mi)%4]
				} else {
					c.Kind, c.Text = data.ChangeNoteAdd, fmt.Sprintf("Note %d on %s: the working group met and agreed the next steps 工作组会议", j, m.ID)
				}
				fd.add(b, c, version, benchID(f, mi*6+j))
				cs = append(cs, c)
			}
		}
		total += len(cs)
		h := statusfile.Header{Plan: data.PlanID, PlanVersion: plan.Version(), Exported: t0,
			Exporter: statusfile.Exporter{Name: fmt.Sprint("Delegate ", f), Delegation: "KZ"}}
		var keys map[string]string
		if version >= 2 {
			keys = map[string]string{fp: hex.EncodeToString(k.Public().(ed25519.PublicKey))}
		}
		paths = append(paths, writeFormat(b, fmt.Sprintf("worst-v%d-%04d", version, f), version, k, h, cs, keys))
	}
	formatCache[key], formatCount[key] = paths, total
	return paths, total
}

func formatDelegates(b *testing.B, version int) ([]string, int) {
	key := fmt.Sprint("delegates", version)
	if p, ok := formatCache[key]; ok {
		return p, formatCount[key]
	}
	const authors, exports = 5, 200
	plan := data.Load()
	rng := rand.New(rand.NewSource(2030))
	type author struct {
		feed
		fp    string
		state *data.State
		notes map[string][]string
		last  []*data.Change
	}
	as := make([]*author, authors)
	keys := map[string]string{}
	for i := range as {
		k, fp := benchKey(1000 + i)
		as[i] = &author{feed: feed{key: k}, fp: fp, state: data.NewState(), notes: map[string][]string{}}
		keys[fp] = hex.EncodeToString(k.Public().(ed25519.PublicKey))
	}
	t0 := time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, -2*exports)
	notesOn := map[string]int{}
	n := 0
	var paths []string
	for round := 0; round < exports; round++ {
		for ai, a := range as {
			for k := 0; k < 2; k++ {
				n++
				m := plan.Measures[rng.Intn(len(plan.Measures))].ID
				c := &data.Change{Measure: m, Author: a.fp, Name: fmt.Sprint("Delegate ", ai), Delegation: data.Delegations()[ai].Code,
					Time: t0.Add(time.Duration(n) * 7 * time.Minute), Clock: a.state.MaxClock() + 1}
				own := a.notes[m]
				switch r := rng.Intn(10); {
				case r < 4:
					c.Kind, c.Status, c.Parents = data.ChangeStatus, data.Statuses[rng.Intn(4)], a.state.StatusHeads(m)
				case r < 7 && notesOn[m] < 5 || len(own) == 0:
					c.Kind = data.ChangeNoteAdd
					c.Text = fmt.Sprintf("%s: the working group met on day %d and agreed the next steps; 工作组第%d次会议商定了下一步工作", m, round, round)
					notesOn[m]++
				default:
					c.Kind, c.Note = data.ChangeNoteEdit, own[rng.Intn(len(own))]
					c.Text = fmt.Sprintf("%s: revised after the meeting of day %d (修订稿)", m, round)
				}
				a.add(b, c, version, benchID(-2, n))
				if c.Kind == data.ChangeNoteAdd {
					a.notes[m] = append(own, c.ID)
				}
				a.state.Add(c)
			}
			a.last = a.state.Changes()
			h := statusfile.Header{Plan: data.PlanID, PlanVersion: plan.Version(), Exported: t0.Add(time.Duration(n) * 7 * time.Minute),
				Exporter: statusfile.Exporter{Name: fmt.Sprint("Delegate ", ai), Delegation: data.Delegations()[ai].Code}}
			var ks map[string]string
			if version >= 2 {
				ks = keys
			}
			paths = append(paths, writeFormat(b, fmt.Sprintf("delegates-v%d-%03d-%d", version, round, ai), version, a.key, h, a.last, ks))
		}
		for ai, a := range as {
			for _, o := range []*author{as[(ai+1)%authors], as[(ai+2)%authors]} {
				a.state.Add(o.last...)
			}
		}
	}
	formatCache[key], formatCount[key] = paths, n
	return paths, n
}
