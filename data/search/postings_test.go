package search

import (
	"context"
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"scoplan/data/search/internal/index"
)

// wordQueries makes queries of one to three terms of the kinds the word
// rules treat apart: whole words, word starts, words with a typo, pinyin
// syllables and initials (pieces of the documents' pinyin keys), Chinese
// substrings, quoted phrases and ID prefixes.
func wordQueries(docs []Doc, rng *rand.Rand, n int) []string {
	var words, pinyin, chinese, ids []string
	for _, d := range docs {
		for _, f := range d.Fields {
			switch f.Kind {
			case index.KindID:
				ids = append(ids, f.Text)
			case index.KindPhonetic:
				pinyin = append(pinyin, strings.ToLower(f.Text))
			default:
				for _, w := range strings.FieldsFunc(strings.ToLower(f.Text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
					if strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
						chinese = append(chinese, w)
					} else {
						words = append(words, w)
					}
				}
			}
		}
	}
	piece := func(s string, most int) string {
		r := []rune(s)
		i := rng.Intn(len(r))
		return string(r[i:min(len(r), i+1+rng.Intn(most))])
	}
	term := func() string {
		switch rng.Intn(8) {
		case 0: // a word's start
			w := []rune(words[rng.Intn(len(words))])
			return string(w[:1+rng.Intn(len(w))])
		case 1: // a typo: a letter changed, dropped or two swapped
			w := []rune(words[rng.Intn(len(words))])
			if len(w) < 5 {
				return string(w)
			}
			i := rng.Intn(len(w) - 1)
			switch rng.Intn(3) {
			case 0:
				w[i] = 'a' + rune(rng.Intn(26))
			case 1:
				w = append(w[:i], w[i+1:]...)
			default:
				w[i], w[i+1] = w[i+1], w[i]
			}
			return string(w)
		case 2, 3: // pinyin
			if len(pinyin) == 0 {
				break
			}
			p := strings.ReplaceAll(piece(pinyin[rng.Intn(len(pinyin))], 9), " ", "")
			if p != "" {
				return p
			}
		case 4: // Chinese
			if len(chinese) > 0 {
				return piece(chinese[rng.Intn(len(chinese))], 4)
			}
		case 5: // a phrase
			a, b := words[rng.Intn(len(words))], words[rng.Intn(len(words))]
			return `"` + a + " " + b + `"`
		case 6: // an ID's start
			id := ids[rng.Intn(len(ids))]
			return id[:1+rng.Intn(len(id))]
		}
		return words[rng.Intn(len(words))]
	}
	out := make([]string, n)
	for i := range out {
		terms := make([]string, 1+rng.Intn(3))
		for j := range terms {
			terms[j] = term()
		}
		out[i] = strings.Join(terms, " ")
	}
	return out
}

// TestIndexEqualsReferenceOnWordQueries holds the Index's postings (a
// term's score summed from the fields holding its words, pinyin starts and
// phrases) to Reference's word rules, which read every word of every
// field: the same hits, scores, order and ranges, through Index.Search and
// through a ranking session (the engine's path, scores without ranges).
func TestIndexEqualsReferenceOnWordQueries(t *testing.T) {
	f := loadFixtures(t)[0]
	docs := f.docs
	rng := rand.New(rand.NewSource(15))
	n := 400
	if long() {
		n = 3000
	}
	queries := wordQueries(docs, rng, n)
	ref := newRefCache(docs)
	ref.prepare(queries)
	ix := newIndex(docs)
	rank := ix.NewRankSession()
	matched := 0
	for _, q := range queries {
		want := ref.get(q)
		if len(want) > 0 && !want[0].Similar {
			matched++
		}
		sameHits(t, "index", q, ix.Search(q), want)
		got, err := rank.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		bare := make([]Hit, len(want))
		for i, h := range want {
			h.Ranges = nil
			bare[i] = h
		}
		sameHits(t, "rank session", q, got, bare)
	}
	// The queries must mostly find something by the word rules, or the
	// test compares little.
	if matched < n/2 {
		t.Errorf("only %d of %d queries match by the word rules", matched, n)
	}
	t.Logf("%d of %d queries match by the word rules", matched, n)
}
