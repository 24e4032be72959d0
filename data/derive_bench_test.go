package data_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"scoplan/bench/plangen"
	"scoplan/data"
)

// The scale of issue 11: the 10,000-measure generated plan with every
// member state and the Secretariat reporting on every measure (two people
// each, the second superseding the first: 220,000 status changes).
// "all delegations" derives it as scoplan does, a status per delegation;
// "same changes, one delegation" derives the same changes all labelled with
// one delegation, the work of one status per measure: the baseline, in the
// same run.
//
//	go test ./data -run '^$' -bench Derive10k -benchtime 5x -count 3
var derive10k = sync.OnceValues(func() ([]*data.Change, []*data.Change) {
	g, err := plangen.Generate(10, 10, 100, 5)
	if err != nil {
		panic(err)
	}
	delegs := []string{"BY", "CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ", "SCO"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var all, one []*data.Change
	n := 0
	for _, m := range g.Plan.Measures {
		for d, code := range delegs {
			var prev string
			for p := 0; p < 2; p++ {
				n++
				c := &data.Change{ID: fmt.Sprintf("%032x", n), Kind: data.ChangeStatus, Measure: m.ID, Author: fmt.Sprintf("%016x", d*2+p+1),
					Name: "Delegate", Delegation: code, Time: start.Add(time.Duration(n) * time.Second), Clock: uint64(n), Status: data.Statuses[(d+p)%4]}
				if prev != "" {
					c.Parents = []string{prev}
				}
				prev = c.ID
				all = append(all, c)
				o := *c
				o.Delegation = "KZ"
				one = append(one, &o)
			}
		}
	}
	return all, one
})

func BenchmarkDerive10k(b *testing.B) {
	all, one := derive10k()
	for _, bc := range []struct {
		name    string
		changes []*data.Change
	}{{"same changes, one delegation", one}, {"all delegations", all}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				s := data.NewState()
				s.SetOwn("KZ")
				s.Add(bc.changes...)
				sinkN += s.Len()
			}
			b.ReportMetric(float64(len(bc.changes)), "changes")
		})
	}
}
