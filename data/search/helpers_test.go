package search

import (
	"scoplan/data"
	"scoplan/data/search/internal/index"
	"scoplan/data/search/internal/lang"
)

// What the tests ask of the engine's parts directly, built as NewEngine
// builds them.

// testKeys derives keys for the tests that call keyers themselves.
var testKeys = lang.NewKeys(nil)

// keyers returns the keyers every engine's documents are derived with.
func keyers() []index.Keyer { return testKeys.Keyers() }

func altQuery(q string) string { return testKeys.AltQuery(q) }

// buildDocs returns the documents a new engine searches for the plan.
func buildDocs(p *data.Plan, states map[string]*data.MeasureState) []Doc {
	e := NewEngine(p, states, today)
	return e.docs(e.fields())
}

// newIndex indexes documents derived with keyers().
func newIndex(docs []Doc) *index.Index { return index.New(docs, keyers()) }

// searchAnyForm searches for a query and its other form with search, as the
// engine does, with the ranges moved to the fields they come from.
func searchAnyForm(docs []Doc, query string, search func(string) ([]Hit, error)) ([]Hit, error) {
	return index.SearchAnyForm(query, altQuery, search, func(d int, r map[int][]Range) map[int][]Range {
		return docs[d].SourceRanges(r, keyers())
	})
}
