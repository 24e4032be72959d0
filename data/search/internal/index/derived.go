package index

import (
	"runtime"
	"slices"
	"sync"
)

// Key is a searchable text derived from a field's text, such as the pinyin
// of its Chinese or the stems of its Russian words. Spans[i] holds the runes
// of the field's text that rune i of the key stands for; a separator has an
// empty span.
type Key struct {
	Kind  Kind
	Text  string
	Spans []Range
}

// A Keyer derives keys from a field. Derive adds every key to the document
// as a field of its own and records its Origin; hits in a key are moved to
// the field it comes from (SourceRanges), so a highlight always marks the
// characters the user sees. A keyer must be deterministic: the spans are
// not stored in the document but derived again when they are needed.
type Keyer func(Field) []Key

// Origin says where a derived field comes from: it is key N of keyer Keyer
// applied to field Field of the same document.
type Origin struct {
	Field, Keyer, N int
}

// Derive appends the keys the keyers derive from the document's fields to
// fs and returns the origins of the appended fields by their index (nil
// when there are none).
func Derive(fs []Field, keyers []Keyer) ([]Field, map[int]Origin) {
	var origins map[int]Origin
	own := len(fs)
	for f := 0; f < own; f++ {
		for k, keyer := range keyers {
			for n, key := range keyer(fs[f]) {
				if origins == nil {
					origins = map[int]Origin{}
				}
				origins[len(fs)] = Origin{Field: f, Keyer: k, N: n}
				fs = append(fs, Field{key.Kind, key.Text})
			}
		}
	}
	return fs, origins
}

// SourceRanges returns a hit's ranges with those found in derived fields
// moved into the fields they come from (merged and in order there). Ranges
// in the document's own fields are returned as they are; ranges itself is
// not changed. keyers are those the document's keys were derived with.
func (d *Doc) SourceRanges(ranges map[int][]Range, keyers []Keyer) map[int][]Range {
	return d.sourceRanges(ranges, len(keyers), func(o Origin) []Key { return keyers[o.Keyer](d.Fields[o.Field]) })
}

// sourceRanges is SourceRanges with the keys of a derived field's origin
// given by keysOf (the Index keeps them at hand).
func (d *Doc) sourceRanges(ranges map[int][]Range, keyers int, keysOf func(Origin) []Key) map[int][]Range {
	if len(d.Derived) == 0 || ranges == nil {
		return ranges
	}
	moved := false
	for f := range ranges {
		if _, ok := d.Derived[f]; ok {
			moved = true
			break
		}
	}
	if !moved {
		return ranges
	}
	out := make(map[int][]Range, len(ranges))
	touched := map[int]bool{}
	for f, rs := range ranges {
		o, ok := d.Derived[f]
		if !ok {
			out[f] = append(out[f], rs...)
			continue
		}
		if o.Keyer >= keyers || o.Field >= len(d.Fields) {
			continue
		}
		keys := keysOf(o)
		if o.N >= len(keys) {
			continue
		}
		spans := keys[o.N].Spans
		for _, r := range rs {
			for i := r.Start; i < r.End && i < len(spans); i++ {
				if s := spans[i]; s.End > s.Start {
					out[o.Field] = append(out[o.Field], s)
					touched[o.Field] = true
				}
			}
		}
	}
	for f := range touched {
		out[f] = mergeRanges(out[f])
	}
	return out
}

// mergeRanges sorts ranges and joins those that overlap or touch.
func mergeRanges(rs []Range) []Range {
	slices.SortFunc(rs, func(a, b Range) int { return a.Start - b.Start })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.Start <= out[n-1].End {
			if r.End > out[n-1].End {
				out[n-1].End = r.End
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

// mergeHits joins the hits of two searches of the same documents (a query
// and its alternative form, see AltQuery): a document found by both keeps an
// exact hit over a fuzzy one, the better score, and the ranges of both.
func mergeHits(a, b []Hit) []Hit {
	docs := 0
	for _, h := range a {
		docs = max(docs, h.Doc+1)
	}
	at := make([]int32, docs) // 1 + the index in a of each document's hit
	for i, h := range a {
		at[h.Doc] = int32(i + 1)
	}
	out := append([]Hit(nil), a...)
	for _, h := range b {
		if h.Doc >= docs || at[h.Doc] == 0 {
			out = append(out, h)
			continue
		}
		i := at[h.Doc] - 1
		g := out[i]
		switch {
		case h.Exact && !g.Exact:
			out[i] = h
		case h.Exact == g.Exact:
			merged := Hit{Doc: g.Doc, Exact: g.Exact, Similar: g.Similar, Score: max(g.Score, h.Score), Ranges: map[int][]Range{}}
			for f, rs := range g.Ranges {
				merged.Ranges[f] = append(merged.Ranges[f], rs...)
			}
			for f, rs := range h.Ranges {
				merged.Ranges[f] = mergeRanges(append(merged.Ranges[f], rs...))
			}
			out[i] = merged
		}
	}
	sortHits(out)
	return out
}

// SearchAnyForm searches the documents for a query with search and, when
// the query has another form (alt: a Russian query's stems), for that form
// too, merging the hits. source moves the ranges of each hit found in
// derived keys to the fields they come from (Index.SourceRanges). search is
// the Index's search (or any search that gives Reference's results).
func SearchAnyForm(query string, alt func(string) string, search func(string) ([]Hit, error), source func(doc int, r map[int][]Range) map[int][]Range) ([]Hit, error) {
	hits, err := search(query)
	if err != nil {
		return nil, err
	}
	if alt := alt(query); alt != "" {
		more, err := search(alt)
		if err != nil {
			return nil, err
		}
		// Matches of either form hide the similar hits of the other.
		switch {
		case len(more) > 0 && !more[0].Similar && (len(hits) == 0 || hits[0].Similar):
			hits = more
		case len(hits) > 0 && !hits[0].Similar && (len(more) == 0 || more[0].Similar):
		default:
			hits = mergeHits(hits, more)
		}
	}
	// Moving ranges costs a map per hit: with many hits, over the cores.
	parts := 1
	if len(hits) > 2000 {
		parts = min(runtime.GOMAXPROCS(0), 8)
	}
	move := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			hits[i].Ranges = source(hits[i].Doc, hits[i].Ranges)
		}
	}
	if parts == 1 {
		move(0, len(hits))
		return hits, nil
	}
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			move(len(hits)*p/parts, len(hits)*(p+1)/parts)
		}()
	}
	wg.Wait()
	return hits, nil
}
