// Command crashwriter is the writer and the checker of the crash test
// (scripts/crash-test.sh), built on scoplan's own store.
//
//	crashwriter write DB        add notes and set statuses until killed;
//	                            print "ok ID" after each write returned
//	crashwriter export DB OUT   export DB to OUT again and again until
//	                            killed; print "ok N" after each export
//	crashwriter check DB ACKS   check DB after a kill: bbolt's consistency
//	                            check, scoplan opens it, and every change
//	                            ACKS lists ("ok ID" lines) is in it
//	crashwriter check-export OUT  OUT is absent or a complete status file
//
// It exits 0 when a check passes, 1 with one line on stderr when it fails.
package main

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"scoplan/data"
	"scoplan/storage"
	"scoplan/storage/statusfile"
)

func main() {
	if len(os.Args) < 3 {
		fail("usage: crashwriter write DB | export DB OUT | check DB ACKS | check-export OUT")
	}
	var err error
	switch os.Args[1] {
	case "write":
		err = write(os.Args[2])
	case "export":
		if len(os.Args) < 4 {
			fail("export needs DB and OUT")
		}
		err = export(os.Args[2], os.Args[3])
	case "check":
		if len(os.Args) < 4 {
			fail("check needs DB and ACKS")
		}
		err = check(os.Args[2], os.Args[3])
	case "check-export":
		err = checkExport(os.Args[2])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "crashwriter:", msg)
	os.Exit(1)
}

func write(db string) error {
	s, err := storage.Open(storage.Options{Path: db, Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	measures := s.Plan().Measures
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	for i := 0; ; i++ {
		m := measures[rng.Intn(len(measures))].ID
		var c *data.Change
		if i%3 == 0 {
			c, err = s.SetStatus(m, data.Statuses[rng.Intn(len(data.Statuses))])
			if storage.IsUnchanged(err) {
				continue
			}
		} else {
			c, err = s.AddNote(m, fmt.Sprintf("crash test note %d, %s: 海关合作工作组会议 — совещание", i, time.Now().Format(time.RFC3339Nano)))
		}
		if err != nil {
			return err
		}
		// Unbuffered: the line is out before the next write starts.
		fmt.Fprintf(os.Stdout, "ok %s\n", c.ID)
	}
}

func export(db, out string) error {
	s, err := storage.Open(storage.Options{Path: db, Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	for i := 0; ; i++ {
		n, err := s.Export(out)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stdout, "ok %d %d\n", i, n)
	}
}

func check(db, acks string) error {
	// 1. bbolt's own consistency check, read-only.
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		return fmt.Errorf("bbolt cannot open the file: %v", err)
	}
	var problems []string
	err = bdb.View(func(tx *bolt.Tx) error {
		for e := range tx.Check() {
			problems = append(problems, e.Error())
		}
		return nil
	})
	bdb.Close()
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("bbolt check: %d problems, first: %s", len(problems), problems[0])
	}
	// 2. scoplan opens it (every change decoded and validated).
	s, err := storage.Open(storage.Options{Path: db, Timeout: 5 * time.Second})
	if err != nil {
		return fmt.Errorf("scoplan cannot open the file: %v", err)
	}
	defer s.Close()
	have := map[string]bool{}
	for _, c := range s.Changes() {
		have[c.ID] = true
	}
	// 3. Every acknowledged change is there (complete lines only).
	content, err := os.ReadFile(acks)
	if err != nil {
		return err
	}
	lines := strings.Split(string(content), "\n")
	lines = lines[:len(lines)-1] // the last piece has no newline: not acknowledged
	lost := 0
	for _, l := range lines {
		id, ok := strings.CutPrefix(l, "ok ")
		if !ok {
			continue
		}
		if !have[id] {
			lost++
		}
	}
	if lost > 0 {
		return fmt.Errorf("%d acknowledged changes lost of %d", lost, len(lines))
	}
	fmt.Printf("acknowledged %d, in file %d\n", len(lines), len(have))
	return nil
}

func checkExport(out string) error {
	if _, err := os.Stat(out); os.IsNotExist(err) {
		fmt.Println("absent")
		return nil
	}
	f, err := statusfile.ReadFile(out, statusfile.Options{Plan: data.Load()})
	if err != nil {
		return fmt.Errorf("the file under the final name is not a complete status file: %v", err)
	}
	fmt.Printf("complete, %d changes\n", len(f.Lines))
	return nil
}
