package search

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
	// For a derived field (see Keyers): the field it comes from and the
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

// NewIndex builds an index over docs. The documents must not change afterwards.
func NewIndex(docs []Doc) *Index {
	ix := &Index{docs: docs, docField: make([]int32, len(docs)+1), runeSlot: make([]int32, bmp), runeSlots: map[rune]int32{}}
	size := 0
	for d := range docs {
		for _, field := range docs[d].Fields {
			size += len(field.Text)
		}
	}
	bits := pairBits(size)
	ix.pairs = pairPostings{shift: 32 - bits, start: make([]int32, 1<<bits+1)}
	lastPair := make([]int32, 1<<bits) // the last field seen holding each bucket's pairs
	for i := range lastPair {
		lastPair[i] = -1
	}
	pairKeys := make([]uint32, 0, size/3) // each field's buckets, in field order
	pairEnd := make([]int32, 0, size/64)
	var lowerKeys []rune
	var lower, keys []byte
	arena := make([]byte, 0, size+size/2)
	type span struct{ text, lower, keys [2]int }
	var spans []span
	for d := range docs {
		ix.docField[d] = int32(len(ix.fDoc))
		for f, field := range docs[d].Fields {
			n := int32(len(ix.fDoc))
			ix.fDoc = append(ix.fDoc, int32(d))
			ix.fNum = append(ix.fNum, int32(f))
			ix.fKind = append(ix.fKind, field.Kind)
			var flags uint8
			if utf8.ValidString(field.Text) && !strings.ContainsRune(field.Text, 0) {
				flags |= flagPlain
			}
			if field.Kind == KindID {
				ix.idFields = append(ix.idFields, n)
				spans = append(spans, span{})
				ix.fFlags = append(ix.fFlags, flags)
				pairEnd = append(pairEnd, int32(len(pairKeys)))
				continue
			}
			var prev rune = -1
			lower, keys = lower[:0], keys[:0]
			ascii, sameLen := true, true
			lowerKeys = lowerKeys[:0]
			for i, c := range field.Text { // as Reference's fold: each invalid byte becomes U+FFFD
				l := toLower(c)
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
					if b := ix.pairs.bucket(prev, l); lastPair[b] != n {
						lastPair[b] = n
						pairKeys = append(pairKeys, b)
					}
				}
				prev = l
				if l >= utf8.RuneSelf {
					ascii = false
				}
				k := foldKey(c)
				if sameLen {
					_, size := utf8.DecodeRuneInString(field.Text[i:])
					sameLen = utf8.RuneLen(k) == size
				}
				keys = utf8.AppendRune(keys, k)
				if k != l {
					rp = ix.runePost(k, true)
				}
				if len(rp.keyed) == 0 || rp.keyed[len(rp.keyed)-1] != n {
					rp.keyed = append(rp.keyed, n)
				}
				if lk := foldKey(l); lk != k {
					lowerKeys = append(lowerKeys, lk)
				}
			}
			for _, lk := range lowerKeys {
				rp := ix.runePost(lk, true)
				if (len(rp.keyed) == 0 || rp.keyed[len(rp.keyed)-1] != n) && (len(rp.lowerKeyed) == 0 || rp.lowerKeyed[len(rp.lowerKeyed)-1] != n) {
					rp.lowerKeyed = append(rp.lowerKeyed, n)
				}
			}
			pairEnd = append(pairEnd, int32(len(pairKeys)))
			if ascii {
				flags |= flagASCII
			}
			if sameLen && flags&flagPlain != 0 {
				flags |= flagSameLen
			}
			var sp span
			sp.text = [2]int{len(arena), len(arena) + len(field.Text)}
			arena = append(arena, field.Text...)
			sp.lower = sp.text
			if string(lower) != field.Text {
				sp.lower = [2]int{len(arena), len(arena) + len(lower)}
				arena = append(arena, lower...)
			}
			sp.keys = sp.lower
			if !bytes.Equal(keys, arena[sp.lower[0]:sp.lower[1]]) {
				sp.keys = [2]int{len(arena), len(arena) + len(keys)}
				arena = append(arena, keys...)
			}
			spans = append(spans, sp)
			ix.fFlags = append(ix.fFlags, flags)
		}
	}
	all := string(arena)
	ix.fText = make([]string, len(spans))
	ix.fLower = make([]string, len(spans))
	ix.fKeys = make([]string, len(spans))
	for n, sp := range spans {
		if docs[ix.fDoc[n]].Fields[ix.fNum[n]].Kind == KindID {
			ix.fText[n] = docs[ix.fDoc[n]].Fields[ix.fNum[n]].Text
			continue
		}
		ix.fText[n] = all[sp.text[0]:sp.text[1]]
		ix.fLower[n] = all[sp.lower[0]:sp.lower[1]]
		ix.fKeys[n] = all[sp.keys[0]:sp.keys[1]]
	}
	ix.docField[len(docs)] = int32(len(ix.fDoc))
	// The pair postings, in compressed rows: count, then fill in field order.
	pp := &ix.pairs
	for _, b := range pairKeys {
		pp.start[b+1]++
	}
	for b := 1; b < len(pp.start); b++ {
		pp.start[b] += pp.start[b-1]
	}
	pp.fields = make([]int32, len(pairKeys))
	next := slices.Clone(pp.start[:len(pp.start)-1])
	from := int32(0)
	for n, end := range pairEnd {
		for _, b := range pairKeys[from:end] {
			pp.fields[next[b]] = int32(n)
			next[b]++
		}
		from = end
	}
	ix.freq = new(byteFreq)
	for i, k := range ix.fKeys {
		if i == 0 || k != ix.fKeys[i-1] { // a key repeated (shared) is counted once
			for j := 0; j < len(k); j++ {
				ix.freq[k[j]]++
			}
		}
	}
	ix.fOrigin = make([]int32, len(ix.fDoc))
	for i := range ix.fOrigin {
		ix.fOrigin[i] = -1
	}
	for d := range docs {
		doc := &docs[d]
		for f, o := range doc.Derived {
			g := ix.docField[d] + int32(f)
			if g >= ix.docField[d+1] {
				continue
			}
			ix.fOrigin[g] = -2
			if o.Keyer >= len(Keyers) || o.Field >= len(doc.Fields) {
				continue
			}
			keys := Keyers[o.Keyer](doc.Fields[o.Field])
			if o.N >= len(keys) {
				continue
			}
			if ix.fSpans == nil {
				ix.fSpans = make([][]Range, len(ix.fDoc))
			}
			ix.fOrigin[g], ix.fSpans[g] = int32(o.Field), keys[o.N].Spans
		}
	}
	return ix
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
	st, _ := ix.step(context.Background(), nil, query, false)
	if st == nil {
		return nil
	}
	return st.hits
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
	var ids, exact, sub, end []int32
	from := 0
	if prev != nil {
		ids, exact, sub, end = prev.ids, prev.exact, prev.sub, prev.end
		from = len(prev.q)
	} else {
		ids = ix.idFields
		exact, sub = ix.candidates(q)
	}
	// A fresh query of one rune has its exact hits and their counts from
	// the rune's postings (the ranges, when wanted, need the scan).
	var counts []uint8
	if prev == nil && len(q) == 1 && noRanges {
		exact, counts = nil, nil
		if rp := ix.runePost(q[0], false); rp != nil {
			exact, counts = rp.fields, rp.counts
		}
	}
	// A field holding the query holds each pair of adjacent runes in it:
	// the new pairs narrow the fields to scan.
	if len(q) >= 2 && len(exact) > 0 {
		lists := [][]int32{exact}
		for i := max(from-1, 0); i+1 < len(q); i++ {
			lists = append(lists, ix.pairs.list(q[i], q[i+1]))
		}
		if len(lists) > 1 {
			exact = intersectAll(lists)
		}
	}
	job := &job{ix: ix, ctx: ctx, qs: qs, q: q, pat: newPattern(qs, ix.freq), runs: needsRuns(q), from: from, bound: scoreBound(len(q)),
		lowerQ: ix.freq.finder(string(q)), qRunes: len(q), fresh: prev == nil, oneKey: len(q) == 1, noRanges: noRanges}
	// Split by documents over the cores when there is enough to do.
	n := 1
	if work := len(exact) + len(sub); work > 4000 {
		n = min(runtime.GOMAXPROCS(0), 8, work/2000)
	}
	parts := make([]*part, n)
	lo := int32(0)
	var wg sync.WaitGroup
	for i := range parts {
		hi := int32(len(ix.docs))
		if i < n-1 {
			hi = int32(len(ix.docs) * (i + 1) / n)
		}
		p := &part{}
		p.ids, _ = ix.slice(ids, nil, lo, hi)
		a, b := ix.bounds(exact, lo, hi)
		p.exact = exact[a:b]
		if counts != nil {
			p.counts = counts[a:b]
		}
		p.sub, p.end = ix.slice(sub, end, lo, hi)
		parts[i] = p
		lo = hi
		if n == 1 {
			job.run(p)
		} else {
			wg.Add(1)
			go func() { defer wg.Done(); job.run(p) }()
		}
	}
	wg.Wait()
	st := &state{text: qs, q: q}
	total := 0
	for _, p := range parts {
		if p.err != nil {
			return nil, p.err
		}
		total += len(p.hits)
	}
	for _, p := range parts {
		st.ids = append(st.ids, p.outIDs...)
		st.exact = append(st.exact, p.outExact...)
		st.sub = append(st.sub, p.outSub...)
		st.end = append(st.end, p.outEnd...)
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
	qs     string
	q      []rune
	pat    *pattern
	runs   bool
	from   int    // runes of the query the subsequence ends already cover
	lowerQ finder // the query as lower-cased
	qRunes int
	fresh  bool // the field lists are candidates, not a previous query's findings
	oneKey bool // the query is one character
	// noRanges: count exact matches only as far as the score needs, and
	// leave Hit.Ranges nil.
	noRanges bool
	// docOnly: the lists are all the fields of some documents, not
	// candidates from the postings (see docHits).
	docOnly bool
	bound   int // scoreBound(the query's runes)
}

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

func (j *job) run(p *part) {
	ix := j.ix
	p.outExact = make([]int32, 0, len(p.exact))
	if j.noRanges {
		p.exactCounts = make([]uint8, 0, len(p.exact))
	} else {
		p.exactRanges = make([][]Range, 0, len(p.exact))
	}
	// Ranges go into blocks, so that growing never copies much.
	var block []Range
	// ID prefixes.
	for _, f := range p.ids {
		if strings.HasPrefix(ix.docs[ix.fDoc[f]].Fields[ix.fNum[f]].Text, j.qs) {
			p.outIDs = append(p.outIDs, f)
		}
	}
	// Exact hits in the other fields.
	if p.counts != nil {
		p.outExact, p.exactCounts = p.exact, p.counts
	}
	for i, f := range p.exact {
		if p.counts != nil {
			break
		}
		if i&1023 == 1023 && j.ctx.Err() != nil {
			p.err = j.ctx.Err()
			return
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
	// Subsequences of fold keys. A fresh query of one character has its
	// candidates from that character's postings: nothing to check, and the
	// end of the match is found when a longer query needs it (end -1).
	if j.fresh && j.oneKey && !j.docOnly {
		p.outSub = p.sub
		p.outEnd = make([]int32, len(p.sub))
		for i := range p.outEnd {
			p.outEnd[i] = -1
		}
		j.hits(p)
		return
	}
	// A document with an exact hit is scored by it: its fields are not
	// checked as subsequences now but passed on unchecked (end -1), for a
	// longer query to check from the start if the document loses its exact
	// hit. Only the documents without one need the check now.
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
			p.err = j.ctx.Err()
			return
		}
		if !j.docOnly && exactDoc(ix.fDoc[f]) {
			p.outSub = append(p.outSub, f)
			p.outEnd = append(p.outEnd, -1)
			continue
		}
		pos, from := 0, 0
		if !j.fresh && p.end[i] >= 0 {
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
	j.hits(p)
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

// hits turns a part's findings into hits: documents with an exact hit (an
// ID prefix or a field holding the query) are scored as Reference's
// exactHit does; the others by fuzzy, field by field, as Reference's
// collectFuzzy does.
func (j *job) hits(p *part) {
	defer func() { slices.SortFunc(p.hits, compareHits) }()
	ix := j.ix
	idRunes := utf8.RuneCountInString(j.qs)
	var idx []int
	var fuzzyRanges []Range
	var order []int32
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
			h := Hit{Doc: int(d), Exact: true}
			if !j.noRanges {
				h.Ranges = make(map[int][]Range, a-a0+b-b0)
			}
			for _, f := range p.outIDs[a0:a] {
				h.Score += weights[KindID]
				if !j.noRanges {
					h.Ranges[int(ix.fNum[f])] = []Range{{0, idRunes}}
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
			p.hits = append(p.hits, h)
			continue
		}
		var h *Hit
		fields := p.outSub[c0:c]
		sorted := false
		if j.noRanges && len(fields) > 1 {
			// Only the best score counts: the shorter texts first, and none
			// that cannot beat it (see scoreBound).
			order = append(order[:0], fields...)
			slices.SortFunc(order, func(a, b int32) int { return len(ix.fText[a]) - len(ix.fText[b]) })
			fields, sorted = order, true
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
			score, idx, ok = j.pat.match(text, keys, ix.fFlags[f]&flagPlain != 0, idx)
			if !ok {
				continue
			}
			var rs []Range
			if !j.noRanges || j.runs { // the run rule needs the ranges
				start := len(fuzzyRanges)
				fuzzyRanges = appendRuneRanges(fuzzyRanges, text, idx, ix.fFlags[f]&flagPlain != 0)
				rs = fuzzyRanges[start:len(fuzzyRanges):len(fuzzyRanges)]
				if !acceptFuzzy(rs, j.runs) {
					fuzzyRanges = fuzzyRanges[:start]
					continue
				}
				if j.noRanges {
					fuzzyRanges = fuzzyRanges[:start]
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
}

// docJob prepares a query for docHits (nil for an empty query): a list
// asks for the rows it shows one by one, with the same query.
func (ix *Index) docJob(query string) *job {
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil
	}
	q := []rune(qs)
	return &job{ix: ix, ctx: context.Background(), qs: qs, q: q, pat: newPattern(qs, ix.freq), runs: needsRuns(q),
		lowerQ: ix.freq.finder(string(q)), qRunes: len(q), fresh: true, docOnly: true}
}

// docHits returns Index.Search's hit for document d alone (nil if it does
// not match): Reference's result for that document, ranges included. j may
// be nil (an empty query).
func (j *job) docHits(d int) []Hit {
	if j == nil {
		return nil
	}
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
	return p.hits
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
	noRanges bool // hits without Ranges (the Engine's, see Engine.Ranges)
	mu       sync.Mutex
	stacks   [2][]*state // per form, each one's query a prefix of the next's
}

// maxStack bounds the queries a session remembers per form.
const maxStack = 64

// NewSession returns a session on the index.
func (ix *Index) NewSession() *Session { return &Session{ix: ix} }

// Search returns what Index.Search returns for query, reusing earlier
// queries' findings. It returns ctx's error if ctx ends first.
func (s *Session) Search(ctx context.Context, query string) ([]Hit, error) {
	return s.search(ctx, query, 0)
}

// search is Search on the stack of form 0 (the query as typed) or 1 (its
// other form).
func (s *Session) search(ctx context.Context, query string, form int) ([]Hit, error) {
	qs := strings.ToLower(Normalize(query))
	if qs == "" {
		return nil, nil
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
	return st.hits, nil
}
