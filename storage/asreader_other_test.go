//go:build !unix

package storage

import "testing"

// asReader runs fn: elsewhere than on Unix, mode 0444 sets the read-only
// attribute, which stops every user.
func asReader(t *testing.T, dir string, open []string, fn func()) { fn() }
