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
	Refused  []error               // files that were refused, one error each (they are retried when they change)
	Err      error                 // the folder could not be read or written
}

// Eventful reports whether the pass did anything worth telling.
func (s Status) Eventful() bool {
	return s.Exported || (s.Imported != nil && !s.Imported.Total.NothingNew()) || len(s.Refused) > 0 || s.Err != nil
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
	own  string
	kick chan struct{}
	stop chan struct{}
	done chan struct{}

	mu         sync.Mutex // guards what follows and serialises passes
	seen       map[string]stamp
	exported   int // the change count of the last export, -1 before
	exportedID storage.Identity
	ownStamp   stamp // the own file as the last export left it
	polls      int
	stopped    bool
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
	return &Folder{o: o, own: FileName(o.Store.Identity().Key), kick: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{}), seen: map[string]stamp{}, exported: -1}, nil
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
	st.Exported, st.Err = f.export()
	return st
}

// Sync makes one pass: merge every status file of the folder that changed
// since the last pass (all of them on the first pass and every minute),
// then write the own status file if the data file changed since it was
// last written. Bad files are refused one by one; the good ones are merged
// together in one transaction.
func (f *Folder) Sync() Status {
	f.mu.Lock()
	defer f.mu.Unlock()
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
			// holds, then write ours again.
			if info, err := e.Info(); err == nil && (stamp{info.Size(), info.ModTime()}) != f.ownStamp {
				changed = append(changed, name)
				f.exported = -1
			}
			continue
		}
		if strings.HasPrefix(name, ".") || !strings.HasSuffix(name, statusfile.Extension) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // gone meanwhile
		}
		s := stamp{info.Size(), info.ModTime()}
		now[name] = s
		if old, ok := f.seen[name]; full || !ok || old != s {
			changed = append(changed, name)
		}
	}
	for name := range f.seen {
		if _, ok := now[name]; !ok {
			delete(f.seen, name)
		}
	}
	sort.Strings(changed)
	if len(changed) > 0 {
		st.Imported, st.Refused, st.Err = f.importFiles(changed)
		for _, name := range changed {
			f.seen[name] = now[name]
		}
	}
	if st.Err == nil {
		st.Exported, st.Err = f.export()
	}
	return st
}

// importFiles merges the files, leaving out each one that is refused.
func (f *Folder) importFiles(names []string) (*storage.ImportResult, []error, error) {
	var refused []error
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(f.o.Dir, n)
	}
	for len(paths) > 0 {
		r, err := f.o.Store.Import(paths, false)
		if err == nil {
			return r, refused, nil
		}
		var fe *statusfile.Error
		if !errors.As(err, &fe) {
			return nil, refused, err
		}
		i := indexOf(paths, fe.File)
		if i < 0 {
			return nil, refused, err
		}
		refused = append(refused, err)
		paths = append(paths[:i], paths[i+1:]...)
	}
	return nil, refused, nil
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
func (f *Folder) export() (bool, error) {
	s := f.o.Store
	n, id := s.ChangeCount(), s.Identity()
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
