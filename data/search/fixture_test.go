package search

import (
	"math/rand"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"

	"scoplan/bench/plangen"
	"scoplan/data"
	"scoplan/data/search/internal/index"
)

// fixture is a plan with notes and made-up translations, as the search sees
// it once translations land: the benchmarks and the big equality test use it.
type fixture struct {
	name   string
	plan   *data.Plan
	states map[string]*data.MeasureState
	docs   []Doc
	engine *Engine
}

var (
	fixturesOnce sync.Once
	fixtures     []*fixture
	fixturesErr  error
)

// withTranslations builds an engine and its documents. The real plan gets
// what NewEngine gives every engine (its translations, pinyin and Russian
// stems); a generated plan, whose measures have no translation, gets
// made-up English and Russian texts instead of the plan's translations
// (which would give it the real plan's texts by ID), and the same derived
// keys.
func withTranslations(name string, p *data.Plan, states map[string]*data.MeasureState, seed int64) *fixture {
	e := NewEngine(p, states, today)
	if p != data.Load() {
		tr := plangen.Translate(p, seed)
		e.extras = []func(*data.Measure) []Field{func(m *data.Measure) []Field {
			t := tr[m]
			return []Field{{Kind: KindText, Text: t.English}, {Kind: KindText, Text: t.Russian}}
		}}
	}
	return &fixture{name: name, plan: p, states: states, docs: e.Index().Docs(), engine: e}
}

// loadFixtures returns the real plan (77 measures, 1,000 notes) and a
// generated one (10,000 measures, 50,000 notes).
func loadFixtures(tb testing.TB) []*fixture {
	fixturesOnce.Do(func() {
		real := data.Load()
		fixtures = append(fixtures, withTranslations("77", real, allReporting(plangen.Notes(real, 1000, 1), 5), 1))
		g, err := plangen.Generate(10, 10, 100, 2)
		if err != nil {
			fixturesErr = err
			return
		}
		fixtures = append(fixtures, withTranslations("10k", g.Plan, allReporting(plangen.Notes(g.Plan, 50000, 3), 6), 4))
	})
	if fixturesErr != nil {
		tb.Fatal(fixturesErr)
	}
	return fixtures
}

// ownDelegation is the delegation the fixtures' states are viewed for.
const ownDelegation = "KZ"

// allReporting gives every measure of states a status from each of the ten
// member delegations, as at a meeting where all of them report (issue 11):
// random statuses, a few in conflict, Kazakhstan's as the states' own. The
// filters, the facet counts and "any delegation" then see what they would
// see in real use, not one status per measure.
func allReporting(states map[string]*data.MeasureState, seed int64) map[string]*data.MeasureState {
	rng := rand.New(rand.NewSource(seed))
	ids := make([]string, 0, len(states))
	for id := range states {
		ids = append(ids, id)
	}
	slices.Sort(ids) // the same statuses every run
	for _, id := range ids {
		st := states[id]
		st.Statuses = map[string]*data.DelegationStatus{}
		for _, d := range data.MemberStates() {
			st.Statuses[d.Code] = &data.DelegationStatus{
				Status:   data.Statuses[rng.Intn(len(data.Statuses))],
				Conflict: rng.Intn(50) == 0,
			}
		}
		st.DelegationStatus = *st.Statuses[ownDelegation]
	}
	return states
}

// fuzzyStrings returns the strings Reference hands to fuzzy.Find when no
// document has an exact hit: every field but the IDs.
func fuzzyStrings(docs []Doc) []string {
	var out []string
	for _, d := range docs {
		for _, f := range d.Fields {
			if f.Kind != KindID {
				out = append(out, f.Text)
			}
		}
	}
	return out
}

// long reports whether the long runs are asked for (SCOPLAN_LONG=1): the
// equality tests then take many more random queries than the default.
func long() bool { return os.Getenv("SCOPLAN_LONG") != "" }

// refCache remembers Reference's hits on one set of documents and works
// them out for many queries at once, on every core. Reference is the slow
// side of each equality test (fuzzy.Find over every field of every
// document): a typing session asks again for the prefixes it backspaces
// to, and the queries themselves are independent of each other.
type refCache struct {
	ref  *index.ReferenceSearch // Reference with the fields folded once
	mu   sync.Mutex
	hits map[string][]Hit
}

func newRefCache(docs []Doc) *refCache {
	return &refCache{ref: index.NewReference(docs), hits: map[string][]Hit{}}
}

// prepare works out Reference for every query not known yet, in parallel.
func (r *refCache) prepare(queries []string) {
	var todo []string
	seen := map[string]bool{}
	r.mu.Lock()
	for _, q := range queries {
		if _, ok := r.hits[q]; !ok && !seen[q] {
			seen[q] = true
			todo = append(todo, q)
		}
	}
	r.mu.Unlock()
	work := make(chan string)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for q := range work {
				h := r.ref.Search(q)
				r.mu.Lock()
				r.hits[q] = h
				r.mu.Unlock()
			}
		}()
	}
	for _, q := range todo {
		work <- q
	}
	close(work)
	wg.Wait()
}

// get returns Reference(docs, q), a copy the caller may change.
func (r *refCache) get(q string) []Hit {
	r.mu.Lock()
	h, ok := r.hits[q]
	r.mu.Unlock()
	if !ok {
		h = r.ref.Search(q)
		r.mu.Lock()
		r.hits[q] = h
		r.mu.Unlock()
	}
	return slices.Clone(h)
}

// prefixes returns every prefix of every query, as typing them gives.
func prefixes(queries []string) []string {
	var out []string
	for _, q := range queries {
		r := []rune(q)
		for i := 1; i <= len(r); i++ {
			out = append(out, string(r[:i]))
		}
	}
	return out
}

// TestFixturesAllReporting holds the benchmarks' fixtures to issue 11's
// condition: every measure carries a status from each of the ten member
// delegations, the states' own is Kazakhstan's, and the engine's "any
// delegation" filter sees all ten reporting.
func TestFixturesAllReporting(t *testing.T) {
	members := data.MemberStates()
	if len(members) != 10 {
		t.Fatalf("%d member states, want 10", len(members))
	}
	for _, f := range loadFixtures(t) {
		for _, m := range f.plan.Measures {
			st := f.states[m.ID]
			if st == nil {
				t.Fatalf("%s: measure %s has no state", f.name, m.ID)
			}
			for _, d := range members {
				if _, ok := st.Statuses[d.Code]; !ok {
					t.Fatalf("%s: measure %s has no status from %s", f.name, m.ID, d.Code)
				}
			}
			if own := st.StatusOf(ownDelegation); st.Status != own.Status || st.Conflict != own.Conflict {
				t.Fatalf("%s: measure %s's own status is not %s's", f.name, m.ID, ownDelegation)
			}
		}
		keys := f.engine.reportingKeys()
		for _, d := range members {
			if !slices.Contains(keys, d.Code) {
				t.Errorf("%s: the engine does not see %s reporting (%v)", f.name, d.Code, keys)
			}
		}
	}
}
