package cli

// The command line on Windows.
//
// The release's scoplan.exe is linked for the GUI subsystem, so that a
// double-click opens the window and no console window beside it. Windows
// gives a GUI-subsystem program no console: typed in cmd or PowerShell,
// "scoplan.exe list" would print nothing. Two things answer that:
//
//   - The release ships a console twin, scoplan.com: the very same binary
//     with its subsystem field set to CONSOLE (scripts/release.sh). cmd and
//     PowerShell try the extensions of PATHEXT in order, and .COM comes
//     before .EXE, so typing "scoplan list" runs the twin: the shell waits
//     for it, pipes and redirection work, %ERRORLEVEL% and $LASTEXITCODE
//     get its exit code, Ctrl+C stops it. This is how devenv.com/devenv.exe
//     work. Double-clicked by mistake, the twin opens the window and closes
//     the console window Windows made for it (releaseConsole).
//
//   - scoplan.exe itself, typed with its extension, attaches to the console
//     of the shell that started it (AttachConsole(ATTACH_PARENT_PROCESS))
//     and prints there, through a CONOUT$ handle. The shell does not wait
//     for a GUI-subsystem program: its prompt comes back at once and the
//     output lands after it, and the exit code is lost. Better than nothing;
//     the README points to "scoplan" (the twin) instead.
//
// A handle that is already usable (output redirected to a file or a pipe, or
// the twin's own console) is kept: it is where the user wants the output.

import (
	"io"
	"os"
	"sync"
	"syscall"
	"unsafe"
)

var (
	kernel32                  = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole         = kernel32.NewProc("AttachConsole")
	procFreeConsole           = kernel32.NewProc("FreeConsole")
	procGetConsoleProcessList = kernel32.NewProc("GetConsoleProcessList")
	procSetStdHandle          = kernel32.NewProc("SetStdHandle")
)

const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

// Console returns the writers for the command line's output and errors:
// os.Stdout and os.Stderr where Windows gave the process usable handles,
// else writers that attach to the parent's console on their first write.
// Attaching only when something is printed keeps the window (no command)
// free of any console: closing the cmd window it was started from must not
// close scoplan.
func Console() (stdout, stderr io.Writer) {
	outOK, errOK := usable(syscall.Stdout), usable(syscall.Stderr)
	if outOK && errOK {
		return os.Stdout, os.Stderr
	}
	c := &parentConsole{}
	stdout, stderr = os.Stdout, os.Stderr
	if !outOK {
		stdout = &consoleWriter{c: c, std: syscall.STD_OUTPUT_HANDLE}
	}
	if !errOK {
		stderr = &consoleWriter{c: c, std: syscall.STD_ERROR_HANDLE}
	}
	return stdout, stderr
}

// usable reports whether h is a handle output can go to: a console, a file
// or a pipe. A GUI-subsystem program started from a shell without
// redirection has none (0), or one whose type is unknown.
func usable(h syscall.Handle) bool {
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}

// parentConsole attaches to the console of the process that started this one,
// once.
type parentConsole struct {
	once sync.Once
	out  *os.File // CONOUT$, nil when there is no parent console
}

func (c *parentConsole) attach() {
	c.once.Do(func() {
		// Fails with no parent console (started from Explorer, a shortcut
		// or another GUI program): the output then goes nowhere, as before.
		// ERROR_ACCESS_DENIED means this process has a console already
		// (wine gives its GUI programs the parent's): CONOUT$ is that one.
		r, _, err := procAttachConsole.Call(attachParentProcess)
		if r == 0 && err != syscall.ERROR_ACCESS_DENIED {
			return
		}
		name, _ := syscall.UTF16PtrFromString("CONOUT$")
		h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
			syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
		if err != nil {
			return
		}
		// os.NewFile sees a console handle and writes UTF-16 through
		// WriteConsoleW: Chinese and Russian show whatever the code page.
		c.out = os.NewFile(uintptr(h), "CONOUT$")
		// The shell printed its prompt before this program wrote anything
		// (it does not wait for a GUI program): start on a line of our own.
		c.out.WriteString("\r\n")
	})
}

// consoleWriter writes one of the standard streams to the parent's console,
// attaching on the first write, and makes the process's standard handle and
// os.Stdout or os.Stderr point there too.
type consoleWriter struct {
	c    *parentConsole
	std  int
	once sync.Once
}

func (w *consoleWriter) Write(p []byte) (int, error) {
	w.c.attach()
	if w.c.out == nil {
		return len(p), nil // nowhere to print, as a GUI program
	}
	w.once.Do(func() {
		procSetStdHandle.Call(uintptr(w.std), w.c.out.Fd())
		if w.std == syscall.STD_OUTPUT_HANDLE {
			os.Stdout = w.c.out
		} else {
			os.Stderr = w.c.out
		}
	})
	return w.c.out.Write(p)
}

// releaseConsole is called before the window opens. When this process is
// the only one on its console, that console was made for it alone: the
// console twin (scoplan.com) was double-clicked. Freeing it closes the
// empty console window that would otherwise stand beside scoplan's. Started
// from a shell, the console is shared and kept: the shell waits for the
// window to close, as it does for any console program.
func releaseConsole() {
	var pids [2]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	if n == 1 {
		procFreeConsole.Call()
	}
}
