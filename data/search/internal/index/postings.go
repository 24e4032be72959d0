package index

import (
	"strings"
	"sync"
)

// The Index's way to the word rules' hits (words.go): instead of reading
// every word of every field of every candidate document (wordSearch.hit,
// the specification), a term's score is summed from postings, which list
// for each vocabulary word the fields holding it and how often, and for
// each pinyin key the fields where a character's syllable starts with two
// or three given letters. Only the fields that hold a matching word are
// touched: a keystroke's cost follows what it matches, not the plan's
// size. The results are wordSearch.search's (the equality tests compare
// Index.Search with Reference).

// postings are a wordData's postings, built on the Index's first query.
type postings struct {
	fieldDoc  []int32   // per field (numbered across documents), its document
	fieldNum  []int32   // per field, its number in its document
	weight    []int32   // per field, its kind's weight
	docField  []int32   // per document, its first field's number; one more at the end
	ids       []int32   // the fields of kind ID
	wordField [][]int32 // per vocabulary word, the fields holding it, in order
	wordCount [][]int32 // the same fields: how many times
	// Per two and three letters a pinyin key's syllable (or initial)
	// starts with, the phonetic fields holding such a start, in order.
	pinyin map[string][]int32
}

// pinyinPrefix is how many letters of a term the pinyin postings take.
const pinyinPrefix = 3

// postings returns the word data's postings, built once.
func (w *wordData) postings(docs []Doc) *postings {
	w.postOnce.Do(func() { w.post = newPostings(w, docs) })
	return w.post
}

func newPostings(w *wordData, docs []Doc) *postings {
	p := &postings{docField: make([]int32, len(docs)+1), wordField: make([][]int32, len(w.vocab)),
		wordCount: make([][]int32, len(w.vocab)), pinyin: map[string][]int32{}}
	g := int32(0)
	for d := range docs {
		p.docField[d] = g
		for f, field := range docs[d].Fields {
			p.fieldDoc = append(p.fieldDoc, int32(d))
			p.fieldNum = append(p.fieldNum, int32(f))
			p.weight = append(p.weight, int32(weights[field.Kind]))
			switch field.Kind {
			case KindID:
				p.ids = append(p.ids, g)
			case KindPhonetic:
				text := w.lower[d][f]
				for _, s := range docs[d].Units[f] {
					for k := 2; k <= pinyinPrefix && int(s)+k <= len(text); k++ {
						key := text[s : int(s)+k]
						if l := p.pinyin[key]; len(l) == 0 || l[len(l)-1] != g {
							p.pinyin[key] = append(l, g)
						}
					}
				}
			}
			for _, id := range w.ids[d][f] {
				l := p.wordField[id]
				if n := len(l); n > 0 && l[n-1] == g {
					p.wordCount[id][n-1]++
					continue
				}
				p.wordField[id] = append(l, g)
				p.wordCount[id] = append(p.wordCount[id], 1)
			}
			g++
		}
	}
	p.docField[len(docs)] = g
	return p
}

// scoring is the scratch of one fast search: per field, the current
// term's best quality and match count; per document, how many terms it
// matched so far, its score and whether it needed a typo.
type scoring struct {
	q       []int8
	n       []int32
	fields  []int32 // touched by the current term
	terms   []int32
	score   []int
	termSc  []int
	termQ   []int8
	inexact []bool
	docs    []int32 // touched by the current term
}

var scoringPool sync.Pool

func getScoring(fields, docs int) *scoring {
	sc, _ := scoringPool.Get().(*scoring)
	if sc == nil || len(sc.q) != fields || len(sc.terms) != docs {
		sc = &scoring{q: make([]int8, fields), n: make([]int32, fields), terms: make([]int32, docs),
			score: make([]int, docs), termSc: make([]int, docs), termQ: make([]int8, docs), inexact: make([]bool, docs)}
	}
	return sc
}

// release clears what the search set and returns the scratch.
func (sc *scoring) release(touched []int32) {
	for _, d := range touched {
		sc.terms[d], sc.score[d], sc.inexact[d] = 0, 0, false
	}
	sc.fields, sc.docs = sc.fields[:0], sc.docs[:0]
	scoringPool.Put(sc)
}

// fast returns what search returns, summing scores from the postings. With
// ranges, the hits' ranges come from hit, for the matching documents only.
// It needs s.phraseFields (the Index sets it).
func (s *wordSearch) fast(ranges bool) []Hit {
	if len(s.terms) == 0 {
		return nil
	}
	p := s.w.postings(s.docs)
	sc := getScoring(len(p.fieldDoc), len(s.docs))
	var alive []int32 // the documents matching every term so far
	var first []int32 // the documents matching the first term
	for ti := range s.terms {
		t := &s.terms[ti]
		live := func(d int32) bool { return sc.terms[d] == int32(ti) }
		touch := func(g int32, q, n int) {
			if q == 0 || !live(p.fieldDoc[g]) {
				return
			}
			if sc.q[g] == 0 {
				sc.fields = append(sc.fields, g)
			}
			sc.q[g] = max(sc.q[g], int8(q))
			sc.n[g] += int32(n)
		}
		switch {
		case t.phrase:
			pat := finder{t.text, 0}
			docs, nums := s.phraseFields(t.text)
			for i, d := range docs {
				f := nums[i]
				if s.docs[d].Fields[f].Kind == KindPhonetic || !live(d) {
					continue
				}
				if n := exactCount(s.w.lower[d][f], pat, maxCounted); n > 0 {
					touch(p.docField[d]+f, qExact, n)
				}
			}
		default:
			if t.id {
				for _, g := range p.ids {
					if strings.HasPrefix(s.w.lower[p.fieldDoc[g]][p.fieldNum[g]], t.text) {
						touch(g, qExact, 1)
					}
				}
			}
			for _, v := range s.matched[ti] {
				q := int(s.quality[ti][v])
				for i, g := range p.wordField[v] {
					touch(g, q, int(p.wordCount[v][i]))
				}
			}
			if t.pinyin {
				for _, g := range p.pinyin[t.text[:min(len(t.text), pinyinPrefix)]] {
					d := p.fieldDoc[g]
					if live(d) {
						q, n, _ := s.pinyinMatch(int(d), int(p.fieldNum[g]), t, false)
						touch(g, q, n)
					}
				}
			}
		}
		// The term's score per document, as hit sums it.
		for _, g := range sc.fields {
			d := p.fieldDoc[g]
			w := int(p.weight[g])
			q, n := int(sc.q[g]), int(sc.n[g])
			if sc.termSc[d] == 0 {
				sc.docs = append(sc.docs, d)
			}
			sc.termSc[d] += q * (w + min(n-1, 3)*w/5)
			sc.termQ[d] = max(sc.termQ[d], int8(q))
			sc.q[g], sc.n[g] = 0, 0
		}
		sc.fields = sc.fields[:0]
		next := make([]int32, 0, len(sc.docs))
		for _, d := range sc.docs {
			sc.terms[d]++
			sc.score[d] += sc.termSc[d]
			sc.inexact[d] = sc.inexact[d] || sc.termQ[d] < qPrefix
			sc.termSc[d], sc.termQ[d] = 0, 0
			next = append(next, d)
		}
		sc.docs = sc.docs[:0]
		if ti == 0 {
			first = next // later terms count only documents of these
		}
		// Documents that matched an earlier term but not this one are out.
		alive = next
		if len(alive) == 0 {
			break
		}
	}
	var hits []Hit
	for _, d := range alive {
		if int(sc.terms[d]) == len(s.terms) {
			hits = append(hits, Hit{Doc: int(d), Exact: !sc.inexact[d], Score: sc.score[d]})
		}
	}
	sc.release(first)
	if ranges {
		parallel(len(hits), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				// Only the ranges: the score and exactness stay the
				// postings', which the equality tests then compare.
				h, _ := s.hit(hits[i].Doc, true)
				hits[i].Ranges = h.Ranges
			}
		})
	}
	sortHits(hits)
	return hits
}
