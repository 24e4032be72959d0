package storage

import (
	"path/filepath"
	"testing"
	"time"

	"scoplan/storage/statusfile"
)

// The program named in an exported file's header is the store's option,
// "scoplan" when none is given: two stores in one process can name
// different programs, as nothing is shared.
func TestExportNamesTheApp(t *testing.T) {
	dir := t.TempDir()
	for i, tc := range []struct{ app, want string }{{"scoplan 9.9.9", "scoplan 9.9.9"}, {"", "scoplan"}} {
		path := filepath.Join(dir, "app"+string(rune('a'+i))+".db")
		s, err := Open(Options{Path: path, App: tc.app})
		if err != nil {
			t.Fatal(err)
		}
		content, _, err := s.ExportBytes()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		f, err := statusfile.Parse("x"+statusfile.Extension, content, statusfile.Options{Now: time.Now().Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if f.Header.App != tc.want {
			t.Errorf("App %q: the header names %q, want %q", tc.app, f.Header.App, tc.want)
		}
	}
}
