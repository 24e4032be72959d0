//go:build unix

package storage

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// asReader runs fn as a user who may read but not write the files made
// mode 0444 under dir. Tests run as root in CI, and root writes such a
// file all the same; so as root fn runs with the effective user nobody
// (65534), root again afterwards, and the kernel refuses the writes as it
// would for any delegate. The folders from dir up to the system's
// temporary folder are opened to nobody first (mode 0755, or 0777 for
// open, which fn may write in).
func asReader(t *testing.T, dir string, open []string, fn func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		fn()
		return
	}
	for d := dir; d != os.TempDir() && d != "/" && d != "."; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range open {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Seteuid(65534); err != nil {
		t.Fatalf("cannot act as nobody to test a read-only file as root: %v", err)
	}
	defer func() {
		if err := syscall.Seteuid(0); err != nil {
			panic("cannot become root again: " + err.Error())
		}
	}()
	fn()
}
