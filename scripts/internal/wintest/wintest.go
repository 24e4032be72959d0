// Package wintest helps the release tools' tests: it cross-compiles a small
// Windows program to check them against, with no Windows machine at hand.
package wintest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// GUIExe cross-compiles a small Windows program for the GUI subsystem
// (without scoplan's console-attaching code) and returns its path and
// bytes.
func GUIExe(t testing.TB) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() { println(\"hello\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "hello.exe")
	cmd := exec.Command("go", "build", "-ldflags", "-H=windowsgui", "-o", exe, src)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GO111MODULE=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	return exe, b
}
