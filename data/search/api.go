// Package search answers the queries of the search field and the filters
// over the plan and the current states (Engine), and defines their results
// (Reference). The index and the matcher that make a keystroke fast live in
// internal/index, the languages a measure is found in (translations,
// pinyin, Russian stems) in internal/lang.
package search

import "scoplan/data/search/internal/index"

// The documents searched and the hits found: see package internal/index.
type (
	// Kind says what a field of a document holds; it decides the field's weight.
	Kind = index.Kind
	// Field is one searchable string of a document.
	Field = index.Field
	// Doc is what is searched for one measure.
	Doc = index.Doc
	// Range is a run of matched runes [Start, End) in a field's text.
	Range = index.Range
	// Hit is one document that matches a query.
	Hit = index.Hit
)

// The kinds of field a document has.
const (
	KindID       = index.KindID       // the measure ID: matched as a prefix only
	KindText     = index.KindText     // the measure's text (in any language)
	KindTitle    = index.KindTitle    // the title of the measure's section
	KindBody     = index.KindBody     // a responsible body's name or alias
	KindNote     = index.KindNote     // a note's text
	KindPhonetic = index.KindPhonetic // a phonetic key of a Chinese field (pinyin); hits are mapped back
)

// Normalize prepares a query: surrounding space removed, inner runs of white
// space made one space.
func Normalize(q string) string { return index.Normalize(q) }

// Reference is the plain, unoptimised search: every document is checked
// against the query's words (the word rules, described in
// internal/index/words.go and docs/SEARCH.md); when none matches, every
// field is folded and scanned for the query as a substring and fuzzy.Find
// runs over every non-ID field of the documents with no exact hit, and
// those hits are marked Similar. It defines the results; the Engine must
// return exactly the same (the tests hold it to that).
func Reference(docs []Doc, query string) []Hit { return index.Reference(docs, query) }

// Similar reports whether the row is a loose match: one found only because
// no measure matches the search text's words. A result never mixes them:
// either every row with a hit matches, or every row is similar. The GUI
// says "similar" instead of counting such rows as found; Counts leaves
// them out.
func (r Row) Similar() bool { return r.Hit != nil && r.Hit.Similar }

// Matching returns how many of rows match the search text and how many are
// only similar (see Row.Similar). With no search text every row matches.
func Matching(rows []Row) (matching, similar int) {
	for _, r := range rows {
		if r.Similar() {
			similar++
		} else {
			matching++
		}
	}
	return matching, similar
}
