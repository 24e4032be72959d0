package search

import (
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

var today = data.Date{Year: 2026, Month: time.November, Day: 23}

func engine(states map[string]*data.MeasureState) *Engine {
	if states == nil {
		states = map[string]*data.MeasureState{}
	}
	return NewEngine(data.Load(), states, today)
}

func ids(rows []Row, n int) []string {
	var out []string
	for i, r := range rows {
		if i == n {
			break
		}
		out = append(out, r.Measure.ID)
	}
	return out
}

func TestChineseQueriesRankRight(t *testing.T) {
	e := engine(nil)
	cases := []struct {
		q       string
		topSet  []string // the first len(topSet) results, in any order
		section string   // if set: all exact hits with the word in their text come from... see below
	}{
		{"海关", []string{"1.1.5", "1.2.8", "1.2.2"}, ""},
		{"粮食", []string{"1.3.1", "1.3.4", "1.3.6"}, ""},
		{"绿色金融", []string{"3.2.3"}, ""},
		{"本币", []string{"3.1.2"}, ""},
		{"数字", []string{"1.5.1", "1.5.3", "1.5.4"}, ""},
	}
	for _, c := range cases {
		rows := e.Run(Query{Text: c.q})
		got := ids(rows, len(c.topSet))
		want := append([]string(nil), c.topSet...)
		sort.Strings(got)
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: top %d = %v, want %v (all: %v)", c.q, len(want), ids(rows, len(want)), c.topSet, ids(rows, 12))
		}
		for _, r := range rows {
			if !r.Hit.Exact {
				t.Errorf("%s: scattered hit %s (Chinese fuzzy hits must come in runs)", c.q, r.Measure.ID)
			}
		}
	}
	// The text hits of 海关 come before the hit through a body's name.
	rows := e.Run(Query{Text: "海关"})
	if rows[2].Measure.ID != "1.2.2" {
		t.Errorf("third 海关 hit = %s, want 1.2.2", rows[2].Measure.ID)
	}
}

func TestHighlightRangesAreRunes(t *testing.T) {
	e := engine(nil)
	rows := e.Run(Query{Text: "海关"})
	m := rows[0].Measure // 1.2.8: 开展“智慧海关”合作，加强海关智能网络建设。
	if m.ID != "1.2.8" {
		t.Fatalf("first hit %s", m.ID)
	}
	r := e.Ranges(rows[0])[1] // field 1 is the text
	text := []rune(m.Text)
	if len(r) != 2 {
		t.Fatalf("ranges %v", r)
	}
	for _, rg := range r {
		if got := string(text[rg.Start:rg.End]); got != "海关" {
			t.Errorf("range %v marks %q", rg, got)
		}
	}
}

func TestFuzzyRunsForChinese(t *testing.T) {
	docs := []Doc{
		{Fields: []Field{{Kind: KindID, Text: "9.9.1"}, {Kind: KindText, Text: "绿色产业和金融合作"}}},  // 绿色 … 金融: two runs
		{Fields: []Field{{Kind: KindID, Text: "9.9.2"}, {Kind: KindText, Text: "绿化的色彩与金子融化"}}}, // single scattered characters
		{Fields: []Field{{Kind: KindID, Text: "9.9.3"}, {Kind: KindText, Text: "Trade facilitation working group"}}},
	}
	ix := newIndex(docs)
	hits := ix.Search("绿色金融")
	if len(hits) != 1 || hits[0].Doc != 0 || hits[0].Exact {
		t.Errorf("hits = %+v", hits)
	}
	if hits := ix.Search("trde facil"); len(hits) != 1 || hits[0].Doc != 2 {
		t.Errorf("Latin fuzzy hits = %+v", hits)
	}
	if hits := ix.Search("9.9"); len(hits) != 3 || !hits[0].Exact {
		t.Errorf("ID prefix hits = %+v", hits)
	}
}

func TestIndexEqualsReference(t *testing.T) {
	p := data.Load()
	states := map[string]*data.MeasureState{
		"1.1.1": {Notes: []*data.Note{{Text: "Customs data exchange agreed in Tashkent"}}},
		"2.1.3": {Notes: []*data.Note{{Text: "海关数据交换"}, {Text: "Бизнес-совет"}}},
	}
	docs := buildDocs(p, states)
	ix := newIndex(docs)
	queries := []string{"海关", "粮食", "绿色金融", "数字", "本币", "customs", "cstms", "tashkent", "бизнес", "1.2", "3.2.7",
		"合作", "上合组织", "工作组", "a", "e", "  海关  ", "绿 色", "中央（国家）银行", "zz", "。", "2030"}
	rng := rand.New(rand.NewSource(1))
	var pool []rune
	for _, d := range docs {
		for _, f := range d.Fields {
			pool = append(pool, []rune(f.Text)...)
		}
	}
	for i := 0; i < 300; i++ {
		n := 1 + rng.Intn(4)
		q := make([]rune, n)
		for j := range q {
			q[j] = pool[rng.Intn(len(pool))]
		}
		queries = append(queries, string(q))
	}
	for _, q := range queries {
		want := Reference(docs, q)
		got := ix.Search(q)
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("query %q: index gives %d hits, reference %d\n got %+v\nwant %+v", q, len(got), len(want), got, want)
		}
	}
}

func TestEmptyQueryIsPlanOrder(t *testing.T) {
	rows := engine(nil).Run(Query{})
	if len(rows) != 77 || rows[0].Measure.ID != "1.1.1" || rows[76].Measure.ID != "3.2.7" {
		t.Errorf("empty query: %d rows", len(rows))
	}
}

func TestFiltersAndCounts(t *testing.T) {
	states := map[string]*data.MeasureState{
		"1.1.1": {DelegationStatus: data.DelegationStatus{Status: data.StatusDone}},
		"1.1.2": {DelegationStatus: data.DelegationStatus{Status: data.StatusDone}}, // overdue deadline, but done: not overdue
		"1.3.1": {DelegationStatus: data.DelegationStatus{Status: data.StatusBlocked}, Notes: []*data.Note{{Text: "x7x7"}}},
		"1.5.4": {DelegationStatus: data.DelegationStatus{Status: data.StatusInProgress, Conflict: true}},
	}
	e := engine(states)
	cases := []struct {
		name string
		q    Query
		want int
	}{
		{"done", Query{Filter: Filter{Statuses: []data.Status{data.StatusDone}}}, 2},
		{"done or blocked", Query{Filter: Filter{Statuses: []data.Status{data.StatusDone, data.StatusBlocked}}}, 3},
		{"not started", Query{Filter: Filter{Statuses: []data.Status{data.StatusNotStarted}}}, 73},
		{"overdue", Query{Filter: Filter{Overdue: true}}, 6},
		{"due soon", Query{Filter: Filter{DueSoon: true}}, 1},
		{"annual", Query{Filter: Filter{Kinds: []data.DeadlineKind{data.KindAnnual}}}, 9},
		{"has notes", Query{Filter: Filter{HasNotes: true}}, 1},
		{"conflict", Query{Filter: Filter{Conflict: true}}, 1},
		{"agriculture group", Query{Filter: Filter{Bodies: []string{"上合组织常设农业专家工作组"}}}, 6},
		{"body text alias", Query{Filter: Filter{BodyText: "海关合作工作组"}}, 3},
		{"section", Query{Filter: Filter{Section: "1.3"}}, 8},
		{"chapter", Query{Filter: Filter{Section: "3"}}, 16},
		{"search and body", Query{Text: "粮食", Filter: Filter{Bodies: []string{"上合组织常设农业专家工作组"}}}, 6},
		{"search and status", Query{Text: "粮食", Filter: Filter{Statuses: []data.Status{data.StatusBlocked}}}, 1},
	}
	for _, c := range cases {
		if got := len(e.Run(c.q)); got != c.want {
			t.Errorf("%s: %d measures, want %d", c.name, got, c.want)
		}
	}
	// A facet's count is what choosing that value alone would give.
	q := Query{Filter: Filter{Statuses: []data.Status{data.StatusDone}, Overdue: true}}
	c := e.Counts(q)
	if c.Status[data.StatusNotStarted] != 6 || c.Status[data.StatusDone] != 0 {
		t.Errorf("status counts under overdue: %v", c.Status)
	}
	if c.Overdue != 0 { // the done measures are not overdue
		t.Errorf("overdue count under done = %d", c.Overdue)
	}
	all := e.Counts(Query{})
	total := 0
	for _, n := range all.Kind {
		total += n
	}
	if total != 77 || all.Overdue != 6 || all.Body["上合组织成员国有关部门"] != 68 {
		t.Errorf("counts: kinds %v overdue %d", all.Kind, all.Overdue)
	}
	for _, s := range data.Statuses {
		f := Query{Filter: Filter{Statuses: []data.Status{s}}}
		if got := len(e.Run(f)); got != all.Status[s] {
			t.Errorf("count for %s = %d but filter gives %d", s, all.Status[s], got)
		}
	}
	if !strings.Contains(strings.Join(ids(e.Run(Query{Text: "x7x7"}), 5), " "), "1.3.1") {
		t.Errorf("a note's text is not searched")
	}
}
