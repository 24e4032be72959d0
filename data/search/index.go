package search

import (
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"
)

// Index searches a fixed set of documents. Building it folds every field
// once and records which characters each document contains, so that a query
// only looks at documents that hold every character of the query. Its
// results are exactly those of Reference.
type Index struct {
	docs   []Doc
	folded [][][]rune
	// postings maps a case-folded rune to the sorted documents containing it.
	postings map[rune][]int32
}

// NewIndex builds an index over docs. The documents must not change afterwards.
func NewIndex(docs []Doc) *Index {
	ix := &Index{docs: docs, folded: make([][][]rune, len(docs)), postings: map[rune][]int32{}}
	for i := range docs {
		d := &docs[i]
		ix.folded[i] = make([][]rune, len(d.Fields))
		seen := map[rune]bool{}
		for f, field := range d.Fields {
			ix.folded[i][f] = fold(field.Text)
			for _, c := range field.Text {
				c = foldKey(c)
				if !seen[c] {
					seen[c] = true
					ix.postings[c] = append(ix.postings[c], int32(i))
				}
			}
		}
	}
	return ix
}

// Len returns the number of documents.
func (ix *Index) Len() int { return len(ix.docs) }

// Docs returns the indexed documents.
func (ix *Index) Docs() []Doc { return ix.docs }

// foldKey maps a rune to the smallest rune of its case-folding orbit, the
// same equivalence fuzzy uses, so the posting lists never exclude a match.
func foldKey(r rune) rune {
	min := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < min {
			min = f
		}
	}
	return min
}

// candidates returns the documents that contain every rune of q, in order.
func (ix *Index) candidates(q []rune) []int32 {
	var lists [][]int32
	seen := map[rune]bool{}
	for _, c := range q {
		k := foldKey(c)
		if seen[k] {
			continue
		}
		seen[k] = true
		l, ok := ix.postings[k]
		if !ok {
			return nil
		}
		lists = append(lists, l)
	}
	if len(lists) == 0 {
		return nil
	}
	// Intersect, shortest list first.
	shortest := 0
	for i, l := range lists {
		if len(l) < len(lists[shortest]) {
			shortest = i
		}
	}
	out := append([]int32(nil), lists[shortest]...)
	for i, l := range lists {
		if i == shortest {
			continue
		}
		out = intersect(out, l)
		if len(out) == 0 {
			return nil
		}
	}
	return out
}

func intersect(a, b []int32) []int32 {
	out := a[:0]
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			out = append(out, x)
		}
	}
	return out
}

// Search returns the documents matching query, best first. An empty query
// returns nil.
func (ix *Index) Search(query string) []Hit {
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil
	}
	q := []rune(qs)
	var hits []Hit
	var strs []string
	var owner [][2]int
	for _, di := range ix.candidates(q) {
		i := int(di)
		d := &ix.docs[i]
		if h, ok := exactHit(i, d, ix.folded[i], q, qs); ok {
			hits = append(hits, h)
			continue
		}
		for f, field := range d.Fields {
			if field.Kind != KindID {
				strs = append(strs, field.Text)
				owner = append(owner, [2]int{i, f})
			}
		}
	}
	hits = append(hits, collectFuzzy(fuzzy.Find(qs, strs), owner, needsRuns(q))...)
	sortHits(hits)
	return hits
}
