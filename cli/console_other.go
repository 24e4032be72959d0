//go:build !windows

package cli

import (
	"io"
	"os"
)

// Console returns the writers for the command line's output and errors.
// Outside Windows a program always has its standard streams: they are
// os.Stdout and os.Stderr (see console_windows.go for Windows).
func Console() (stdout, stderr io.Writer) { return os.Stdout, os.Stderr }

// releaseConsole is called before the window opens; only Windows has a
// console to let go of.
func releaseConsole() {}
