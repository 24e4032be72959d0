package data_test

import (
	"testing"

	"scoplan/data"
)

// BenchmarkSince100kProgress is the overview's progress over time at the
// scale of issue 12, for all delegations together and for one: compare it
// with BenchmarkSince100kReadLog in the same run.
//
//	go test ./data -run '^$' -bench 'Since100k(Progress|ReadLog)' -benchtime 10x
func BenchmarkSince100kProgress(b *testing.B) {
	p, cs := since100k()
	ids := make([]string, len(p.Measures))
	for i, m := range p.Measures {
		ids[i] = m.ID
	}
	for _, deleg := range []string{"", "KZ"} {
		name := "all"
		if deleg != "" {
			name = deleg
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sinkN = len(data.ProgressOverTime(cs, ids, deleg))
			}
			b.ReportMetric(float64(sinkN), "days")
		})
	}
}
