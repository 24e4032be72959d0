package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"scoplan/storage/storagetest"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
)

// openTemp opens a fresh store in t.TempDir and checks the file with bbolt's
// consistency check when the test ends.
func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		storagetest.Check(t, path)
	})
	return s, path
}

func TestStatusAndNotesSurviveReopen(t *testing.T) {
	s, path := openTemp(t)
	if err := s.SetIdentity("Anna Petrova", "Russia"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus("1.2.3", data.StatusInProgress); err != nil {
		t.Fatal(err)
	}
	n, err := s.AddNote("1.2.3", "  Roadmap draft circulated\r\n ")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.EditNote("1.2.3", n.ID, "Roadmap draft circulated to all"); err != nil {
		t.Fatal(err)
	}
	n2, _ := s.AddNote("1.2.3", "second")
	if _, err := s.DeleteNote("1.2.3", n2.ID); err != nil {
		t.Fatal(err)
	}
	me := s.Identity()
	s.Close()

	s2, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if got := s2.Identity(); got != me || got.Name != "Anna Petrova" || len(got.Key) != data.AuthorIDHexLen {
		t.Errorf("identity after reopen = %+v, want %+v", got, me)
	}
	m := s2.Measure("1.2.3")
	if m.Status != data.StatusInProgress {
		t.Errorf("status = %s", m.Status)
	}
	if len(m.Notes) != 1 || m.Notes[0].Text != "Roadmap draft circulated to all" || m.Notes[0].Name != "Anna Petrova" || m.Notes[0].Delegation != "Russia" {
		t.Errorf("notes = %+v", m.Notes)
	}
	if len(m.History) != 5 || s2.ChangeCount() != 5 {
		t.Errorf("history has %d changes, log %d", len(m.History), s2.ChangeCount())
	}
	// The clock keeps rising across reopen.
	c, _ := s2.SetStatus("1.2.3", data.StatusDone)
	if c.Clock != 6 || len(c.Parents) != 1 {
		t.Errorf("clock %d parents %v", c.Clock, c.Parents)
	}
}

func TestRefusals(t *testing.T) {
	s, _ := openTemp(t)
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"unknown measure", errOf(s.SetStatus("9.9.9", data.StatusDone)), ErrUnknownMeasure},
		{"unknown status", errOf(s.SetStatus("1.1.1", "finished")), nil},
		{"empty note", errOf(s.AddNote("1.1.1", "  \n ")), ErrEmptyNote},
		{"no such note", errOf(s.EditNote("1.1.1", NewChangeID(), "x")), ErrNoSuchNote},
		{"same status", errOf(s.SetStatus("1.1.1", data.StatusNotStarted)), errUnchanged},
	}
	for _, c := range cases {
		if c.err == nil || (c.want != nil && !errors.Is(c.err, c.want)) {
			t.Errorf("%s: err = %v, want %v", c.name, c.err, c.want)
		}
	}
	if s.ChangeCount() != 0 {
		t.Errorf("refused writes left %d changes", s.ChangeCount())
	}
}

func errOf(_ *data.Change, err error) error { return err }

func TestSomeoneElsesNoteCannotBeChanged(t *testing.T) {
	s, _ := openTemp(t)
	foreign := &data.Change{ID: NewChangeID(), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: "0123456789abcdef",
		Name: "Other", Time: time.Now().UTC().Truncate(time.Millisecond), Clock: 1, Text: "theirs"}
	s.mu.Lock()
	err := s.commit(foreign)
	s.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.EditNote("1.1.1", foreign.ID, "mine now"); !errors.Is(err, ErrNotYourNote) {
		t.Errorf("edit: %v", err)
	}
	if _, err := s.DeleteNote("1.1.1", foreign.ID); !errors.Is(err, ErrNotYourNote) {
		t.Errorf("delete: %v", err)
	}
}

func TestNewerSchemaIsRefusedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	s.SetStatus("1.1.1", data.StatusDone)
	s.Close()
	db, _ := bolt.Open(path, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion+1)))
	})
	db.Close()
	before := storagetest.FileSum(t, path)
	_, err = Open(Options{Path: path})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "newer version of scoplan") {
		t.Errorf("message not plain: %v", err)
	}
	if storagetest.FileSum(t, path) != before {
		t.Errorf("the file changed")
	}
}

func TestBadFilesAreRefusedAndUntouched(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	s, err := Open(Options{Path: good})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		s.AddNote("1.1.1", strings.Repeat("note ", 100))
	}
	s.Close()
	raw, _ := os.ReadFile(good)
	// The file is longer than the data in it (bbolt grows it in steps):
	// truncate within the data.
	var dataSize int
	db0, _ := bolt.Open(good, 0o600, &bolt.Options{ReadOnly: true})
	db0.View(func(tx *bolt.Tx) error { dataSize = int(tx.Size()); return nil })
	db0.Close()

	other := filepath.Join(dir, "other.db")
	db, _ := bolt.Open(other, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	db.Close()
	otherRaw, _ := os.ReadFile(other)

	files := map[string][]byte{
		"text file":           []byte("hello, this is not a database\n"),
		"empty":               {},
		"truncated to 4 KiB":  raw[:4096],
		"truncated to 1 page": raw[:pageSize],
		"truncated half":      raw[:dataSize/2],
		"zeroed meta":         append(make([]byte, 2*pageSize), raw[2*pageSize:]...), // both meta pages
		"another bolt file":   otherRaw,
	}
	for name, content := range files {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		os.WriteFile(p, content, 0o600)
		s, err := Open(Options{Path: p})
		if err == nil {
			s.Close()
			t.Errorf("%s: opened", name)
			continue
		}
		got, _ := os.ReadFile(p)
		if !bytes.Equal(got, content) {
			t.Errorf("%s: file changed", name)
		}
		if strings.Contains(err.Error(), "bbolt") || strings.Contains(err.Error(), "panic") {
			t.Errorf("%s: message is not plain: %v", name, err)
		}
	}
}

// TestSecondProcessFailsFast starts this test binary again as a second
// process on a file the first one holds.
// A second process opening a data file in use gives up with ErrLocked
// after Options.Timeout (1 s by default) instead of waiting for the first
// to close it. The test asserts the error and that the child ends (a hang
// is killed after a minute and fails); how long it waited is logged, not
// asserted: under load the child's start alone has taken over a second.
func TestSecondProcessFailsFast(t *testing.T) {
	if p := os.Getenv("SCOPLAN_TEST_OPEN"); p != "" {
		start := time.Now()
		_, err := Open(Options{Path: p})
		msg := "nil"
		if err != nil {
			msg = err.Error()
		}
		fmt.Fprintf(os.Stderr, "ERR:%s\nWAITED:%v\n", msg, time.Since(start))
		os.Exit(0)
	}
	s, path := openTemp(t)
	_ = s
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestSecondProcessFailsFast$")
	cmd.Env = append(os.Environ(), "SCOPLAN_TEST_OPEN="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("second process: %v (%s)", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "ERR:"+ErrLocked.Error()+"\n") {
		t.Errorf("second process said %q", stderr.String())
	}
	t.Logf("second process: %s", strings.TrimSpace(stderr.String()))
}

func TestLocate(t *testing.T) {
	loc, err := Locate("some/rel.db")
	if err != nil || !filepath.IsAbs(loc.Path) || loc.How != "flag" {
		t.Errorf("flag: %+v %v", loc, err)
	}
	t.Setenv("XDG_DATA_HOME", "/tmp/xdg")
	loc, err = Locate("")
	if err != nil || loc.How != "default" || loc.Path != "/tmp/xdg/scoplan/scoplan.db" {
		t.Errorf("default: %+v %v", loc, err)
	}
}

func TestSettings(t *testing.T) {
	s, _ := openTemp(t)
	if s.Setting("x") != nil {
		t.Fatal("unset setting not nil")
	}
	s.SetSetting("x", []byte("1"))
	if string(s.Setting("x")) != "1" {
		t.Fatal("setting lost")
	}
	s.SetSetting("x", nil)
	if s.Setting("x") != nil {
		t.Fatal("setting not deleted")
	}
}
