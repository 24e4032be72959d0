//go:build !unix

package regularfile

import "os"

// openNonBlocking opens for reading. Windows has no FIFOs in the file
// system (its named pipes live under \\.\pipe\, which Stat does not call
// regular files), so the check before the open is enough.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
