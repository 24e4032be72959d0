package storage

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/internal/atomicfile"
	"scoplan/storage/internal/importplan"
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
	changes := exportable(s.state.Changes(), s.state.Change) // causality.go
	h := statusfile.Header{
		Plan:        data.PlanID,
		PlanVersion: s.plan.Version(),
		Exported:    s.now(),
		App:         s.app,
		Exporter:    statusfile.Exporter{Name: s.me.Name, Delegation: s.me.Delegation},
		Keys:        map[string]string{},
	}
	// Format 2: the public key of every author whose signed changes the
	// file holds, so that a reader can verify them.
	for _, c := range changes {
		if c.Signed() {
			if _, ok := h.Keys[c.Author]; !ok {
				if k := s.keys[c.Author]; k != nil {
					h.Keys[c.Author] = hex.EncodeToString(k)
				}
			}
		}
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
	if err := atomicfile.WriteFile(path, content, s.path); err != nil { // never over the data file itself
		return 0, err
	}
	return n, nil
}

// What an import brings: see package internal/importplan.
type (
	// ImportResult says what an import did or, for a dry run, would do.
	ImportResult = importplan.Result
	// Summary counts what an import brings.
	Summary = importplan.Summary
	// FileSummary is what one file of an import brings.
	FileSummary = importplan.FileSummary
	// Signer is who signed an imported file, and what the data file knew
	// of that key and that name before.
	Signer = importplan.Signer
	// MeasurePreview is what an import does to one measure.
	MeasurePreview = importplan.MeasurePreview
	// PreviewChange is one new change and the index of the file (in
	// ImportResult.Files) it comes from.
	PreviewChange = importplan.PreviewChange
	// GoneNote is a note an import takes away without a deletion.
	GoneNote = importplan.GoneNote
	// DelegationMove is a known key whose new changes claim another
	// delegation than before.
	DelegationMove = importplan.DelegationMove
	// Refusal is a change of a file the import refuses, and why.
	Refusal = importplan.Refusal
	// Why says why a change was refused.
	Why = importplan.Why
	// Fork is a key that wrote two changes at one place of its feed.
	Fork = importplan.Fork
)

// Why a change is refused: see importplan.Why.
const (
	WhyAlteredID  = importplan.WhyAlteredID
	WhyReusedID   = importplan.WhyReusedID
	WhyUnknownKey = importplan.WhyUnknownKey
	WhySignature  = importplan.WhySignature
	WhyBrokenFeed = importplan.WhyBrokenFeed
	WhyUnsigned   = importplan.WhyUnsigned
	WhyDepends    = importplan.WhyDepends
)

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
	snap, err := s.snapshot()
	if err != nil {
		return err
	}
	pl, err := importplan.Make(p.files, p.hint, snap)
	if err != nil {
		return err
	}
	pl.Derive(snap)
	p.result = pl.Result
	p.result.DryRun = true
	return nil
}

// parseAll reads and checks the files, one per core at a time
// (importplan.Parse). Lines whose ID and bytes the data file already holds
// are not decoded, and a file imported before is read no further than its
// header. It also returns the number of lines decoded.
func (s *Store) parseAll(sources []Source) ([]*statusfile.File, int, error) {
	if len(sources) == 0 {
		return nil, 0, importplan.ErrNoFiles
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, 0, ErrClosed
	}
	opts := statusfile.Options{Plan: s.plan, Now: s.now(),
		Known: func(id, raw []byte) bool {
			d, ok := s.digests[string(id)]
			return ok && d == maphash.Bytes(s.seed, raw)
		},
		KnownFile: func(sum [32]byte, sig []byte) (bool, bool) {
			verified, ok := s.imported[sum]
			return ok, ok && verified != nil && bytes.Equal(verified, sig)
		}}
	in := make([]importplan.Source, len(sources))
	for i, src := range sources {
		in[i] = importplan.Source{Name: src.Name, Content: src.Content, Path: src.path}
	}
	return importplan.Parse(in, opts)
}

// snapshot returns what planning an import reads of the data file as it is
// now. Callers hold s.mu (read or write) until they are done with it.
func (s *Store) snapshot() (*importplan.Snapshot, error) {
	records := map[string]*importplan.SignerRecord{}
	err := safeView(s.db, func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSigners).ForEach(func(k, v []byte) error {
			r := new(importplan.SignerRecord)
			if json.Unmarshal(v, r) != nil {
				return nil // an unreadable record is rewritten if its key signs again
			}
			records[string(k)] = r
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return &importplan.Snapshot{Plan: s.plan, State: s.state, Seed: s.seed, Me: s.me.Key, Now: s.now(), Signers: records,
		Keys: s.keys, Feeds: s.feeds}, nil
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
	snap, err := s.snapshot()
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	pl, err := importplan.Make(p.files, p.hint, snap)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if len(pl.Changes) == 0 && len(pl.Signers) == 0 && len(pl.Keys) == 0 {
		s.mu.Unlock()
		return pl.Result, nil
	}
	// The transaction is written while the measures are derived: they
	// need none of it, and the state takes them only once it committed.
	// An import as large as the data file or larger also builds the new
	// state meanwhile (copying the maps costs no more than adding to them).
	written := make(chan error, 1)
	// The import records read the files' summaries, whose counts of
	// conflicts Derive fills in meanwhile: the write gets its own copy.
	files := slices.Clone(pl.Result.Files)
	go func() { written <- s.writeImport(pl, files) }()
	pl.Derive(snap)
	var next *data.State
	var nextDigests map[string]uint64
	if pl.Base != nil || len(pl.Changes) >= s.state.Len() {
		if pl.Base != nil {
			// Changes displaced: Derive made a new state without them.
			// Their digests are replaced below, the new changes having
			// their IDs.
			next = pl.Base
			next.AddDerived(pl.Changes, pl.Derived)
		} else {
			next = s.state.Extended(pl.Changes, pl.Derived)
		}
		nextDigests = make(map[string]uint64, len(s.digests)+len(pl.Changes))
		maps.Copy(nextDigests, s.digests)
		for _, id := range pl.Dropped {
			delete(nextDigests, id)
		}
		for i, c := range pl.Changes {
			nextDigests[c.ID] = pl.Digests[i]
		}
	}
	if err := <-written; err != nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("cannot write to the data file (nothing was imported): %w", err)
	}
	if next != nil {
		s.state, s.digests = next, nextDigests
	} else {
		s.state.AddDerived(pl.Changes, pl.Derived)
		for i, c := range pl.Changes {
			s.digests[c.ID] = pl.Digests[i]
		}
	}
	for i, sum := range pl.Sums {
		s.imported[sum] = bytes.Clone(pl.Sigs[i])
	}
	for k, v := range pl.Keys {
		s.keys[k] = v
	}
	s.addFeeds(pl.Changes)
	s.removed += len(pl.Displaced) + len(pl.Dropped)
	s.mu.Unlock()
	if len(pl.Changes) > 0 {
		s.notify()
	}
	return pl.Result, nil
}

// importBatch is how many changes an import writes in one value of the
// changes bucket.
const importBatch = importplan.BatchSize

// writeImport writes the new changes, the files' checksums and signatures,
// their import records (from files, the plan's file summaries) and the
// signer records in one transaction. The changes go in as
// importplan made them, up to importBatch to a value (schema 2: one line
// each, keyed by the first one's ID): a bbolt Put per change cost more
// than the rest of the import's writing, and per-change keys split pages.
// Pages are filled completely before they split.
func (s *Store) writeImport(pl *importplan.Plan, files []FileSummary) error {
	return safeUpdate(s.db, func(tx *bolt.Tx) error {
		// First the unsigned changes the new signed ones displace (the
		// new ones take their IDs, and maybe their keys), and those
		// dropped with them.
		if err := removeChanges(tx, pl.Removed()); err != nil {
			return err
		}
		b := tx.Bucket(bucketChanges)
		b.FillPercent = 1.0
		several := false
		for _, bt := range pl.Batches {
			if err := b.Put(bt.Key(), bt.Value); err != nil {
				return err
			}
			several = several || bt.Lines > 1
		}
		signed := slices.ContainsFunc(pl.Changes, (*data.Change).Signed)
		switch {
		case signed: // signed changes: schema 3 (see SchemaVersion)
			if err := raiseSchema(tx, 3); err != nil {
				return err
			}
		case several: // values with several changes: a schema 1 file becomes 2
			if err := raiseSchema(tx, 2); err != nil {
				return err
			}
		}
		if err := putImportRecords(tx, files, s.now()); err != nil {
			return err
		}
		ib, err := tx.CreateBucketIfNotExists(bucketImported)
		if err != nil {
			return err
		}
		for i, sum := range pl.Sums {
			// The signature verified: importing the same file again
			// need not verify it again.
			if err := ib.Put(sum[:], pl.Sigs[i]); err != nil {
				return err
			}
		}
		if len(pl.Keys) > 0 {
			kb, err := tx.CreateBucketIfNotExists(bucketKeys)
			if err != nil {
				return err
			}
			for k, v := range pl.Keys {
				if err := kb.Put([]byte(k), v); err != nil {
					return err
				}
			}
		}
		if len(pl.Unverified) > 0 {
			ub, err := tx.CreateBucketIfNotExists(bucketUnverified)
			if err != nil {
				return err
			}
			// In key order: bbolt inserts each key into a sorted slice
			// of its leaf, so 300,000 keys in random order (a large
			// format 1 import) cost minutes of memmove; in order, each
			// goes at the end.
			ids := slices.Clone(pl.Unverified)
			slices.Sort(ids)
			ub.FillPercent = 1.0
			for _, id := range ids {
				if err := ub.Put([]byte(id), []byte{}); err != nil {
					return err
				}
			}
		}
		sb := tx.Bucket(bucketSigners)
		for k, v := range pl.Signers {
			if err := sb.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
}
