package importplan

import (
	"sync"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// checkCausality refuses a file holding a new change that breaks causality
// (data.CheckReference): a status change whose parent, or a note edit or
// deletion whose note, is not an earlier change (lower clock) of the right
// kind on the same measure. With every reference going to a lower clock, no
// cycle can exist, so nothing more is needed. Each reference costs one map
// lookup: in the part of the import that holds the change it names (the
// file holds it: statusfile checks that), or else in the data file. A
// change the data file already holds was checked when it was imported, or
// is older than the rule (Derive ignores such references; scoplan check
// reports them).
//
// It runs between planPart.plan and planPart.finish, one goroutine per
// part (the parts' maps are only read), and records a refusal as plan
// does, so that Make reports the first refused line of the files. It then
// calls finish on every part, in parallel as plan did before.
func checkCausality(files []*statusfile.File, parts []planPart, owner func(id string) int, snap *Snapshot) {
	failed := false
	for i := range parts {
		failed = failed || parts[i].err != nil
	}
	lookup := func(id string) *data.Change {
		q := &parts[owner(id)]
		if i, ok := q.seen[id]; ok {
			return q.entries[i].c
		}
		return snap.State.Change(id)
	}
	each := func(fn func(p *planPart)) {
		var wg sync.WaitGroup
		for i := range parts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				fn(&parts[i])
			}()
		}
		wg.Wait()
	}
	if !failed {
		each(func(p *planPart) { p.checkCausality(files, lookup) })
	}
	// Only once every part is checked: finish changes what lookup reads.
	each((*planPart).finish)
}

// checkCausality checks the references of the part's new changes and
// records the first (in the order of the files) that breaks causality.
func (p *planPart) checkCausality(files []*statusfile.File, lookup func(id string) *data.Change) {
	for k := range p.entries {
		e := &p.entries[k]
		if e.known {
			continue
		}
		if err := data.CheckCausality(e.c, lookup); err != nil {
			p.err = &statusfile.Error{File: files[e.file].Name, Kind: statusfile.ErrDamaged, Problem: "is damaged: " + err.Error()}
			p.errFile, p.errLine = e.file, e.line
			return // entries are in the order of the files: this is the part's first
		}
	}
}
