package data

import (
	"encoding/hex"
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

// TestExtendedEqualsAddDerived: Extended makes the state AddDerived makes,
// and leaves the state it extends exactly as it was.
func TestExtendedEqualsAddDerived(t *testing.T) {
	a := newAuthor("aaaaaaaaaaaaaaaa", "A")
	b := newAuthor("bbbbbbbbbbbbbbbb", "B")
	var first, second []*Change
	for i := 0; i < 30; i++ {
		m := fmt.Sprintf("1.1.%d", i%3+1)
		first = append(first, a.change(ChangeNoteAdd, m, func(c *Change) { c.Text = fmt.Sprint("a", i) }))
		second = append(second, b.change(ChangeStatus, m, func(c *Change) { c.Status = Statuses[i%4] }))
	}
	ms := []string{"1.1.1", "1.1.2", "1.1.3"}
	base, plain := build(first), build(first)
	before := snapshot(base, ms)
	derived := map[string]*MeasureState{"1.1.1": base.Preview("1.1.1", filterMeasure(second, "1.1.1"))}
	ext := base.Extended(second, derived)
	plain.AddDerived(second, derived)
	if got, want := snapshot(ext, ms), snapshot(plain, ms); !reflect.DeepEqual(got, want) {
		t.Errorf("Extended:\n%v\nAddDerived:\n%v", got, want)
	}
	if ext.Len() != plain.Len() || ext.MaxClock() != plain.MaxClock() {
		t.Errorf("length or clock differ")
	}
	// The base is untouched, also after more changes go into both.
	more := a.change(ChangeNoteAdd, "1.1.1", func(c *Change) { c.Text = "later" })
	ext.Add(more)
	if got := snapshot(base, ms); !reflect.DeepEqual(got, before) || base.Len() != len(first) || base.Has(second[0].ID) {
		t.Errorf("the base changed:\n%v\nwas:\n%v", got, before)
	}
	if len(base.MeasureChanges("1.1.1")) != 10 {
		t.Errorf("the base's measure holds %d changes", len(base.MeasureChanges("1.1.1")))
	}
}

func filterMeasure(cs []*Change, m string) []*Change {
	var out []*Change
	for _, c := range cs {
		if c.Measure == m {
			out = append(out, c)
		}
	}
	return out
}

// TestIsHex: isHex accepts exactly what hex.DecodeString decodes, for every
// pair of bytes, at the length asked.
func TestIsHex(t *testing.T) {
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			s := string([]byte{byte(a), byte(b)})
			_, err := hex.DecodeString(s)
			if got := isHex(s, 2); got != (err == nil) {
				t.Fatalf("isHex(%q) = %v, hex.DecodeString: %v", s, got, err)
			}
		}
	}
	if isHex("abc", 2) || isHex("ab", 4) || !isHex("", 0) {
		t.Errorf("length not checked")
	}
}

// TestWithoutEqualsNeverAdded: Without makes the state that holds the
// other changes only, and leaves the state it starts from as it was.
func TestWithoutEqualsNeverAdded(t *testing.T) {
	a := newAuthor("aaaaaaaaaaaaaaaa", "A")
	var keep, drop []*Change
	for i := 0; i < 20; i++ {
		m := fmt.Sprintf("1.1.%d", i%3+1)
		keep = append(keep, a.change(ChangeStatus, m, func(c *Change) { c.Status = Statuses[i%4] }))
		// Nothing but what is dropped on 1.1.4.
		drop = append(drop, a.change(ChangeNoteAdd, "1.1.4", func(c *Change) { c.Text = fmt.Sprint("n", i) }))
		drop = append(drop, a.change(ChangeStatus, m, func(c *Change) { c.Status = Statuses[(i+1)%4] }))
	}
	full := build(append(append([]*Change(nil), keep...), drop...))
	ms := []string{"1.1.1", "1.1.2", "1.1.3", "1.1.4"}
	before := snapshot(full, ms)
	var ids []string
	for _, c := range drop {
		ids = append(ids, c.ID)
	}
	got := full.Without(append(ids, "not-a-known-id"))
	want := build(keep)
	if g, w := snapshot(got, ms), snapshot(want, ms); !reflect.DeepEqual(g, w) {
		t.Errorf("Without:\n%v\nnever added:\n%v", g, w)
	}
	if got.MaxClock() != want.MaxClock() || got.Len() != want.Len() || got.Measure("1.1.4").NoteCount() != 0 {
		t.Errorf("clock %d (want %d), length %d (want %d)", got.MaxClock(), want.MaxClock(), got.Len(), want.Len())
	}
	if !reflect.DeepEqual(snapshot(full, ms), before) || full.Len() != len(keep)+len(drop) {
		t.Errorf("Without changed the state it started from")
	}
}
