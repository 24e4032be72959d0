package importplan

import (
	"crypto/ed25519"
	"sort"

	"scoplan/data"
	"scoplan/storage/statusfile"
)

// Why says why a change of a file was refused (docs/FORMAT.md, format 2).
// The words a user reads are made by the command line and the window.
type Why int

// The reasons a change is refused.
const (
	// WhyAlteredID: a format 2 change whose ID is not the hash of its
	// content (an ID reused for other content, or a change altered).
	WhyAlteredID Why = iota + 1
	// WhyReusedID: the data file, or an earlier file of the import, holds
	// other content under this change's ID (and this change is not a
	// signed one that displaces an unsigned one: see Displaces).
	WhyReusedID
	// WhyUnknownKey: no public key is known for the change's author.
	WhyUnknownKey
	// WhySignature: the change is not signed by its author's key.
	WhySignature
	// WhyBrokenFeed: the change's previous change in its author's feed is
	// missing, or is not its author's change just before it.
	WhyBrokenFeed
	// WhyUnsigned: a change without signature in the name of a key that
	// signs its changes (format 2): only its author's file may carry one.
	WhyUnsigned
	// WhyDepends: the change depends on a refused change (Refusal.On): it
	// follows it in its author's feed, or supersedes it, or is about it.
	WhyDepends
)

// Refusal is a change of a file that the import refuses, by name.
type Refusal struct {
	File    int // index in Result.Files
	ID      string
	Kind    data.ChangeKind
	Measure string // empty for a meeting
	Author  string // the key fingerprint the change claims
	Name    string // the name the change claims
	Why     Why
	On      string // WhyDepends: the refused change it depends on
}

// Fork is a key that wrote two changes at one place of its feed: two
// histories, usually one data file copied to two computers.
type Fork struct {
	Key  string
	Name string
	Seq  uint64
}

// FeedPos is a place in an author's feed.
type FeedPos struct {
	Author string
	Seq    uint64
}

// Displaces reports whether the change c of a file (altered: its ID is not
// the hash of its content) may take the place of the change known under
// its ID: c is signed, so its ID is the hash of its content, and known is
// not signed. A random format 1 ID cannot equal the hash of a content
// written later, so the unsigned change copied the ID: a squatter, which
// would otherwise keep the author's change, and every later change of the
// author's feed, out for good. c still has to verify as its author's like
// any signed change; a signed change known is never displaced.
func Displaces(c *data.Change, altered bool, known *data.Change) bool {
	return c.Signed() && !altered && !known.Signed()
}

// Line verdicts, per file and line.
const (
	lineOK         uint8 = iota // verified (or known already)
	lineUnverified              // a format 1 change relayed by someone else than its author
	lineRefused
)

// verifier checks the files of an import one after the other, in order:
// what an earlier file verified need not be verified again (a relayed
// feed repeats the same lines, shared between files by statusfile.Cache).
type verifier struct {
	snap     *Snapshot
	verified map[*data.Change]bool // feed tips verified so far in this import
	accepted map[string]*data.Change
	feeds    map[string]bool              // authors with a verified feed in this import
	keys     map[string]ed25519.PublicKey // keys learnt from the files' headers, for verified authors
	// The IDs at each verified place of a feed, in this import: by author,
	// indexed by seq-1 (a slice, cheaper than a map of every place on a
	// large import), and in far for a seq too large for a slice.
	seqs    map[string][]string
	far     map[FeedPos]string
	status  [][]uint8                // per file and line
	refused []Refusal                // in the order found
	forks   map[int]map[FeedPos]Fork // per file
}

func newVerifier(files []*statusfile.File, snap *Snapshot) *verifier {
	// The maps hold up to one entry per line: sized once, they are not
	// grown (rehashed) over and over on a large import.
	lines := 0
	for _, f := range files {
		lines += len(f.Lines)
	}
	lines = min(lines, 1<<20)
	v := &verifier{snap: snap, verified: map[*data.Change]bool{}, accepted: make(map[string]*data.Change, lines),
		feeds: map[string]bool{}, keys: map[string]ed25519.PublicKey{}, seqs: map[string][]string{}, far: map[FeedPos]string{},
		status: make([][]uint8, len(files)), forks: map[int]map[FeedPos]Fork{}}
	for fi, f := range files {
		v.file(fi, f)
	}
	return v
}

func (v *verifier) key(f *statusfile.File, author string) ed25519.PublicKey {
	if k := f.Keys[author]; k != nil {
		return k
	}
	if k := v.keys[author]; k != nil {
		return k
	}
	return v.snap.Keys[author]
}

// hasFeed reports whether the author's key is known to sign its changes.
func (v *verifier) hasFeed(author string) bool {
	_, known := v.snap.Keys[author]
	return known && author != "" || v.feeds[author]
}

// file checks one file's new lines.
func (v *verifier) file(fi int, f *statusfile.File) {
	st := make([]uint8, len(f.Lines))
	v.status[fi] = st
	why := map[int]Refusal{}
	refuse := func(li int, w Why, on string) {
		if st[li] == lineRefused {
			return
		}
		st[li] = lineRefused
		c := f.Lines[li].Change
		why[li] = Refusal{File: fi, ID: c.ID, Kind: c.Kind, Measure: c.Measure, Author: c.Author, Name: c.Name, Why: w, On: on}
	}
	// The file's new signed lines, by ID; the rest checked on the way.
	var signed []int
	byID := make(map[string]int, len(f.Lines))
	for li := range f.Lines {
		l := &f.Lines[li]
		c := l.Change
		if c == nil {
			continue // known already, with the same bytes
		}
		if known := v.snap.State.Change(c.ID); known != nil && !Displaces(c, l.AlteredID, known) && !known.SameContent(c) {
			refuse(li, WhyReusedID, "")
			continue
		}
		// The same against what an earlier file of the import brought
		// (files parsed together share one change for the same bytes),
		// so that what depends on this line is refused with it below.
		acc := v.accepted[c.ID]
		if acc != nil && acc != c && !Displaces(c, l.AlteredID, acc) && !acc.SameContent(c) {
			refuse(li, WhyReusedID, "")
			continue
		}
		if c.Signed() {
			if l.AlteredID {
				refuse(li, WhyAlteredID, "")
				continue
			}
			if acc == c {
				continue // accepted from an earlier file, with the same bytes
			}
			byID[c.ID] = li
			signed = append(signed, li)
		}
	}
	// Signed changes: tips first (highest place in their feed first); a
	// verified change vouches for the chain behind it through prev.
	sort.Slice(signed, func(a, b int) bool {
		x, y := f.Lines[signed[a]].Change, f.Lines[signed[b]].Change
		if x.Seq != y.Seq {
			return x.Seq > y.Seq
		}
		return x.ID < y.ID
	})
	done := make([]bool, len(f.Lines))
	for _, li := range signed {
		if done[li] || st[li] == lineRefused {
			continue
		}
		c := f.Lines[li].Change
		k := v.key(f, c.Author)
		if k == nil {
			refuse(li, WhyUnknownKey, "")
			continue
		}
		if !v.verified[c] && !statusfile.VerifyChange(k, c) {
			refuse(li, WhySignature, "")
			continue
		}
		// Only tips are remembered: a change of the chain below it that
		// another file brings again is the same change (statusfile.Cache)
		// and skipped as accepted; one that is a tip there is verified by
		// its own signature.
		v.verified[c] = true
		// Walk down the chain: each change's ID is the hash of its
		// content, prev included, so the signature covers them all.
		for cur := li; ; {
			cc := f.Lines[cur].Change
			done[cur] = true
			if cc.Seq == 1 {
				break
			}
			pi, inFile := byID[cc.Prev]
			if !inFile {
				break // known or verified before: checked below
			}
			pc := f.Lines[pi].Change
			if pc.Author != cc.Author || pc.Seq != cc.Seq-1 || done[pi] {
				break
			}
			cur = pi
		}
		if f.Keys[c.Author] != nil {
			v.keys[c.Author] = f.Keys[c.Author]
		}
		v.feeds[c.Author] = true
	}
	// The chain of every signed change: its previous change is its
	// author's change just before it, in the file, the data file or an
	// earlier file of the import.
	for _, li := range signed {
		if st[li] == lineRefused {
			continue
		}
		c := f.Lines[li].Change
		if c.Seq == 1 {
			continue
		}
		var p *data.Change
		if pi, ok := byID[c.Prev]; ok {
			p = f.Lines[pi].Change
		} else if p = v.accepted[c.Prev]; p == nil {
			p = v.snap.State.Change(c.Prev)
		}
		if p == nil || !p.Signed() || p.Author != c.Author || p.Seq != c.Seq-1 {
			refuse(li, WhyBrokenFeed, "")
		}
	}
	// Unsigned (format 1) changes: the exporter's own are vouched for by
	// the file's signature; another author's are kept unverified, unless
	// that author's key signs its changes (then it is a forgery).
	for li := range f.Lines {
		c := f.Lines[li].Change
		if c == nil || c.Signed() || st[li] == lineRefused {
			continue
		}
		switch {
		case c.Author == f.Header.Exporter.Key:
		case v.hasFeed(c.Author):
			refuse(li, WhyUnsigned, "")
		default:
			st[li] = lineUnverified
		}
	}
	// What depends on a refused change is refused too, until nothing
	// more is.
	refusedIDs := map[string]bool{}
	for li := range why {
		refusedIDs[f.Lines[li].Change.ID] = true
	}
	for more := len(refusedIDs) > 0; more; {
		more = false
		for li := range f.Lines {
			c := f.Lines[li].Change
			if c == nil || st[li] == lineRefused {
				continue
			}
			on := ""
			switch {
			case refusedIDs[c.Prev]:
				on = c.Prev
			case c.Note != "" && refusedIDs[c.Note]:
				on = c.Note
			default:
				for _, p := range c.Parents {
					if refusedIDs[p] {
						on = p
						break
					}
				}
			}
			if on != "" && !refusedIDs[c.ID] {
				refuse(li, WhyDepends, on)
				refusedIDs[c.ID] = true
				more = true
			}
		}
	}
	// What this file brings is accepted: later files may build on it.
	for li := range f.Lines {
		c := f.Lines[li].Change
		if c == nil || st[li] == lineRefused {
			continue
		}
		// A signed change takes the place of an unsigned one an earlier
		// file brought under its ID (see Displaces).
		if old, ok := v.accepted[c.ID]; !ok || Displaces(c, false, old) {
			v.accepted[c.ID] = c
		}
		if c.Signed() {
			v.fork(fi, c)
		}
	}
	lis := make([]int, 0, len(why))
	for li := range why {
		lis = append(lis, li)
	}
	sort.Ints(lis)
	for _, li := range lis {
		v.refused = append(v.refused, why[li])
	}
}

// fork notes a signed change at a place of its feed that another change
// holds already (in the data file or the import).
func (v *verifier) fork(fi int, c *data.Change) {
	pos := FeedPos{c.Author, c.Seq}
	other, ok := v.placed(pos)
	if !ok {
		other, ok = v.snap.Feeds[pos]
	}
	if !ok {
		v.place(pos, c.ID)
		return
	}
	if other == c.ID {
		return
	}
	if v.forks[fi] == nil {
		v.forks[fi] = map[FeedPos]Fork{}
	}
	v.forks[fi][pos] = Fork{Key: c.Author, Name: c.Name, Seq: c.Seq}
}

// maxSlicedSeq is the highest seq whose place is kept in a slice; a
// higher one (only a hostile file writes one) goes in a map.
const maxSlicedSeq = 1 << 16

// placed returns the ID at a place of a feed, if this import saw one.
func (v *verifier) placed(pos FeedPos) (string, bool) {
	if pos.Seq > maxSlicedSeq {
		id, ok := v.far[pos]
		return id, ok
	}
	ids := v.seqs[pos.Author]
	if pos.Seq > uint64(len(ids)) || ids[pos.Seq-1] == "" {
		return "", false
	}
	return ids[pos.Seq-1], true
}

// place records the ID at a place of a feed.
func (v *verifier) place(pos FeedPos, id string) {
	if pos.Seq > maxSlicedSeq {
		v.far[pos] = id
		return
	}
	ids := v.seqs[pos.Author]
	if n := int(pos.Seq); n > len(ids) {
		ids = append(ids, make([]string, n-len(ids))...)
	}
	ids[pos.Seq-1] = id
	v.seqs[pos.Author] = ids
}
