// Command consoletwin writes the console twin of a Windows GUI-subsystem
// executable: the same bytes with the PE subsystem field set to CONSOLE
// (and the PE checksum, when the file has one, recomputed), as Microsoft's
// `editbin /SUBSYSTEM:CONSOLE` does.
//
//	go run ./scripts/consoletwin -in scoplan.exe -out scoplan.com
//
// The release ships scoplan.exe (GUI: a double-click opens no console
// window) and its twin scoplan.com (console: typed as "scoplan" in cmd or
// PowerShell, which try .COM before .EXE, the shell waits for it and gets
// its output and exit code). One build gives both, so they cannot differ in
// code, version or icon; see cli/console_windows.go.
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
)

// Fields of the PE optional header (the same offsets in PE32 and PE32+).
const (
	offCheckSum  = 64
	offSubsystem = 68

	subsystemGUI     = 2 // IMAGE_SUBSYSTEM_WINDOWS_GUI
	subsystemConsole = 3 // IMAGE_SUBSYSTEM_WINDOWS_CUI
)

func main() {
	in := flag.String("in", "", "the GUI-subsystem .exe")
	out := flag.String("out", "", "the console twin to write")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: consoletwin -in GUI.exe -out TWIN.com")
		os.Exit(2)
	}
	b, err := os.ReadFile(*in)
	if err == nil {
		err = Twin(b)
	}
	if err == nil {
		err = os.WriteFile(*out, b, 0o755)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "consoletwin: %s: %v\n", *in, err)
		os.Exit(1)
	}
}

// OptionalHeader returns the offset of the PE optional header in b.
func OptionalHeader(b []byte) (int, error) {
	if len(b) < 0x40 || b[0] != 'M' || b[1] != 'Z' {
		return 0, errors.New("not an MZ executable")
	}
	pe := int(binary.LittleEndian.Uint32(b[0x3c:]))
	if pe < 0 || pe+24+offSubsystem+2 > len(b) || string(b[pe:pe+4]) != "PE\x00\x00" {
		return 0, errors.New("no PE header")
	}
	return pe + 24, nil
}

// Twin turns the GUI-subsystem executable b into its console twin, in place.
func Twin(b []byte) error {
	oh, err := OptionalHeader(b)
	if err != nil {
		return err
	}
	if s := binary.LittleEndian.Uint16(b[oh+offSubsystem:]); s != subsystemGUI {
		return fmt.Errorf("subsystem %d, not the Windows GUI subsystem (%d)", s, subsystemGUI)
	}
	binary.LittleEndian.PutUint16(b[oh+offSubsystem:], subsystemConsole)
	// Windows checks the checksum of drivers only, but keep a set one true.
	if binary.LittleEndian.Uint32(b[oh+offCheckSum:]) != 0 {
		binary.LittleEndian.PutUint32(b[oh+offCheckSum:], Checksum(b, oh+offCheckSum))
	}
	return nil
}

// Checksum computes the PE image checksum of b (as imagehlp's
// CheckSumMappedFile does), skipping the 4-byte checksum field at off.
func Checksum(b []byte, off int) uint32 {
	var sum uint64
	for i := 0; i < len(b); i += 2 {
		if i == off || i == off+2 {
			continue
		}
		w := uint64(b[i])
		if i+1 < len(b) {
			w |= uint64(b[i+1]) << 8
		}
		sum += w
		sum = (sum & 0xffff) + (sum >> 16)
	}
	sum = (sum & 0xffff) + (sum >> 16)
	return uint32(sum) + uint32(len(b))
}
