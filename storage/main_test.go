package storage

import (
	"os"
	"testing"
)

// long reports whether the long runs are asked for (SCOPLAN_LONG=1).
func long() bool { return os.Getenv("SCOPLAN_LONG") != "" }

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
