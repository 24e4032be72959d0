// Package atomicfile writes a file so that a crash never leaves a partial
// file under its name: status files, exports and reports all go through it.
package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Reasons a target is refused (see TargetError).
var (
	ErrIsFolder   = errors.New("is a folder")
	ErrNotRegular = errors.New("is not a regular file (a pipe, a device or a socket)")
	ErrProtected  = errors.New("is the data file itself")
)

// TargetError says why a file may not be written.
type TargetError struct {
	Path string
	Err  error // ErrIsFolder, ErrNotRegular or ErrProtected
}

func (e *TargetError) Error() string { return e.Path + " " + e.Err.Error() + ": nothing was written" }

func (e *TargetError) Unwrap() error { return e.Err }

// CheckTarget tells whether path may be written over: it must not be a
// folder, nor an existing file that is not a regular one (a named pipe
// would block the write, a device would take it), nor the same file as any
// of protect, compared by file identity (hard links and other spellings of
// the path included), not by name.
func CheckTarget(path string, protect ...string) error {
	info, err := os.Stat(path) // follows a link: what would be written over
	if err != nil {
		return nil // nothing there (or unreadable: the write will say)
	}
	switch {
	case info.IsDir():
		return &TargetError{path, ErrIsFolder}
	case !info.Mode().IsRegular():
		return &TargetError{path, ErrNotRegular}
	}
	for _, p := range protect {
		if pi, err := os.Stat(p); err == nil && os.SameFile(info, pi) {
			return &TargetError{path, ErrProtected}
		}
	}
	return nil
}

// WriteFile writes content to path so that a crash never leaves a partial
// file under that name: a temporary file in the same folder is written,
// synced, and renamed over path, then the folder is synced. It refuses, and
// writes nothing, when CheckTarget(path, protect...) does.
func WriteFile(path string, content []byte, protect ...string) (err error) {
	if err := CheckTarget(path, protect...); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s (%s)", dir, plainOSError(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(content); err != nil {
		return fmt.Errorf("cannot write %s (%s)", path, plainOSError(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s (%s)", path, plainOSError(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s (%s)", path, plainOSError(err))
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("cannot write %s (%s)", path, plainOSError(err))
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s (%s)", path, plainOSError(err))
	}
	syncDir(dir)
	removeStaleTemps(dir, filepath.Base(path))
	return nil
}

// StaleTempAge is how old a temporary file of an earlier write to the same
// path must be before a successful write removes it: such a file is what a
// write killed before its rename (a crash, a power cut) leaves behind. A
// younger one may belong to a write still running in another process.
const StaleTempAge = time.Hour

// removeStaleTemps removes the temporary files that killed writes to base
// left in dir. Errors are ignored: a leftover is untidy, not harmful.
func removeStaleTemps(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, m := range matches {
		if info, err := os.Lstat(m); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > StaleTempAge {
			os.Remove(m)
		}
	}
}

func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`)
	return r.Replace(s)
}

// plainOSError is the reason of an *os.PathError without its operation and
// path (the message names the path already).
func plainOSError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// syncDir makes a rename in dir durable. Windows cannot sync a folder (its
// renames are journalled by NTFS), so errors are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}
