package main

import (
	"scoplan/scripts/internal/wintest"

	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// guiExe cross-compiles a small Windows GUI-subsystem program.
func guiExe(t *testing.T) (string, []byte) { return wintest.GUIExe(t) }

func write(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "twin.com")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckTwin(t *testing.T) {
	exe, gui := guiExe(t)
	subsystem := int(binary.LittleEndian.Uint32(gui[0x3c:])) + 24 + 68
	twin := append([]byte(nil), gui...)
	binary.LittleEndian.PutUint16(twin[subsystem:], 3) // CONSOLE
	if err := checkTwin(exe, write(t, twin)); err != nil {
		t.Errorf("the console twin was refused: %v", err)
	}

	other := append([]byte(nil), twin...)
	other[len(other)/2] ^= 0xff
	longer := append(append([]byte(nil), twin...), 0)
	for name, c := range map[string]struct {
		b    []byte
		want string
	}{
		"GUI subsystem":     {gui, "not the console subsystem"},
		"other code":        {other, "differs from"},
		"another file":      {longer, "not its twin"},
		"not an executable": {[]byte("MZ nothing"), ""},
	} {
		err := checkTwin(exe, write(t, c.b))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: checkTwin said %v, want an error with %q", name, err, c.want)
		}
	}
}

// A GUI program without scoplan's console code is refused: it would print
// nothing when typed in cmd.
func TestCheckWantsTheConsoleCode(t *testing.T) {
	exe, _ := guiExe(t)
	err := check(exe, "")
	if err == nil || !strings.Contains(err.Error(), `"AttachConsole"`) {
		t.Errorf("check said %v, want an error about AttachConsole", err)
	}
}
