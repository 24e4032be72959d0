package index

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// wordDocs are small documents for the word rules; the pinyin key of
// document 3 is written as the pinyin keyer writes it, with its units.
func wordDocs() []Doc {
	text := func(id, s string) Doc {
		return Doc{Fields: []Field{{Kind: KindID, Text: id}, {Kind: KindText, Text: s}}}
	}
	return []Doc{
		text("1.1.1", "Cooperate on smart customs and customs networks."),
		text("1.1.2", "Develop ecotourism and cross-border e-commerce."),
		text("1.2.3", "Draw up roadmaps for transport corridors."),
		{Fields: []Field{{Kind: KindID, Text: "2.1.8"}, {Kind: KindText, Text: "海关合作"},
			{Kind: KindPhonetic, Text: "haiguanhezuo"}, {Kind: KindPhonetic, Text: "hghz"}},
			Derived: map[int]Origin{2: {Field: 1}, 3: {Field: 1, N: 1}},
			Units:   map[int][]int32{2: {0, 3, 7, 9}, 3: {0, 1, 2, 3}}},
		text("3.1.1", "Transformation of industries; taxonomy of green projects."),
	}
}

func ids(docs []Doc, hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, docs[h.Doc].Fields[0].Text)
	}
	return out
}

func TestWordRules(t *testing.T) {
	docs := wordDocs()
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"customs", []string{"1.1.1"}},
		{"cust", []string{"1.1.1"}},                  // a word's start
		{"cusoms", []string{"1.1.1"}},                // one typo from 5 letters
		{"cstms", nil},                               // two typos below 9 letters: similar only
		{"ecoturism", []string{"1.1.2"}},             // one typo
		{"ecotuorism", []string{"1.1.2"}},            // a transposition is one typo
		{"ecommerce", []string{"1.1.2"}},             // the hyphenated word as one
		{"e-commerce", []string{"1.1.2"}},            // the query's hyphen dropped
		{"roadmap", []string{"1.2.3"}},               // the plural
		{"taxonomies", []string{"3.1.1"}},            // the singular
		{"corridors roadmaps", []string{"1.2.3"}},    // every word, any order
		{"customs roadmaps", nil},                    // no document has both
		{`"transport corridors"`, []string{"1.2.3"}}, // a phrase
		{`"corridors transport"`, nil},               // not as a phrase
		{"关合", []string{"2.1.8"}},                    // Chinese: substrings
		{"haiguan", []string{"2.1.8"}},               // whole syllables
		{"guanhe", []string{"2.1.8"}},                // from a character's start
		{"hgh", []string{"2.1.8"}},                   // initials
		{"aigua", nil},                               // not from a syllable's start
		{"1.2.3", []string{"1.2.3"}},                 // an ID
		{"smrt", nil},                                // no typo below 5 letters
	} {
		var got []string
		for _, h := range Reference(docs, c.query) {
			if !h.Similar {
				got = append(got, docs[h.Doc].Fields[0].Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: matches %v, want %v", c.query, got, c.want)
		}
	}
}

func TestSimilarOnlyWhenNothingMatches(t *testing.T) {
	docs := wordDocs()
	hits := Reference(docs, "trnsfrm")
	if len(hits) == 0 {
		t.Fatal("trnsfrm: no similar hit")
	}
	for _, h := range hits {
		if !h.Similar {
			t.Errorf("trnsfrm: %s not marked similar", docs[h.Doc].Fields[0].Text)
		}
	}
	// The last word may be a word's start within its typo budget: transform.
	for _, h := range Reference(docs, "transfom") {
		if h.Similar {
			t.Errorf("transfom: %s marked similar", docs[h.Doc].Fields[0].Text)
		}
	}
}

func TestWordHighlights(t *testing.T) {
	docs := wordDocs()
	for _, c := range []struct {
		query string
		doc   int
		want  map[int][]Range
	}{
		{"customs", 0, map[int][]Range{1: {{19, 26}, {31, 38}}}},
		{"smart customs", 0, map[int][]Range{1: {{13, 26}, {31, 38}}}}, // words next to each other: one phrase
		{"commerce", 1, map[int][]Range{1: {{36, 46}}}},                // commerce, and e-commerce within one typo
		{"guan", 3, map[int][]Range{2: {{3, 7}}}},
	} {
		var got map[int][]Range
		for _, h := range Reference(docs, c.query) {
			if h.Doc == c.doc {
				got = h.Ranges
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: ranges %v, want %v", c.query, got, c.want)
		}
	}
	if got := ids(docs, Reference(docs, "1.2.3")); len(got) == 0 || got[0] != "1.2.3" {
		t.Errorf("1.2.3 first: %v", got)
	}
}

func TestIndexEqualsReferenceOnWords(t *testing.T) {
	docs := wordDocs()
	ix := New(docs, nil)
	for _, q := range []string{"customs", "cusoms", "e-commerce", "haiguan", "hgh", "关合", `"transport corridors"`, "trnsfrm", "1.2", "c", "tr"} {
		if got, want := ix.Search(q), Reference(docs, q); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: index %v, reference %v", q, got, want)
		}
	}
}

func TestIDPrefixWhileTyping(t *testing.T) {
	docs := wordDocs()
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"1", []string{"1.1.1", "1.1.2", "1.2.3"}},
		{"1.", []string{"1.1.1", "1.1.2", "1.2.3"}},
		{"1.2", []string{"1.2.3"}},
		{"3.1.1", []string{"3.1.1"}},
	} {
		var got []string
		for _, h := range Reference(docs, c.query) {
			if !h.Similar {
				got = append(got, docs[h.Doc].Fields[0].Text)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: matches %v, want %v", c.query, got, c.want)
		}
	}
}

// joinSpacedRunes is joinSpaced as it was written first, over the text's
// runes: the specification the one walk over the text is held to.
func joinSpacedRunes(rs []Range, text string) []Range {
	if len(rs) < 2 {
		return rs
	}
	runes := []rune(text)
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		gap := runes[min(last.End, len(runes)):min(r.Start, len(runes))]
		if r.Start >= last.End && strings.TrimLeft(string(gap), " ") == "" {
			last.End = max(last.End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

func TestJoinSpacedEqualsRunes(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	alphabet := []rune("ab  海关 сд-\u200b")
	for i := 0; i < 20000; i++ {
		text := make([]rune, rng.Intn(20))
		for j := range text {
			text[j] = alphabet[rng.Intn(len(alphabet))]
		}
		var rs []Range
		for j := rng.Intn(5); j > 0; j-- {
			s := rng.Intn(len(text) + 3)
			rs = append(rs, Range{s, s + 1 + rng.Intn(4)})
		}
		rs = mergeRanges(rs)
		want := joinSpacedRunes(slices.Clone(rs), string(text))
		if got := joinSpaced(slices.Clone(rs), string(text)); !slices.Equal(got, want) {
			t.Fatalf("joinSpaced(%v, %q) = %v, want %v", rs, string(text), got, want)
		}
	}
}
