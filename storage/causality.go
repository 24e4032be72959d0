package storage

import (
	"errors"
	"fmt"

	"scoplan/data"
)

// causalDamage reports, as damage of r, every stored change that breaks
// causality (docs/FORMAT.md, "What a reader checks"): one that refers to
// itself or names a parent twice, or whose parent or note is not an earlier
// change of the right kind on the same measure. A data file written before
// imports checked this may hold such a change. It returns the other
// changes: what Check recovers leaves the broken ones out (and closed then
// leaves out what refers to them), so that no export carries them.
func causalDamage(r *CheckReport, cs []*data.Change) []*data.Change {
	byID := make(map[string]*data.Change, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	lookup := func(id string) *data.Change { return byID[id] }
	out := cs[:0:0]
	for _, c := range cs {
		err := c.Validate()
		if !errors.Is(err, data.ErrReference) {
			err = data.CheckCausality(c, lookup)
		}
		if err != nil {
			r.Damage = append(r.Damage, Damage{fmt.Sprintf("change %q", c.ID), err.Error()})
			continue
		}
		out = append(out, c)
	}
	return out
}
