// Package shared keeps a data file in step with a shared folder: a USB
// stick, a network share, or a folder that Syncthing, Nextcloud or the like
// keeps the same on several computers. No server of ours is involved.
//
// Each installation writes its own signed status file into the folder
// (named after its key, so it never overwrites anyone else's) whenever its
// data file changes, and merges every other status file it finds there, at
// start and whenever one of them changes.
//
// Changes are found by polling: every few seconds the folder is listed and
// each status file's size and modification time compared with what was seen
// before; every minute every file is read again in case a change kept both.
// Polling works the same on Windows, macOS and Linux, on USB sticks and on
// network shares, where file change notifications are unreliable or absent;
// listing a folder of a few dozen files costs next to nothing.
//
// It never imports Fyne.
package shared

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"scoplan/storage"
	"scoplan/storage/statusfile"
)

// DefaultInterval is how often the folder is looked at.
const DefaultInterval = 3 * time.Second

// fullEvery is every how many polls every file is read again.
const fullEvery = 20

// exportDelay lets a burst of changes (typing several notes) end in one export.
const exportDelay = 700 * time.Millisecond

// Options configure Start.
type Options struct {
	Store *storage.Store
	Dir   string
	// Interval between looks at the folder; DefaultInterval if zero.
	Interval time.Duration
	// OnSync, if set, is called (from the folder's goroutine) after every
	// pass that imported or exported something, or refused a file, or
	// failed.
	OnSync func(Status)
}

// Status is what one pass over the folder did.
type Status struct {
	Time     time.Time
	Exported bool                  // the own status file was written
	Imported *storage.ImportResult // what the import brought; nil when no file had changed
	Refused  []error               // files that were refused, one error each (told once; retried when they change)
	// ConflictCopies names the conflict copies a sync tool made (see
	// IsConflictCopy) that this pass merged for the first time.
	ConflictCopies []string
	Err            error // the folder could not be read or written
	// Repeated is set when Err is the error the previous pass had too
	// (a USB stick still pulled out): it is not told again.
	Repeated bool
	// Back is set on the first good pass after passes that failed.
	Back bool
}

// Eventful reports whether the pass did anything worth telling.
func (s Status) Eventful() bool {
	return s.Exported || (s.Imported != nil && !s.Imported.Total.NothingNew()) || len(s.Refused) > 0 ||
		len(s.ConflictCopies) > 0 || (s.Err != nil && !s.Repeated) || s.Back
}

// FileName is the name of an installation's own status file in the folder.
func FileName(key string) string { return "scoplan-" + key + statusfile.Extension }

type stamp struct {
	size int64
	mod  time.Time
}

// Folder is a shared folder being kept in step.
type Folder struct {
	o    Options
	key  string // the data file's key: every store a pass uses must have it
	own  string
	kick chan struct{}
	stop chan struct{}
	done chan struct{}

	mu         sync.Mutex // guards what follows and serialises passes
	seen       map[string]stamp
	exported   int // the store's revision (Store.Revision) at the last export, -1 before
	exportedID storage.Identity
	ownStamp   stamp // the own file as the last export left it
	polls      int
	stopped    bool
	refused    map[string]stamp // files refused, as they were then: not read again until they change
	copies     map[string]bool  // conflict copies already told
	lastErr    string           // the error of the previous pass, "" if it went well
}

// Check tells whether dir can serve as a shared folder: it exists, is a
// folder, and scoplan can write in it.
func Check(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("the shared folder %s cannot be opened", dir)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	f, err := os.CreateTemp(dir, ".scoplan-check-*")
	if err != nil {
		return fmt.Errorf("scoplan cannot write in the shared folder %s", dir)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// New prepares a folder without starting to watch it (see Start, Sync).
func New(o Options) (*Folder, error) {
	if o.Store == nil {
		return nil, errors.New("no data file")
	}
	if err := Check(o.Dir); err != nil {
		return nil, err
	}
	if o.Interval <= 0 {
		o.Interval = DefaultInterval
	}
	key := o.Store.Identity().Key
	return &Folder{o: o, key: key, own: FileName(key), kick: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{}), seen: map[string]stamp{}, exported: -1,
		refused: map[string]stamp{}, copies: map[string]bool{}}, nil
}

// Start checks the folder and starts keeping the data file in step with it:
// a first pass at once, then one at every interval and an export after
// every change to the data file. Stop ends it.
func Start(o Options) (*Folder, error) {
	f, err := New(o)
	if err != nil {
		return nil, err
	}
	o.Store.OnWrite(f.changed)
	go f.loop()
	return f, nil
}

// Dir returns the folder's path.
func (f *Folder) Dir() string { return f.o.Dir }

// OwnFile returns the path of this installation's status file in the folder.
func (f *Folder) OwnFile() string { return filepath.Join(f.o.Dir, f.own) }

// changed is called after every write to the data file.
func (f *Folder) changed() {
	select {
	case f.kick <- struct{}{}:
	default:
	}
}

// Stop ends the watching and waits for a pass under way to end.
func (f *Folder) Stop() {
	f.mu.Lock()
	if f.stopped {
		f.mu.Unlock()
		return
	}
	f.stopped = true
	f.mu.Unlock()
	close(f.stop)
	<-f.done
}

func (f *Folder) loop() {
	defer close(f.done)
	tick := time.NewTicker(f.o.Interval)
	defer tick.Stop()
	f.report(f.Sync())
	var export <-chan time.Time
	for {
		select {
		case <-f.stop:
			return
		case <-tick.C:
			f.report(f.Sync())
		case <-f.kick:
			if export == nil {
				export = time.After(exportDelay)
			}
		case <-export:
			export = nil
			f.report(f.exportPass())
		}
	}
}

func (f *Folder) report(s Status) {
	if f.o.OnSync != nil && s.Eventful() {
		f.o.OnSync(s)
	}
}

func (f *Folder) exportPass() Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := Status{Time: time.Now()}
	st.Exported, st.Err = f.export(f.o.Store)
	f.noteError(&st)
	return st
}

// Sync makes one pass: merge every status file of the folder that changed
// since the last pass (all of them on the first pass and every minute),
// then write the own status file if the data file changed since it was
// last written. Bad files are refused one by one; the good ones are merged
// together in one transaction.
func (f *Folder) Sync() Status { return f.SyncWith(f.o.Store) }

// SyncWith makes one pass as Sync does, through s: the same data file
// opened again for this pass (a headless watch opens the data file for each
// pass only, so that other commands can write between passes). What the
// folder remembers between passes (files seen, refused, told) carries over.
func (f *Folder) SyncWith(s *storage.Store) Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	var st Status
	if s.Identity().Key != f.key {
		st = Status{Time: time.Now(), Err: errors.New("the data file was replaced by another one (its key changed)")}
	} else {
		st = f.pass(s)
	}
	f.noteError(&st)
	return st
}

// noteError marks an error the previous pass had too as repeated, and the
// first good pass after failures as back.
func (f *Folder) noteError(st *Status) {
	msg := ""
	if st.Err != nil {
		msg = st.Err.Error()
	}
	st.Repeated = msg != "" && msg == f.lastErr
	st.Back = msg == "" && f.lastErr != ""
	f.lastErr = msg
}

func (f *Folder) pass(s *storage.Store) Status {
	st := Status{Time: time.Now()}
	full := f.polls%fullEvery == 0
	f.polls++
	entries, err := os.ReadDir(f.o.Dir)
	if err != nil {
		st.Err = fmt.Errorf("the shared folder %s cannot be read", f.o.Dir)
		return st
	}
	var changed []string
	now := map[string]stamp{}
	for _, e := range entries {
		name := e.Name()
		if name == f.own {
			// Someone else wrote under our name (a copy of this data file
			// on another computer, or an old copy put back): merge what it
			// holds, then write ours again. Something that is not a regular
			// file (a named pipe) is not read; the export says what is wrong.
			info, err := e.Info()
			if err != nil || !e.Type().IsRegular() {
				f.exported = -1
				continue
			}
			s := stamp{info.Size(), info.ModTime()}
			if r, ok := f.refused[name]; ok && r == s {
				continue
			}
			if s != f.ownStamp {
				changed = append(changed, name)
				now[name] = s
				f.exported = -1
			}
			continue
		}
		if isTemporary(name) || !strings.HasSuffix(name, statusfile.Extension) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // gone meanwhile
		}
		s := stamp{info.Size(), info.ModTime()}
		now[name] = s
		if r, ok := f.refused[name]; ok && r == s {
			continue // refused as it is, and told: read again once it changes
		}
		if old, ok := f.seen[name]; full || !ok || old != s {
			changed = append(changed, name)
		}
	}
	for name := range f.seen {
		if _, ok := now[name]; !ok {
			delete(f.seen, name)
		}
	}
	for name := range f.refused {
		if _, ok := now[name]; !ok {
			delete(f.refused, name)
		}
	}
	sort.Strings(changed)
	if len(changed) > 0 {
		var refusedFiles []string
		st.Imported, st.Refused, refusedFiles, st.Err = f.importFiles(s, changed)
		for _, name := range changed {
			f.seen[name] = now[name]
			delete(f.refused, name)
		}
		for _, p := range refusedFiles {
			name := filepath.Base(p)
			f.refused[name] = now[name]
		}
		if st.Err == nil {
			bad := map[string]bool{}
			for _, p := range refusedFiles {
				bad[filepath.Base(p)] = true
			}
			for _, name := range changed {
				if IsConflictCopy(name) && !bad[name] && !f.copies[name] {
					f.copies[name] = true
					st.ConflictCopies = append(st.ConflictCopies, name)
				}
			}
		}
	}
	if st.Err == nil {
		st.Exported, st.Err = f.export(s)
	}
	return st
}

// importFiles merges the files, leaving out each one that is refused; it
// returns the refusals and the paths of the files refused.
func (f *Folder) importFiles(s *storage.Store, names []string) (*storage.ImportResult, []error, []string, error) {
	var refused []error
	var refusedPaths []string
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(f.o.Dir, n)
	}
	for len(paths) > 0 {
		r, err := s.Import(paths, false)
		if err == nil {
			return r, refused, refusedPaths, nil
		}
		var fe *statusfile.Error
		if !errors.As(err, &fe) {
			return nil, refused, refusedPaths, err
		}
		i := indexOf(paths, fe.File)
		if i < 0 {
			return nil, refused, refusedPaths, err
		}
		refused = append(refused, err)
		refusedPaths = append(refusedPaths, paths[i])
		paths = append(paths[:i], paths[i+1:]...)
	}
	return nil, refused, refusedPaths, nil
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// export writes the own status file when the data file or the identity
// changed since it was last written, or when the file is missing.
func (f *Folder) export(s *storage.Store) (bool, error) {
	n, id := s.Revision(), s.Identity()
	_, statErr := os.Stat(f.OwnFile())
	if n == f.exported && id == f.exportedID && statErr == nil {
		return false, nil
	}
	if _, err := s.Export(f.OwnFile()); err != nil {
		return false, err
	}
	f.exported, f.exportedID = n, id
	if info, err := os.Stat(f.OwnFile()); err == nil {
		f.ownStamp = stamp{info.Size(), info.ModTime()}
	}
	return true, nil
}
