// Package regularfile opens files for reading only when they are regular
// files. A named pipe (FIFO) opened for reading blocks until someone writes
// to it, a device may never end: a status file or report input that is one
// would hang scoplan, holding the data file. The check is made before the
// file is opened, and again on what was opened (it may have been swapped in
// between), and the open itself does not block.
package regularfile

import (
	"errors"
	"io/fs"
	"os"
)

// Reasons a file is refused (see Error).
var (
	ErrFolder     = errors.New("is a folder, not a file")
	ErrNotRegular = errors.New("is not a regular file (a named pipe, a device or a socket)")
	ErrSwapped    = errors.New("changed while it was being opened")
)

// Error says why a path was refused or could not be opened.
type Error struct {
	Path string
	Err  error // one of the reasons above, or the system's error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// check refuses what is not a regular file.
func check(path string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return &Error{path, ErrFolder}
	case !info.Mode().IsRegular():
		return &Error{path, ErrNotRegular}
	}
	return nil
}

// Open opens path for reading if it is a regular file (a link to one is
// followed), without blocking, and returns it with its information.
func Open(path string) (*os.File, fs.FileInfo, error) {
	before, err := os.Stat(path)
	if err != nil {
		return nil, nil, &Error{path, err}
	}
	if err := check(path, before); err != nil {
		return nil, nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, nil, &Error{path, err}
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, &Error{path, err}
	}
	if err := check(path, info); err != nil {
		f.Close()
		return nil, nil, err
	}
	if !os.SameFile(before, info) {
		f.Close()
		return nil, nil, &Error{path, ErrSwapped}
	}
	return f, info, nil
}
