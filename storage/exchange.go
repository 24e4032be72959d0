package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/internal/atomicfile"
	"scoplan/storage/statusfile"
)

// ExportBytes returns a signed status file holding every change the data
// file knows (the user's own and every change imported from others, so a
// secretariat's file relays everyone's notes), and the number of changes.
func (s *Store) ExportBytes() ([]byte, int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, 0, ErrClosed
	}
	changes := s.state.Changes()
	h := statusfile.Header{
		Plan:        data.PlanID,
		PlanVersion: s.plan.Version(),
		Exported:    s.now(),
		App:         s.app,
		Exporter:    statusfile.Exporter{Name: s.me.Name, Delegation: s.me.Delegation},
	}
	content, err := statusfile.Encode(h, s.PublicKey(), changes, s.Sign)
	if err != nil {
		return nil, 0, fmt.Errorf("cannot write the status file: %w", err)
	}
	return content, len(changes), nil
}

// Export writes a signed status file to path (see ExportBytes). The file
// appears complete or not at all: it is written to a temporary file in the
// same folder, synced and renamed. It returns the number of changes written.
func (s *Store) Export(path string) (int, error) {
	content, n, err := s.ExportBytes()
	if err != nil {
		return 0, err
	}
	if err := atomicfile.WriteFile(path, content); err != nil {
		return 0, err
	}
	return n, nil
}

// Summary counts what an import brings.
type Summary struct {
	NewChanges    int // changes not in the data file before
	NewNotes      int // notes added
	NoteEdits     int // edits of notes
	NoteDeletions int // notes deleted
	StatusChanges int // status changes
	Conflicts     int // measures that become a status conflict
	Resolved      int // measures whose status conflict the import resolves
}

// NothingNew reports whether the import brings nothing at all.
func (s Summary) NothingNew() bool { return s.NewChanges == 0 }

func (s *Summary) add(o Summary) {
	s.NewChanges += o.NewChanges
	s.NewNotes += o.NewNotes
	s.NoteEdits += o.NoteEdits
	s.NoteDeletions += o.NoteDeletions
	s.StatusChanges += o.StatusChanges
	s.Conflicts += o.Conflicts
	s.Resolved += o.Resolved
}

func (s *Summary) count(c *data.Change) {
	s.NewChanges++
	switch c.Kind {
	case data.ChangeNoteAdd:
		s.NewNotes++
	case data.ChangeNoteEdit:
		s.NoteEdits++
	case data.ChangeNoteDelete:
		s.NoteDeletions++
	case data.ChangeStatus:
		s.StatusChanges++
	}
}

// Signer is who signed an imported file, and what the data file knew of
// that key and that name before.
type Signer struct {
	Name       string
	Delegation string
	Key        string // the key's fingerprint
	Yours      bool   // signed by this installation's own key
	// Known is true when this key signed a file imported before.
	Known bool
	// OtherNames lists the other names ("Name (Delegation)") this key
	// signed with before: a key seen before under another name.
	OtherNames []string
	// OtherKeys lists the fingerprints of other keys that signed with this
	// same name and delegation before.
	OtherKeys []string
}

// Label is the signer as a user reads it: "Name (Delegation)".
func (sg Signer) Label() string { return nameLabel(sg.Name, sg.Delegation) }

func nameLabel(name, delegation string) string {
	if name == "" {
		name = "(no name)"
	}
	if delegation == "" {
		return name
	}
	return name + " (" + delegation + ")"
}

// FileSummary is what one file of an import brings. A change that several
// files carry counts for the first of them.
type FileSummary struct {
	Name     string // the file as given
	Signer   Signer
	Exported time.Time
	Changes  int // changes in the file
	// PlanVersion is the version of the plan text the exporter had; when it
	// differs from this installation's, OtherPlanText is true.
	PlanVersion   string
	OtherPlanText bool
	Summary
}

// PreviewChange is one new change and the index of the file (in
// ImportResult.Files) it comes from.
type PreviewChange struct {
	Change *data.Change
	File   int
}

// MeasurePreview is what an import does to one measure.
type MeasurePreview struct {
	Measure string
	Before  *data.MeasureState
	After   *data.MeasureState
	New     []PreviewChange // the new changes on the measure, oldest first
	// NewConflict: the measure becomes a status conflict. Resolved: a
	// conflict it had is resolved.
	NewConflict bool
	Resolved    bool
}

// StatusChanged reports whether the status in force changes.
func (m *MeasurePreview) StatusChanged() bool { return m.Before.Status != m.After.Status }

// ImportResult says what an import did or, for a dry run, would do.
type ImportResult struct {
	DryRun   bool
	Files    []FileSummary
	Total    Summary
	Measures []MeasurePreview // the measures with new changes, in plan order
}

// PendingImport is a set of status files read and checked, ready to be
// applied. Nothing has been written.
type PendingImport struct {
	s      *Store
	files  []*statusfile.File
	hint   int // distinct changes decoded from the files, to size maps
	result *ImportResult
}

// Result returns what applying the import would do, as computed when it was
// prepared.
func (p *PendingImport) Result() *ImportResult { return p.result }

// Import reads, checks and merges status files in one transaction: all of
// them apply or none does. A file that fails any check refuses the whole
// import with an error naming the file, and the data file is left exactly
// as it was. With dryRun nothing is written at all.
func (s *Store) Import(paths []string, dryRun bool) (*ImportResult, error) {
	files, hint, err := s.parseAll(pathSources(paths))
	if err != nil {
		return nil, err
	}
	p := &PendingImport{s: s, files: files, hint: hint}
	if dryRun {
		if err := p.plan(); err != nil {
			return nil, err
		}
		return p.result, nil
	}
	return p.Apply()
}

func pathSources(paths []string) []Source {
	sources := make([]Source, len(paths))
	for i, p := range paths {
		sources[i] = Source{Name: p, path: p}
	}
	return sources
}

// PrepareImport reads and checks status files and computes what importing
// them would do, without writing anything.
func (s *Store) PrepareImport(paths []string) (*PendingImport, error) {
	return s.prepare(pathSources(paths))
}

// Source is a status file's content and the name to use in messages, for
// content that does not come from a path (a dropped file, a URI).
type Source struct {
	Name    string
	Content []byte
	path    string
}

// PrepareImportSources is PrepareImport for contents already read.
func (s *Store) PrepareImportSources(sources []Source) (*PendingImport, error) {
	return s.prepare(sources)
}

func (s *Store) prepare(sources []Source) (*PendingImport, error) {
	files, hint, err := s.parseAll(sources)
	if err != nil {
		return nil, err
	}
	p := &PendingImport{s: s, files: files, hint: hint}
	if err := p.plan(); err != nil {
		return nil, err
	}
	return p, nil
}

// plan computes the dry-run result against the current state.
func (p *PendingImport) plan() error {
	s := p.s
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return ErrClosed
	}
	pl, err := s.planImport(p.files, p.hint)
	if err != nil {
		return err
	}
	s.deriveImport(pl)
	p.result = pl.result
	p.result.DryRun = true
	return nil
}

// parseAll reads and checks the files, one per core at a time. Lines whose
// ID and bytes the data file already holds are not decoded, and a line
// that several of the files hold is decoded once (statusfile.Cache). It
// also returns the number of lines decoded (about the number of distinct
// changes that are not known).
func (s *Store) parseAll(sources []Source) ([]*statusfile.File, int, error) {
	if len(sources) == 0 {
		return nil, 0, errors.New("no status file given")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, 0, ErrClosed
	}
	cache := statusfile.NewCache()
	opts := statusfile.Options{Plan: s.plan, Now: s.now(), Cache: cache,
		Known: func(id, raw []byte) bool {
			d, ok := s.digests[string(id)]
			return ok && d == maphash.Bytes(s.seed, raw)
		},
		KnownFile: func(sum [32]byte, sig []byte) (bool, bool) {
			verified, ok := s.imported[sum]
			return ok, ok && verified != nil && bytes.Equal(verified, sig)
		}}
	files := make([]*statusfile.File, len(sources))
	errs := make([]error, len(sources))
	var next atomic.Int64 // the next file to read: files are taken in order
	var failed atomic.Bool
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(sources)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(sources) {
					return
				}
				src := sources[i]
				if src.path != "" {
					files[i], errs[i] = statusfile.ReadFile(src.path, opts)
				} else {
					files[i], errs[i] = statusfile.Parse(src.Name, src.Content, opts)
				}
				if errs[i] != nil {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	// The first file in the given order that failed. Files are taken in
	// order, so every file before the first failure was read: the error
	// does not depend on timing (files after it may not have been read).
	for _, err := range errs {
		if err != nil {
			return nil, 0, err
		}
	}
	decoded := 0
	for _, f := range files {
		decoded += f.Decoded
	}
	return files, decoded, nil
}

// importPlan is what applying a set of files writes.
type importPlan struct {
	result  *ImportResult
	changes []*data.Change    // new changes
	raw     [][]byte          // their canonical JSON, in the same order
	digests []uint64          // and its hash for Store.digests
	batches []batch           // the new changes as the write puts them
	signers map[string][]byte // signer records to write
	sums    [][32]byte        // checksums of the files, to remember
	sigs    [][]byte          // and their signatures, verified
	// byMeasure holds the new changes on each measure, with their file.
	byMeasure map[string][]PreviewChange
	derived   map[string]*data.MeasureState // each touched measure's state after the import (deriveImport)
}

// signerRecord is the value in the signers bucket, keyed by fingerprint.
type signerRecord struct {
	PublicKey string       `json:"public_key"`
	Names     []signerName `json:"names"`
}

type signerName struct {
	Name       string    `json:"name"`
	Delegation string    `json:"delegation,omitempty"`
	First      time.Time `json:"first"` // when an import first saw this key use this name
}

// planImport works out what the files bring against the current state:
// the new changes, each counted for the first file that holds it, and the
// refusal of a change whose ID is taken by other content (the first such
// line in the order of the files). hint is the number of lines decoded, to
// size the maps. deriveImport then works out the measures' new states.
// Callers hold s.mu (read or write).
//
// The work is split by change ID over the cores (each part takes the IDs
// of one hash value); the batches the write puts are then made in the
// order of the files (see makeBatches).
func (s *Store) planImport(files []*statusfile.File, hint int) (*importPlan, error) {
	pl := &importPlan{result: &ImportResult{}, signers: map[string][]byte{}, byMeasure: map[string][]PreviewChange{}}
	res := pl.result
	for _, f := range files {
		pl.sums = append(pl.sums, f.Sum)
		pl.sigs = append(pl.sigs, f.Signature)
		fs := FileSummary{Name: f.Name, Exported: f.Header.Exported, Changes: len(f.Lines),
			PlanVersion: f.Header.PlanVersion, OtherPlanText: f.Header.PlanVersion != s.plan.Version()}
		if f.Seen {
			fs.Changes = f.Header.Changes
		}
		res.Files = append(res.Files, fs)
	}
	parts := make([]planPart, min(runtime.GOMAXPROCS(0), 16))
	seed := maphash.MakeSeed()
	var wg sync.WaitGroup
	for i := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.planPart(files, &parts[i], func(id string) bool { return maphash.String(seed, id)%uint64(len(parts)) == uint64(i) }, hint/len(parts)+1)
		}()
	}
	wg.Wait()
	var first *planPart // the part with the first refused line
	news := 0
	for i := range parts {
		p := &parts[i]
		if p.err != nil && (first == nil || p.errFile < first.errFile || p.errFile == first.errFile && p.errLine < first.errLine) {
			first = p
		}
		news += len(p.news)
	}
	if first != nil {
		return nil, first.err
	}
	pl.changes = make([]*data.Change, 0, news)
	pl.raw = make([][]byte, 0, news)
	pl.digests = make([]uint64, 0, news)
	for i := range parts {
		for _, e := range parts[i].news {
			pl.changes = append(pl.changes, e.c)
			pl.raw = append(pl.raw, e.raw)
			pl.digests = append(pl.digests, e.digest)
		}
		for m, news := range parts[i].byMeasure {
			if pl.byMeasure[m] == nil {
				pl.byMeasure[m] = news
			} else {
				pl.byMeasure[m] = append(pl.byMeasure[m], news...)
			}
		}
	}
	pl.batches = makeBatches(files, parts)
	for i := range parts {
		for fi, sum := range parts[i].counts {
			res.Files[fi].Summary.add(sum)
			res.Total.add(sum)
		}
	}
	return pl, s.planSigners(files, pl)
}

// planPart is one part of planImport: the changes whose ID is in it.
type planPart struct {
	news             []planEntry // the new changes, in the order of the files
	byMeasure        map[string][]PreviewChange
	counts           []Summary // per file
	err              error     // the first refused line of this part
	errFile, errLine int
}

type planEntry struct {
	c      *data.Change
	raw    []byte
	file   int
	line   int    // in the file's Lines
	known  bool   // in the data file already
	digest uint64 // of raw, for Store.digests (new changes only)
}

func (s *Store) planPart(files []*statusfile.File, p *planPart, mine func(id string) bool, hint int) {
	p.counts = make([]Summary, len(files))
	entries := make([]planEntry, 0, hint)
	seen := make(map[string]int, hint) // change ID → index in entries
	refuse := func(fi, li int, problem string) {
		p.err = &statusfile.Error{File: files[fi].Name, Kind: statusfile.ErrReusedID, Problem: problem}
		p.errFile, p.errLine = fi, li
	}
	for fi, f := range files {
		for li := range f.Lines {
			l := &f.Lines[li]
			c := l.Change
			if c == nil || !mine(c.ID) {
				continue // known with the same bytes, or another part's
			}
			if i, ok := seen[c.ID]; ok {
				// Files parsed together share one change for the same
				// bytes: comparing pointers is enough then.
				if e := &entries[i]; e.c != c && !bytes.Equal(e.raw, l.Raw) {
					where := "your data file"
					if !e.known {
						where = files[e.file].Name
					}
					refuse(fi, li, fmt.Sprintf("holds change %s with content different from the change with that ID in %s", l.ID, where))
					return
				}
				continue
			}
			seen[c.ID] = len(entries)
			if known := s.state.Change(c.ID); known != nil {
				if !known.SameContent(c) {
					refuse(fi, li, fmt.Sprintf("holds change %s with content different from the change with that ID in your data file", l.ID))
					return
				}
				entries = append(entries, planEntry{c: c, raw: l.Raw, file: fi, known: true})
				continue
			}
			entries = append(entries, planEntry{c: c, raw: l.Raw, file: fi, line: li, digest: maphash.Bytes(s.seed, l.Raw)})
			p.counts[fi].count(c)
		}
	}
	p.news = slices.DeleteFunc(entries, func(e planEntry) bool { return e.known })
	p.byMeasure = map[string][]PreviewChange{}
	for _, e := range p.news {
		p.byMeasure[e.c.Measure] = append(p.byMeasure[e.c.Measure], PreviewChange{e.c, e.file})
	}
}

// makeBatches groups the new changes into the values the write puts: in
// the order of the files, a run of up to importBatch changes that a file
// brings first and that lie one after the other in it, each followed by
// its newline, is one value, a slice of the file's content itself (no
// copy), keyed by its first change's ID; a change alone is its line.
func makeBatches(files []*statusfile.File, parts []planPart) []batch {
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
	out := make([]batch, 0, n/importBatch+len(files))
	for fi, f := range files {
		var run []byte // the run's lines and newlines so far
		lines := 0
		flush := func() {
			switch lines {
			case 0:
				return
			case 1:
				out = append(out, batch{run[:len(run)-1], 1}) // a change alone: its line
			default:
				out = append(out, batch{run, lines})
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
			if lines > 0 && lines < importBatch && cap(run) >= len(run)+len(raw)+1 {
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
				out = append(out, batch{raw, 1})
			}
		}
		flush()
	}
	return out
}

// batch is one value the write puts: one change's line, or several lines
// each followed by a newline.
type batch struct {
	value []byte
	lines int
}

// key returns the ID of the batch's first change (every line starts with
// it: statusfile checks that).
func (b batch) key() []byte {
	return b.value[len(`{"id":"`) : len(`{"id":"`)+data.ChangeIDHexLen]
}

// deriveImport works out the state of each measure the import touches, in
// parallel (measures are independent), and fills in the result's measures
// and conflict counts. Callers hold s.mu (read or write).
func (s *Store) deriveImport(pl *importPlan) {
	res := pl.result
	var ids []string
	for _, m := range s.plan.Measures {
		if _, ok := pl.byMeasure[m.ID]; ok {
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
				before := s.state.Measure(ids[i])
				after := s.state.Preview(ids[i], extra)
				out[i] = MeasurePreview{Measure: ids[i], Before: before, After: after, New: news,
					NewConflict: after.Conflict && !before.Conflict, Resolved: before.Conflict && !after.Conflict}
			}
		}()
	}
	wg.Wait()
	pl.derived = make(map[string]*data.MeasureState, len(ids))
	for _, mp := range out {
		pl.derived[mp.Measure] = mp.After
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
func (s *Store) planSigners(files []*statusfile.File, pl *importPlan) error {
	records := map[string]*signerRecord{}
	err := safeView(s.db, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSigners).ForEach(func(k, v []byte) error {
			r := new(signerRecord)
			if json.Unmarshal(v, r) != nil {
				return nil // an unreadable record is rewritten below if its key signs again
			}
			records[string(k)] = r
			return nil
		})
	})
	if err != nil {
		return err
	}
	for i, f := range files {
		e := f.Header.Exporter
		sg := Signer{Name: e.Name, Delegation: e.Delegation, Key: e.Key, Yours: e.Key == s.me.Key}
		label := nameLabel(e.Name, e.Delegation)
		if r := records[e.Key]; r != nil {
			sg.Known = true
			for _, n := range r.Names {
				if l := nameLabel(n.Name, n.Delegation); l != label {
					sg.OtherNames = append(sg.OtherNames, l)
				}
			}
		}
		for k, r := range records {
			if k == e.Key {
				continue
			}
			for _, n := range r.Names {
				if n.Name == e.Name && n.Delegation == e.Delegation {
					sg.OtherKeys = append(sg.OtherKeys, k)
					break
				}
			}
		}
		sort.Strings(sg.OtherKeys)
		pl.result.Files[i].Signer = sg
		if sg.Yours {
			continue
		}
		// Remember this key and name for later imports.
		r := records[e.Key]
		if r == nil {
			r = &signerRecord{PublicKey: e.PublicKey}
			records[e.Key] = r
		}
		seen := false
		for _, n := range r.Names {
			if n.Name == e.Name && n.Delegation == e.Delegation {
				seen = true
			}
		}
		if !seen {
			r.Names = append(r.Names, signerName{Name: e.Name, Delegation: e.Delegation, First: s.now().UTC().Truncate(time.Second)})
			buf, _ := json.Marshal(r)
			pl.signers[e.Key] = buf
		}
	}
	return nil
}

// Apply writes the import in one transaction, checked again against the
// data file as it is now (it may have changed since PrepareImport). With
// nothing new to write, nothing is written: the data file stays
// byte-for-byte the same.
func (p *PendingImport) Apply() (*ImportResult, error) {
	s := p.s
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil, ErrClosed
	}
	pl, err := s.planImport(p.files, p.hint)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if len(pl.changes) == 0 && len(pl.signers) == 0 {
		s.mu.Unlock()
		return pl.result, nil
	}
	// The transaction is written while the measures are derived: they
	// need none of it, and the state takes them only once it committed.
	// An import as large as the data file or larger also builds the new
	// state meanwhile (copying the maps costs no more than adding to them).
	written := make(chan error, 1)
	go func() { written <- s.writeImport(pl) }()
	s.deriveImport(pl)
	var next *data.State
	var nextDigests map[string]uint64
	if len(pl.changes) >= s.state.Len() {
		next = s.state.Extended(pl.changes, pl.derived)
		nextDigests = make(map[string]uint64, len(s.digests)+len(pl.changes))
		maps.Copy(nextDigests, s.digests)
		for i, c := range pl.changes {
			nextDigests[c.ID] = pl.digests[i]
		}
	}
	if err := <-written; err != nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("cannot write to the data file (nothing was imported): %w", err)
	}
	if next != nil {
		s.state, s.digests = next, nextDigests
	} else {
		s.state.AddDerived(pl.changes, pl.derived)
		for i, c := range pl.changes {
			s.digests[c.ID] = pl.digests[i]
		}
	}
	for i, sum := range pl.sums {
		s.imported[sum] = bytes.Clone(pl.sigs[i])
	}
	s.mu.Unlock()
	if len(pl.changes) > 0 {
		s.notify()
	}
	return pl.result, nil
}

// importBatch is how many changes an import writes in one value of the
// changes bucket (about 80 KB).
const importBatch = 256

// writeImport writes the new changes, the files' checksums and signatures
// and the signer records in one transaction. The changes go in as
// makeBatches made them, up to importBatch to a value (schema 2: one line
// each, keyed by the first one's ID): a bbolt Put per change cost more
// than the rest of the import's writing, and per-change keys split pages.
// Pages are filled completely before they split.
func (s *Store) writeImport(pl *importPlan) error {
	return safeUpdate(s.db, func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketChanges)
		b.FillPercent = 1.0
		several := false
		for _, bt := range pl.batches {
			if err := b.Put(bt.key(), bt.value); err != nil {
				return err
			}
			several = several || bt.lines > 1
		}
		if several { // values with several changes: a schema 1 file becomes 2
			meta := tx.Bucket(bucketMeta)
			if v, err := strconv.Atoi(string(meta.Get(keySchema))); err != nil || v < 2 {
				if err := meta.Put(keySchema, []byte("2")); err != nil {
					return err
				}
			}
		}
		ib, err := tx.CreateBucketIfNotExists(bucketImported)
		if err != nil {
			return err
		}
		for i, sum := range pl.sums {
			// The signature verified: importing the same file again
			// need not verify it again.
			if err := ib.Put(sum[:], pl.sigs[i]); err != nil {
				return err
			}
		}
		sb := tx.Bucket(bucketSigners)
		for k, v := range pl.signers {
			if err := sb.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
}
