package app

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scoplan/bench/plangen"
	"scoplan/data"
)

// activityLog is the scale of issue 12 as data's Since100k benchmarks make
// it: the 10,000-measure generated plan and 100,000 changes by 30 people of
// 10 delegations over the year up to now (60 % statuses, 30 % notes, 10 %
// edits of one's own notes).
func activityLog(b *testing.B) (*data.Plan, []*data.Change) {
	g, err := plangen.Generate(10, 10, 100, 5)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewSource(12))
	delegs := []string{"BY", "CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ"}
	start := time.Now().UTC().Add(-100_000 * 315 * time.Second).Truncate(time.Millisecond)
	last := map[string]string{}
	notes := map[int][]*data.Change{}
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
}

// BenchmarkActivity100k measures the Activity screen's first page with the
// 10,000-measure generated plan and 100,000 changes, in a 1280×800 window:
// the choices offered and the list's model built from the log (every
// change of the window with its previous status, grouped by day), then
// the first screenful laid out and painted by the test driver's software
// painter; "30days" and "all" are two windows of time. "readlog" is the
// baseline of the same run: reading the log once, JSON-decoding its
// 100,000 lines, as opening the data file does.
//
//	go test ./app -run '^$' -bench Activity100k -benchtime 5x -count 3
func BenchmarkActivity100k(b *testing.B) {
	plan, changes := activityLog(b)
	for _, window := range []string{"30days", "all"} {
		b.Run(window, func(b *testing.B) {
			h := newHarness(b)
			h.ui.se.plan = plan // the chapters the screen offers
			w := test.NewTempWindow(b, nil)
			w.Resize(fyne.NewSize(1280, 800))
			a := newActivityScreen(h.ui.se, func(string) {})
			w.SetContent(a.build())
			choice := sinceDays(30, time.Now())
			if window == "all" {
				choice = sinceChoice{key: "beginning"}
			}
			h.ui.se.SetSince(choice) // the screen shows the session's choice
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a.stale = true
				a.show(changes)
				w.Canvas().Capture()
			}
			b.ReportMetric(float64(len(a.rows)), "rows")
		})
	}
	b.Run("readlog", func(b *testing.B) {
		lines := make([][]byte, len(changes))
		for i, c := range changes {
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
	})
}
