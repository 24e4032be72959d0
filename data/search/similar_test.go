package search

import "testing"

// TestSimilarRowsAreNotCounted: a query no measure matches lists similar
// rows, and neither Matching nor Counts counts them as found.
func TestSimilarRowsAreNotCounted(t *testing.T) {
	e := engine(nil)
	q := Query{Text: "trnsprt crrdr"}
	rows := e.Run(q)
	matching, similar := Matching(rows)
	if len(rows) == 0 || matching != 0 || similar != len(rows) {
		t.Fatalf("%d rows: %d matching, %d similar", len(rows), matching, similar)
	}
	c := e.Counts(q)
	n := 0
	for _, v := range c.Status {
		n += v
	}
	if n != 0 || len(c.Body) != 0 || len(c.Kind) != 0 {
		t.Errorf("similar rows counted: %+v", c)
	}
	// A query that matches: every row counts.
	q = Query{Text: "transport"}
	rows = e.Run(q)
	if m, s := Matching(rows); m != len(rows) || s != 0 || m == 0 {
		t.Errorf("transport: %d matching, %d similar of %d", m, s, len(rows))
	}
	n = 0
	for _, v := range e.Counts(q).Status {
		n += v
	}
	if n != len(rows) {
		t.Errorf("transport: status counts %d, rows %d", n, len(rows))
	}
}
