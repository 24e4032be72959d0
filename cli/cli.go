// Package cli is scoplan's command line: the same binary runs the GUI when
// given no command, and works headless (no display needed) with one.
//
// It never imports Fyne; main.go hands it the function that starts the GUI.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"scoplan/data"
	"scoplan/internal/atomicfile"
	"scoplan/storage"
)

// clock is the time the changes a command records carry. Tests in this
// package set it; nothing else does.
var clock = time.Now

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed (a held or damaged data file, a refused import …)
	ExitUsage = 2 // the command line is wrong (unknown command, flag, ID or status)
)

// GUIFunc starts the GUI on a data file and returns the exit code.
type GUIFunc func(loc storage.Location, today data.Date) int

// Version comes from FyneApp.toml (see SetMetadata); Commit is stamped at
// build time with -ldflags "-X scoplan/cli.Commit=…".
var (
	Version = "dev"
	Commit  = "unknown"
)

var versionLine = regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`)

// SetMetadata takes the version from the contents of FyneApp.toml.
func SetMetadata(toml []byte) {
	if m := versionLine.FindSubmatch(toml); m != nil {
		Version = string(m[1])
	}
}

// usageError marks an error in the command line itself.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// env is what every command gets.
type env struct {
	stdout, stderr io.Writer
	dbPath         string
	today          data.Date
	todaySet       bool
	// readOnly is the data file openStore opened read-only, as the user
	// may not write it ("" when it opened it for writing): readonly.go.
	readOnly string
}

type command struct {
	name, args, summary, help string
	flags                     func(fs *flag.FlagSet) func(e *env, args []string) error
}

var commands []*command

func register(c *command) { commands = append(commands, c) }

func find(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// globalFlags adds --db and --today to a flag set; db and today keep the
// values they hold (given before the command) unless the flags are repeated.
func globalFlags(fs *flag.FlagSet, db, today *string) {
	fs.StringVar(db, "db", *db, "use this data file instead of the default one")
	fs.StringVar(today, "today", *today, "judge deadlines as of this day (YYYY-MM-DD; default: today)")
}

// Main runs scoplan with the given arguments and returns the exit code.
func Main(args []string, stdout, stderr io.Writer, gui GUIFunc) int {
	e := &env{stdout: stdout, stderr: stderr}
	var db, today string
	var version bool
	fs := flag.NewFlagSet("scoplan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	globalFlags(fs, &db, &today)
	fs.BoolVar(&version, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			mainUsage(stdout, fs)
			return ExitOK
		}
		fmt.Fprintf(stderr, "scoplan: %s (see scoplan --help)\n", flagMessage(err))
		return ExitUsage
	}
	if version {
		fmt.Fprintf(stdout, "scoplan %s (commit %s)\n", Version, Commit)
		return ExitOK
	}
	rest := fs.Args()
	if len(rest) == 0 {
		if err := e.setGlobals(db, today); err != nil {
			return e.fail(err)
		}
		loc, err := storage.Locate(e.dbPath)
		if err != nil {
			return e.fail(fmt.Errorf("cannot find a place for the data file: %w", err))
		}
		if gui == nil {
			return e.fail(errors.New("this build has no GUI; give a command (see scoplan --help)"))
		}
		loc.App = appName()
		releaseConsole()
		return gui(loc, e.today)
	}
	if rest[0] == "help" {
		if len(rest) > 1 && find(rest[1]) != nil {
			rest = []string{rest[1], "--help"}
		} else {
			mainUsage(stdout, fs)
			return ExitOK
		}
	}
	cmd := find(rest[0])
	if cmd == nil {
		fmt.Fprintf(stderr, "scoplan: unknown command %q (see scoplan --help)\n", rest[0])
		return ExitUsage
	}
	cfs := flag.NewFlagSet("scoplan "+cmd.name, flag.ContinueOnError)
	cfs.SetOutput(io.Discard)
	cdb, ctoday := db, today
	globalFlags(cfs, &cdb, &ctoday)
	run := cmd.flags(cfs)
	if err := cfs.Parse(interleave(cfs, rest[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(stdout, cmd, cfs)
			return ExitOK
		}
		fmt.Fprintf(stderr, "scoplan %s: %s (see scoplan %s --help)\n", cmd.name, flagMessage(err), cmd.name)
		return ExitUsage
	}
	if err := e.setGlobals(cdb, ctoday); err != nil {
		return e.fail(err)
	}
	if err := run(e, cfs.Args()); err != nil {
		if errors.Is(err, storage.ErrReadOnly) {
			return e.failReadOnly(cmd.name)
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "scoplan %s: %s\n", cmd.name, oneLine(ue.msg))
			return ExitUsage
		}
		fmt.Fprintf(stderr, "scoplan %s: %s\n", cmd.name, oneLine(err.Error()))
		return ExitError
	}
	return ExitOK
}

func (e *env) setGlobals(db, today string) error {
	e.dbPath = db
	e.today = data.NewDate(time.Now())
	if today != "" {
		d, err := data.ParseDate(today)
		if err != nil {
			return usagef("--today: %s", err)
		}
		e.today, e.todaySet = d, true
	}
	return nil
}

func (e *env) fail(err error) int {
	if errors.Is(err, storage.ErrReadOnly) {
		return e.failReadOnly("")
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.stderr, "scoplan: %s\n", oneLine(ue.msg))
		return ExitUsage
	}
	fmt.Fprintf(e.stderr, "scoplan: %s\n", oneLine(err.Error()))
	return ExitError
}

// interleave moves flags that follow positional arguments to the front, so
// that "scoplan note 1.1.1 text --db x" works like "scoplan note --db x 1.1.1 text".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && !isNumber(a) {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil {
				if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
					continue
				}
				if i+1 < len(args) {
					flags = append(flags, args[i+1])
					i++
				}
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, append([]string{"--"}, pos...)...)
}

func isNumber(s string) bool {
	_, err := fmt.Sscanf(s, "%f", new(float64))
	return err == nil
}

func flagMessage(err error) string {
	msg := err.Error()
	msg = strings.Replace(msg, "flag provided but not defined: ", "unknown flag ", 1)
	return msg
}

// appName names scoplan and its version in the status files it exports.
func appName() string { return "scoplan " + Version }

// checkOutput refuses, as a wrong argument, an output file that is the data
// file itself (by file identity), a folder, or an existing file that is not
// a regular one: before anything is opened or written.
func (e *env) checkOutput(flag, path string) error {
	var protect []string
	if loc, err := storage.Locate(e.dbPath); err == nil {
		protect = append(protect, loc.Path)
	}
	if err := atomicfile.CheckTarget(path, protect...); err != nil {
		return usagef("%s %s", flag, err)
	}
	return nil
}

// openStore opens the data file chosen by --db, portable mode or the default.
func (e *env) openStore() (*storage.Store, error) {
	loc, err := storage.Locate(e.dbPath)
	if err != nil {
		return nil, fmt.Errorf("cannot find a place for the data file: %w", err)
	}
	s, err := storage.Open(storage.Options{Path: loc.Path, App: appName(), Now: clock})
	if errors.Is(err, storage.ErrReadOnly) {
		s, err = e.openReadOnly(loc.Path)
	}
	if errors.Is(err, storage.ErrDamaged) {
		return nil, fmt.Errorf("%s: %w; \"scoplan check\" says what is wrong and what can be recovered", loc.Path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.Path, err)
	}
	return s, nil
}

func mainUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, `scoplan follows up the SCO Economic Development Strategy 2030 action plan.

Usage:
  scoplan [--db PATH] [--today YYYY-MM-DD]        open the window
  scoplan [--db PATH] [--today YYYY-MM-DD] COMMAND [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nGlobal flags (before or after the command):\n")
	printFlags(w, fs)
	fmt.Fprintf(w, `
The data file is, in order: the --db path; scoplan.db beside the executable
(portable mode); else the per-user data folder (%s).

Exit codes: 0 success, 1 the command failed, 2 the command line is wrong.
Run "scoplan COMMAND --help" for a command's flags.
`, defaultDir())
}

func defaultDir() string {
	d, err := storage.DataDir()
	if err != nil {
		return "unknown: " + err.Error()
	}
	return d
}

func commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: scoplan %s %s\n\n%s\n", c.name, c.args, strings.TrimSpace(c.help))
	fmt.Fprintf(w, "\nFlags:\n")
	printFlags(w, fs)
}

func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		if name != "" {
			name = " " + name
		}
		fmt.Fprintf(w, "  --%s%s\n      %s\n", f.Name, name, usage)
	})
}
