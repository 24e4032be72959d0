package search

import (
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"

	"scoplan/data"
	"scoplan/data/search/internal/index"
)

func exactIDs(rows []Row) []string {
	var out []string
	for _, r := range rows {
		if r.Hit.Exact {
			out = append(out, r.Measure.ID)
		}
	}
	sort.Strings(out)
	return out
}

// fieldWith returns the index of the document field holding text exactly.
func fieldWith(t *testing.T, e *Engine, r Row, text string) int {
	t.Helper()
	for f, field := range e.Index().Docs()[r.Hit.Doc].Fields {
		if field.Text == text {
			return f
		}
	}
	t.Fatalf("%s: no field %q", r.Measure.ID, text)
	return -1
}

func marked(text string, rs []Range) []string {
	runes := []rune(text)
	var out []string
	for _, r := range rs {
		out = append(out, string(runes[r.Start:r.End]))
	}
	return out
}

// The same section in three languages: "food security", the Russian words
// in the dictionary form the user types (the texts decline them) and
// 粮食安全 find exactly the measures of section 1.3 as exact hits.
func TestSectionFoundInEveryLanguage(t *testing.T) {
	e := engine(nil)
	var want []string
	for _, m := range data.Load().Section("1.3").Measures {
		want = append(want, m.ID)
	}
	sort.Strings(want)
	for _, q := range []string{"food security", "Food Security", "продовольственная безопасность", "продовольственной безопасности", "粮食安全"} {
		if got := exactIDs(e.Run(Query{Text: q})); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: exact hits %v, want section 1.3 %v", q, got, want)
		}
	}
	// The Russian query marks whole words of the Russian text.
	rows := e.Run(Query{Text: "продовольственная безопасность"})
	m := data.Load().Measure("1.3.4")
	for _, r := range rows {
		if r.Measure != m {
			continue
		}
		ru := data.In(data.Russian).Measure(m)
		got := marked(ru, e.Ranges(r)[fieldWith(t, e, r, ru)])
		if !reflect.DeepEqual(got, []string{"продовольственной безопасности"}) {
			t.Errorf("1.3.4 Russian highlight = %q", got)
		}
	}
}

func TestPinyinFindsChinese(t *testing.T) {
	e := engine(nil)
	p := data.Load()
	// liangshi: the measures whose text says 粮食 come first, each with 粮食 marked.
	rows := e.Run(Query{Text: "liangshi"})
	var withWord []string
	for _, m := range p.Measures {
		if strings.Contains(m.Text, "粮食") {
			withWord = append(withWord, m.ID)
		}
	}
	got := ids(rows, len(withWord))
	sort.Strings(got)
	if !reflect.DeepEqual(got, withWord) || len(withWord) != 4 {
		t.Fatalf("liangshi: first %v, want %v", ids(rows, 6), withWord)
	}
	for _, r := range rows[:len(withWord)] {
		for _, s := range marked(r.Measure.Text, e.Ranges(r)[1]) {
			if s != "粮食" {
				t.Errorf("liangshi marks %q in %s", s, r.Measure.ID)
			}
		}
		if len(e.Ranges(r)[1]) == 0 {
			t.Errorf("liangshi marks nothing in the text of %s", r.Measure.ID)
		}
	}
	// Initials: ls finds 粮食 (and other words read l… s…, such as 绿色 lüse).
	rows = e.Run(Query{Text: "ls"})
	found := false
	for _, r := range rows {
		if r.Measure.ID == "1.2.2" && r.Hit.Exact {
			found = reflect.DeepEqual(marked(r.Measure.Text, e.Ranges(r)[1]), []string{"粮食"})
		}
	}
	if !found {
		t.Errorf("ls does not find 粮食 in 1.2.2 with it marked")
	}
	// Readings that differ from go-pinyin's first one: 银行 yinhang, 协调 xietiao.
	for q, word := range map[string]string{"yinhang": "银行", "xietiao": "协调", "kuaiji": "会计"} {
		rows := e.Run(Query{Text: q})
		if len(rows) == 0 || !rows[0].Hit.Exact {
			t.Errorf("%s finds nothing exactly", q)
			continue
		}
		if got := marked(rows[0].Measure.Text, e.Ranges(rows[0])[1]); len(got) == 0 || got[0] != word {
			t.Errorf("%s marks %q in %s, want %s", q, got, rows[0].Measure.ID, word)
		}
	}
}

func TestTranslatedTextsAndBodiesAreSearched(t *testing.T) {
	e := engine(nil)
	cases := []struct{ q, id string }{
		{"Astana International Financial Centre", "2.1.8"},
		{"Международным финансовым центром", "2.1.8"},
		{"Interbank Consortium", "3.1.9"},
		{"Межбанковское объединение", "3.1.9"}, // as the bodies column writes it
		{"smart customs", "1.2.8"},
		{"умной таможни", "1.2.8"},
	}
	for _, c := range cases {
		rows := e.Run(Query{Text: c.q})
		if len(rows) == 0 || !rows[0].Hit.Exact {
			t.Errorf("%q finds nothing exactly", c.q)
			continue
		}
		found := false
		for _, r := range rows {
			found = found || (r.Measure.ID == c.id && r.Hit.Exact)
		}
		if !found {
			t.Errorf("%q: %s is not an exact hit (got %v)", c.q, c.id, ids(rows, 5))
		}
	}
	// The body filter knows the translated names too.
	for _, name := range []string{"Interbank", "Межбанковское", "银行联合体"} {
		if got := len(e.Run(Query{Filter: Filter{BodyText: name}})); got != 5 {
			t.Errorf("body filter %q: %d measures, want 5", name, got)
		}
	}
}

// With translations, pinyin and stems among the fields, the index still
// gives exactly Reference's hits, for queries in every script.
func TestIndexEqualsReferenceWithKeys(t *testing.T) {
	states := map[string]*data.MeasureState{
		"1.1.1": {Notes: []*data.Note{{Text: "Согласовано в Ташкенте, 海关数据交换"}}},
	}
	docs := buildDocs(data.Load(), states)
	ix := newIndex(docs)
	derived := 0
	var pool []string
	for _, d := range docs {
		derived += len(d.Derived)
		for f := range d.Derived {
			pool = append(pool, d.Fields[f].Text)
		}
	}
	if derived < 77*4 {
		t.Fatalf("only %d derived fields", derived)
	}
	queries := []string{"liangshi", "ls", "lvse", "yinhang", "whlsaq", "food security", "продовольствен безопасн",
		"продовольственная безопасность", "ташкент", "secretariat", "секретариат шос", "l s", "zz", "shanghe"}
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 200; i++ {
		s := []rune(pool[rng.Intn(len(pool))])
		a := rng.Intn(len(s))
		b := a + 1 + rng.Intn(6)
		if b > len(s) {
			b = len(s)
		}
		queries = append(queries, string(s[a:b]))
	}
	for _, q := range queries {
		for _, form := range []string{q, altQuery(q)} {
			if form == "" {
				continue
			}
			want, got := Reference(docs, form), ix.Search(form)
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("query %q: index gives %d hits, reference %d", form, len(got), len(want))
			}
		}
	}
}

// BenchmarkBuild measures building an engine's documents and index for the
// real plan with the translations, pinyin and stems, against the bare
// Chinese documents as the baseline in the same run:
//
//	go test -run '^$' -bench Build ./data/search/
func BenchmarkBuild(b *testing.B) {
	p := data.Load()
	b.Run("bare", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			e := &Engine{plan: p} // no extra fields, no keys
			index.New(e.docs(e.fields()), nil)
		}
	})
	b.Run("three-languages", func(b *testing.B) {
		// Each engine after the one before, as the GUI rebuilds them
		// after a note changes (one note comes and goes: with the same
		// fields, an engine would share the index of the one before).
		noted := map[string]*data.MeasureState{p.Measures[0].ID: {Notes: []*data.Note{{Text: "a note"}}}}
		var prev *Engine
		for i := 0; i < b.N; i++ {
			var states map[string]*data.MeasureState
			if i%2 == 1 {
				states = noted
			}
			prev = NewEngine(p, states, today, After(prev))
			prev.Index()
		}
	})
}
