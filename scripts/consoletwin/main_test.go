package main

import (
	"scoplan/scripts/internal/wintest"

	"bytes"
	"debug/pe"
	"encoding/binary"
	"testing"
)

// buildGUI cross-compiles a small Windows program for the GUI subsystem.
func buildGUI(t *testing.T) []byte {
	_, b := wintest.GUIExe(t)
	return b
}

func subsystem(t *testing.T, b []byte) uint16 {
	t.Helper()
	f, err := pe.NewFile(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return f.OptionalHeader.(*pe.OptionalHeader64).Subsystem
}

func TestTwinChangesOnlyTheSubsystem(t *testing.T) {
	gui := buildGUI(t)
	if got := subsystem(t, gui); got != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Fatalf("the test program has subsystem %d, want GUI", got)
	}
	twin := bytes.Clone(gui)
	if err := Twin(twin); err != nil {
		t.Fatal(err)
	}
	if got := subsystem(t, twin); got != pe.IMAGE_SUBSYSTEM_WINDOWS_CUI {
		t.Errorf("twin subsystem %d, want CONSOLE (%d)", got, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
	}
	oh, err := OptionalHeader(twin)
	if err != nil {
		t.Fatal(err)
	}
	for i := range gui {
		field := i >= oh+offSubsystem && i < oh+offSubsystem+2 || i >= oh+offCheckSum && i < oh+offCheckSum+4
		if gui[i] != twin[i] && !field {
			t.Fatalf("byte %#x differs outside the subsystem and checksum fields", i)
		}
	}
	// A second pass refuses: the twin is no GUI executable any more.
	if err := Twin(twin); err == nil {
		t.Error("Twin accepted a console executable")
	}
}

func TestTwinRefusesNonPE(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("MZ"), append([]byte("MZ"), make([]byte, 100)...)} {
		if err := Twin(b); err == nil {
			t.Errorf("Twin accepted %d bytes that are no PE file", len(b))
		}
	}
}

// A file with a set checksum gets a new one that is right for its new bytes:
// the checksum of the whole file, with the field counted as zero.
func TestTwinRecomputesASetChecksum(t *testing.T) {
	b := buildGUI(t)
	oh, err := OptionalHeader(b)
	if err != nil {
		t.Fatal(err)
	}
	binary.LittleEndian.PutUint32(b[oh+offCheckSum:], Checksum(b, oh+offCheckSum))
	before := binary.LittleEndian.Uint32(b[oh+offCheckSum:])
	if err := Twin(b); err != nil {
		t.Fatal(err)
	}
	after := binary.LittleEndian.Uint32(b[oh+offCheckSum:])
	if after == before {
		t.Error("the checksum did not change with the subsystem")
	}
	if want := Checksum(b, oh+offCheckSum); after != want {
		t.Errorf("checksum %#x, want %#x", after, want)
	}
	// Known value: 2 words of 0x0001 and a length of 4 give 2+4.
	if got := Checksum([]byte{1, 0, 1, 0}, 100); got != 6 {
		t.Errorf("Checksum of 4 bytes = %d, want 6", got)
	}
}
