package data_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"sync"
	"testing"
	"time"

	"scoplan/bench/plangen"
	"scoplan/data"
)

// The scale of issue 12: the 10,000-measure generated plan and a log of
// 100,000 changes made over a year by 30 people of 10 delegations (60 %
// statuses, each superseding its delegation's last one, 30 % notes, 10 %
// edits of one's own notes). Run the four benchmarks in one run:
//
//	go test ./data -run '^$' -bench Since100k -benchtime 10x
var since100k = sync.OnceValues(func() (*data.Plan, []*data.Change) {
	g, err := plangen.Generate(10, 10, 100, 5)
	if err != nil {
		panic(err)
	}
	rng := rand.New(rand.NewSource(12))
	delegs := []string{"BY", "CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	last := map[string]string{}       // measure + delegation -> its last status change
	notes := map[int][]*data.Change{} // author -> their notes
	changes := make([]*data.Change, 0, 100_000)
	for i := 0; i < 100_000; i++ {
		a := rng.Intn(30)
		m := g.Plan.Measures[rng.Intn(len(g.Plan.Measures))].ID
		c := &data.Change{ID: fmt.Sprintf("%032x", i+1), Measure: m, Author: fmt.Sprintf("%016x", a+1), Name: fmt.Sprintf("Delegate %d", a),
			Delegation: delegs[a%10], Time: start.Add(time.Duration(i) * 315 * time.Second), Clock: uint64(i + 1)}
		switch r := rng.Intn(10); {
		case r < 6:
			c.Kind, c.Status = data.ChangeStatus, data.Statuses[rng.Intn(4)]
			if p, ok := last[m+c.Delegation]; ok {
				c.Parents = []string{p}
			}
			last[m+c.Delegation] = c.ID
		case r < 9 || len(notes[a]) == 0:
			c.Kind, c.Text = data.ChangeNoteAdd, "Progress reported to the working group; next step agreed."
			notes[a] = append(notes[a], c)
		default:
			n := notes[a][rng.Intn(len(notes[a]))]
			c.Kind, c.Measure, c.Note, c.Text = data.ChangeNoteEdit, n.Measure, n.ID, "Progress reported; the next step is signed."
		}
		changes = append(changes, c)
	}
	return g.Plan, changes
})

var sinkN int

// BenchmarkSince100kChanges is "changes --since" in data: the changes of
// the last two months of the year, each with its previous status.
func BenchmarkSince100kChanges(b *testing.B) {
	_, cs := since100k()
	since := data.EndOfDay(data.Date{Year: 2026, Month: time.October, Day: 31})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sinkN = len(data.ChangeList(cs, data.ChangeFilter{After: since}))
	}
	b.ReportMetric(float64(sinkN), "listed")
}

// BenchmarkSince100kAsOf is "list --as-of" in data: the state at mid-year,
// then every measure's state as list reads it.
func BenchmarkSince100kAsOf(b *testing.B) {
	p, cs := since100k()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st := data.StateAsOf(cs, data.Date{Year: 2026, Month: time.June, Day: 30}, "KZ")
		n := 0
		for _, m := range p.Measures {
			n += len(st.Measure(m.ID).Notes)
		}
		sinkN = n
	}
}

// BenchmarkSince100kNow derives today's state from the whole log, as list
// without --as-of does when it opens the data file.
func BenchmarkSince100kNow(b *testing.B) {
	_, cs := since100k()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st := data.NewState()
		st.SetOwn("KZ")
		st.Add(cs...)
		sinkN = st.Len()
	}
}

// BenchmarkSince100kReadLog is the baseline: reading the log once, that is
// JSON-decoding its 100,000 lines, as opening the data file does.
func BenchmarkSince100kReadLog(b *testing.B) {
	_, cs := since100k()
	lines := make([][]byte, len(cs))
	for i, c := range cs {
		lines[i], _ = json.Marshal(c)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			var c data.Change
			if err := json.Unmarshal(l, &c); err != nil {
				b.Fatal(err)
			}
		}
	}
}
