package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scoplan/storage/storagetest"
)

// readOnlyFiles makes a data file with a status, a note and a meeting, and
// returns it twice: mode 0444 in a folder anyone may write, and mode 0444
// in a folder of mode 0555.
func readOnlyFiles(t *testing.T) []string {
	var out []string
	for _, mode := range []os.FileMode{0o777, 0o555} {
		dir := filepath.Join(t.TempDir(), "data")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(dir, "scoplan.db")
		must(t, "whoami", "--db", db, "--name", "Aigerim", "--delegation", "KZ")
		must(t, "set-status", "--db", db, "1.1.1", "done")
		must(t, "note", "--db", db, "1.1.1", "agreed in Astana")
		must(t, "meeting", "add", "--db", db, "--name", "Astana", "--date", "2026-11-02")
		if err := os.Chmod(db, 0o444); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, mode); err != nil {
			t.Fatal(err)
		}
		out = append(out, db)
	}
	return out
}

// TestReadOnlyDataFile: the commands that only read work on a data file
// the user may not write; those that write exit 1 with one plain line,
// and the file is left as it was, byte for byte.
func TestReadOnlyDataFile(t *testing.T) {
	outDir := t.TempDir()
	for _, db := range readOnlyFiles(t) {
		before := storagetest.FileSum(t, db)
		// A colleague's file, with a change the data file lacks.
		ru := filepath.Join(t.TempDir(), "ru.db")
		must(t, "whoami", "--db", ru, "--name", "Dmitry", "--delegation", "RU")
		must(t, "set-status", "--db", ru, "1.1.1", "blocked")
		other := filepath.Join(outDir, "ru.scoplan-status")
		must(t, "export", "--db", ru, "--out", other)
		asReader(t, filepath.Dir(filepath.Dir(db)), []string{outDir, filepath.Dir(outDir)}, func() {
			reads := map[string][]string{
				"list":         {"list", "--db", db, "--status", "done"},
				"show":         {"show", "--db", db, "1.1.1"},
				"changes":      {"changes", "--db", db},
				"meeting list": {"meeting", "list", "--db", db},
				"report":       {"report", "--db", db, "--format", "html", "--out", filepath.Join(outDir, "r.html")},
				"whoami":       {"whoami", "--db", db},
				"check":        {"check", "--db", db},
				"export":       {"export", "--db", db, "--out", filepath.Join(outDir, "x.scoplan-status")},
				"dry run":      {"import", "--db", db, "--dry-run", other},
			}
			wants := map[string]string{"list": "1.1.1", "show": "agreed in Astana", "changes": "agreed in Astana",
				"meeting list": "Astana", "whoami": "Aigerim", "check": "", "export": "exported", "dry run": "1 status change"}
			for name, args := range reads {
				out, errs, code := runIn(t, args...)
				if code != 0 || !strings.Contains(out, wants[name]) {
					t.Errorf("%s on %s: exit %d, %q %q", name, db, code, out, errs)
				}
			}
			writes := map[string][]string{
				"set-status":  {"set-status", "--db", db, "1.1.1", "blocked"},
				"note":        {"note", "--db", db, "1.1.1", "more"},
				"whoami":      {"whoami", "--db", db, "--name", "Bolat"},
				"meeting add": {"meeting", "add", "--db", db, "--name", "Bishkek", "--date", "2026-12-01"},
				"import":      {"import", "--db", db, other},
				"sync":        {"sync", "--db", db, "--folder", outDir},
			}
			for name, args := range writes {
				out, errs, code := runIn(t, args...)
				want := "scoplan " + args[0] + ": " + db + " is read-only (you may not write it); nothing was changed\n"
				if code != ExitError || errs != want {
					t.Errorf("%s on %s: exit %d, %q %q", name, db, code, out, errs)
				}
			}
		})
		if storagetest.FileSum(t, db) != before {
			t.Errorf("%s changed", db)
		}
		if _, err := os.Stat(filepath.Join(outDir, "Aigerim.scoplan-status")); err == nil {
			t.Errorf("sync wrote the own status file to the folder")
		}
		if _, err := os.Stat(filepath.Join(outDir, "r.html")); err != nil {
			t.Errorf("no report: %v", err)
		}
	}
}
