package index

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The word rules (issue 13). A query is split into terms at spaces; a
// quoted part is one term, a phrase. A document matches when every term
// matches one of its fields, in any order:
//
//   - a word of Latin or Cyrillic letters or digits matches a word of a
//     field that equals it, starts with it, is its English plural or
//     singular, or lies within its typo budget (no typo below 5 letters,
//     one from 5, two from 9; Damerau-Levenshtein); the last term, the
//     one being typed, may also be within the budget of a word's start.
//     Words joined by a hyphen are also one word (e-commerce: ecommerce),
//     and a query's hyphens are dropped.
//   - a term with Chinese characters, and a phrase, match where they occur
//     in a field's lower-cased text.
//   - a term of Latin letters matches the pinyin keys (KindPhonetic) of
//     Chinese fields as whole syllables (or their initials), starting at a
//     character; only the last term may end inside a syllable, and a term
//     longer than 5 letters must be made of syllables (mayBePinyin).
//   - a term of digits and dots matches the start of the ID (and, as
//     words, numbers in the texts).
//
// When no document matches, the documents are searched as before the word
// rules (exact substrings, then fuzzy.Find), and every hit found so is
// marked Similar.

// wordTerm is one term of a query.
type wordTerm struct {
	text   string // lower case
	runes  []rune // of text
	phrase bool   // quoted, or with Chinese characters: a substring
	id     bool   // digits and dots
	pinyin bool   // may match pinyin keys (see mayBePinyin)
	last   bool
	typos  int
	single string // the English singular, or ""
}

// typoBudget is how many typos a term of n letters may have.
func typoBudget(n int) int {
	switch {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// parseTerms splits a normalized, lower-cased query into terms.
func parseTerms(q string) []wordTerm {
	var out []wordTerm
	add := func(s string, phrase bool) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		t := wordTerm{text: s, phrase: phrase}
		if !phrase {
			if hasHan(s) || strings.ContainsFunc(s, func(r rune) bool { return !isWordRune(r) && r != '-' && r != '.' }) {
				t.phrase = true
			} else if isIDLike(s) {
				t.id = true
			} else {
				t.text = strings.ReplaceAll(strings.ReplaceAll(s, "-", ""), ".", "")
				if t.text == "" {
					return
				}
				t.runes = []rune(t.text)
				t.typos = typoBudget(len(t.runes))
				t.pinyin = isASCIILetters(t.text)
				t.single = singular(t.text)
			}
		}
		out = append(out, t)
	}
	for i, part := range strings.Split(q, `"`) {
		if i%2 == 1 {
			add(part, true)
			continue
		}
		for _, w := range strings.Fields(part) {
			add(w, false)
		}
	}
	if len(out) > 0 {
		out[len(out)-1].last = !strings.HasSuffix(q, `"`)
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isIDLike(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r != '.':
			return false
		}
	}
	return digit
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// singular returns an English word's singular (taxonomies: taxonomy,
// measures: measure), or "" when the word does not end as a plural.
func singular(w string) string {
	if !isASCIILetters(w) || len(w) < 4 {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return ""
}

// word is one word of a field: its text's index in the vocabulary and its
// runes [start, end) in the field.
type word struct {
	id         int32
	start, end int32
}

// wordData is what the word rules need of the documents: every field's
// words, numbered in one vocabulary, and the unit starts of the pinyin keys.
type wordData struct {
	vocab  []string
	runes  [][]rune    // per vocabulary word, its runes
	masks  []uint64    // per vocabulary word, runeMask of its runes
	single []string    // per vocabulary word, its singular or ""
	words  [][][]word  // per document, per field
	ids    [][][]int32 // the same words' vocabulary numbers alone: a search reads less
	lower  [][]string  // per document, per field: the text lower-cased rune by rune
	// The pinyin syllables and initials of the documents' Chinese, and the
	// documents with any.
	syllables map[string]bool
	longest   int // letters of the longest syllable
	chinese   []int32

	postOnce sync.Once
	post     *postings // for the Index's searches (postings.go)
	docsOnce sync.Once
	docs     [][]int32 // per vocabulary word, the documents holding it, in order (Reference's candidates)
}

// wordDocs returns, per vocabulary word, the documents holding it, in
// order: made on first use, as only Reference's candidates ask (the
// Index's postings list fields).
func (w *wordData) wordDocs() [][]int32 {
	w.docsOnce.Do(func() {
		w.docs = make([][]int32, len(w.vocab))
		for d, fields := range w.ids {
			for _, ids := range fields {
				for _, id := range ids {
					if l := w.docs[id]; len(l) == 0 || l[len(l)-1] != int32(d) {
						w.docs[id] = append(l, int32(d))
					}
				}
			}
		}
	})
	return w.docs
}

// newWordData splits every field of docs into words.
func newWordData(docs []Doc) *wordData {
	w := &wordData{words: make([][][]word, len(docs)), ids: make([][][]int32, len(docs)), lower: make([][]string, len(docs)), syllables: map[string]bool{}}
	ids := map[string]int32{}
	for d := range docs {
		fs := docs[d].Fields
		w.words[d] = make([][]word, len(fs))
		w.ids[d] = make([][]int32, len(fs))
		w.lower[d] = make([]string, len(fs))
		chinese := false
		for f, field := range fs {
			runes := fold(field.Text)
			w.lower[d][f] = string(runes)
			if field.Kind == KindPhonetic {
				chinese = true
				w.addSyllables(w.lower[d][f], docs[d].Units[f])
			}
			if field.Kind == KindID || field.Kind == KindPhonetic {
				continue
			}
			w.words[d][f] = splitWords(runes, func(s string) int32 {
				id, ok := ids[s]
				if !ok {
					id = int32(len(w.vocab))
					ids[s] = id
					w.vocab = append(w.vocab, s)
					w.runes = append(w.runes, []rune(s))
					w.masks = append(w.masks, runeMask(w.runes[id]))
					w.single = append(w.single, singular(s))
				}
				return id
			})
			ids := make([]int32, len(w.words[d][f]))
			for i, wd := range w.words[d][f] {
				ids[i] = wd.id
			}
			w.ids[d][f] = ids
		}
		if chinese {
			w.chinese = append(w.chinese, int32(d))
		}
	}
	return w
}

// addSyllables adds the units of a pinyin key to the syllables.
func (w *wordData) addSyllables(text string, starts []int32) {
	for i, p := range starts {
		e := len(text)
		if i+1 < len(starts) {
			e = int(starts[i+1])
		}
		syl := strings.TrimRight(text[p:e], " ")
		if !w.syllables[syl] {
			w.syllables[syl] = true
			w.longest = max(w.longest, len(syl))
		}
	}
}

// maxInitials is the longest term taken for the initials of characters.
const maxInitials = 5

// mayBePinyin reports whether a term of ASCII letters can match a pinyin
// key: as initials,
// or made of whole syllables (the last may be cut short when the term is
// the last one).
func (w *wordData) mayBePinyin(t *wordTerm) bool {
	if !t.pinyin || len(t.text) < 2 {
		return false
	}
	if len(t.text) <= maxInitials && w.mayBeInitials(t.text) {
		return true
	}
	s := t.text
	ok := make([]bool, len(s)+1) // ok[i]: s[:i] is whole syllables
	ok[0] = true
	for i := 0; i < len(s); i++ {
		if !ok[i] {
			continue
		}
		for j := i + 1; j <= min(len(s), i+w.longest); j++ {
			if w.syllables[s[i:j]] {
				ok[j] = true
			}
		}
		if t.last && w.syllablePrefix(s[i:]) {
			return true
		}
	}
	return ok[len(s)]
}

// mayBeInitials reports whether every letter of s starts a syllable (i, u
// and v never do).
func (w *wordData) mayBeInitials(s string) bool {
	for i := 0; i < len(s); i++ {
		if !w.syllables[s[i:i+1]] {
			return false
		}
	}
	return true
}

// syllablePrefix reports whether p starts some syllable.
func (w *wordData) syllablePrefix(p string) bool {
	if len(p) > w.longest {
		return false
	}
	for syl := range w.syllables {
		if strings.HasPrefix(syl, p) {
			return true
		}
	}
	return false
}

// splitWords returns the words of a folded text: runs of letters and
// digits, and runs joined by single hyphens as one word as well.
func splitWords(runes []rune, intern func(string) int32) []word {
	var out []word
	var b strings.Builder
	for i := 0; i < len(runes); {
		if !isWordRune(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && isWordRune(runes[j]) {
			j++
		}
		out = append(out, word{intern(string(runes[i:j])), int32(i), int32(j)})
		// A hyphenated compound (e-commerce, low-carbon): also one word.
		k := j
		for k+1 < len(runes) && (runes[k] == '-' || runes[k] == '‐') && isWordRune(runes[k+1]) {
			k++
			for k < len(runes) && isWordRune(runes[k]) {
				k++
			}
		}
		if k > j {
			b.Reset()
			for _, r := range runes[i:k] {
				if isWordRune(r) {
					b.WriteRune(r)
				}
			}
			out = append(out, word{intern(b.String()), int32(i), int32(k)})
		}
		i = j
	}
	return out
}

// Qualities of a term's match, times the field's weight.
const (
	qTypo2  = 1
	qTypo1  = 2
	qPrefix = 3
	qExact  = 4
)

// wordQuality is how well a term matches a vocabulary word (0: not at all).
func wordQuality(t *wordTerm, w string, wr []rune, mask uint64, single string) int {
	switch {
	case w == t.text, t.single != "" && t.single == w, single != "" && single == t.text, single != "" && single == t.single:
		return qExact
	case strings.HasPrefix(w, t.text):
		return qPrefix
	case t.typos == 0:
		return 0
	}
	if !t.last && abs(len(wr)-len(t.runes)) > t.typos || len(wr) < len(t.runes)-t.typos || missing(t.runes, mask) > t.typos {
		return 0
	}
	d := typoDistance(t.runes, wr, t.typos, t.last)
	switch {
	case d == 1:
		return qTypo1
	case d == 2 && t.typos >= 2:
		return qTypo2
	}
	return 0
}

// runeMask has bit r%64 set for every rune r of rs.
func runeMask(rs []rune) uint64 {
	var m uint64
	for _, r := range rs {
		m |= 1 << (uint(r) % 64)
	}
	return m
}

// missing counts the runes of rs whose bit mask lacks: each is a typo at
// least, so a word whose mask lacks more than the budget is not checked.
func missing(rs []rune, mask uint64) int {
	n := 0
	for _, r := range rs {
		if mask&(1<<(uint(r)%64)) == 0 {
			n++
		}
	}
	return n
}

// typoDistance is the Damerau-Levenshtein distance (optimal string
// alignment) of a and b, or of a and the closest start of b when prefix is
// set; anything above max is max+1.
func typoDistance(a, b []rune, max int, prefix bool) int {
	if !prefix && abs(len(a)-len(b)) > max {
		return max + 1
	}
	if prefix && len(b) > len(a)+max {
		b = b[:len(a)+max]
	}
	n := len(b)
	prev2 := make([]int, n+1)
	prev := make([]int, n+1)
	cur := make([]int, n+1)
	for j := range prev {
		prev[j] = j
	}
	best := max + 1
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prefix {
		for j := 0; j <= n; j++ {
			best = min(best, prev[j])
		}
		return best
	}
	return min(prev[n], max+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// wordSearch is one query under the word rules over a wordData.
type wordSearch struct {
	w       *wordData
	docs    []Doc
	terms   []wordTerm
	quality [][]int8  // per term, per vocabulary word
	matched [][]int32 // per term, the vocabulary words it matches
	// phraseFields, if not nil, returns the non-ID fields, as documents
	// and their field numbers, whose lower case may hold a text: a
	// superset of those holding it (the Index's postings, for fast).
	phraseFields func(string) (docs, nums []int32)
}

// newSearch prepares query q (lower-cased, normalized).
func (w *wordData) newSearch(docs []Doc, q string, phraseFields func(string) ([]int32, []int32)) *wordSearch {
	s := &wordSearch{w: w, docs: docs, terms: parseTerms(q), phraseFields: phraseFields}
	s.quality = make([][]int8, len(s.terms))
	s.matched = make([][]int32, len(s.terms))
	for i := range s.terms {
		t := &s.terms[i]
		s.quality[i] = make([]int8, len(w.vocab))
		t.pinyin = !t.phrase && !t.id && w.mayBePinyin(t)
		if t.phrase {
			continue // matched in the text, not by words
		}
		for v, text := range w.vocab {
			if q := wordQuality(t, text, w.runes[v], w.masks[v], w.single[v]); q > 0 {
				s.quality[i][v] = int8(q)
				s.matched[i] = append(s.matched[i], int32(v))
			}
		}
	}
	return s
}

// candidates returns the only documents that can match (every term but a
// phrase has a word, a pinyin key or an ID there), or nil for all.
func (s *wordSearch) candidates() []int32 {
	var out []int32
	restricted := false
	for i := range s.terms {
		t := &s.terms[i]
		var lists [][]int32
		if t.phrase {
			continue // any document's text may hold it
		}
		for _, v := range s.matched[i] {
			lists = append(lists, s.w.wordDocs()[v])
		}
		if t.id {
			continue // any document's ID may start with it
		}
		if t.pinyin {
			lists = append(lists, s.w.chinese)
		}
		docs := unionAll(lists)
		if restricted {
			docs = intersect(nil, out, docs)
		}
		out, restricted = docs, true
		if out == nil {
			out = []int32{}
		}
	}
	return out
}

// unionUnique returns the sorted union of two sorted lists, each element
// once.
func unionUnique(a, b []int32) []int32 {
	out := make([]int32, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var x int32
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			x, i = a[i], i+1
		case i == len(a) || b[j] < a[i]:
			x, j = b[j], j+1
		default:
			x, i, j = a[i], i+1, j+1
		}
		out = append(out, x)
	}
	return out
}

// unionAll returns the sorted union of sorted lists.
func unionAll(lists [][]int32) []int32 {
	for len(lists) > 1 {
		var next [][]int32
		for i := 0; i+1 < len(lists); i += 2 {
			next = append(next, unionUnique(lists[i], lists[i+1]))
		}
		if len(lists)%2 == 1 {
			next = append(next, lists[len(lists)-1])
		}
		lists = next
	}
	if len(lists) == 0 {
		return []int32{}
	}
	return lists[0]
}

// hit returns document d's hit, and whether every term matches it. With
// ranges, the hit lists every match of every term.
func (s *wordSearch) hit(d int, ranges bool) (Hit, bool) {
	h := Hit{Doc: d, Exact: true}
	doc := &s.docs[d]
	for ti := range s.terms {
		t := &s.terms[ti]
		score, bestQ := 0, 0
		for f, field := range doc.Fields {
			q, n, rs := s.fieldMatch(d, f, field.Kind, ti, t, ranges)
			if q == 0 {
				continue
			}
			// As exact hits scored before the word rules: the field's
			// weight, a fifth more for each further match (up to three),
			// times the match's quality.
			score += q * (weights[field.Kind] + min(n-1, 3)*weights[field.Kind]/5)
			bestQ = max(bestQ, q)
			if ranges {
				h.add(f, rs...)
			}
		}
		if score == 0 {
			return Hit{}, false
		}
		h.Exact = h.Exact && bestQ >= qPrefix // no typo needed
		h.Score += score
	}
	if ranges {
		for f, rs := range h.Ranges {
			h.Ranges[f] = joinSpaced(mergeRanges(rs), s.w.lower[d][f])
		}
	}
	return h, true
}

// joinSpaced joins sorted ranges of text that only spaces separate, so that
// matched words next to each other are marked as one phrase (in a Russian
// stem key, the space stands for what lies between the words).
func joinSpaced(rs []Range, text string) []Range {
	if len(rs) < 2 {
		return rs
	}
	// One walk over the text's runes: ri is the rune index of byte bi.
	ri, bi := 0, 0
	next := func() rune {
		r, n := rune(text[bi]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[bi:])
		}
		bi += n
		ri++
		return r
	}
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.Start < last.End || ri > last.End {
			out = append(out, r)
			continue
		}
		for ri < last.End && bi < len(text) {
			next()
		}
		spaces := true
		for ri < r.Start && bi < len(text) {
			if next() != ' ' {
				spaces = false
				break
			}
		}
		if spaces {
			last.End = max(last.End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

// fieldMatch is how well term ti matches field f of document d (its best
// match's quality), how many times (counted up to 4 without ranges), and
// where.
func (s *wordSearch) fieldMatch(d, f int, kind Kind, ti int, t *wordTerm, ranges bool) (q, n int, rs []Range) {
	lower := s.w.lower[d][f]
	switch {
	case kind == KindID:
		if t.id && strings.HasPrefix(lower, t.text) {
			return qExact, 1, []Range{{0, utf8.RuneCountInString(t.text)}}
		}
		return 0, 0, nil
	case kind == KindPhonetic:
		if !t.pinyin {
			return 0, 0, nil
		}
		return s.pinyinMatch(d, f, t, ranges)
	case t.phrase:
		if !ranges {
			n := exactCount(lower, finder{t.text, 0}, 4)
			if n == 0 {
				return 0, 0, nil
			}
			return qExact, n, nil
		}
		rs := exactRanges([]rune(lower), []rune(t.text))
		if rs == nil {
			return 0, 0, nil
		}
		return qExact, len(rs), rs
	}
	quality := s.quality[ti]
	if !ranges {
		for _, id := range s.w.ids[d][f] {
			if wq := int(quality[id]); wq > 0 {
				q = max(q, wq)
				n++
			}
		}
		return q, n, nil
	}
	for _, w := range s.w.words[d][f] {
		if wq := int(quality[w.id]); wq > 0 {
			q = max(q, wq)
			n++
			rs = append(rs, Range{int(w.start), int(w.end)})
		}
	}
	return q, n, rs
}

// pinyinMatch matches a term against a pinyin key: starting where a
// character's syllable (or initial) starts, ending where one ends, or
// inside one for the last term.
func (s *wordSearch) pinyinMatch(d, f int, t *wordTerm, ranges bool) (int, int, []Range) {
	text := s.w.lower[d][f]
	starts := s.docs[d].Units[f]
	var rs []Range
	n := 0
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], t.text)
		if i < 0 {
			break
		}
		p := from + i
		e := p + len(t.text)
		from = p + 1
		if !isUnitStart(starts, p) || !(t.last || e == len(text) || text[e] == ' ' || isUnitStart(starts, e)) {
			continue
		}
		n++
		if ranges {
			rs = append(rs, Range{p, e})
		}
	}
	if n == 0 {
		return 0, 0, nil
	}
	return qExact, n, rs
}

func isUnitStart(starts []int32, p int) bool {
	_, ok := slices.BinarySearch(starts, int32(p))
	return ok
}

// search returns every matching document's hit, best first.
func (s *wordSearch) search(ranges bool) []Hit {
	var hits []Hit
	if len(s.terms) == 0 {
		return nil
	}
	candidates := s.candidates()
	n := len(s.docs)
	if candidates != nil {
		n = len(candidates)
	}
	var mu sync.Mutex
	parallel(n, func(lo, hi int) {
		var own []Hit
		for i := lo; i < hi; i++ {
			d := i
			if candidates != nil {
				d = int(candidates[i])
			}
			if h, ok := s.hit(d, ranges); ok {
				own = append(own, h)
			}
		}
		mu.Lock()
		hits = append(hits, own...)
		mu.Unlock()
	})
	sortHits(hits)
	return hits
}

// markSimilar returns hits marked as similar (a copy: hits may be shared).
func markSimilar(hits []Hit) []Hit {
	out := make([]Hit, len(hits))
	for i, h := range hits {
		h.Similar = true
		out[i] = h
	}
	return out
}

// parallel runs work over [0, n) split in parts over the cores.
func parallel(n int, work func(lo, hi int)) {
	parts := 1
	if n >= 1000 {
		parts = min(runtime.GOMAXPROCS(0), 8)
	}
	if parts == 1 {
		work(0, n)
		return
	}
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(n*p/parts, n*(p+1)/parts)
		}()
	}
	wg.Wait()
}

// DeriveDoc is Derive making a document: its fields, the keys derived from
// them, and where each pinyin key's characters start (Doc.Units).
func DeriveDoc(fs []Field, keyers []Keyer) Doc {
	fs, origins := Derive(fs, keyers)
	d := Doc{Fields: fs, Derived: origins}
	for f, o := range origins {
		if fs[f].Kind != KindPhonetic {
			continue
		}
		key := keyers[o.Keyer](fs[o.Field])[o.N]
		var starts []int32
		for i, sp := range key.Spans {
			if sp.End > sp.Start && (i == 0 || sp != key.Spans[i-1]) {
				starts = append(starts, int32(i))
			}
		}
		if d.Units == nil {
			d.Units = map[int][]int32{}
		}
		d.Units[f] = starts
	}
	return d
}
