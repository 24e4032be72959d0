// Package storagetest holds helpers the tests of several packages share
// about files on disk: a file's digest (to prove a refused operation left a
// data file untouched) and bbolt's consistency check of a closed data file.
package storagetest

import (
	"crypto/sha256"
	"os"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// FileSum returns the SHA-256 of a file's bytes.
func FileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// Check runs bbolt's consistency check on a closed data file.
func Check(t testing.TB, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("reopen for check: %v", err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatalf("bbolt consistency check: %v", err)
	}
}
