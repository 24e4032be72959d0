package search

import (
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sahilm/fuzzy"

	"scoplan/data"
)

// typed are the queries the keystroke benchmarks type, one character at a
// time: Chinese words of the plan, English and Russian words of the
// translations and notes, a misspelling that only fuzzy finds, an ID.
var typed = []string{"贸易便利化", "海关合作", "customs cooperation", "сотрудничество", "trde facl", "数字经济", "1.2.3"}

// keystrokes returns the successive contents of the search field while the
// queries are typed, one after the other (each query replaces the previous).
func keystrokes() []string {
	var out []string
	for _, q := range typed {
		r := []rune(q)
		for i := 1; i <= len(r); i++ {
			out = append(out, string(r[:i]))
		}
	}
	return out
}

// runKeys runs one typing session per iteration and reports the mean time
// per keystroke (ns/key) and the slowest keystroke position, taking each
// position's median over the iterations (max-key-ns).
func runKeys(b *testing.B, step func(text string)) {
	keys := keystrokes()
	per := make([][]time.Duration, len(keys))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, text := range keys {
			t0 := time.Now()
			step(text)
			per[k] = append(per[k], time.Since(t0))
		}
	}
	b.StopTimer()
	var worst time.Duration
	for k, ds := range per {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		if m := ds[len(ds)/2]; m > worst {
			worst = m
		}
		if os.Getenv("SCOPLAN_BENCH_KEYS") != "" { // each keystroke's median, to find the slow ones
			b.Logf("%-22q %8.2f ms", keys[k], float64(ds[len(ds)/2].Nanoseconds())/1e6)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
	b.ReportMetric(float64(worst.Nanoseconds()), "max-key-ns")
}

// onScreen is how many rows of a result a window shows at once.
const onScreen = 20

// show works out the highlights of the rows a window shows.
func show(e *Engine, rows []Row) {
	for _, r := range rows[:min(len(rows), onScreen)] {
		e.Ranges(r)
	}
}

// BenchmarkKeystroke measures everything between a keystroke in the search
// field and the list's new content: Engine.Run (search, filters, ordering),
// Engine.Ranges for the rows on screen (their highlights) and Engine.Counts
// (the facet counts the filter panel shows), all called per keystroke.
// The fixtures have all ten member delegations reporting a status of every
// measure (TestFixturesAllReporting). The baseline, fuzzy, is bare
// fuzzy.Find over the same strings (every field but the IDs), with the
// same keystrokes.
func BenchmarkKeystroke(b *testing.B) {
	for _, f := range loadFixtures(b) {
		e := f.engine
		filter := Filter{Statuses: []data.Status{data.StatusInProgress, data.StatusBlocked}}
		b.Run(f.name+"/engine", func(b *testing.B) {
			runKeys(b, func(text string) {
				q := Query{Text: text}
				show(e, e.Run(q))
				e.Counts(q)
			})
		})
		b.Run(f.name+"/engine-filtered", func(b *testing.B) {
			runKeys(b, func(text string) {
				q := Query{Text: text, Filter: filter}
				show(e, e.Run(q))
				e.Counts(q)
			})
		})
		// The same filter over every reporting delegation's status (the
		// fixtures have all ten member states reporting).
		anyFilter := filter
		anyFilter.AnyDelegation = true
		b.Run(f.name+"/engine-any", func(b *testing.B) {
			runKeys(b, func(text string) {
				q := Query{Text: text, Filter: anyFilter}
				show(e, e.Run(q))
				e.Counts(q)
			})
		})
		strs := fuzzyStrings(f.docs)
		b.Run(f.name+"/fuzzy", func(b *testing.B) {
			runKeys(b, func(text string) {
				fuzzy.Find(strings.ToLower(Normalize(text)), strs)
			})
		})
	}
}

// BenchmarkFirstKey measures the slowest single keystroke: the first
// character of a new query, when nothing of the previous query can be
// reused and almost every measure matches.
func BenchmarkFirstKey(b *testing.B) {
	firsts := []string{"贸", "海", "c", "с", "t", "数", "1"}
	for _, f := range loadFixtures(b) {
		e := f.engine
		b.Run(f.name+"/engine", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, text := range firsts {
					q := Query{Text: text}
					show(e, e.Run(q))
					e.Counts(q)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(firsts)), "ns/key")
		})
		strs := fuzzyStrings(f.docs)
		b.Run(f.name+"/fuzzy", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, text := range firsts {
					fuzzy.Find(text, strs)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(firsts)), "ns/key")
		})
	}
}

// BenchmarkRebuild measures what a change of a status or a note costs the
// search when a query is on screen: the GUI builds a new Engine after the
// one before (After), whose first search builds its documents and index
// when a note changed (engine-note: a note comes and goes), and shares the
// index before when only statuses changed (engine-status). The baseline is
// one Reference search over the same documents (fold everything, run
// fuzzy), measured in the same run, on the real plan only.
func BenchmarkRebuild(b *testing.B) {
	for i, f := range loadFixtures(b) {
		id := f.plan.Measures[0].ID
		noted := maps.Clone(f.states)
		st := data.MeasureState{}
		if old := f.states[id]; old != nil {
			st = *old
		}
		st.Notes = append(slices.Clone(st.Notes), &data.Note{Text: "a new note"})
		noted[id] = &st
		// The engine before, built as the benchmark builds them (the
		// fixture's own engine has other extra fields).
		first := NewEngine(f.plan, f.states, today)
		first.Index()
		b.Run(f.name+"/engine-status", func(b *testing.B) {
			prev := first
			for i := 0; i < b.N; i++ {
				e := NewEngine(f.plan, f.states, today, After(prev))
				e.Run(Query{Text: "海关"})
				prev = e
			}
		})
		b.Run(f.name+"/engine-note", func(b *testing.B) {
			prev := first
			for i := 0; i < b.N; i++ {
				states := f.states
				if i%2 == 0 {
					states = noted
				}
				e := NewEngine(f.plan, states, today, After(prev))
				e.Run(Query{Text: "海关"})
				prev = e
			}
		})
		if i > 0 {
			continue // Reference takes most of a second a query on 10,000 measures
		}
		b.Run(f.name+"/reference", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Reference(f.docs, "海关")
			}
		})
	}
}
