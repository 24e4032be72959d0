package storage

import (
	"errors"
	"path/filepath"
	"testing"

	"scoplan/data"
)

// TestMeetingExchange: a meeting recorded in one data file reaches another
// through a status file, survives reopening it, and is not recorded twice.
func TestMeetingExchange(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(Options{Path: filepath.Join(dir, "a.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if err := a.SetIdentity("Anna", "KZ"); err != nil {
		t.Fatal(err)
	}
	day := data.Date{Year: 2026, Month: 6, Day: 12}
	if _, err := a.AddMeeting("Tashkent", day); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddMeeting("Tashkent", day); !errors.Is(err, ErrMeetingRecorded) {
		t.Errorf("the same meeting twice: %v", err)
	}
	if _, err := a.AddMeeting(" two\nlines", day); err == nil {
		t.Error("a bad name was recorded")
	}
	if _, err := a.SetStatus("1.1.1", data.StatusDone); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "a.scoplan-status")
	if n, err := a.Export(file); err != nil || n != 2 {
		t.Fatalf("export: %d, %v", n, err)
	}
	bPath := filepath.Join(dir, "b.db")
	b, err := Open(Options{Path: bPath})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Import([]string{file}, false); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if b, err = Open(Options{Path: bPath}); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ms := b.Meetings()
	if len(ms) != 1 || ms[0].Name != "Tashkent" || ms[0].Date != day || ms[0].Change.Name != "Anna" {
		t.Fatalf("b's meetings: %+v", ms)
	}
	if st := b.Measure("1.1.1").StatusOf("KZ").Status; st != data.StatusDone {
		t.Errorf("1.1.1 in b: %s", st)
	}
}
