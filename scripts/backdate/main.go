// Command backdate records statuses in a data file as if on an earlier day,
// for the demo data of scripts/screenshots.sh: the overview's progress over
// time and the Activity screen need a history longer than the minute the
// script takes. The changes are ordinary changes of the data file's own
// identity, signed and exchanged like any other; only their time is the
// day given (10:00 UTC, a minute apart).
//
//	go run ./scripts/backdate -db kz.db -day 2026-03-10 in-progress 1.1.1 1.1.4
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"scoplan/data"
	"scoplan/storage"
)

func main() {
	db := flag.String("db", "", "the data file")
	day := flag.String("day", "", "the day the changes are recorded on, YYYY-MM-DD")
	flag.Parse()
	if err := run(*db, *day, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "backdate:", err)
		os.Exit(1)
	}
}

func run(db, day string, args []string) error {
	d, err := data.ParseDate(day)
	if err != nil {
		return err
	}
	if db == "" || len(args) < 2 {
		return fmt.Errorf("usage: backdate -db FILE -day YYYY-MM-DD STATUS ID…")
	}
	st, err := data.ParseStatus(args[0])
	if err != nil {
		return err
	}
	at := d.Time().Add(10 * time.Hour)
	s, err := storage.Open(storage.Options{Path: db, Now: func() time.Time { at = at.Add(time.Minute); return at }})
	if err != nil {
		return err
	}
	defer s.Close()
	for _, id := range args[1:] {
		if _, err := s.SetStatus(id, st); err != nil && !storage.IsUnchanged(err) {
			return err
		}
	}
	return s.Close()
}
