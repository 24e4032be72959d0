package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"scoplan/data"
	"scoplan/storage"
)

func init() {
	register(&command{name: "check", args: "[--salvage FILE]", summary: "check the data file for damage",
		help: `Reads the data file without writing to it and says what is wrong with it, if
anything: bbolt's own checks of the file's structure, the schema, the key and
your identity, and every stored change (it must decode, be valid, name a
measure of the plan and appear once). Exit code 0 when nothing is wrong, 1
when something is.

--salvage NEW.db makes a new data file holding the changes that can be
recovered (those that read back whole, and whose every reference does), with
the damaged file's key, name and delegation; go on with it:
  scoplan --db NEW.db
and share a status file from it as usual. The damaged file is left as it is.`,
		flags: checkFlags})
}

func checkFlags(fs *flag.FlagSet) func(*env, []string) error {
	salvage := fs.String("salvage", "", "make a new data file with what can be recovered")
	return func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		if *salvage != "" {
			if _, err := os.Lstat(*salvage); err == nil {
				return usagef("--salvage %s exists already: give the name of a new data file", *salvage)
			}
		}
		loc, err := storage.Locate(e.dbPath)
		if err != nil {
			return fmt.Errorf("cannot find a place for the data file: %w", err)
		}
		if _, err := os.Stat(loc.Path); errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("there is no data file at %s", loc.Path)
		}
		r, err := storage.Check(loc.Path, data.Load())
		if err != nil {
			return fmt.Errorf("%s: %w", loc.Path, err)
		}
		w := e.stdout
		fmt.Fprintf(w, "data file:   %s (schema %d)\n", oneLine(r.Path), r.Schema)
		fmt.Fprintf(w, "changes:     %s can be read\n", plural(len(r.Changes)+r.Dropped, "change", "changes"))
		if r.OK() {
			fmt.Fprintln(w, "nothing is wrong")
		} else {
			fmt.Fprintf(w, "damage:      %s\n", plural(len(r.Damage), "problem", "problems"))
			for _, d := range r.Damage {
				fmt.Fprintf(w, "  %s: %s\n", oneLine(d.Where), oneLine(d.Reason))
			}
			fmt.Fprintf(w, "recoverable: %s", plural(len(r.Changes), "change", "changes"))
			if r.Dropped > 0 {
				fmt.Fprintf(w, " (%s left out: %s on damaged ones)", plural(r.Dropped, "change", "changes"), map[bool]string{true: "it depends", false: "they depend"}[r.Dropped == 1])
			}
			fmt.Fprintln(w)
		}
		if *salvage != "" {
			n, err := r.Salvage(*salvage)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "made %s with %s; go on with: scoplan --db %s\n", oneLine(*salvage), plural(n, "change", "changes"), oneLine(*salvage))
		} else if !r.OK() {
			fmt.Fprintln(w, "to recover: scoplan check --salvage NEW.db makes a new data file with it")
		}
		if !r.OK() {
			return errors.New(strings.TrimSpace(plural(len(r.Damage), "problem was", "problems were")) + " found")
		}
		return nil
	}
}
