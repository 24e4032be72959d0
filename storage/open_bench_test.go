package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A data file with about 100,000 changes: 217 status files of 462 changes
// (statuses and notes on all 77 measures, several authors) imported.
var (
	bigOnce    sync.Once
	bigPath    string
	bigChanges int
	bigErr     error
)

func bigDataFile(b *testing.B) string {
	b.Helper()
	paths, n := benchFiles(b, 217)
	bigOnce.Do(func() {
		bigPath = filepath.Join(benchDir, "big.db")
		os.Remove(bigPath)
		s, err := Open(Options{Path: bigPath})
		if err != nil {
			bigErr = err
			return
		}
		defer s.Close()
		r, err := s.Import(paths, false)
		if err != nil {
			bigErr = err
			return
		}
		bigChanges = r.Total.NewChanges
		if bigChanges != n {
			bigErr = os.ErrInvalid
		}
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// BenchmarkOpen100k opens a data file of 100,000 changes as scoplan does on
// start-up: the read-only inspection, the open, every change decoded,
// validated and derived into the measures' states. It reports the file's
// size.
func BenchmarkOpen100k(b *testing.B) {
	path := bigDataFile(b)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(Options{Path: path})
		if err != nil {
			b.Fatal(err)
		}
		if s.ChangeCount() != bigChanges {
			b.Fatalf("%d changes, want %d", s.ChangeCount(), bigChanges)
		}
		s.Close()
	}
	b.ReportMetric(float64(info.Size()), "file-bytes")
	b.ReportMetric(float64(bigChanges), "changes")
}

// BenchmarkOpen100kBaselineBolt is the baseline of BenchmarkOpen100k in the
// same run: bbolt opens the same file read-only and walks every change's
// bytes (counting the lines of values that hold several), decoding nothing.
func BenchmarkOpen100kBaselineBolt(b *testing.B) {
	path := bigDataFile(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		n, size := 0, 0
		err = db.View(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketChanges).ForEach(func(k, v []byte) error {
				n += max(1, bytes.Count(v, []byte("\n"))) // a value holds one change or several lines
				size += len(v)
				return nil
			})
		})
		if err != nil || n != bigChanges {
			b.Fatalf("%d changes, %v", n, err)
		}
		db.Close()
	}
}
