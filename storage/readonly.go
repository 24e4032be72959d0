package storage

import (
	"errors"
	"io/fs"
	"syscall"
)

// A data file the user may read but not write (mode 0444, a folder or a
// medium mounted read-only, someone else's file) is opened with
// Options.ReadOnly: bbolt maps it read-only under a shared lock, every read
// works, and every write returns ErrReadOnly before touching anything.
// Open without it returns ErrReadOnly for such a file, so that a caller
// decides whether reading alone will do.

// ErrReadOnly says that the data file cannot be written.
var ErrReadOnly = errors.New("the data file is read-only (you may not write it); nothing was changed")

// cannotWrite reports whether opening a file for writing failed because
// it may not be written: no permission, or a read-only file system.
func cannotWrite(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.db.IsReadOnly() }
