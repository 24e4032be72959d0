// Package index finds documents by text: exact substring hits first, then
// the scattered hits of github.com/sahilm/fuzzy, with the matched characters
// as rune ranges for highlighting. Reference defines the results; Index
// gives the same, fast enough for every keystroke. It knows nothing of the
// plan (data/search builds the documents) and never touches the disk.
package index

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Kind says what a field of a document holds; it decides the field's weight.
type Kind int

// The kinds of field a document has.
const (
	KindID       Kind = iota // the measure ID: matched as a prefix only
	KindText                 // the measure's text (in any language)
	KindTitle                // the title of the measure's section
	KindBody                 // a responsible body's name or alias
	KindNote                 // a note's text
	KindPhonetic             // a phonetic key of a Chinese field (issue 5: pinyin); hits are mapped back
)

// weights of an exact hit in each kind of field.
var weights = [...]int{KindID: 300, KindText: 100, KindTitle: 50, KindBody: 30, KindNote: 40, KindPhonetic: 60}

// Field is one searchable string of a document.
type Field struct {
	Kind Kind
	Text string
}

// Doc is what is searched for one measure.
type Doc struct {
	Fields []Field
	// Derived gives the origin of each field that is a key derived from
	// another field (see Derive), by the field's index.
	Derived map[int]Origin
	// Units gives, for each pinyin key (KindPhonetic) by the field's index,
	// the runes where a character's syllable or initial starts (DeriveDoc).
	Units map[int][]int32
}

// Range is a run of matched runes [Start, End) in a field's text.
type Range struct{ Start, End int }

// Hit is one document that matches a query.
type Hit struct {
	Doc   int // index into the documents
	Exact bool
	// Similar marks a loose match, found only because no document matches
	// the query's words (see the word rules in words.go).
	Similar bool
	Score   int
	// Ranges maps a field's index in Doc.Fields to its matched rune ranges.
	Ranges map[int][]Range
}

// Normalize prepares a query: surrounding space removed, inner runs of white
// space made one space.
func Normalize(q string) string { return strings.Join(strings.Fields(q), " ") }

// fold lower-cases rune by rune, so that rune positions are unchanged.
func fold(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = unicode.ToLower(c)
	}
	return r
}

// needsRuns reports whether fuzzy hits must come in runs of at least two
// adjacent characters: for queries with ideographs, where single scattered
// characters are mostly noise.
func needsRuns(q []rune) bool {
	if len(q) < 2 {
		return false
	}
	for _, c := range q {
		if unicode.Is(unicode.Han, c) {
			return true
		}
	}
	return false
}

// exactRanges returns the rune ranges where q occurs in text (both folded).
func exactRanges(text, q []rune) []Range {
	var out []Range
	n := len(q)
	for i := 0; i+n <= len(text); i++ {
		if text[i] == q[0] && equalRunes(text[i:i+n], q) {
			out = append(out, Range{i, i + n})
			i += n - 1
		}
	}
	return out
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// scoreExact is the score of a document's exact hits.
func scoreExact(kind Kind, hits int) int {
	extra := hits - 1
	if extra > 3 {
		extra = 3
	}
	return weights[kind] + extra*weights[kind]/5
}

// byteToRune converts fuzzy's byte offsets into rune indexes of s, grouped
// into runs.
func byteToRune(s string, offsets []int) []Range {
	var out []Range
	ri, bi := 0, 0
	for _, off := range offsets {
		for bi < off && bi < len(s) {
			_, size := utf8.DecodeRuneInString(s[bi:])
			bi += size
			ri++
		}
		if n := len(out); n > 0 && out[n-1].End == ri {
			out[n-1].End++
		} else {
			out = append(out, Range{ri, ri + 1})
		}
	}
	return out
}

// acceptFuzzy applies the run rule to a fuzzy match.
func acceptFuzzy(rs []Range, runs bool) bool {
	if !runs {
		return true
	}
	for _, r := range rs {
		if r.End-r.Start < 2 {
			return false
		}
	}
	return true
}

// sortHits orders exact hits before fuzzy ones, then by score, then by
// document order.
func sortHits(hits []Hit) {
	slices.SortFunc(hits, compareHits) // a total order, as no two hits have one document
}

// exactHit scores one document's exact hits; ok is false when there are none.
func exactHit(i int, d *Doc, folded [][]rune, q []rune, qs string) (Hit, bool) {
	h := Hit{Doc: i, Exact: true}
	for f, field := range d.Fields {
		if field.Kind == KindID {
			if strings.HasPrefix(field.Text, qs) {
				h.Score += weights[KindID]
				h.add(f, Range{0, utf8.RuneCountInString(qs)})
			}
			continue
		}
		rs := exactRanges(folded[f], q)
		if len(rs) == 0 {
			continue
		}
		h.Score += scoreExact(field.Kind, len(rs))
		h.add(f, rs...)
	}
	return h, h.Ranges != nil
}

func (h *Hit) add(field int, rs ...Range) {
	if h.Ranges == nil {
		h.Ranges = map[int][]Range{}
	}
	h.Ranges[field] = append(h.Ranges[field], rs...)
}

// Reference is the plain, unoptimised search: every document is checked
// against the query's words (the word rules, described in
// internal/index/words.go and docs/SEARCH.md); when none matches, every
// field is folded and scanned for the query as a substring and fuzzy.Find
// runs over every non-ID field of the documents with no exact hit, and
// those hits are marked Similar. It defines the results; the Index must
// return exactly the same.
func Reference(docs []Doc, query string) []Hit { return NewReference(docs).Search(query) }

// ReferenceSearch is Reference over one set of documents whose fields are
// folded once, for the tests that ask it many queries: folding is the same
// for every query, and a third of Reference's time on a large plan.
type ReferenceSearch struct {
	docs   []Doc
	folded [][][]rune // per document, per field
}

// NewReference folds the documents' fields for Search.
func NewReference(docs []Doc) *ReferenceSearch {
	r := &ReferenceSearch{docs: docs, folded: make([][][]rune, len(docs))}
	for i := range docs {
		r.folded[i] = make([][]rune, len(docs[i].Fields))
		for f, field := range docs[i].Fields {
			r.folded[i][f] = fold(field.Text)
		}
	}
	return r
}

// Search is Reference(docs, query): the documents matching the query's
// words (words.go), or when there are none the loose matches, marked
// Similar.
func (r *ReferenceSearch) Search(query string) []Hit {
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil
	}
	if hits := newWordData(r.docs).newSearch(r.docs, qs, nil).search(true); len(hits) > 0 {
		return hits
	}
	return markSimilar(r.loose(query))
}

// loose is the search before the word rules: exact substrings first, then
// fuzzy.Find over the fields of the documents without one.
func (r *ReferenceSearch) loose(query string) []Hit {
	docs := r.docs
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil
	}
	q := []rune(qs)
	var hits []Hit
	var strs []string
	var owner [][2]int // (doc, field) of each string given to fuzzy
	for i := range docs {
		d := &docs[i]
		folded := r.folded[i]
		if h, ok := exactHit(i, d, folded, q, qs); ok {
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

// collectFuzzy turns fuzzy matches into one hit per document, scored by its
// best field.
func collectFuzzy(ms fuzzy.Matches, owner [][2]int, runs bool) []Hit {
	byDoc := map[int]*Hit{}
	var order []int
	for _, m := range ms {
		o := owner[m.Index]
		rs := byteToRune(m.Str, m.MatchedIndexes)
		if !acceptFuzzy(rs, runs) {
			continue
		}
		h, ok := byDoc[o[0]]
		if !ok {
			h = &Hit{Doc: o[0], Score: m.Score}
			byDoc[o[0]] = h
			order = append(order, o[0])
		} else if m.Score > h.Score {
			h.Score = m.Score
		}
		h.add(o[1], rs...)
	}
	out := make([]Hit, 0, len(order))
	for _, d := range order {
		out = append(out, *byDoc[d])
	}
	return out
}
