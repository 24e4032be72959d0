// Package importplan works out what importing status files does, as pure
// functions over a read-only Snapshot of the data file: which changes are
// new (Make), refused or known, the values the write puts (Batch), the
// signers, and the measures' states after the import (Plan.Derive). Parse
// reads and checks the files on every core. The store takes the snapshot,
// writes the plan and swaps its state.
package importplan

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"hash/maphash"
	"maps"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// BatchSize is how many changes an import writes in one value of the
// changes bucket (about 80 KB).
const BatchSize = 256

// Plan is what applying a set of files writes.
type Plan struct {
	Result  *Result
	Changes []*data.Change    // new changes
	Raw     [][]byte          // their canonical JSON, in the same order
	Digests []uint64          // and its hash (Snapshot.Seed), for the store's digests
	Batches []Batch           // the new changes as the write puts them
	Signers map[string][]byte // signer records to write, by fingerprint
	Sums    [][32]byte        // checksums of the files, to remember
	Sigs    [][]byte          // and their signatures, verified
	// Unverified holds the IDs of the new changes nothing proves the
	// author of (format 1 changes relayed by others), for the store to
	// keep aside; their changes have Unverified set.
	Unverified []string
	// Keys holds the public keys to remember, by fingerprint: those of
	// the authors of new signed changes that the data file did not know.
	Keys map[string][]byte
	// Displaced holds the IDs of the unsigned changes of the data file
	// that a new signed change with the same ID displaces (see
	// Displaces), sorted: the store removes them before it writes the
	// new changes, which then hold their IDs.
	Displaced []string
	// Dropped holds the IDs of the data file's changes that referred to
	// a displaced change and cannot follow the change that displaces it
	// (data.CheckReference: a parent that is not an earlier status change
	// of the same measure, say), and of those that referred to them in
	// turn, sorted: the store removes them too. A signed change is kept
	// (removing it would break its author's feed), and so is a change a
	// new change of the import or a kept one refers to.
	Dropped []string
	// Base is the snapshot's state without the displaced and dropped
	// changes (Removed), with the measures they were about derived again
	// (Derive sets it; nil when nothing is removed): the state the new
	// changes are added to.
	Base *data.State
	// byMeasure holds the new changes on each measure, with their file.
	byMeasure map[string][]PreviewChange
	// Derived holds each touched measure's state after the import (see
	// Derive).
	Derived map[string]*data.MeasureState
}

// Removed returns the IDs of the data file's changes the import removes:
// the displaced and the dropped ones.
func (pl *Plan) Removed() []string {
	if len(pl.Dropped) == 0 {
		return pl.Displaced
	}
	return slices.Concat(pl.Displaced, pl.Dropped)
}

// Snapshot is what planning reads of the data file. Planning changes none
// of it; the store holds its lock (read or write) while it plans.
type Snapshot struct {
	Plan    *data.Plan
	State   *data.State              // the changes the data file holds, and the measures' states
	Seed    maphash.Seed             // of the digests of the changes' bytes
	Me      string                   // this installation's own key fingerprint
	Now     time.Time                // when a signer's new name is first seen
	Signers map[string]*SignerRecord // the signers bucket, by fingerprint
	// Keys holds the public keys of the authors whose signed changes the
	// data file holds (the own key included), by fingerprint.
	Keys map[string]ed25519.PublicKey
	// Feeds holds the ID at each place of the feeds the data file holds
	// (one of them where a feed forked).
	Feeds map[FeedPos]string
}

// SignerRecord is the value in the signers bucket, keyed by fingerprint.
type SignerRecord struct {
	PublicKey string       `json:"public_key"`
	Names     []SignerName `json:"names"`
}

// SignerName is a name and delegation a key signed with.
type SignerName struct {
	Name       string    `json:"name"`
	Delegation string    `json:"delegation,omitempty"`
	First      time.Time `json:"first"` // when an import first saw this key use this name
}

// Make works out what the files bring against the snapshot:
// the new changes, each counted for the first file that holds it, and the
// refusal of a change whose ID is taken by other content (the first such
// line in the order of the files). hint is the number of lines decoded, to
// size the maps. Derive then works out the measures' new states.
//
// The work is split by change ID over the cores (each part takes the IDs
// of one hash value); the batches the write puts are then made in the
// order of the files (see makeBatches).
func Make(files []*statusfile.File, hint int, snap *Snapshot) (*Plan, error) {
	pl := &Plan{Result: &Result{}, Signers: map[string][]byte{}, Keys: map[string][]byte{}, byMeasure: map[string][]PreviewChange{}}
	res := pl.Result
	for _, f := range files {
		pl.Sums = append(pl.Sums, f.Sum)
		pl.Sigs = append(pl.Sigs, f.Signature)
		fs := FileSummary{Name: f.Name, Exported: f.Header.Exported, Changes: len(f.Lines),
			PlanVersion: f.Header.PlanVersion, OtherPlanText: f.Header.PlanVersion != snap.Plan.Version()}
		if f.Seen {
			fs.Changes = f.Header.Changes
		}
		res.Files = append(res.Files, fs)
	}
	ver := newVerifier(files, snap)
	parts := make([]planPart, min(runtime.GOMAXPROCS(0), 16))
	seed := maphash.MakeSeed()
	owner := func(id string) int { return int(maphash.String(seed, id) % uint64(len(parts))) }
	var wg sync.WaitGroup
	for i := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i].plan(files, ver.status, snap, func(id string) bool { return owner(id) == i }, hint/len(parts)+1)
		}()
	}
	wg.Wait()
	checkCausality(files, parts, owner, snap) // causality.go
	var first *planPart                       // the part with the first line breaking causality
	for i := range parts {
		p := &parts[i]
		if p.err != nil && (first == nil || p.errFile < first.errFile || p.errFile == first.errFile && p.errLine < first.errLine) {
			first = p
		}
	}
	if first != nil {
		return nil, first.err
	}
	news := 0
	for i := range parts {
		news += len(parts[i].news)
	}
	pl.Changes = make([]*data.Change, 0, news)
	pl.Raw = make([][]byte, 0, news)
	pl.Digests = make([]uint64, 0, news)
	for i := range parts {
		pl.Displaced = append(pl.Displaced, parts[i].displaced...)
		for _, e := range parts[i].news {
			e.c.Unverified = e.unverified
			if e.unverified {
				pl.Unverified = append(pl.Unverified, e.c.ID)
			}
			if e.c.Signed() && snap.Keys[e.c.Author] == nil && pl.Keys[e.c.Author] == nil {
				if k := ver.keys[e.c.Author]; k != nil {
					pl.Keys[e.c.Author] = k
				}
			}
			pl.Changes = append(pl.Changes, e.c)
			pl.Raw = append(pl.Raw, e.raw)
			pl.Digests = append(pl.Digests, e.digest)
		}
		for m, news := range parts[i].byMeasure {
			if pl.byMeasure[m] == nil {
				pl.byMeasure[m] = news
			} else {
				pl.byMeasure[m] = append(pl.byMeasure[m], news...)
			}
		}
	}
	slices.Sort(pl.Displaced)
	pl.Batches = makeBatches(files, parts)
	for i := range parts {
		for fi, sum := range parts[i].counts {
			res.Files[fi].Summary.add(sum)
			res.Total.add(sum)
		}
	}
	planDropped(pl, parts, snap)
	planRefusals(pl, ver, parts, snap)
	planSigners(files, pl, snap)
	planMoves(pl, snap)
	return pl, nil
}

// planRefusals puts the refused changes and the forks in the files'
// summaries. A change one file brings refused and another accepted (with
// its key, say) is imported, and not listed.
func planRefusals(pl *Plan, ver *verifier, parts []planPart, snap *Snapshot) {
	all := slices.Clone(ver.refused)
	for i := range parts {
		all = append(all, parts[i].refused...)
	}
	accepted := make(map[string]bool, len(pl.Changes))
	for _, c := range pl.Changes {
		accepted[c.ID] = true
	}
	type seen struct {
		id  string
		why Why
	}
	listed := map[seen]bool{}
	for _, r := range all {
		// A reused ID is listed whatever holds the ID: other content.
		if accepted[r.ID] && r.Why != WhyReusedID || listed[seen{r.ID, r.Why}] {
			continue
		}
		if known := snap.State.Change(r.ID); r.Why != WhyReusedID && r.Why != WhyAlteredID && known != nil && known.Signed() {
			// Known already, with this content: nothing to refuse. (A
			// signed change that would have displaced an unsigned one
			// under its ID, but is refused, is listed.)
			continue
		}
		listed[seen{r.ID, r.Why}] = true
		f := &pl.Result.Files[r.File]
		f.Refused = append(f.Refused, r)
		pl.Result.Total.RefusedChanges++
		f.RefusedChanges++
	}
	for i := range pl.Result.Files {
		f := &pl.Result.Files[i]
		sort.SliceStable(f.Refused, func(a, b int) bool { return f.Refused[a].ID < f.Refused[b].ID })
		for _, k := range ver.forks[i] {
			f.Forks = append(f.Forks, k)
		}
		sort.Slice(f.Forks, func(a, b int) bool {
			return f.Forks[a].Key < f.Forks[b].Key || f.Forks[a].Key == f.Forks[b].Key && f.Forks[a].Seq < f.Forks[b].Seq
		})
		f.ForkCount = len(f.Forks)
		pl.Result.Total.ForkCount += len(f.Forks)
	}
}

// planDropped finds the data file's changes that a displacement leaves
// referring to a change they cannot follow, or that edit or delete a
// displaced note without a signature (Plan.Dropped), and counts them
// for the file that brings the displacing change. It costs a pass over the
// data file's changes, only when something is displaced.
func planDropped(pl *Plan, parts []planPart, snap *Snapshot) {
	if len(pl.Displaced) == 0 {
		return
	}
	displaced := make(map[string]bool, len(pl.Displaced))
	for _, id := range pl.Displaced {
		displaced[id] = true
	}
	by := map[string]PreviewChange{} // the displacing changes, with their file
	for i := range parts {
		for _, e := range parts[i].news {
			if displaced[e.c.ID] {
				by[e.c.ID] = PreviewChange{e.c, e.file}
			}
		}
	}
	known := snap.State.Changes() // in the order of clocks: what a change refers to comes first
	bad := map[string]int{}       // ID → the file of the displacement it follows from
	for more := true; more; {
		more = false
		for _, c := range known {
			if _, ok := bad[c.ID]; ok || displaced[c.ID] {
				continue
			}
			for _, ref := range c.References() {
				f, ok := bad[ref]
				if d, isDisplaced := by[ref]; !ok && isDisplaced && (data.CheckReference(c, d.Change) != nil || editsForgery(c, ref)) {
					f, ok = d.File, true
				}
				if ok {
					bad[c.ID] = f
					more = true
					break
				}
			}
		}
	}
	if len(bad) == 0 {
		return
	}
	// A signed change stays: removing it would break its author's feed
	// (it is left as a data file written before the causality rule keeps
	// one). What a new change or one that stays refers to stays, with
	// what it refers to in turn.
	var keep []string
	for id := range bad {
		if snap.State.Change(id).Signed() {
			keep = append(keep, id)
		}
	}
	for _, c := range pl.Changes {
		keep = append(keep, c.References()...)
	}
	for len(keep) > 0 {
		id := keep[len(keep)-1]
		keep = keep[:len(keep)-1]
		if _, ok := bad[id]; ok {
			delete(bad, id)
			keep = append(keep, snap.State.Change(id).References()...)
		}
	}
	for id, f := range bad {
		pl.Dropped = append(pl.Dropped, id)
		pl.Result.Files[f].Dropped++
		pl.Result.Total.Dropped++
	}
	slices.Sort(pl.Dropped)
}

// editsForgery reports whether c, an unsigned change, edits or deletes the
// note of the displaced change id: it was written about the squatter's
// text, and would otherwise apply, in whoever's name it claims, to the
// note that takes its place (an unsigned edit claiming the author's key
// would change the author's own words).
func editsForgery(c *data.Change, id string) bool {
	return !c.Signed() && (c.Kind == data.ChangeNoteEdit || c.Kind == data.ChangeNoteDelete) && c.Note == id
}

// planMoves finds, per file, the keys the data file knew under some
// delegations (by their changes, or the names they signed files with)
// whose new changes claim another delegation.
func planMoves(pl *Plan, snap *Snapshot) {
	if len(pl.Changes) == 0 {
		return
	}
	known := map[string]map[string]bool{} // author key -> delegation keys
	note := func(key, deleg string) {
		if known[key] == nil {
			known[key] = map[string]bool{}
		}
		known[key][deleg] = true
	}
	for _, c := range snap.State.Changes() {
		note(c.Author, data.DelegationKey(c.Delegation))
	}
	for key, r := range snap.Signers {
		for _, n := range r.Names {
			note(key, data.DelegationKey(n.Delegation))
		}
	}
	type move struct {
		file    int
		key, to string
	}
	seen := map[move]bool{}
	for _, news := range pl.byMeasure {
		for _, n := range news {
			c, to := n.Change, data.DelegationKey(n.Change.Delegation)
			was := known[c.Author]
			if len(was) == 0 || was[to] {
				continue
			}
			m := move{n.File, c.Author, to}
			if seen[m] {
				continue
			}
			seen[m] = true
			var from []string
			for d := range was {
				from = append(from, d)
			}
			sort.Strings(from)
			f := &pl.Result.Files[n.File]
			f.Moves = append(f.Moves, DelegationMove{Key: c.Author, Name: c.Name, From: from, To: to})
		}
	}
	for i := range pl.Result.Files {
		sort.Slice(pl.Result.Files[i].Moves, func(a, b int) bool {
			x, y := pl.Result.Files[i].Moves[a], pl.Result.Files[i].Moves[b]
			return x.Key < y.Key || x.Key == y.Key && x.To < y.To
		})
	}
}

// planPart is one part of Make: the changes whose ID is in it.
type planPart struct {
	news      []planEntry // the new changes, in the order of the files
	byMeasure map[string][]PreviewChange
	counts    []Summary // per file
	refused   []Refusal // lines whose ID an earlier line holds with other content
	displaced []string  // the IDs of the data file's changes a new one displaces
	// The first line (in the order of the files) of the part that breaks
	// causality (checkCausality): the import is refused as damaged.
	err              error
	errFile, errLine int
	// Between plan and finish: every change of the part (seen: ID → index in
	// entries), for checkCausality's lookups.
	seen    map[string]int
	entries []planEntry
}

type planEntry struct {
	c      *data.Change
	raw    []byte
	file   int
	line   int    // in the file's Lines
	known  bool   // in the data file already
	digest uint64 // of raw, for Plan.Digests (new changes only)
	// unverified: every file that brings it relays it unverified.
	unverified bool
}

func (p *planPart) plan(files []*statusfile.File, status [][]uint8, snap *Snapshot, mine func(id string) bool, hint int) {
	p.counts = make([]Summary, len(files))
	entries := make([]planEntry, 0, hint)
	seen := make(map[string]int, hint) // change ID → index in entries
	for fi, f := range files {
		for li := range f.Lines {
			l := &f.Lines[li]
			c := l.Change
			if c == nil || !mine(c.ID) || status[fi][li] == lineRefused {
				continue // known with the same bytes, another part's, or refused
			}
			unverified := status[fi][li] == lineUnverified
			if i, ok := seen[c.ID]; ok {
				// Files parsed together share one change for the same
				// bytes: comparing pointers is enough then.
				if e := &entries[i]; e.c != c && !bytes.Equal(e.raw, l.Raw) {
					if !e.known && Displaces(c, l.AlteredID, e.c) {
						// An unsigned change of an earlier file holds
						// the ID of this signed, verified one: this one
						// takes its place in the import.
						p.counts[e.file].uncount(e.c)
						p.counts[fi].count(c)
						p.counts[fi].Displaced++
						*e = planEntry{c: c, raw: l.Raw, file: fi, line: li, digest: maphash.Bytes(snap.Seed, l.Raw)}
						continue
					}
					// A format 1 ID an earlier file holds with other
					// content: this change alone is refused.
					p.refused = append(p.refused, Refusal{File: fi, ID: c.ID, Kind: c.Kind, Measure: c.Measure, Author: c.Author, Name: c.Name, Why: WhyReusedID})
				} else if !unverified {
					e.unverified = false
				}
				continue
			}
			seen[c.ID] = len(entries)
			if known := snap.State.Change(c.ID); known != nil {
				if !Displaces(c, l.AlteredID, known) {
					// Known with the same content (the verifier refused
					// other content under a known ID).
					entries = append(entries, planEntry{c: c, raw: l.Raw, file: fi, known: true})
					continue
				}
				// The verifier passed it: a verified signed change
				// displaces the unsigned one holding its ID.
				p.displaced = append(p.displaced, c.ID)
				p.counts[fi].Displaced++
			}
			entries = append(entries, planEntry{c: c, raw: l.Raw, file: fi, line: li, digest: maphash.Bytes(snap.Seed, l.Raw), unverified: unverified})
			p.counts[fi].count(c)
		}
	}
	p.seen, p.entries = seen, entries // for checkCausality, which calls finish
}

// finish keeps the new changes of the part and groups them by measure.
func (p *planPart) finish() {
	p.news = slices.DeleteFunc(p.entries, func(e planEntry) bool { return e.known })
	p.entries, p.seen = nil, nil
	p.byMeasure = map[string][]PreviewChange{}
	for _, e := range p.news {
		p.byMeasure[e.c.Measure] = append(p.byMeasure[e.c.Measure], PreviewChange{e.c, e.file})
	}
}

// makeBatches groups the new changes into the values the write puts: in
// the order of the files, a run of up to BatchSize changes that a file
// brings first and that lie one after the other in it, each followed by
// its newline, is one value, a slice of the file's content itself (no
// copy), keyed by its first change's ID; a change alone is its line.
func makeBatches(files []*statusfile.File, parts []planPart) []Batch {
	// The lines each file brings first.
	fresh := make([][]bool, len(files))
	n := 0
	for i := range parts {
		for _, e := range parts[i].news {
			if fresh[e.file] == nil {
				fresh[e.file] = make([]bool, len(files[e.file].Lines))
			}
			fresh[e.file][e.line] = true
			n++
		}
	}
	out := make([]Batch, 0, n/BatchSize+len(files))
	for fi, f := range files {
		var run []byte // the run's lines and newlines so far
		lines := 0
		flush := func() {
			switch lines {
			case 0:
				return
			case 1:
				out = append(out, Batch{run[:len(run)-1], 1}) // a change alone: its line
			default:
				out = append(out, Batch{run, lines})
			}
			run, lines = nil, 0
		}
		for li, isFresh := range fresh[fi] {
			if !isFresh {
				flush()
				continue
			}
			raw := f.Lines[li].Raw
			// The next line follows the run in the same content when the
			// run, extended over it, ends with the line itself.
			if lines > 0 && lines < BatchSize && cap(run) >= len(run)+len(raw)+1 {
				ext := run[:len(run)+len(raw)+1]
				if &ext[len(run)] == &raw[0] && ext[len(ext)-1] == '\n' {
					run, lines = ext, lines+1
					continue
				}
			}
			flush()
			if cap(raw) > len(raw) && raw[:len(raw)+1][len(raw)] == '\n' {
				run, lines = raw[:len(raw)+1], 1
			} else { // not followed by its newline in memory (never, for a parsed file)
				out = append(out, Batch{raw, 1})
			}
		}
		flush()
	}
	return out
}

// Batch is one value the write puts: one change's line, or several lines
// each followed by a newline.
type Batch struct {
	Value []byte
	Lines int
}

// Key returns the ID of the batch's first change (every line starts with
// it: statusfile checks that), the value's key.
func (b Batch) Key() []byte {
	return b.Value[len(`{"id":"`) : len(`{"id":"`)+data.ChangeIDHexLen]
}

// Derive works out the state of each measure the import touches, in
// parallel (measures are independent), and fills in the result's measures
// and conflict counts.
func (pl *Plan) Derive(snap *Snapshot) {
	res := pl.Result
	// The measures the displaced changes were about change too, even
	// with no new change on them; the new changes are added to the state
	// without the displaced ones.
	base := snap.State
	displacedOn := map[string]bool{}
	if removed := pl.Removed(); len(removed) > 0 {
		for _, id := range removed {
			if c := snap.State.Change(id); c != nil {
				displacedOn[c.Measure] = true
			}
		}
		base = snap.State.Without(removed)
		pl.Base = base
	}
	var ids []string
	for _, m := range snap.Plan.Measures {
		if _, ok := pl.byMeasure[m.ID]; ok || displacedOn[m.ID] {
			ids = append(ids, m.ID)
		}
	}
	out := make([]MeasurePreview, len(ids))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(ids)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(ids) {
					return
				}
				news := pl.byMeasure[ids[i]]
				// Order the new changes as the history shows them; in
				// that order they also make Derive's sort quick.
				slices.SortFunc(news, func(a, b PreviewChange) int { return data.CompareHistory(a.Change, b.Change) })
				extra := make([]*data.Change, len(news))
				for k, n := range news {
					extra[k] = n.Change
				}
				before := snap.State.Measure(ids[i])
				after := base.Preview(ids[i], extra)
				out[i] = MeasurePreview{Measure: ids[i], Before: before, After: after, New: news,
					NewConflict: gained(before.Conflicts(), after.Conflicts()), Resolved: gained(after.Conflicts(), before.Conflicts())}
			}
		}()
	}
	wg.Wait()
	pl.Derived = make(map[string]*data.MeasureState, len(ids))
	for _, mp := range out {
		pl.Derived[mp.Measure] = mp.After
		if mp.NewConflict {
			res.Total.Conflicts++
			for _, fi := range statusFiles(mp.New) {
				res.Files[fi].Conflicts++
			}
		}
		if mp.Resolved {
			res.Total.Resolved++
			for _, fi := range statusFiles(mp.New) {
				res.Files[fi].Resolved++
			}
		}
	}
	res.Measures = out
}

// statusFiles returns the files that bring the status changes among news.
func statusFiles(news []PreviewChange) []int {
	var out []int
	seen := map[int]bool{}
	for _, n := range news {
		if n.Change.Kind == data.ChangeStatus && !seen[n.File] {
			seen[n.File] = true
			out = append(out, n.File)
		}
	}
	return out
}

// planSigners fills in each file's Signer and the signer records to write.
// A file's signer is judged against the records as the files before it in
// the import leave them. The snapshot's records are not changed: a record
// that changes is copied first.
func planSigners(files []*statusfile.File, pl *Plan, snap *Snapshot) {
	records := maps.Clone(snap.Signers)
	if records == nil {
		records = map[string]*SignerRecord{}
	}
	copied := map[string]bool{} // the records copied from the snapshot's or new
	// Skeletons are worked out once per name, not once per comparison: a
	// large import compares every file's signer with every record.
	skeletons := map[string]string{}
	skeletonOf := func(name string) string {
		sk, ok := skeletons[name]
		if !ok {
			sk = data.NameSkeleton(name)
			skeletons[name] = sk
		}
		return sk
	}
	for i, f := range files {
		e := f.Header.Exporter
		sg := Signer{Name: e.Name, Delegation: e.Delegation, Key: e.Key, Yours: e.Key == snap.Me}
		label := nameLabel(e.Name, e.Delegation)
		if r := records[e.Key]; r != nil {
			sg.Known = true
			for _, n := range r.Names {
				if l := nameLabel(n.Name, n.Delegation); l != label {
					sg.OtherNames = append(sg.OtherNames, l)
				}
			}
		}
		// Another key with this name, or with a name that looks the same
		// (invisible or look-alike characters, see data.NameSkeleton), and
		// the same delegation: someone may be writing as someone else.
		skeleton, deleg := skeletonOf(e.Name), data.DelegationKey(e.Delegation)
		for k, r := range records {
			if k == e.Key || skeleton == "" {
				continue
			}
			for _, n := range r.Names {
				if skeletonOf(n.Name) == skeleton && data.DelegationKey(n.Delegation) == deleg {
					sg.OtherKeys = append(sg.OtherKeys, k)
					if n.Name != e.Name {
						sg.LookAlikes = append(sg.LookAlikes, nameLabel(n.Name, n.Delegation)+", key "+k)
					}
					break
				}
			}
		}
		sort.Strings(sg.OtherKeys)
		sort.Strings(sg.LookAlikes)
		pl.Result.Files[i].Signer = sg
		if sg.Yours {
			continue
		}
		// Remember this key and name for later imports.
		r := records[e.Key]
		switch {
		case r == nil:
			r = &SignerRecord{PublicKey: e.PublicKey}
		case !copied[e.Key]:
			r = &SignerRecord{PublicKey: r.PublicKey, Names: slices.Clone(r.Names)}
		}
		records[e.Key], copied[e.Key] = r, true
		seen := false
		for _, n := range r.Names {
			if n.Name == e.Name && n.Delegation == e.Delegation {
				seen = true
			}
		}
		if !seen {
			r.Names = append(r.Names, SignerName{Name: e.Name, Delegation: e.Delegation, First: snap.Now.UTC().Truncate(time.Second)})
			buf, _ := json.Marshal(r)
			pl.Signers[e.Key] = buf
		}
	}
}

// gained reports whether after holds a key that before does not (both
// sorted): a delegation whose status became a conflict, or, with the
// arguments swapped, one whose conflict was resolved.
func gained(before, after []string) bool {
	for _, k := range after {
		if _, found := slices.BinarySearch(before, k); !found {
			return true
		}
	}
	return false
}
