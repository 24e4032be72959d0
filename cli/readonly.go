package cli

import (
	"fmt"

	"scoplan/storage"
)

// A data file the user may not write (mode 0444, a read-only folder or
// medium, a colleague's file) is still theirs to read: openStore opens it
// read-only when it cannot open it for writing, so that list, show,
// changes, meeting list, report, export, whoami without changes, import
// --dry-run and check work. A command that would write it fails at its
// first write, before anything changed, with one plain line (failReadOnly).

// openReadOnly opens the data file at path read-only and remembers it.
func (e *env) openReadOnly(path string) (*storage.Store, error) {
	s, err := storage.Open(storage.Options{Path: path, App: appName(), Now: clock, ReadOnly: true})
	if err == nil {
		e.readOnly = path
	}
	return s, err
}

// failReadOnly says that a command (its name; "" for none) that writes
// the data file cannot, as the file is read-only, and that nothing was
// changed.
func (e *env) failReadOnly(cmd string) int {
	prefix := "scoplan"
	if cmd != "" {
		prefix += " " + cmd
	}
	if e.readOnly != "" {
		fmt.Fprintf(e.stderr, "%s: %s is read-only (you may not write it); nothing was changed\n", prefix, oneLine(e.readOnly))
	} else {
		fmt.Fprintf(e.stderr, "%s: %s\n", prefix, storage.ErrReadOnly)
	}
	return ExitError
}
