// Command checkrelease checks a Windows release binary: a PE32+ (x86-64)
// GUI-subsystem executable (no console window) with an icon and version
// information in its resources, the version being the one given, that
// holds the code attaching to a parent console (cli/console_windows.go);
// and its console twin: the same file but for the subsystem, CONSOLE.
//
//	go run ./scripts/checkrelease -exe scoplan.exe -com scoplan.com -version 0.1.0
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

func main() {
	exe := flag.String("exe", "", "the .exe to check")
	com := flag.String("com", "", "its console twin (scoplan.com), if given")
	version := flag.String("version", "", "the version the version information must carry")
	flag.Parse()
	if err := check(*exe, *version); err != nil {
		fmt.Fprintf(os.Stderr, "checkrelease: %s: %v\n", *exe, err)
		os.Exit(1)
	}
	fmt.Printf("checkrelease: %s: PE32+ x86-64, GUI subsystem, icon, version info %s, attaches to a parent console: ok\n", *exe, *version)
	if *com == "" {
		return
	}
	if err := checkTwin(*exe, *com); err != nil {
		fmt.Fprintf(os.Stderr, "checkrelease: %s: %v\n", *com, err)
		os.Exit(1)
	}
	fmt.Printf("checkrelease: %s: console subsystem, otherwise the same file as %s: ok\n", *com, *exe)
}

// attachNames are the names cli/console_windows.go looks up and opens to
// print to the console of the shell that started the GUI binary: the
// binary must hold them, or that code was not linked in.
var attachNames = []string{"AttachConsole", "CONOUT$", "GetConsoleProcessList", "FreeConsole"}

// checkTwin checks that com is the console twin of exe: a console-subsystem
// executable that differs from exe in its subsystem and PE checksum fields
// only, so it has the same code, version information and icon.
func checkTwin(exe, com string) error {
	a, err := os.ReadFile(exe)
	if err != nil {
		return err
	}
	b, err := os.ReadFile(com)
	if err != nil {
		return err
	}
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		return err
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return errors.New("not PE32+ (no 64-bit optional header)")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		return fmt.Errorf("subsystem %d, not the console subsystem: cmd would not wait for it", oh.Subsystem)
	}
	if len(a) != len(b) {
		return fmt.Errorf("%d bytes, %s has %d: not its twin", len(b), exe, len(a))
	}
	start := int(binary.LittleEndian.Uint32(b[0x3c:])) + 24 // the optional header
	checksum, subsystem := start+64, start+68
	for i := range a {
		if a[i] != b[i] && (i < checksum || i >= checksum+4) && (i < subsystem || i >= subsystem+2) {
			return fmt.Errorf("differs from %s at byte %#x, outside the subsystem and checksum fields", exe, i)
		}
	}
	return nil
}

func check(path, version string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine %#x, not x86-64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return errors.New("not PE32+ (no 64-bit optional header)")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("subsystem %d, not the Windows GUI subsystem: a console window would open", oh.Subsystem)
	}
	rdata := f.Section(".rdata")
	if rdata == nil {
		return errors.New("no read-only data section")
	}
	ro, err := rdata.Data()
	if err != nil {
		return err
	}
	for _, name := range attachNames {
		if !bytes.Contains(ro, []byte(name)) {
			return fmt.Errorf("no %q in its read-only data: it cannot print to the console it is started from", name)
		}
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return errors.New("no resource section")
	}
	raw, err := rsrc.Data()
	if err != nil {
		return err
	}
	r := resources{data: raw, base: rsrc.VirtualAddress}
	types, err := r.dir(0)
	if err != nil {
		return err
	}
	for _, t := range []uint32{rtIcon, rtGroupIcon, rtVersion, rtManifest} {
		if _, ok := types[t]; !ok {
			return fmt.Errorf("no resource of type %d", t)
		}
	}
	ver, err := r.first(types[rtVersion])
	if err != nil {
		return fmt.Errorf("version information: %w", err)
	}
	for _, key := range []string{"ProductVersion", "FileVersion", "ProductName"} {
		if !bytes.Contains(ver, utf16le(key)) {
			return fmt.Errorf("version information has no %s", key)
		}
	}
	if version != "" && !bytes.Contains(ver, utf16le(version)) {
		return fmt.Errorf("version information does not carry version %s", version)
	}
	return nil
}

type resources struct {
	data []byte
	base uint32
}

// dir reads the resource directory at off: ID → entry (offset with the
// subdirectory flag in its high bit).
func (r resources) dir(off uint32) (map[uint32]uint32, error) {
	if int(off)+16 > len(r.data) {
		return nil, errors.New("resource directory out of range")
	}
	named := binary.LittleEndian.Uint16(r.data[off+12:])
	ids := binary.LittleEndian.Uint16(r.data[off+14:])
	out := map[uint32]uint32{}
	for i := uint32(0); i < uint32(named)+uint32(ids); i++ {
		e := off + 16 + 8*i
		if int(e)+8 > len(r.data) {
			return nil, errors.New("resource entry out of range")
		}
		out[binary.LittleEndian.Uint32(r.data[e:])] = binary.LittleEndian.Uint32(r.data[e+4:])
	}
	return out, nil
}

// first follows the first entries down to a leaf and returns its data.
func (r resources) first(entry uint32) ([]byte, error) {
	for depth := 0; entry&0x80000000 != 0; depth++ {
		if depth > 4 {
			return nil, errors.New("resource tree too deep")
		}
		sub, err := r.dir(entry &^ 0x80000000)
		if err != nil {
			return nil, err
		}
		found := false
		for _, e := range sub {
			entry, found = e, true
			break
		}
		if !found {
			return nil, errors.New("empty resource directory")
		}
	}
	if int(entry)+8 > len(r.data) {
		return nil, errors.New("resource data entry out of range")
	}
	rva := binary.LittleEndian.Uint32(r.data[entry:])
	size := binary.LittleEndian.Uint32(r.data[entry+4:])
	start := int64(rva) - int64(r.base)
	if start < 0 || start+int64(size) > int64(len(r.data)) {
		return nil, errors.New("resource data out of range")
	}
	return r.data[start : start+int64(size)], nil
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
