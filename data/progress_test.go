package data

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// TestProgressOverTimeMatchesAsOf checks the one pass over the log against
// the definition: at every day it gives, and on the days between, the
// counts are those of the state derived with StateAsOf, for all
// delegations together and for each one, on random logs with concurrent
// changes, conflicts and wall clocks that disagree with the Lamport clocks.
func TestProgressOverTimeMatchesAsOf(t *testing.T) {
	rng := rand.New(rand.NewSource(12))
	measures := []string{"1.1.1", "1.1.2", "1.1.3", "2.1.1"}
	deleg := []string{"KZ", "KZ", "RU", "CN"}
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for round := 0; round < 25; round++ {
		var all []*Change
		seen := make([]*State, len(deleg))
		for i := range seen {
			seen[i] = NewState()
			seen[i].SetOwn(deleg[i])
		}
		for i := 0; i < 60; i++ {
			a := rng.Intn(len(deleg))
			m := measures[rng.Intn(len(measures))]
			c := &Change{ID: hid(round*1000 + i + 1), Kind: ChangeStatus, Measure: m, Author: fmt.Sprintf("%016x", a+1),
				Delegation: deleg[a], Time: base.Add(time.Duration(rng.Intn(10*24)) * time.Hour), Clock: seen[a].MaxClock() + 1,
				Status: Statuses[rng.Intn(len(Statuses))]}
			if rng.Intn(5) == 0 { // a note: not a status, never counted
				c.Kind, c.Status, c.Text = ChangeNoteAdd, "", "n"
			} else {
				c.Parents = seen[a].StatusHeads(m)
			}
			seen[a].Add(c)
			if rng.Intn(3) == 0 { // an exchange
				seen[rng.Intn(len(seen))].Add(all...)
			}
			all = append(all, c)
		}
		// A change on a measure not counted changes nothing.
		all = append(all, &Change{ID: hid(round*1000 + 999), Kind: ChangeStatus, Measure: "9.9.9", Author: kA, Delegation: "KZ",
			Time: base.Add(30 * time.Hour), Clock: 1, Status: StatusDone})
		for _, who := range []string{"", "KZ", "RU", "CN", "UZ"} {
			points := ProgressOverTime(all, measures, who)
			byDay := map[Date]ProgressPoint{}
			for i, p := range points {
				if i > 0 && !points[i-1].Day.Time().Before(p.Day.Time()) {
					t.Fatalf("days not in order: %s then %s", points[i-1].Day, p.Day)
				}
				byDay[p.Day] = p
			}
			if who == "UZ" && len(points) != 0 {
				t.Errorf("%d points for a delegation that set nothing", len(points))
			}
			var last ProgressPoint
			for d := 0; d < 11; d++ {
				day := NewDate(base.AddDate(0, 0, d))
				st := StateAsOf(all, day, who)
				want := ProgressPoint{Day: day}
				for _, id := range measures {
					ms := st.Measure(id)
					s := StatusNotStarted
					if ms != nil {
						s = ms.StatusOf(who).Status
						if who == "" {
							s = CombinedStatus(ms)
						}
					}
					switch s {
					case StatusDone:
						want.Done++
					case StatusInProgress:
						want.InProgress++
					case StatusBlocked:
						want.Blocked++
					default:
						want.NotStarted++
					}
				}
				got, ok := byDay[day]
				if !ok { // no change that day: the counts of the day before
					got = last
					got.Day = day
					if len(points) == 0 || day.Time().Before(points[0].Day.Time()) {
						got = ProgressPoint{Day: day, NotStarted: len(measures)}
					}
				}
				if got != want {
					t.Fatalf("round %d, %q, %s: got %+v, want %+v", round, who, day, got, want)
				}
				last = got
			}
		}
	}
}

func TestCombinedStatus(t *testing.T) {
	ds := func(ss ...Status) *MeasureState {
		m := &MeasureState{Statuses: map[string]*DelegationStatus{}}
		for i, s := range ss {
			m.Statuses[fmt.Sprint(i)] = &DelegationStatus{Status: s}
		}
		return m
	}
	for _, c := range []struct {
		in   []Status
		want Status
	}{
		{nil, StatusNotStarted},
		{[]Status{StatusInProgress, StatusNotStarted}, StatusInProgress},
		{[]Status{StatusInProgress, StatusBlocked}, StatusBlocked},
		{[]Status{StatusBlocked, StatusDone, StatusInProgress}, StatusDone},
	} {
		if got := CombinedStatus(ds(c.in...)); got != c.want {
			t.Errorf("%v: %s, want %s", c.in, got, c.want)
		}
	}
}
