package storage

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage/storagetest"
)

// colleague returns a status file of a colleague who set a status and wrote
// a note on each of n measures (2n changes).
func colleague(t *testing.T, dir string, n int) string {
	t.Helper()
	s, _ := person(t, "Bolat", "KZ")
	for _, m := range s.Plan().Measures[:n] {
		if _, err := s.SetStatus(m.ID, data.StatusInProgress); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddNote(m.ID, "noted on "+m.ID); err != nil {
			t.Fatal(err)
		}
	}
	defer s.Close()
	return export(t, s, dir, "bolat")
}

// bucketStats returns the number of values in the changes bucket and the
// file's schema version.
func bucketStats(t *testing.T, path string) (values int, schema int) {
	t.Helper()
	values, _, _, schema = fileLayout(t, path)
	return values, schema
}

// fileLayout returns how many values the changes bucket holds, how many
// changes they hold in all, the most one value holds, and the file's
// schema version.
func fileLayout(t *testing.T, path string) (values, lines, most, schema int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		schema, _ = strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
		return tx.Bucket(bucketChanges).ForEach(func(k, v []byte) error {
			n := bytes.Count(v, []byte("\n"))
			if n == 0 {
				n = 1 // one change, without a newline
			}
			values++
			lines += n
			most = max(most, n)
			return nil
		})
	})
	return values, lines, most, schema
}

// TestImportWritesBatches: an import writes its changes importBatch to a
// value (schema 2), and the data file reads back to the same state, whose
// lines a second import recognises.
func TestImportWritesBatches(t *testing.T) {
	file := colleague(t, t.TempDir(), 77) // 154 changes: one value
	s, path := openTemp(t)
	if r := mustImport(t, s, false, file); r.Total.NewChanges != 154 {
		t.Fatalf("imported %d changes", r.Total.NewChanges)
	}
	want := snapshot(s)
	s.Close()
	if values, schema := bucketStats(t, path); values != 1 || schema != 3 {
		t.Errorf("changes bucket: %d values, schema %d; want 1 value, schema 3 (signed changes)", values, schema)
	}
	storagetest.Check(t, path)
	s, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := snapshot(s); got != want {
		t.Errorf("reopened state differs:\n%s\nwant\n%s", got, want)
	}
	if r := mustImport(t, s, false, file); r.Total.NewChanges != 0 {
		t.Errorf("importing the file again brought %d changes", r.Total.NewChanges)
	}
	// A change made afterwards is one value of its own.
	if _, err := s.AddNote("1.1.1", "mine"); err != nil {
		t.Fatal(err)
	}
	want = snapshot(s)
	s.Close()
	if values, _ := bucketStats(t, path); values != 2 {
		t.Errorf("changes bucket after a local change: %d values, want 2", values)
	}
	s, err = Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := snapshot(s); got != want {
		t.Errorf("reopened state differs after a local change")
	}
}

// TestSchema1FileOpensAndBecomes3: a data file of schema 1 (one change per
// value, as scoplan 0.1.0 wrote them) opens as it is, and becomes 3 with
// the first signed change written to it (SchemaVersion): from then on an
// older scoplan, which would export the changes without their signatures,
// refuses to open it. An import keeps it 3, and it reads back the same.
func TestSchema1FileOpensAndBecomes3(t *testing.T) {
	s, path := openTemp(t)
	for _, id := range []string{"1.1.1", "1.2.3", "2.1.1"} {
		if _, err := s.SetStatus(id, data.StatusDone); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("1")) })
	db.Close()

	s, err = Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Changes()); got != 3 {
		t.Errorf("%d changes, want 3", got)
	}
	s.Close()
	if values, schema := bucketStats(t, path); values != 3 || schema != 1 {
		t.Errorf("after opening: %d values, schema %d; want 3 and 1 (opening writes nothing)", values, schema)
	}
	s, err = Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddNote("1.1.1", "a note"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if values, schema := bucketStats(t, path); values != 4 || schema != 3 {
		t.Errorf("after a signed change: %d values, schema %d; want 4 and 3", values, schema)
	}
	s, err = Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, false, colleague(t, t.TempDir(), 3))
	want := snapshot(s)
	s.Close()
	if values, schema := bucketStats(t, path); values != 5 || schema != 3 {
		t.Errorf("after an import: %d values, schema %d; want 5 and 3", values, schema)
	}
	s, err = Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if snapshot(s) != want {
		t.Errorf("reopened state differs")
	}
}

// TestDamagedBatchIsRefusedAndUntouched: a value of several changes that
// does not hold up is refused in plain words, the file unchanged.
func TestDamagedBatchIsRefusedAndUntouched(t *testing.T) {
	file := colleague(t, t.TempDir(), 5)
	cases := []struct {
		name   string
		damage func(k, v []byte) (key, value []byte)
		says   string
	}{
		{"key is not the first change's ID", func(k, v []byte) ([]byte, []byte) {
			return []byte("0123456789abcdef0123456789abcdef"), v
		}, "cannot be read"},
		{"a line cut short", func(k, v []byte) ([]byte, []byte) {
			i := bytes.IndexByte(v, '\n')
			return k, append(append(append([]byte(nil), v[:i+1]...), v[i+1:i+20]...), v[bytes.IndexByte(v[i+1:], '\n')+i+1:]...)
		}, "cannot be read"},
		{"an empty line", func(k, v []byte) ([]byte, []byte) {
			i := bytes.IndexByte(v, '\n')
			return k, append(append(append([]byte(nil), v[:i+1]...), '\n'), v[i+1:]...)
		}, "cannot be read"},
		{"a change twice", func(k, v []byte) ([]byte, []byte) {
			first := v[:bytes.IndexByte(v, '\n')+1]
			return k, append(append([]byte(nil), v...), first...)
		}, "twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, path := openTemp(t)
			mustImport(t, s, false, file)
			s.Close()
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(tx *bolt.Tx) error {
				b := tx.Bucket(bucketChanges)
				var key, value []byte
				b.ForEach(func(k, v []byte) error {
					if bytes.Count(v, []byte("\n")) > 1 {
						key, value = bytes.Clone(k), bytes.Clone(v)
					}
					return nil
				})
				if key == nil {
					return fmt.Errorf("no value with several changes")
				}
				if err := b.Delete(key); err != nil {
					return err
				}
				k, v := c.damage(key, value)
				return b.Put(k, v)
			})
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			before := storagetest.FileSum(t, path)
			_, err = Open(Options{Path: path})
			if !errors.Is(err, ErrDamaged) || !bytes.Contains([]byte(err.Error()), []byte(c.says)) {
				t.Errorf("err = %v, want ErrDamaged saying %q", err, c.says)
			}
			if storagetest.FileSum(t, path) != before {
				t.Errorf("the file changed")
			}
		})
	}
}

// TestBatchesFollowTheFiles: an import whose file interleaves changes the
// data file knows with new ones, and brings more than importBatch of them,
// writes every new change once, in values of at most importBatch, and the
// file reopens to the same state.
func TestBatchesFollowTheFiles(t *testing.T) {
	dir := t.TempDir()
	first := colleague(t, dir, 77) // 154 changes
	// Aigerim takes in Bolat's file, then writes 300 changes of her own
	// among his (her notes on every measure after his): her file holds
	// 454, of which 300 are new to someone who has Bolat's.
	a, _ := person(t, "Aigerim", "KG")
	mustImport(t, a, false, first)
	for i := range 300 {
		m := a.Plan().Measures[i%77]
		if _, err := a.AddNote(m.ID, fmt.Sprintf("Aigerim's note %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	second := export(t, a, dir, "aigerim")
	a.Close()

	s, path := openTemp(t)
	mustImport(t, s, false, first)
	if r := mustImport(t, s, false, second); r.Total.NewChanges != 300 {
		t.Fatalf("second import brought %d changes, want 300", r.Total.NewChanges)
	}
	want := snapshot(s)
	total := len(s.Changes())
	s.Close()
	values, lines, most, _ := fileLayout(t, path)
	t.Logf("%d values hold the %d changes, at most %d in one", values, lines, most)
	if lines != total || most > importBatch || values < 3 {
		t.Errorf("%d values holding %d changes (at most %d in one); want %d changes, at most %d, at least 3 values",
			values, lines, most, total, importBatch)
	}
	storagetest.Check(t, path)
	s, err := Open(Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if snapshot(s) != want {
		t.Errorf("reopened state differs")
	}
}
