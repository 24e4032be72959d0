package index

import (
	"bytes"
	"context"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Index searches a fixed set of documents and returns exactly what Reference
// returns, much faster:
//
//   - Building it folds every field once (lower case for exact hits, fold
//     keys for fuzzy ones), lays the texts side by side in one string, and
//     records, per character and per pair of adjacent characters, the
//     fields holding it. A fresh query looks only at the fields that hold
//     all its characters; an exact hit only in those that hold all its
//     pairs; a query of one character counts its exact hits from the
//     postings alone.
//   - A Session remembers, for the last queries, which fields hold the query
//     as a substring and which as a scattered subsequence. A query that
//     extends the previous one (the user typed one more character) can only
//     match a subset of them, so it looks at those fields only, and resumes
//     each subsequence where the previous query's match ended.
//   - A document with an exact hit is ordered by it, so its fields are not
//     checked as subsequences. fuzzy's scoring runs only on the other
//     documents' fields that hold the query as a subsequence (the only ones
//     fuzzy lists), shortest first and not at all where the text's length
//     rules out beating the document's best (scoreBound), through a copy
//     of fuzzy's loop that jumps between the occurrences that matter
//     (match.go).
//   - Large queries are split by documents over the CPU cores.
//
// docs/PERFORMANCE.md measures each of these.
type Index struct {
	docs []Doc
	// Per field, numbered across all documents in document order.
	fDoc   []int32  // the field's document
	fNum   []int32  // the field's index in Doc.Fields
	fText  []string // the text
	fLower []string // the text lower-cased rune by rune, as Reference folds it
	fKeys  []string // the text mapped through foldKey, for fuzzy's subsequences
	// The three texts of every non-ID field lie side by side, in field
	// order, in one string (equal ones once): a search reads them in order
	// from memory, not from wherever each note was allocated.
	fFlags []uint8
	// docField[d] is the number of document d's first field.
	docField []int32
	idFields []int32 // every KindID field
	// For a derived field (see Keyer): the field it comes from and the
	// spans of its key, so that moving a hit's ranges needs no keyer.
	fOrigin []int32   // -1: not derived; -2: derived from nothing valid
	fSpans  [][]Range // shared with the keyer's memo; not to be changed
	freq    *byteFreq // of the fold keys' bytes: substring searches anchor on a pattern's rarest byte
	pairs   pairPostings
	// Postings of each rune (see runePost), found through runeSlot for the
	// runes below bmp and runeSlots for the others.
	runeSlot  []int32        // 1 + the rune's index in runePosts, or 0
	runeSlots map[rune]int32 // the same for the others
	runePosts []runePost
	fKind     []Kind // per field, its kind

	wordsOnce sync.Once
	words     *wordData // the fields' words, split on the first query

	searchMu sync.Mutex
	searches map[string]*wordSearch // the last queries' word searches
}

// phraseFields returns the non-ID fields, as documents and their field
// numbers, whose lower case holds every character of text (a superset of
// those holding text).
func (ix *Index) phraseFields(text string) (docs, nums []int32) {
	exact, _ := ix.candidates([]rune(text))
	docs, nums = make([]int32, len(exact)), make([]int32, len(exact))
	for i, f := range exact {
		docs[i], nums[i] = ix.fDoc[f], ix.fNum[f]
	}
	return docs, nums
}

// wordSearch returns the word search of a lower-cased, normalized query,
// prepared once for the last few queries (Run and Ranges ask the same).
func (ix *Index) wordSearch(qs string) *wordSearch {
	ix.searchMu.Lock()
	s, ok := ix.searches[qs]
	ix.searchMu.Unlock()
	if ok {
		return s
	}
	s = ix.wordData().newSearch(ix.docs, qs, ix.phraseFields)
	ix.searchMu.Lock()
	if len(ix.searches) >= 8 || ix.searches == nil {
		ix.searches = map[string]*wordSearch{}
	}
	ix.searches[qs] = s
	ix.searchMu.Unlock()
	return s
}

// wordData returns the documents' words, split once.
func (ix *Index) wordData() *wordData {
	ix.wordsOnce.Do(func() { ix.words = newWordData(ix.docs) })
	return ix.words
}

// wordHits returns the documents matching query's words (see words.go).
func (ix *Index) wordHits(qs string, ranges bool) []Hit {
	return ix.wordSearch(qs).fast(ranges)
}

// runePost lists the non-ID fields that hold a rune, in order.
type runePost struct {
	// fields holding the rune in their lower-cased text, and how often (up
	// to maxCounted): a query of one rune scores its exact hits without
	// reading any text.
	fields []int32
	counts []uint8
	// keyed: the fields whose text holds a rune whose fold key is this
	// rune; lowerKeyed: those that hold none but hold a rune whose lower
	// case has this key (rare: İ, whose lower case is i).
	keyed, lowerKeyed []int32
}

// runePost returns the postings of rune l; if there are none, new ones
// when add is set, else nil.
func (ix *Index) runePost(l rune, add bool) *runePost {
	var slot int32
	if l < bmp {
		slot = ix.runeSlot[l]
	} else {
		slot = ix.runeSlots[l]
	}
	if slot == 0 {
		if !add {
			return nil
		}
		ix.runePosts = append(ix.runePosts, runePost{})
		slot = int32(len(ix.runePosts))
		if l < bmp {
			ix.runeSlot[l] = slot
		} else {
			ix.runeSlots[l] = slot
		}
	}
	return &ix.runePosts[slot-1]
}

// pairPostings lists, for each hash bucket of two adjacent lower-cased
// runes, the non-ID fields whose lower-cased text holds such a pair, in
// order (compressed rows: bucket b's fields are fields[start[b]:start[b+1]]).
// A query of two runes or more can only hold exactly in fields listed under
// all its pairs; the buckets make it a superset, checked by the scan.
type pairPostings struct {
	shift  uint // 32 - log2(number of buckets)
	start  []int32
	fields []int32
}

// bucket returns the bucket of the rune pair a, b.
func (pp *pairPostings) bucket(a, b rune) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)) * 0x85EBCA6B >> pp.shift
}

// list returns the fields under the pair a, b.
func (pp *pairPostings) list(a, b rune) []int32 {
	k := pp.bucket(a, b)
	return pp.fields[pp.start[k]:pp.start[k+1]]
}

// pairBits returns log2 of the number of pair buckets for a text of the
// given size: about one for every 16 bytes, from 2^10 to 2^18.
func pairBits(size int) uint {
	bits := uint(10)
	for bits < 18 && 1<<(bits+4) < size {
		bits++
	}
	return bits
}

const (
	flagASCII   uint8 = 1 << iota // fLower is ASCII: rune positions are byte positions
	flagPlain                     // the text is valid UTF-8 without NUL
	flagSameLen                   // each rune's fold key in fKeys is as long as the rune
)

// New builds an index over docs, whose derived fields come from keyers
// (see Derive). The documents must not change afterwards.
func New(docs []Doc, keyers []Keyer) *Index {
	b := newBuilder(docs)
	ix := b.ix
	for d := range docs {
		ix.docField[d] = int32(len(ix.fDoc))
		for f, field := range docs[d].Fields {
			b.addField(int32(d), int32(f), field)
		}
	}
	ix.docField[len(docs)] = int32(len(ix.fDoc))
	b.layOut()
	b.fillPairs()
	b.countBytes()
	b.setOrigins(keyers)
	ix.wordData()
	return ix
}

// builder holds what building an Index needs and the Index does not keep.
type builder struct {
	ix       *Index
	lastPair []int32  // the last field seen holding each bucket's pairs
	pairKeys []uint32 // each field's buckets, in field order
	pairEnd  []int32  // per field, the end of its buckets in pairKeys
	arena    []byte   // the texts, side by side (see layOut)
	spans    []span   // per field, where its texts lie in arena
	folds    foldCache
	// Reused from field to field: the field's text lower-cased and mapped
	// through foldKey, and the fold keys of its lower case that differ
	// from its own.
	lower, keys []byte
	lowerKeys   []rune
}

// span says where a field's three texts lie in the builder's arena.
type span struct{ text, lower, keys [2]int }

func newBuilder(docs []Doc) *builder {
	size := 0
	for d := range docs {
		for _, field := range docs[d].Fields {
			size += len(field.Text)
		}
	}
	bits := pairBits(size)
	b := &builder{
		ix: &Index{docs: docs, docField: make([]int32, len(docs)+1), runeSlot: make([]int32, bmp), runeSlots: map[rune]int32{},
			pairs: pairPostings{shift: 32 - bits, start: make([]int32, 1<<bits+1)}},
		lastPair: make([]int32, 1<<bits),
		pairKeys: make([]uint32, 0, size/3),
		pairEnd:  make([]int32, 0, size/64),
		arena:    make([]byte, 0, size+size/2),
	}
	for i := range b.lastPair {
		b.lastPair[i] = -1
	}
	return b
}

// addField adds field number f of document d.
func (b *builder) addField(d, f int32, field Field) {
	ix := b.ix
	n := int32(len(ix.fDoc))
	ix.fDoc = append(ix.fDoc, d)
	ix.fNum = append(ix.fNum, f)
	ix.fKind = append(ix.fKind, field.Kind)
	var flags uint8
	if utf8.ValidString(field.Text) && !strings.ContainsRune(field.Text, 0) {
		flags |= flagPlain
	}
	var sp span
	if field.Kind == KindID {
		ix.idFields = append(ix.idFields, n)
	} else {
		flags |= b.post(n, field.Text)
		if flags&flagPlain == 0 {
			flags &^= flagSameLen
		}
		sp = b.lay(field.Text)
	}
	b.pairEnd = append(b.pairEnd, int32(len(b.pairKeys)))
	b.spans = append(b.spans, sp)
	ix.fFlags = append(ix.fFlags, flags)
}

// post records non-ID field n, of the given text, in the postings of its
// runes and rune pairs, and leaves its lower-cased text and fold keys in
// b.lower and b.keys. It returns flagASCII and flagSameLen as they apply.
func (b *builder) post(n int32, text string) uint8 {
	ix := b.ix
	var prev rune = -1
	lower, keys, lowerKeys := b.lower[:0], b.keys[:0], b.lowerKeys[:0]
	ascii, sameLen := true, true
	for i, c := range text { // as Reference's fold: each invalid byte becomes U+FFFD
		l := b.folds.toLower(c)
		lower = utf8.AppendRune(lower, l)
		rp := ix.runePost(l, true)
		if len(rp.fields) > 0 && rp.fields[len(rp.fields)-1] == n {
			if cnt := &rp.counts[len(rp.counts)-1]; *cnt < maxCounted {
				*cnt++
			}
		} else {
			rp.fields = append(rp.fields, n)
			rp.counts = append(rp.counts, 1)
		}
		if prev >= 0 {
			if k := ix.pairs.bucket(prev, l); b.lastPair[k] != n {
				b.lastPair[k] = n
				b.pairKeys = append(b.pairKeys, k)
			}
		}
		prev = l
		if l >= utf8.RuneSelf {
			ascii = false
		}
		k := b.folds.foldKey(c)
		if sameLen {
			_, size := utf8.DecodeRuneInString(text[i:])
			sameLen = utf8.RuneLen(k) == size
		}
		keys = utf8.AppendRune(keys, k)
		if k != l {
			rp = ix.runePost(k, true)
		}
		if len(rp.keyed) == 0 || rp.keyed[len(rp.keyed)-1] != n {
			rp.keyed = append(rp.keyed, n)
		}
		if lk := b.folds.foldKey(l); lk != k {
			lowerKeys = append(lowerKeys, lk)
		}
	}
	for _, lk := range lowerKeys {
		rp := ix.runePost(lk, true)
		if (len(rp.keyed) == 0 || rp.keyed[len(rp.keyed)-1] != n) && (len(rp.lowerKeyed) == 0 || rp.lowerKeyed[len(rp.lowerKeyed)-1] != n) {
			rp.lowerKeyed = append(rp.lowerKeyed, n)
		}
	}
	b.lower, b.keys, b.lowerKeys = lower, keys, lowerKeys
	var flags uint8
	if ascii {
		flags |= flagASCII
	}
	if sameLen {
		flags |= flagSameLen
	}
	return flags
}

// lay appends a field's text, and its lower-cased text and fold keys (in
// b.lower and b.keys) where they differ from the one before, to the arena.
func (b *builder) lay(text string) span {
	var sp span
	sp.text = [2]int{len(b.arena), len(b.arena) + len(text)}
	b.arena = append(b.arena, text...)
	sp.lower = sp.text
	if string(b.lower) != text {
		sp.lower = [2]int{len(b.arena), len(b.arena) + len(b.lower)}
		b.arena = append(b.arena, b.lower...)
	}
	sp.keys = sp.lower
	if !bytes.Equal(b.keys, b.arena[sp.lower[0]:sp.lower[1]]) {
		sp.keys = [2]int{len(b.arena), len(b.arena) + len(b.keys)}
		b.arena = append(b.arena, b.keys...)
	}
	return sp
}

// layOut makes the arena one string and points every field's texts into it.
func (b *builder) layOut() {
	ix := b.ix
	all := string(b.arena)
	ix.fText = make([]string, len(b.spans))
	ix.fLower = make([]string, len(b.spans))
	ix.fKeys = make([]string, len(b.spans))
	for n, sp := range b.spans {
		if ix.fKind[n] == KindID {
			ix.fText[n] = ix.docs[ix.fDoc[n]].Fields[ix.fNum[n]].Text
			continue
		}
		ix.fText[n] = all[sp.text[0]:sp.text[1]]
		ix.fLower[n] = all[sp.lower[0]:sp.lower[1]]
		ix.fKeys[n] = all[sp.keys[0]:sp.keys[1]]
	}
}

// fillPairs writes the pair postings, in compressed rows: count, then fill
// in field order.
func (b *builder) fillPairs() {
	pp := &b.ix.pairs
	for _, k := range b.pairKeys {
		pp.start[k+1]++
	}
	for k := 1; k < len(pp.start); k++ {
		pp.start[k] += pp.start[k-1]
	}
	pp.fields = make([]int32, len(b.pairKeys))
	next := slices.Clone(pp.start[:len(pp.start)-1])
	from := int32(0)
	for n, end := range b.pairEnd {
		for _, k := range b.pairKeys[from:end] {
			pp.fields[next[k]] = int32(n)
			next[k]++
		}
		from = end
	}
}

// countBytes counts the bytes of the fold keys (see byteFreq).
func (b *builder) countBytes() {
	ix := b.ix
	ix.freq = new(byteFreq)
	for i, k := range ix.fKeys {
		if i == 0 || k != ix.fKeys[i-1] { // a key repeated (shared) is counted once
			for j := 0; j < len(k); j++ {
				ix.freq[k[j]]++
			}
		}
	}
}

// setOrigins records, for each derived field, the field it comes from and
// the spans of its key, as keyers give them.
func (b *builder) setOrigins(keyers []Keyer) {
	ix := b.ix
	ix.fOrigin = make([]int32, len(ix.fDoc))
	for i := range ix.fOrigin {
		ix.fOrigin[i] = -1
	}
	for d := range ix.docs {
		doc := &ix.docs[d]
		for f, o := range doc.Derived {
			g := ix.docField[d] + int32(f)
			if g >= ix.docField[d+1] {
				continue
			}
			ix.fOrigin[g] = -2
			if o.Keyer >= len(keyers) || o.Field >= len(doc.Fields) {
				continue
			}
			keys := keyers[o.Keyer](doc.Fields[o.Field])
			if o.N >= len(keys) {
				continue
			}
			if ix.fSpans == nil {
				ix.fSpans = make([][]Range, len(ix.fDoc))
			}
			ix.fOrigin[g], ix.fSpans[g] = int32(o.Field), keys[o.N].Spans
		}
	}
}

// SourceRanges is Doc.SourceRanges for document d (the tests hold them
// equal), with the spans the index keeps: ranges found in derived keys are
// moved into the fields they come from, merged and in order there.
func (ix *Index) SourceRanges(d int, ranges map[int][]Range) map[int][]Range {
	if len(ix.docs[d].Derived) == 0 || ranges == nil {
		return ranges
	}
	base := ix.docField[d]
	moved := false
	for f := range ranges {
		if ix.fOrigin[base+int32(f)] != -1 {
			moved = true
			break
		}
	}
	if !moved {
		return ranges
	}
	out := make(map[int][]Range, len(ranges))
	var touched []int
	for f, rs := range ranges {
		g := base + int32(f)
		of := ix.fOrigin[g]
		switch of {
		case -1:
			out[f] = append(out[f], rs...)
			continue
		case -2:
			continue
		}
		spans := ix.fSpans[g]
		to := out[int(of)]
		n := len(to)
		for _, r := range rs {
			for i := r.Start; i < r.End && i < len(spans); i++ {
				if sp := spans[i]; sp.End > sp.Start {
					to = append(to, sp)
				}
			}
		}
		if len(to) > n {
			out[int(of)] = to
			if !slices.Contains(touched, int(of)) {
				touched = append(touched, int(of))
			}
		}
	}
	for _, f := range touched {
		out[f] = mergeRanges(out[f])
	}
	return out
}

// Len returns the number of documents.
func (ix *Index) Len() int { return len(ix.docs) }

// Docs returns the indexed documents.
func (ix *Index) Docs() []Doc { return ix.docs }

// Search returns the documents matching query, best first, exactly as
// Reference does. An empty query returns nil.
func (ix *Index) Search(query string) []Hit {
	if hits := ix.wordHits(strings.ToLower(Normalize(query)), true); len(hits) > 0 {
		return hits
	}
	st, _ := ix.step(context.Background(), nil, query, false)
	if st == nil {
		return nil
	}
	return markSimilar(st.hits)
}

// state is what a query found: the fields that can still match a query
// extending it, and its hits.
type state struct {
	text  string // the normalized, lower-cased query
	q     []rune
	ids   []int32 // ID fields starting with the query
	exact []int32 // non-ID fields whose lower-cased text holds the query
	sub   []int32 // non-ID fields whose fold keys hold the query's as a subsequence
	end   []int32 // for each of sub: the byte offset in fKeys after the leftmost match
	hits  []Hit   // shared: not to be changed
}

// extends reports whether a query q can only match within what st found.
func (st *state) extends(q []rune) bool {
	return len(q) >= len(st.q) && slices.Equal(q[:len(st.q)], st.q)
}

// step runs a query, narrowing from prev when the query extends it (prev
// may be nil). It returns nil for an empty query, and ctx's error if ctx
// ends first.
//
// With noRanges the hits carry no Ranges (nil): the same documents, order,
// Exact and Score, found without listing every match (see Engine.Ranges).
func (ix *Index) step(ctx context.Context, prev *state, query string, noRanges bool) (*state, error) {
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q := []rune(qs)
	if prev != nil && !prev.extends(q) {
		prev = nil
	}
	j := &job{ix: ix, ctx: ctx, qs: qs, pat: newPattern(qs, ix.freq), runs: needsRuns(q), bound: scoreBound(len(q)),
		lowerQ: ix.freq.finder(string(q)), qRunes: len(q), noRanges: noRanges}
	in := ix.fieldsToCheck(j, prev, q)
	parts := ix.split(in)
	if len(parts) == 1 {
		j.run(parts[0])
	} else {
		var wg sync.WaitGroup
		for _, p := range parts {
			wg.Add(1)
			go func() { defer wg.Done(); j.run(p) }()
		}
		wg.Wait()
	}
	return collect(qs, q, parts)
}

// fieldsToCheck returns the fields a query must check, as a part over every
// document, and sets the job's lists and from accordingly: what prev found,
// if the query extends it, else the candidates the postings give.
func (ix *Index) fieldsToCheck(j *job, prev *state, q []rune) *part {
	in := &part{}
	if prev != nil {
		in.ids, in.exact, in.sub, in.end = prev.ids, prev.exact, prev.sub, prev.end
		j.lists, j.from = narrowed, len(prev.q)
	} else {
		in.ids = ix.idFields
		in.exact, in.sub = ix.candidates(q)
		j.lists = candidates
		if len(q) == 1 {
			j.lists = oneRune
			// Its exact hits and their counts come from the rune's
			// postings too (the ranges, when wanted, need the scan).
			if j.noRanges {
				in.exact = nil
				if rp := ix.runePost(q[0], false); rp != nil {
					in.exact, in.counts = rp.fields, rp.counts
				}
			}
		}
	}
	// A field holding the query holds each pair of adjacent runes in it:
	// the new pairs narrow the fields to scan.
	if len(q) >= 2 && len(in.exact) > 0 {
		lists := [][]int32{in.exact}
		for i := max(j.from-1, 0); i+1 < len(q); i++ {
			lists = append(lists, ix.pairs.list(q[i], q[i+1]))
		}
		if len(lists) > 1 {
			in.exact = intersectAll(lists)
		}
	}
	return in
}

// split divides the fields to check by documents, over the cores when there
// is enough to do.
func (ix *Index) split(in *part) []*part {
	n := 1
	if work := len(in.exact) + len(in.sub); work > 4000 {
		n = min(runtime.GOMAXPROCS(0), 8, work/2000)
	}
	if n == 1 {
		return []*part{in}
	}
	parts := make([]*part, n)
	lo := int32(0)
	for i := range parts {
		hi := int32(len(ix.docs))
		if i < n-1 {
			hi = int32(len(ix.docs) * (i + 1) / n)
		}
		p := &part{}
		p.ids, _ = ix.slice(in.ids, nil, lo, hi)
		a, b := ix.bounds(in.exact, lo, hi)
		p.exact = in.exact[a:b]
		if in.counts != nil {
			p.counts = in.counts[a:b]
		}
		p.sub, p.end = ix.slice(in.sub, in.end, lo, hi)
		parts[i] = p
		lo = hi
	}
	return parts
}

// collect joins what the parts of query qs found, or returns the first
// part's error.
func collect(qs string, q []rune, parts []*part) (*state, error) {
	st := &state{text: qs, q: q}
	total := 0
	for _, p := range parts {
		if p.err != nil {
			return nil, p.err
		}
		total += len(p.hits)
	}
	if len(parts) == 1 {
		p := parts[0]
		st.ids, st.exact, st.sub, st.end = p.outIDs, p.outExact, p.outSub, p.outEnd
	} else {
		for _, p := range parts {
			st.ids = append(st.ids, p.outIDs...)
			st.exact = append(st.exact, p.outExact...)
			st.sub = append(st.sub, p.outSub...)
			st.end = append(st.end, p.outEnd...)
		}
	}
	// Each part sorted its hits; merge them.
	st.hits = parts[0].hits
	for _, p := range parts[1:] {
		st.hits = mergeSorted(st.hits, p.hits)
	}
	if total == 0 {
		st.hits = nil
	}
	return st, nil
}

// mergeSorted merges two lists of hits sorted by compareHits.
func mergeSorted(a, b []Hit) []Hit {
	out := make([]Hit, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if compareHits(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// compareHits orders hits as sortHits does: exact before fuzzy, then by
// score, then by document. It is a total order, so any sort gives the same.
func compareHits(a, b Hit) int {
	switch {
	case a.Similar != b.Similar:
		if b.Similar {
			return -1
		}
		return 1
	case a.Exact != b.Exact:
		if a.Exact {
			return -1
		}
		return 1
	case a.Score != b.Score:
		return b.Score - a.Score
	}
	return a.Doc - b.Doc
}

// slice returns the part of a sorted field list (and of its parallel list
// end, if any) that belongs to documents [lo, hi).
func (ix *Index) slice(list, end []int32, lo, hi int32) ([]int32, []int32) {
	a, b := ix.bounds(list, lo, hi)
	if end == nil {
		return list[a:b], nil
	}
	return list[a:b], end[a:b]
}

// bounds returns where in a sorted field list the fields of documents
// [lo, hi) are.
func (ix *Index) bounds(list []int32, lo, hi int32) (int, int) {
	a, _ := slices.BinarySearch(list, ix.docField[lo])
	b, _ := slices.BinarySearch(list, ix.docField[hi])
	return a, b
}

// candidates returns, in order, the non-ID fields that hold every
// character of q as Reference's lower case compares characters (exact), and
// as fuzzy does (sub).
func (ix *Index) candidates(q []rune) (exact, sub []int32) {
	var subLists, exactLists [][]int32
	seen := map[rune]bool{}
	for _, c := range q {
		k := foldKey(c)
		if seen[k] {
			continue
		}
		seen[k] = true
		var l, extra []int32
		if rp := ix.runePost(k, false); rp != nil {
			l, extra = rp.keyed, rp.lowerKeyed
		}
		subLists = append(subLists, l)
		if len(extra) > 0 {
			l = union(l, extra)
		}
		exactLists = append(exactLists, l)
	}
	return intersectAll(exactLists), intersectAll(subLists)
}

// intersectAll returns the elements common to sorted lists; when there is
// one list, the list itself.
func intersectAll(lists [][]int32) []int32 {
	slices.SortFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
	if len(lists) == 1 || len(lists[0]) == 0 {
		return lists[0]
	}
	out := intersect(nil, lists[0], lists[1])
	for _, l := range lists[2:] {
		if len(out) == 0 {
			break
		}
		out = intersect(out[:0], out, l)
	}
	return out
}

// union merges two sorted lists without common elements.
func union(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] < b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return append(append(out, a[i:]...), b[j:]...)
}

// intersect appends to dst the elements of both sorted lists (dst may
// alias a).
func intersect(dst, a, b []int32) []int32 {
	j := 0
	for _, x := range a {
		if j < len(b) && b[j] < x {
			j += sortSearch(b[j:], x)
		}
		if j < len(b) && b[j] == x {
			dst = append(dst, x)
		}
	}
	return dst
}

// sortSearch returns the first index of sorted l not below x.
func sortSearch(l []int32, x int32) int {
	i, _ := slices.BinarySearch(l, x)
	return i
}

// job is one query's work, shared by its parts.
type job struct {
	ix     *Index
	ctx    context.Context
	qs     string // the normalized, lower-cased query
	pat    *pattern
	lowerQ finder // the query as lower-cased
	qRunes int
	runs   bool // fuzzy hits must come in runs (see needsRuns)
	bound  int  // scoreBound(qRunes)
	lists  lists
	from   int // with lists narrowed: the runes of the query the subsequence ends already cover
	// noRanges: count exact matches only as far as the score needs, and
	// leave Hit.Ranges nil.
	noRanges bool
}

// lists says what the field lists a job's parts are given hold.
type lists uint8

const (
	// narrowed: what a previous query, which this one extends, found.
	narrowed lists = iota
	// candidates: the fields the postings say may hold the query.
	candidates
	// oneRune: the fields the postings of the query's only rune list; as
	// subsequences they all hold it.
	oneRune
	// wholeDoc: every field of one document (see DocQuery).
	wholeDoc
)

// scoreBound returns a number that fuzzy's score of an n-rune pattern in a
// valid UTF-8 text without NUL of b bytes never exceeds when b is taken
// from it. fuzzy's score of a match is the sum of each pattern rune's best
// candidate score, a penalty for leading characters (at most 0), and one
// point for each matched rune less one for each byte of the text. A
// candidate scores at most 20 (camel case or a separator before it, not
// both; 10 at byte 0) plus the adjacency bonus, which only the rune right
// after the previous match can earn, so at most n-1 times: the bonuses are
// 5, 15, 45, ..., each twice the sum before it plus 5, adding up to at most
// 5(3^(n-1)-1)/2.
func scoreBound(n int) int {
	if n > 30 {
		return math.MaxInt / 2
	}
	adj, sum := 0, 0
	for range n - 1 {
		b := 2*sum + fzAdjacentMatchBonus
		sum += b
		adj = sum
	}
	return 20*n + adj + n
}

// part is the work on a range of documents.
type part struct {
	ids, exact, sub, end             []int32
	counts                           []uint8 // if not nil: how often each of exact holds the query (exact is its exact hits)
	outIDs, outExact, outSub, outEnd []int32
	hits                             []Hit
	err                              error
	exactRanges                      [][]Range // per outExact field: its ranges (without noRanges)
	exactCounts                      []uint8   // per outExact field: how often it holds the query, up to maxCounted (with noRanges)
}

// run finds a part's fields that still match and its hits.
func (j *job) run(p *part) {
	p.outExact = make([]int32, 0, len(p.exact))
	if j.noRanges {
		p.exactCounts = make([]uint8, 0, len(p.exact))
	} else {
		p.exactRanges = make([][]Range, 0, len(p.exact))
	}
	j.matchIDs(p)
	if p.err = j.matchExact(p); p.err != nil {
		return
	}
	if j.lists == oneRune {
		// Nothing to check, and the end of each match is found when a
		// longer query needs it (end -1).
		p.outSub = p.sub
		p.outEnd = make([]int32, len(p.sub))
		for i := range p.outEnd {
			p.outEnd[i] = -1
		}
	} else if p.err = j.matchSubs(p); p.err != nil {
		return
	}
	j.hits(p)
}

// matchIDs keeps the ID fields the query is a prefix of.
func (j *job) matchIDs(p *part) {
	ix := j.ix
	for _, f := range p.ids {
		if strings.HasPrefix(ix.docs[ix.fDoc[f]].Fields[ix.fNum[f]].Text, j.qs) {
			p.outIDs = append(p.outIDs, f)
		}
	}
}

// matchExact keeps the non-ID fields that hold the query, with their ranges
// or (noRanges) how often they hold it. It returns ctx's error if ctx ends
// first.
func (j *job) matchExact(p *part) error {
	ix := j.ix
	if p.counts != nil { // the postings counted them
		p.outExact, p.exactCounts = p.exact, p.counts
		return nil
	}
	// Ranges go into blocks, so that growing never copies much.
	var block []Range
	for i, f := range p.exact {
		if i&1023 == 1023 && j.ctx.Err() != nil {
			return j.ctx.Err()
		}
		if j.noRanges {
			if n := exactCount(ix.fLower[f], j.lowerQ, maxCounted); n > 0 {
				p.outExact = append(p.outExact, f)
				p.exactCounts = append(p.exactCounts, uint8(n))
			}
			continue
		}
		if cap(block)-len(block) < 64 {
			block = make([]Range, 0, min(4096, max(256, 2*cap(block))))
		}
		before := len(block)
		block = exactScan(block, ix.fLower[f], j.lowerQ, j.qRunes, ix.fFlags[f]&flagASCII != 0)
		if n := len(block); n > before {
			p.outExact = append(p.outExact, f)
			p.exactRanges = append(p.exactRanges, block[before:n:n])
		}
	}
	return nil
}

// matchSubs keeps the fields whose fold keys hold the query's as a
// subsequence, with where the leftmost match ends. A document with an exact
// hit is scored by it: its fields are not checked now but passed on
// unchecked (end -1), for a longer query to check from the start if the
// document loses its exact hit. It returns ctx's error if ctx ends first.
func (j *job) matchSubs(p *part) error {
	ix := j.ix
	a, b := 0, 0 // positions in outIDs, outExact
	exactDoc := func(d int32) bool {
		for a < len(p.outIDs) && ix.fDoc[p.outIDs[a]] < d {
			a++
		}
		for b < len(p.outExact) && ix.fDoc[p.outExact[b]] < d {
			b++
		}
		return a < len(p.outIDs) && ix.fDoc[p.outIDs[a]] == d || b < len(p.outExact) && ix.fDoc[p.outExact[b]] == d
	}
	for i, f := range p.sub {
		if i&1023 == 1023 && j.ctx.Err() != nil {
			return j.ctx.Err()
		}
		if j.lists != wholeDoc && exactDoc(ix.fDoc[f]) {
			p.outSub = append(p.outSub, f)
			p.outEnd = append(p.outEnd, -1)
			continue
		}
		pos, from := 0, 0
		if j.lists == narrowed && p.end[i] >= 0 {
			pos, from = int(p.end[i]), j.from
		}
		keys := ix.fKeys[f]
		ok := true
		for _, k := range j.pat.keyF[from:] {
			at := k.in(keys[pos:])
			if at < 0 {
				ok = false
				break
			}
			pos += at + len(k.pat)
		}
		if ok {
			p.outSub = append(p.outSub, f)
			p.outEnd = append(p.outEnd, int32(pos))
		}
	}
	return nil
}

// maxCounted is how many exact matches in a field the score tells apart
// (scoreExact counts at most 3 beyond the first).
const maxCounted = 4

// exactCount counts the non-overlapping occurrences of pat in text, up to max.
func exactCount(text string, pat finder, max int) int {
	n, off := 0, 0
	for n < max {
		i := pat.in(text[off:])
		if i < 0 {
			break
		}
		n++
		off += i + len(pat.pat)
	}
	return n
}

// exactScan appends the rune ranges of the non-overlapping occurrences of
// pat in text (valid UTF-8, as the folded texts are), leftmost first, as
// Reference's exactRanges finds them.
func exactScan(out []Range, text string, pat finder, patRunes int, ascii bool) []Range {
	off, pos := 0, 0
	for {
		i := pat.in(text[off:])
		if i < 0 {
			return out
		}
		if ascii {
			pos += i
		} else {
			pos += runeCount(text[off : off+i])
		}
		out = append(out, Range{pos, pos + patRunes})
		pos += patRunes
		off += i + len(pat.pat)
	}
}

// byteFreq counts how often each byte occurs in the indexed texts. A
// substring search anchors on the pattern's rarest byte: in Russian text the
// first byte of every letter is D0 or D1 and the last byte of о, the
// commonest letter, is BE, so neither end of a pattern is a good anchor.
type byteFreq [256]uint32

// anchor returns the position of pat's rarest byte (the last of equals).
// With no counts (nil) it is the last byte, which varies more than the
// first in Chinese or Russian text.
func (bf *byteFreq) anchor(pat string) int {
	a := len(pat) - 1
	if bf == nil {
		return a
	}
	for i := a - 1; i >= 0; i-- {
		if bf[pat[i]] < bf[pat[a]] {
			a = i
		}
	}
	return a
}

// finder looks for one pattern in valid UTF-8 texts.
type finder struct {
	pat string
	a   int // the anchor byte's position in pat
}

func (bf *byteFreq) finder(pat string) finder { return finder{pat, bf.anchor(pat)} }

// in is strings.Index(s, f.pat) for valid UTF-8 s (as every folded text is):
// it looks for the anchor byte and compares the rest.
func (f finder) in(s string) int {
	pat, a := f.pat, f.a
	n := len(pat)
	if n == 0 {
		return 0
	}
	if n == 1 {
		return strings.IndexByte(s, pat[0])
	}
	c := pat[a]
	last := len(s) - (n - 1 - a) // anchor positions lie in [a, last)
	for i := a; i < last; i++ {
		j := strings.IndexByte(s[i:last], c)
		if j < 0 {
			return -1
		}
		i += j
		if s[i-a:i-a+n] == pat {
			return i - a
		}
	}
	return -1
}

// hits turns a part's findings into hits, document by document: those with
// an exact hit (an ID prefix or a field holding the query) are scored as
// Reference's exactHit does; the others by fuzzy, field by field, as
// Reference's collectFuzzy does.
func (j *job) hits(p *part) {
	defer func() { slices.SortFunc(p.hits, compareHits) }()
	ix := j.ix
	var sc fuzzyScratch
	a, b, c := 0, 0, 0 // positions in outIDs, outExact, outSub
	for a < len(p.outIDs) || b < len(p.outExact) || c < len(p.outSub) {
		// The next document with anything.
		d := int32(len(ix.docs))
		if a < len(p.outIDs) {
			d = min(d, ix.fDoc[p.outIDs[a]])
		}
		if b < len(p.outExact) {
			d = min(d, ix.fDoc[p.outExact[b]])
		}
		if c < len(p.outSub) {
			d = min(d, ix.fDoc[p.outSub[c]])
		}
		a0, b0, c0 := a, b, c
		for a < len(p.outIDs) && ix.fDoc[p.outIDs[a]] == d {
			a++
		}
		for b < len(p.outExact) && ix.fDoc[p.outExact[b]] == d {
			b++
		}
		for c < len(p.outSub) && ix.fDoc[p.outSub[c]] == d {
			c++
		}
		if a > a0 || b > b0 {
			p.hits = append(p.hits, j.exactHit(p, d, a0, a, b0, b))
		} else {
			j.fuzzyHit(p, d, p.outSub[c0:c], &sc)
		}
	}
}

// exactHit scores document d by its exact hits: outIDs[a0:a] and
// outExact[b0:b].
func (j *job) exactHit(p *part, d int32, a0, a, b0, b int) Hit {
	ix := j.ix
	h := Hit{Doc: int(d), Exact: true}
	if !j.noRanges {
		h.Ranges = make(map[int][]Range, a-a0+b-b0)
	}
	for _, f := range p.outIDs[a0:a] {
		h.Score += weights[KindID]
		if !j.noRanges {
			h.Ranges[int(ix.fNum[f])] = []Range{{0, j.qRunes}}
		}
	}
	for i := b0; i < b; i++ {
		f := p.outExact[i]
		if j.noRanges {
			h.Score += scoreExact(ix.fKind[f], int(p.exactCounts[i]))
			continue
		}
		rs := p.exactRanges[i]
		h.Score += scoreExact(ix.fKind[f], len(rs))
		h.Ranges[int(ix.fNum[f])] = rs
	}
	return h
}

// fuzzyScratch is what fuzzyHit reuses from one document to the next.
type fuzzyScratch struct {
	idx    []int   // fuzzy's byte offsets
	ranges []Range // the ranges of the hits, in blocks
	order  []int32 // fields, shortest first
}

// fuzzyHit adds document d's hit, if any, scored by fuzzy over its fields
// that hold the query as a subsequence: the best field's score, and with
// ranges each field's matched runes.
func (j *job) fuzzyHit(p *part, d int32, fields []int32, sc *fuzzyScratch) {
	ix := j.ix
	var h *Hit
	sorted := false
	if j.noRanges && len(fields) > 1 {
		// Only the best score counts: the shorter texts first, and none
		// that cannot beat it (see scoreBound).
		sc.order = append(sc.order[:0], fields...)
		slices.SortFunc(sc.order, func(a, b int32) int { return len(ix.fText[a]) - len(ix.fText[b]) })
		fields, sorted = sc.order, true
	}
	for _, f := range fields {
		if h != nil && j.noRanges && ix.fFlags[f]&flagPlain != 0 && j.bound-len(ix.fText[f]) <= h.Score {
			if sorted {
				break // the texts after it are no shorter
			}
			continue
		}
		text, keys := ix.fText[f], ""
		if ix.fFlags[f]&flagSameLen != 0 {
			keys = ix.fKeys[f]
		}
		var score int
		var ok bool
		score, sc.idx, ok = j.pat.match(text, keys, ix.fFlags[f]&flagPlain != 0, sc.idx)
		if !ok {
			continue
		}
		var rs []Range
		if !j.noRanges || j.runs { // the run rule needs the ranges
			start := len(sc.ranges)
			sc.ranges = appendRuneRanges(sc.ranges, text, sc.idx, ix.fFlags[f]&flagPlain != 0)
			rs = sc.ranges[start:len(sc.ranges):len(sc.ranges)]
			if !acceptFuzzy(rs, j.runs) {
				sc.ranges = sc.ranges[:start]
				continue
			}
			if j.noRanges {
				sc.ranges = sc.ranges[:start]
			}
		}
		if h == nil {
			p.hits = append(p.hits, Hit{Doc: int(d), Score: score})
			h = &p.hits[len(p.hits)-1]
			if !j.noRanges {
				h.Ranges = map[int][]Range{}
			}
		} else if score > h.Score {
			h.Score = score
		}
		if !j.noRanges {
			h.Ranges[int(ix.fNum[f])] = rs
		}
	}
}

// DocQuery is a query prepared for asking one document at a time: a list
// asks for the rows it shows one by one, with the same query.
type DocQuery struct {
	j     *job
	words *wordSearch
}

// DocQuery prepares query for Hits (nil for an empty query).
func (ix *Index) DocQuery(query string) *DocQuery {
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil
	}
	q := []rune(qs)
	return &DocQuery{j: &job{ix: ix, ctx: context.Background(), qs: qs, pat: newPattern(qs, ix.freq), runs: needsRuns(q),
		lowerQ: ix.freq.finder(string(q)), qRunes: len(q), lists: wholeDoc}, words: ix.wordSearch(qs)}
}

// Hits returns Index.Search's hit for document d alone (nil if it does
// not match): Reference's result for that document, ranges included. q may
// be nil (an empty query).
func (q *DocQuery) Hits(d int) []Hit {
	if q == nil {
		return nil
	}
	if h, ok := q.words.hit(d, true); ok {
		return []Hit{h}
	}
	return nil
}

// SimilarHits returns the loose hit of document d alone, as Index.Search
// gives it when no document matches the query's words (marked Similar), or
// nil.
func (q *DocQuery) SimilarHits(d int) []Hit {
	if q == nil {
		return nil
	}
	j := q.j
	ix := j.ix
	p := &part{}
	for g := ix.docField[d]; g < ix.docField[d+1]; g++ {
		if ix.fDoc[g] != int32(d) {
			continue
		}
		if ix.docs[d].Fields[ix.fNum[g]].Kind == KindID {
			p.ids = append(p.ids, g)
		} else {
			p.exact = append(p.exact, g)
		}
	}
	p.sub = p.exact
	j.run(p)
	return markSimilar(p.hits)
}

// appendRuneRanges is byteToRune appending to out: fuzzy's byte offsets
// turned into rune indexes of s, grouped into runs. plain says s is valid
// UTF-8.
func appendRuneRanges(out []Range, s string, offsets []int, plain bool) []Range {
	first := len(out)
	ri, bi := 0, 0
	for _, off := range offsets {
		if plain && bi < off && off <= len(s) {
			ri += runeCount(s[bi:off])
			bi = off
		}
		for bi < off && bi < len(s) {
			if s[bi] < utf8.RuneSelf {
				bi++
			} else {
				_, size := utf8.DecodeRuneInString(s[bi:])
				bi += size
			}
			ri++
		}
		if n := len(out); n > first && out[n-1].End == ri {
			out[n-1].End++
		} else {
			out = append(out, Range{ri, ri + 1})
		}
	}
	return out
}

// Session runs the queries of one search field: each query typed after
// another narrows from what the previous ones found, and going back (a
// deleted character) reuses what an earlier query found. A query's other
// form (AltQuery: the stems of Russian words) is run on a second stack of
// the same session and narrows from whatever either stack found: the stem
// of сотру is сотр, typed a keystroke earlier. Its methods are safe for
// concurrent use; a query whose context ends is abandoned.
type Session struct {
	ix       *Index
	noRanges bool // hits without Ranges (see NewRankSession)
	mu       sync.Mutex
	stacks   [2][]*state // per form, each one's query a prefix of the next's
}

// maxStack bounds the queries a session remembers per form.
const maxStack = 64

// NewSession returns a session on the index whose hits carry their Ranges.
func (ix *Index) NewSession() *Session { return &Session{ix: ix} }

// NewRankSession returns a session on the index whose hits carry no Ranges
// (nil): the same documents, order, Exact and Score, found without listing
// every match. DocQuery gives a document's ranges when they are wanted.
func (ix *Index) NewRankSession() *Session { return &Session{ix: ix, noRanges: true} }

// Search returns what Index.Search returns for query, reusing earlier
// queries' findings. It returns ctx's error if ctx ends first.
func (s *Session) Search(ctx context.Context, query string) ([]Hit, error) {
	return s.SearchForm(ctx, query, 0)
}

// SearchForm is Search on the stack of form 0 (the query as typed) or 1
// (its other form).
func (s *Session) SearchForm(ctx context.Context, query string, form int) ([]Hit, error) {
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if hits := s.ix.wordHits(qs, !s.noRanges); len(hits) > 0 {
		return hits, nil
	}
	q := []rune(qs)
	s.mu.Lock()
	defer s.mu.Unlock()
	own := &s.stacks[form]
	for len(*own) > 0 && !(*own)[len(*own)-1].extends(q) {
		*own = (*own)[:len(*own)-1]
	}
	// The longest remembered query, of either form, that this one extends.
	var prev *state
	for _, stack := range s.stacks {
		for _, st := range stack {
			if st.extends(q) && (prev == nil || len(st.q) > len(prev.q)) {
				prev = st
			}
		}
	}
	st := prev
	if prev == nil || prev.text != qs {
		var err error
		if st, err = s.ix.step(ctx, prev, qs, s.noRanges); err != nil {
			return nil, err
		}
	}
	if n := len(*own); n == 0 || (*own)[n-1] != st {
		if n == maxStack {
			*own = append((*own)[:0], (*own)[1:]...)
		}
		*own = append(*own, st)
	}
	return markSimilar(st.hits), nil
}
