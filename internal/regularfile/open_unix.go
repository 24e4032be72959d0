//go:build unix

package regularfile

import (
	"os"
	"syscall"
)

// openNonBlocking opens for reading with O_NONBLOCK: should the path have
// become a named pipe since it was checked, the open returns at once
// instead of waiting for a writer. (For a regular file the flag changes
// nothing.)
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
