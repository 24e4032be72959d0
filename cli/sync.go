package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"scoplan/storage"
	"scoplan/storage/shared"
)

func init() {
	register(&command{name: "sync", args: "--folder DIR [--watch]", summary: "keep the data file in step with a shared folder",
		help: `Makes one pass over a shared folder (a USB stick, a network share, or a
folder that Syncthing keeps in step between laptops): merges every
colleague's status file in it, then writes your own (scoplan-KEY.scoplan-status).
It prints what it did in the same words as "scoplan import". The window's
File → Shared folder does the same, with the same code.

With --watch it keeps doing so: it looks at the folder every --interval and
writes your file again after every change to the data file, until it is
interrupted (Ctrl+C, SIGTERM); it then finishes the pass under way, so no
file is left half-written.

Files that sync tools leave while they copy (.syncthing.*.tmp,
~syncthing~*.tmp, *.part) are not read. Conflict copies (*.sync-conflict-*,
"conflicted copy") are status files like the others: merged, and named once.
A damaged file is refused with one line, once, and read again when it
changes. Keep the data file itself out of any synced folder: scoplan warns
when it is in one.`,
		flags: syncFlags})
}

func syncFlags(fs *flag.FlagSet) func(*env, []string) error {
	dir := fs.String("folder", "", "the shared folder")
	watch := fs.Bool("watch", false, "keep the folder in step until interrupted")
	interval := fs.Duration("interval", shared.DefaultInterval, "with --watch, how often to look at the folder")
	return func(e *env, args []string) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q (give the folder with --folder)", args[0])
		}
		if strings.TrimSpace(*dir) == "" {
			return usagef("give the shared folder with --folder DIR")
		}
		if info, err := os.Stat(*dir); err != nil || !info.IsDir() {
			return usagef("--folder %s is not a folder", *dir)
		}
		if *interval < 100*time.Millisecond {
			return usagef("--interval %s is too short (at least 100ms)", *interval)
		}
		s, err := e.openStore()
		if err != nil {
			return err
		}
		defer s.Close()
		if s.ReadOnly() { // before the own status file is written to the folder
			return storage.ErrReadOnly
		}
		if p := shared.CheckDataFile(s.Path(), *dir); p != nil {
			fmt.Fprintf(e.stderr, "scoplan sync: warning: %s\n", p)
		}
		if !*watch {
			f, err := shared.New(shared.Options{Store: s, Dir: *dir})
			if err != nil {
				return err
			}
			st := f.Sync()
			printSync(e.stdout, s, f, st, true)
			if st.Err != nil {
				return st.Err
			}
			if len(st.Refused) > 0 {
				return fmt.Errorf("%s refused", plural(len(st.Refused), "file was", "files were"))
			}
			return nil
		}
		return watchFolder(e, s, *dir, *interval)
	}
}

// watchFolder keeps the folder in step until SIGINT or SIGTERM. It opens
// the data file for each pass only, so that other scoplan commands can
// write to it between passes; while the window has it open, passes wait.
func watchFolder(e *env, first *storage.Store, dir string, interval time.Duration) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	f, err := shared.New(shared.Options{Store: first, Dir: dir})
	if err != nil {
		return err
	}
	path := first.Path()
	st := f.SyncWith(first)
	printSync(e.stdout, first, f, st, false)
	first.Close()
	fmt.Fprintf(e.stdout, "watching %s every %s (Ctrl+C to stop)\n", dir, interval)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	busy := false // told that the data file is held by another scoplan
	for {
		select {
		case <-ctx.Done():
			// A pass runs between two selects, never while one waits here:
			// an interrupt never cuts a write short.
			fmt.Fprintln(e.stdout, "stopped")
			return nil
		case <-tick.C:
		}
		s, err := storage.Open(storage.Options{Path: path, Timeout: interval / 2})
		if err != nil {
			if errors.Is(err, storage.ErrLocked) {
				if !busy {
					fmt.Fprintf(e.stdout, "%s waiting: %s\n", time.Now().Format("15:04:05"), err)
				}
				busy = true
				continue
			}
			return fmt.Errorf("%s: %w", path, err)
		}
		busy = false
		st := f.SyncWith(s)
		printSync(e.stdout, s, f, st, false)
		s.Close()
	}
}

// printSync tells what a pass did. always prints "nothing new" for a pass
// that did nothing (a single pass); a watch only tells eventful passes.
func printSync(w io.Writer, s *storage.Store, f *shared.Folder, st shared.Status, always bool) {
	stamp := st.Time.Local().Format("15:04:05")
	if st.Back {
		fmt.Fprintf(w, "%s the shared folder %s can be read again\n", stamp, f.Dir())
	}
	if st.Err != nil && !st.Repeated {
		fmt.Fprintf(w, "%s error: %s\n", stamp, oneLine(st.Err.Error()))
	}
	for _, err := range st.Refused {
		fmt.Fprintf(w, "%s refused: %s\n", stamp, oneLine(err.Error()))
	}
	for _, name := range st.ConflictCopies {
		fmt.Fprintf(w, "%s merged %s, a conflict copy made by a sync tool\n", stamp, oneLine(name))
	}
	if st.Imported != nil && (always || !st.Imported.Total.NothingNew()) {
		printImport(w, s, st.Imported)
	}
	if st.Exported {
		fmt.Fprintf(w, "%s wrote your status file %s (%s)\n", stamp, f.OwnFile(), plural(s.ChangeCount(), "change", "changes"))
	}
	if always && st.Err == nil && len(st.Refused) == 0 && st.Imported == nil && !st.Exported {
		fmt.Fprintf(w, "%s nothing new\n", stamp)
	}
}
