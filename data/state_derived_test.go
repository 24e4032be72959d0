package data

import (
	"fmt"
	"reflect"
	"testing"
)

// TestAddDerivedEqualsAdd: adding changes with the states Preview derived
// gives the same state as Add.
func TestAddDerivedEqualsAdd(t *testing.T) {
	a := newAuthor("aaaaaaaaaaaaaaaa", "A")
	b := newAuthor("bbbbbbbbbbbbbbbb", "B")
	var first, second []*Change
	for i := 0; i < 20; i++ {
		m := fmt.Sprintf("1.1.%d", i%3+1)
		first = append(first, a.change(ChangeStatus, m, func(c *Change) { c.Status = Statuses[i%4] }))
		second = append(second, b.change(ChangeNoteAdd, m, func(c *Change) { c.Text = fmt.Sprint("n", i) }))
		second = append(second, b.change(ChangeStatus, m, func(c *Change) { c.Status = Statuses[(i+1)%4] }))
	}
	plain, fast := build(first), build(first)
	derived := map[string]*MeasureState{}
	for _, m := range []string{"1.1.1", "1.1.2"} { // 1.1.3 is left to AddDerived to derive
		var extra []*Change
		for _, c := range second {
			if c.Measure == m {
				extra = append(extra, c)
			}
		}
		derived[m] = fast.Preview(m, extra)
	}
	plain.Add(second...)
	fast.AddDerived(second, derived)
	ms := []string{"1.1.1", "1.1.2", "1.1.3"}
	if got, want := snapshot(fast, ms), snapshot(plain, ms); !reflect.DeepEqual(got, want) {
		t.Errorf("AddDerived:\n%v\nAdd:\n%v", got, want)
	}
	if fast.MaxClock() != plain.MaxClock() || fast.Len() != plain.Len() {
		t.Errorf("clock or length differ")
	}
}
