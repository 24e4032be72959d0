//go:build windows

// Command consoleprobe starts a program as Windows starts a GUI program typed
// in cmd: in the prober's console, with no standard handles. It waits for
// it and writes to a report file its exit code and the text that landed in
// the console. scripts/check-wine.sh uses it to see that scoplan.exe prints
// into the console it was started from (cli/console_windows.go); wine's
// console can be read back only when it has a display.
//
//	wine consoleprobe.exe REPORT PROGRAM [ARGUMENTS…]
package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"unsafe"
)

var (
	kernel32     = syscall.NewLazyDLL("kernel32.dll")
	allocConsole = kernel32.NewProc("AllocConsole")
	freeConsole  = kernel32.NewProc("FreeConsole")
	readOutput   = kernel32.NewProc("ReadConsoleOutputCharacterW")
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: consoleprobe REPORT PROGRAM [ARGUMENTS…]")
		os.Exit(2)
	}
	if err := probe(os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "consoleprobe:", err)
		os.Exit(1)
	}
}

func probe(report string, command []string) error {
	// A console of our own, empty, to read back.
	freeConsole.Call()
	if r, _, err := allocConsole.Call(); r == 0 {
		return fmt.Errorf("AllocConsole: %v", err)
	}
	line, err := syscall.UTF16PtrFromString(commandLine(command))
	if err != nil {
		return err
	}
	si := syscall.StartupInfo{Flags: syscall.STARTF_USESTDHANDLES} // and no handles
	si.Cb = uint32(unsafe.Sizeof(si))
	var pi syscall.ProcessInformation
	if err := syscall.CreateProcess(nil, line, nil, nil, false, 0, nil, nil, &si, &pi); err != nil {
		return fmt.Errorf("starting %s: %w", command[0], err)
	}
	defer syscall.CloseHandle(pi.Process)
	defer syscall.CloseHandle(pi.Thread)
	if _, err := syscall.WaitForSingleObject(pi.Process, syscall.INFINITE); err != nil {
		return err
	}
	var code uint32
	if err := syscall.GetExitCodeProcess(pi.Process, &code); err != nil {
		return err
	}
	out, err := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE) // the new console's
	if err != nil {
		return err
	}
	buf := make([]uint16, 80*25)
	var n uint32
	if r, _, err := readOutput.Call(uintptr(out), uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), 0, uintptr(unsafe.Pointer(&n))); r == 0 {
		return fmt.Errorf("reading the console: %v", err)
	}
	text := strings.Join(strings.Fields(syscall.UTF16ToString(buf[:n])), " ")
	return os.WriteFile(report, fmt.Appendf(nil, "exit %d\n%s\n", code, text), 0o644)
}

// commandLine quotes the arguments for CreateProcess.
func commandLine(args []string) string {
	var q []string
	for _, a := range args {
		q = append(q, syscall.EscapeArg(a))
	}
	return strings.Join(q, " ")
}
