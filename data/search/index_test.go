package search

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"sync"
	"testing"

	"scoplan/bench/plangen"
	"scoplan/data"
	"scoplan/data/search/internal/index"
)

// queryPool makes random queries from a documents' own text: single
// characters, random characters, and pieces of the text with a typo.
func queryPool(docs []Doc, rng *rand.Rand, n int) []string {
	var texts [][]rune
	var pool []rune
	for _, d := range docs {
		for _, f := range d.Fields {
			r := []rune(f.Text)
			texts = append(texts, r)
			pool = append(pool, r...)
		}
	}
	var out []string
	for len(out) < n {
		switch rng.Intn(4) {
		case 0: // random characters
			q := make([]rune, 1+rng.Intn(4))
			for j := range q {
				q[j] = pool[rng.Intn(len(pool))]
			}
			out = append(out, string(q))
		default: // a piece of a text, sometimes with a character dropped
			t := texts[rng.Intn(len(texts))]
			if len(t) == 0 {
				continue
			}
			i := rng.Intn(len(t))
			j := min(len(t), i+1+rng.Intn(12))
			q := append([]rune(nil), t[i:j]...)
			if len(q) > 2 && rng.Intn(2) == 0 {
				k := 1 + rng.Intn(len(q)-2)
				q = append(q[:k], q[k+1:]...)
			}
			out = append(out, string(q))
		}
	}
	return out
}

func sameHits(t *testing.T, what, q string, got, want []Hit) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		n := min(len(got), len(want))
		for i := 0; i < n; i++ {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%s, query %q: %d hits, reference %d; first difference at %d:\n got %+v\nwant %+v", what, q, len(got), len(want), i, got[i], want[i])
			}
		}
		t.Fatalf("%s, query %q: %d hits, reference %d", what, q, len(got), len(want))
	}
}

// typedThenDeleted returns the lengths a query of n runes has while it is
// typed one character at a time and then deleted again: a query and its
// other form (the stems of Russian words) narrow from each other's findings
// both ways.
func typedThenDeleted(n int) []int {
	var lengths []int
	for i := 1; i <= n; i++ {
		lengths = append(lengths, i)
	}
	for i := n - 1; i >= 1; i-- {
		lengths = append(lengths, i)
	}
	return lengths
}

// typeQueries types each query one character at a time through a session,
// with now and then a deleted character or two, then deletes it again, and
// checks every step against Reference (worked out beforehand for every
// prefix, on all cores).
func typeQueries(t *testing.T, what string, ref *refCache, s *index.Session, queries []string, rng *rand.Rand) {
	t.Helper()
	ref.prepare(prefixes(queries))
	for _, q := range queries {
		r := []rune(q)
		for _, i := range typedThenDeleted(len(r)) {
			text := string(r[:i])
			if i > 2 && rng.Intn(5) == 0 { // a backspace, then the character again
				back := string(r[:i-2])
				got, err := s.Search(context.Background(), back)
				if err != nil {
					t.Fatal(err)
				}
				sameHits(t, what+" (backspace)", back, got, ref.get(back))
			}
			got, err := s.Search(context.Background(), text)
			if err != nil {
				t.Fatal(err)
			}
			sameHits(t, what+" (typed)", text, got, ref.get(text))
		}
	}
}

// TestIndexEqualsReferenceOnPlans compares the index and typing sessions
// with Reference on the real plan with 1,000 notes and translations, on a
// generated plan of 1,000 measures, and on the generated 10,000 measures:
// random queries made from the documents' own text and the benchmark's
// queries (Chinese, English, Russian, a misspelling, an ID), whole and
// typed one character at a time with backspaces. Random queries are typed
// on the real plan; on the larger plans, where Reference takes 60 ms (1,000
// measures) and most of a second (10,000) a query, the benchmark's queries
// are typed (on 10,000 measures, the first), and SCOPLAN_LONG=1 adds
// random typing there, random whole queries on 10,000 measures, and five
// times as many random queries everywhere.
func TestIndexEqualsReferenceOnPlans(t *testing.T) {
	fx := loadFixtures(t)
	g, err := plangen.Generate(5, 4, 50, 11)
	if err != nil {
		t.Fatal(err)
	}
	mid := withTranslations("1k", g.Plan, plangen.Notes(g.Plan, 5000, 12), 13)
	cases := []struct {
		f              *fixture
		queries, typed int // random queries, whole and typed
		typedFixed     int // how many of the benchmark's queries are typed
	}{
		{fx[0], 600, 40, len(typed)},
		{mid, 100, 0, len(typed)},
		{fx[1], 0, 0, 1},
	}
	if long() {
		cases[0].queries, cases[0].typed = 3000, 200
		cases[1].queries, cases[1].typed = 500, 40
		cases[2].queries, cases[2].typed, cases[2].typedFixed = 20, 4, len(typed)
	}
	for _, c := range cases {
		t.Run(c.f.name, func(t *testing.T) {
			rng := rand.New(rand.NewSource(int64(len(c.f.docs))))
			ix := newIndex(c.f.docs)
			ref := newRefCache(c.f.docs)
			queries := append(queryPool(c.f.docs, rng, c.queries), typed...)
			ref.prepare(queries)
			for _, q := range queries {
				sameHits(t, c.f.name+" index", q, ix.Search(q), ref.get(q))
			}
			// Sessions: the benchmark's queries and random ones, typed.
			s := ix.NewSession()
			typeQueries(t, c.f.name+" session", ref, s, append(append([]string(nil), typed[:c.typedFixed]...), queryPool(c.f.docs, rng, c.typed)...), rng)
		})
	}
}

// TestEngineEqualsReference checks the whole query path: the engine's rows,
// typed one character at a time, carry exactly the hits that
// searchAnyForm gives with Reference (the query and its stemmed form,
// ranges moved out of derived keys), with Engine.Ranges giving the ranges.
func TestEngineEqualsReference(t *testing.T) {
	f := loadFixtures(t)[0]
	e := f.engine
	docs := e.Index().Docs()
	refs := newRefCache(docs)
	ref := func(q string) ([]Hit, error) { return refs.get(q), nil }
	queries := append([]string{"продовольственная безопасность", "сотрудничество", "liangshi", "food secur", "海关合作"}, queryPool(docs, rand.New(rand.NewSource(9)), 30)...)
	var forms []string // what searchAnyForm will ask Reference for
	for _, text := range prefixes(queries) {
		forms = append(forms, text)
		if alt := altQuery(text); alt != "" {
			forms = append(forms, alt)
		}
	}
	refs.prepare(forms)
	for _, q := range queries {
		r := []rune(q)
		for _, i := range typedThenDeleted(len(r)) {
			text := string(r[:i])
			if Normalize(text) == "" {
				continue
			}
			want, _ := searchAnyForm(docs, text, ref)
			rows := e.Run(Query{Text: text})
			got := make([]Hit, len(rows))
			for j, row := range rows {
				got[j] = *row.Hit
				got[j].Ranges = e.Ranges(row)
			}
			sameHits(t, "engine", text, got, want)
		}
	}
}

func TestEngineSharesAndCopiesResults(t *testing.T) {
	f := loadFixtures(t)[0]
	e := f.engine
	q := Query{Text: "海关"}
	rows := e.Run(q)
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	first := rows[0].Measure.ID
	rows[0] = rows[len(rows)-1] // the caller's copy: changing it changes nothing else
	if again := e.Run(q); again[0].Measure.ID != first {
		t.Errorf("changing Run's result changed the next result")
	}
	rows2, counts, err := e.RunContext(context.Background(), q)
	if err != nil || len(rows2) != len(e.Run(q)) || !reflect.DeepEqual(counts, e.Counts(q)) {
		t.Errorf("RunContext disagrees with Run and Counts: %v", err)
	}
	total := 0
	for _, n := range counts.Status {
		total += n
	}
	if total != len(rows2) {
		t.Errorf("status counts add up to %d, rows %d", total, len(rows2))
	}
}

func TestCancelledQueryGivesUp(t *testing.T) {
	f := loadFixtures(t)[1]
	e := NewEngine(f.plan, f.states, today)
	e.Index()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := e.RunContext(ctx, Query{Text: "t"}); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled query returned %v", err)
	}
	// The abandoned query left nothing behind: the next one is complete.
	rows, _, err := e.RunContext(context.Background(), Query{Text: "t"})
	if err != nil || len(rows) != len(e.Index().Search("t")) {
		t.Errorf("after a cancelled query: %d rows, %v", len(rows), err)
	}
}

func ExampleSession() {
	ix := newIndex([]Doc{
		{Fields: []Field{{Kind: KindID, Text: "1.1.1"}, {Kind: KindText, Text: "Customs cooperation"}}},
		{Fields: []Field{{Kind: KindID, Text: "1.1.2"}, {Kind: KindText, Text: "Trade facilitation"}}},
	})
	s := ix.NewSession()
	for _, text := range []string{"c", "cu", "cus", "cu", "t"} {
		hits, _ := s.Search(context.Background(), text)
		fmt.Println(text, len(hits))
	}
	// Output:
	// c 1
	// cu 1
	// cus 1
	// cu 1
	// t 1
}

// countsNaive is how Counts was first written: one filter pass per facet.
func countsNaive(e *Engine, q Query) Counts {
	c := Counts{Status: map[data.Status]int{}, Body: map[string]int{}, Kind: map[data.DeadlineKind]int{}}
	all, _ := e.candidates(context.Background(), q.Text)
	each := func(d dimension, fn func(Row)) {
		for _, r := range e.filter(all, q.Filter, d) {
			fn(r)
		}
	}
	each(dimStatus, func(r Row) { c.Status[r.State.Status]++ })
	each(dimBody, func(r Row) {
		for _, b := range r.Measure.Bodies {
			c.Body[b]++
		}
	})
	each(dimKind, func(r Row) { c.Kind[r.Measure.Deadline.Kind]++ })
	each(dimOverdue, func(r Row) {
		if data.IsOverdue(r.Measure, r.State, e.today) {
			c.Overdue++
		}
	})
	each(dimDueSoon, func(r Row) {
		if data.IsDueSoon(r.Measure, r.State, e.today) {
			c.DueSoon++
		}
	})
	each(dimNotes, func(r Row) {
		if len(r.State.Notes) > 0 {
			c.HasNotes++
		}
	})
	each(dimConflict, func(r Row) {
		if r.State.Conflict {
			c.Conflict++
		}
	})
	return c
}

func TestCountsEqualOnePassPerFacet(t *testing.T) {
	f := loadFixtures(t)[0]
	e := f.engine
	rng := rand.New(rand.NewSource(5))
	bodies := f.plan.Bodies()
	texts := []string{"", "海关", "c", "合作", "zz"}
	for i := 0; i < 400; i++ {
		var fl Filter
		if rng.Intn(2) == 0 {
			fl.Statuses = []data.Status{data.Statuses[rng.Intn(4)], data.Statuses[rng.Intn(4)]}
		}
		if rng.Intn(3) == 0 {
			fl.Bodies = []string{bodies[rng.Intn(len(bodies))]}
		}
		if rng.Intn(4) == 0 {
			fl.BodyText = []string{"海关", "秘书处", "银行"}[rng.Intn(3)]
		}
		if rng.Intn(4) == 0 {
			fl.Section = []string{"1", "1.3", "3.2"}[rng.Intn(3)]
		}
		fl.Overdue, fl.DueSoon, fl.HasNotes, fl.Conflict = rng.Intn(4) == 0, rng.Intn(5) == 0, rng.Intn(4) == 0, rng.Intn(5) == 0
		if rng.Intn(3) == 0 {
			fl.Kinds = []data.DeadlineKind{data.DeadlineKinds[rng.Intn(len(data.DeadlineKinds))]}
		}
		q := Query{Text: texts[rng.Intn(len(texts))], Filter: fl}
		if got, want := e.Counts(q), countsNaive(e, q); !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v: counts %+v, one pass per facet %+v", q, got, want)
		}
	}
}

// TestEngineConcurrentUse runs the keystrokes of several typing sessions at
// once on one engine (as a GUI does when a newer keystroke starts before
// the older one ended) and holds every result equal to the same query run
// alone on a fresh engine. Run it with -race to check the locking too.
func TestEngineConcurrentUse(t *testing.T) {
	real := data.Load()
	f := withTranslations("77", real, plangen.Notes(real, 1000, 1), 1) // not the 10,000-measure plan: quick under -race
	texts := prefixes([]string{"сотрудничество", "customs", "海关合作", "liangshi", "trde f"})
	type result struct {
		docs   []int
		scores []int
		counts Counts
		ranges map[int][]Range
	}
	run := func(e *Engine, text string) result {
		q := Query{Text: text}
		var r result
		for _, row := range e.Run(q) {
			r.docs = append(r.docs, row.Hit.Doc)
			r.scores = append(r.scores, row.Hit.Score)
		}
		if rows := e.Run(q); len(rows) > 0 {
			r.ranges = e.Ranges(rows[0])
		}
		r.counts = e.Counts(q)
		return r
	}
	want := map[string]result{}
	for _, text := range texts {
		want[text] = run(NewEngine(f.plan, f.states, today), text)
	}
	e := NewEngine(f.plan, f.states, today)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range texts {
				text := texts[(i+g*7)%len(texts)] // each goroutine types from elsewhere
				if got := run(e, text); !reflect.DeepEqual(got, want[text]) {
					t.Errorf("%q run alongside others differs from %q run alone", text, text)
				}
			}
		}()
	}
	wg.Wait()
}
