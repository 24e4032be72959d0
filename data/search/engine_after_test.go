package search

import (
	"testing"
	"unsafe"

	"scoplan/data"
)

// An engine rebuilt after a status change shares the index of the one
// before (no field changed), and still filters by the new status; after a
// note change it builds its own index, which finds the note.
func TestEngineAfterSharesIndexUntilAFieldChanges(t *testing.T) {
	p := data.Load()
	id := p.Measures[3].ID
	e1 := NewEngine(p, nil, today)
	e1.Index()

	done := map[string]*data.MeasureState{id: {DelegationStatus: data.DelegationStatus{Status: data.StatusDone}}}
	e2 := NewEngine(p, done, today, After(e1))
	if e2.Index() != e1.Index() {
		t.Error("a status change built the index again")
	}
	rows := e2.Run(Query{Filter: Filter{Statuses: []data.Status{data.StatusDone}}})
	if len(rows) != 1 || rows[0].Measure.ID != id {
		t.Errorf("done after the status change: %d rows, want %s alone", len(rows), id)
	}

	noted := map[string]*data.MeasureState{id: {DelegationStatus: data.DelegationStatus{Status: data.StatusDone},
		Notes: []*data.Note{{Text: "quokka census"}}}}
	e3 := NewEngine(p, noted, today, After(e2))
	if e3.Index() == e2.Index() {
		t.Fatal("a new note did not build a new index")
	}
	if rows := e3.Run(Query{Text: "quokka"}); len(rows) != 1 || rows[0].Measure.ID != id || rows[0].Similar() {
		t.Errorf("quokka after the note: %d rows", len(rows))
	}
	if rows := e2.Run(Query{Text: "quokka"}); len(rows) != 0 && !rows[0].Similar() {
		t.Errorf("quokka before the note: %d rows", len(rows))
	}
	// e3 took its keys over from e1 through e2, which derived none: a
	// pinyin key of a measure whose fields did not change is the same
	// string, not derived again.
	derived := func(e *Engine) *byte {
		d := e.Index().Docs()[0]
		for _, field := range d.Fields {
			if field.Kind == KindPhonetic {
				return unsafe.StringData(field.Text)
			}
		}
		t.Fatal("no pinyin key in the first measure's document")
		return nil
	}
	if derived(e3) != derived(e1) {
		t.Error("the engine after a shared one derived its keys again")
	}
	// Back to the fields of e2: e4 shares e3's index only if the fields
	// are e3's, which they are not.
	e4 := NewEngine(p, done, today, After(e3))
	if e4.Index() == e3.Index() {
		t.Error("the note's removal kept the index holding it")
	}
	if rows := e4.Run(Query{Text: "quokka"}); len(rows) != 0 && !rows[0].Similar() {
		t.Errorf("quokka after the note's removal: %d rows", len(rows))
	}
}
