package data

import (
	"fmt"
	"testing"
	"time"
)

func at(day string, hour int) time.Time {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic(err)
	}
	return t.Add(time.Duration(hour) * time.Hour)
}

func TestStateAsOf(t *testing.T) {
	a1 := &Change{ID: hid(1), Kind: ChangeStatus, Measure: "1.1.1", Author: kA, Delegation: "KZ", Time: at("2026-03-01", 23), Clock: 1, Status: StatusInProgress}
	n := &Change{ID: hid(2), Kind: ChangeNoteAdd, Measure: "1.1.1", Author: kA, Delegation: "KZ", Time: at("2026-03-02", 0), Clock: 2, Text: "x"}
	a2 := &Change{ID: hid(3), Kind: ChangeStatus, Measure: "1.1.1", Author: kA, Delegation: "KZ", Time: at("2026-03-05", 9), Clock: 3, Status: StatusDone, Parents: []string{hid(1)}}
	all := []*Change{a2, n, a1}
	d := func(s string) Date { x, _ := ParseDate(s); return x }
	cases := []struct {
		day    string
		status Status
		notes  int
	}{
		{"2026-02-28", StatusNotStarted, 0},
		{"2026-03-01", StatusInProgress, 0}, // 23:00 counts; midnight of the 2nd does not
		{"2026-03-02", StatusInProgress, 1},
		{"2026-03-05", StatusDone, 1},
	}
	for _, c := range cases {
		m := StateAsOf(all, d(c.day), "KZ").Measure("1.1.1")
		if m.Status != c.status || len(m.Notes) != c.notes {
			t.Errorf("as of %s: %s with %d notes, want %s with %d", c.day, m.Status, len(m.Notes), c.status, c.notes)
		}
	}
	if got := StateAsOf(all, d("2026-03-01"), "RU").Measure("1.1.1").Status; got != StatusNotStarted {
		t.Errorf("viewed for RU: %s", got)
	}
}

const kA, kB = "00000000000000aa", "00000000000000bb"

func hid(n int) string { return fmt.Sprintf("%032x", n) }
