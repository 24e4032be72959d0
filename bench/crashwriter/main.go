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
//	crashwriter import DB DIR   write a new colleague's status file of
//	                            300 changes to DIR and import it into DB,
//	                            again and again until killed; print
//	                            "begin FILE" once the file is written and
//	                            "ok FILE" once its import returned
//	crashwriter check-import DB ACKS  after a kill: every file ACKS says
//	                            began is in DB wholly, or (the one whose
//	                            import did not return) not at all
//
// It exits 0 when a check passes, 1 with one line on stderr when it fails.
package main

import (
	"crypto/ed25519"
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
		fail("usage: crashwriter write DB | export DB OUT | check DB ACKS | check-export OUT | import DB DIR | check-import DB ACKS")
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
	case "import", "check-import":
		if len(os.Args) < 4 {
			fail(os.Args[1] + " needs two arguments")
		}
		if os.Args[1] == "import" {
			err = importLoop(os.Args[2], os.Args[3])
		} else {
			err = checkImport(os.Args[2], os.Args[3])
		}
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
	have, err := checkFile(db)
	if err != nil {
		return err
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

// checkFile runs the checks every kind of round shares: bbolt's
// consistency check passes and scoplan opens the file. It returns the IDs
// of the changes the file holds.
func checkFile(db string) (map[string]bool, error) {
	// 1. bbolt's own consistency check, read-only.
	bdb, err := bolt.Open(db, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("bbolt cannot open the file: %v", err)
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
		return nil, err
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("bbolt check: %d problems, first: %s", len(problems), problems[0])
	}
	// 2. scoplan opens it (every change decoded and validated).
	s, err := storage.Open(storage.Options{Path: db, Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("scoplan cannot open the file: %v", err)
	}
	defer s.Close()
	have := map[string]bool{}
	for _, c := range s.Changes() {
		have[c.ID] = true
	}
	return have, nil
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

// importLoop imports new colleagues' status files into db until killed.
func importLoop(db, dir string) error {
	s, err := storage.Open(storage.Options{Path: db, Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	measures := s.Plan().Measures
	for i := 0; ; i++ {
		pub, priv, err := ed25519.GenerateKey(nil)
		if err != nil {
			return err
		}
		author := statusfile.Fingerprint(pub)
		now := time.Now().UTC().Truncate(data.TimePrecision)
		changes := make([]*data.Change, 300)
		for j := range changes {
			c := &data.Change{ID: storage.NewChangeID(), Measure: measures[j%len(measures)].ID, Author: author,
				Name: fmt.Sprintf("Colleague %d", i), Delegation: "KG", Time: now, Clock: uint64(j + 1)}
			if j%4 == 0 {
				c.Kind, c.Status = data.ChangeStatus, data.Statuses[j%len(data.Statuses)]
			} else {
				c.Kind, c.Text = data.ChangeNoteAdd, fmt.Sprintf("import crash test note %d/%d: 海关合作 — таможня", i, j)
			}
			changes[j] = c
		}
		content, err := statusfile.Encode(statusfile.Header{Plan: data.PlanID, PlanVersion: s.Plan().Version(), Exported: now, App: "crashwriter"},
			pub, changes, func(m []byte) []byte { return ed25519.Sign(priv, m) })
		if err != nil {
			return err
		}
		name := fmt.Sprintf("%s/import-%d-%d%s", dir, time.Now().UnixNano(), i, statusfile.Extension)
		if err := os.WriteFile(name, content, 0o600); err != nil {
			return err
		}
		fmt.Fprintf(os.Stdout, "begin %s\n", name)
		if _, err := s.Import([]string{name}, false); err != nil {
			return err
		}
		fmt.Fprintf(os.Stdout, "ok %s\n", name)
	}
}

// checkImport checks db after a killed importLoop: bbolt's check passes,
// scoplan opens it, each file whose import returned is in it wholly, and
// each file whose import began is in it wholly or not at all.
func checkImport(db, acks string) error {
	have, err := checkFile(db)
	if err != nil {
		return err
	}
	content, err := os.ReadFile(acks)
	if err != nil {
		return err
	}
	done := map[string]bool{}
	var began []string
	for _, l := range strings.Split(string(content), "\n") {
		if name, ok := strings.CutPrefix(l, "ok "); ok {
			done[name] = true
		} else if name, ok := strings.CutPrefix(l, "begin "); ok {
			began = append(began, name)
		}
	}
	whole, none := 0, 0
	for _, name := range began {
		f, err := statusfile.ReadFile(name, statusfile.Options{})
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		in := 0
		for _, l := range f.Lines {
			if have[l.ID] {
				in++
			}
		}
		switch {
		case in == len(f.Lines):
			whole++
		case in == 0 && !done[name]:
			none++
		default:
			return fmt.Errorf("%s: %d of its %d changes in the data file (import returned: %v)", name, in, len(f.Lines), done[name])
		}
	}
	fmt.Printf("imports begun %d, in the data file wholly %d, not at all %d\n", len(began), whole, none)
	return nil
}
