package importplan

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"

	"scoplan/storage/statusfile"
)

// ErrNoFiles refuses an import of no file at all.
var ErrNoFiles = errors.New("no status file given")

// Source is a status file to read: its path, or its content and the name
// to use in messages.
type Source struct {
	Name    string
	Content []byte
	Path    string
}

// Parse reads and checks the files, one per core at a time. Lines whose
// ID and bytes the data file already holds are not decoded, and a line
// that several of the files hold is decoded once (statusfile.Cache). It
// also returns the number of lines decoded (about the number of distinct
// changes that are not known).
// opts are the checks' options, with a shared statusfile.Cache.
func Parse(sources []Source, opts statusfile.Options) ([]*statusfile.File, int, error) {
	if len(sources) == 0 {
		return nil, 0, ErrNoFiles
	}
	opts.Cache = statusfile.NewCache()
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
				if src.Path != "" {
					files[i], errs[i] = statusfile.ReadFile(src.Path, opts)
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
