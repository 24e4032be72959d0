package storage

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scoplan/data"
)

// breaksCausality says why a stored change breaks causality
// (docs/FORMAT.md, "What a reader checks"), or returns nil: it refers to
// itself or names a parent twice, or a parent or note that lookup knows is
// not an earlier change of the right kind on the same measure. A data file
// written before imports checked this may hold such a change.
func breaksCausality(c *data.Change, lookup func(id string) *data.Change) error {
	if err := c.ValidateReferences(); err != nil {
		return err
	}
	return data.CheckCausality(c, lookup)
}

// causalDamage reports, as damage of r, every change of cs that breaks
// causality, and returns the others: what Check recovers leaves the broken
// ones out (and closed then leaves out what refers to them), so that no
// export from the recovered file carries them.
func causalDamage(r *CheckReport, cs []*data.Change) []*data.Change {
	byID := make(map[string]*data.Change, len(cs))
	for _, c := range cs {
		byID[c.ID] = c
	}
	lookup := func(id string) *data.Change { return byID[id] }
	out := cs[:0:0]
	for _, c := range cs {
		if err := breaksCausality(c, lookup); err != nil {
			r.Damage = append(r.Damage, Damage{fmt.Sprintf("change %q", c.ID), strings.TrimPrefix(err.Error(), "change "+c.ID+" ")})
			continue
		}
		out = append(out, c)
	}
	return out
}

// exportable returns the changes of cs an export carries: all but those
// that break causality and those that refer to them, however indirectly
// (a status file is closed: docs/FORMAT.md). A colleague's scoplan refuses
// a file holding one, so carrying it would make every export of this data
// file useless; scoplan check names them. When nothing breaks causality
// (always, for a data file written since imports check it) cs is returned
// as it is, for one lookup per reference.
func exportable(cs []*data.Change, lookup func(id string) *data.Change) []*data.Change {
	var bad map[string]bool
	for _, c := range cs {
		if breaksCausality(c, lookup) != nil {
			if bad == nil {
				bad = map[string]bool{}
			}
			bad[c.ID] = true
		}
	}
	if bad == nil {
		return cs
	}
	// Every reference of a change kept so far goes to a lower clock: in
	// the order of clocks, what a change refers to is decided before it.
	byClock := slices.Clone(cs)
	slices.SortFunc(byClock, func(a, b *data.Change) int { return cmp.Compare(a.Clock, b.Clock) })
	for _, c := range byClock {
		if bad[c.ID] {
			continue
		}
		for _, id := range c.References() {
			if bad[id] {
				bad[c.ID] = true
				break
			}
		}
	}
	return slices.DeleteFunc(slices.Clone(cs), func(c *data.Change) bool { return bad[c.ID] })
}
