package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestListAnyDelegation: --delegation any judges the filters by every
// delegation that reported, each on its own: Russia's blocked 1.1.1 is
// listed though Kazakhstan (the own) set it done, and done and blocked at
// once holds for nobody.
func TestListAnyDelegation(t *testing.T) {
	dir := t.TempDir()
	kz, ru := filepath.Join(dir, "kz.db"), filepath.Join(dir, "ru.db")
	must(t, "whoami", "--db", kz, "--name", "Aigerim", "--delegation", "KZ")
	must(t, "whoami", "--db", ru, "--name", "Dmitry", "--delegation", "RU")
	must(t, "set-status", "--db", kz, "1.1.1", "done")
	must(t, "set-status", "--db", ru, "1.1.1", "blocked")
	must(t, "set-status", "--db", ru, "1.1.2", "done")
	fru := filepath.Join(dir, "ru.scoplan-status")
	must(t, "export", "--db", ru, "--out", fru)
	must(t, "import", "--db", kz, fru)
	ids := func(args ...string) []string {
		out := must(t, append([]string{"list", "--db", kz, "--today", "2026-12-01", "--json"}, args...)...)
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var it ListItem
			if line != "" && json.Unmarshal([]byte(line), &it) == nil {
				got = append(got, it.ID+":"+it.Status)
			}
		}
		return got
	}
	if got := ids("--delegation", "any", "--status", "blocked"); strings.Join(got, " ") != "1.1.1:done" {
		t.Errorf("any blocked: %v (the status printed is the own)", got)
	}
	if got := ids("--delegation", "ANY", "--status", "done"); strings.Join(got, " ") != "1.1.1:done 1.1.2:not-started" {
		t.Errorf("any done: %v", got)
	}
	if got := ids("--delegation", "any", "--status", "not-started"); len(got) != 76 {
		t.Errorf("any not started: %d measures, want all but 1.1.1", len(got))
	}
	if got := ids("--status", "blocked"); len(got) != 0 {
		t.Errorf("own blocked: %v", got)
	}
	// 1.1.2 is overdue on that day: done for Russia, not started for
	// Kazakhstan, so overdue for any, and done and overdue for nobody.
	if got := ids("--delegation", "any", "--overdue", "--section", "1.1"); !slices.Contains(got, "1.1.2:not-started") {
		t.Errorf("any overdue in 1.1: %v", got)
	}
	if got := ids("--delegation", "any", "--overdue", "--status", "done"); len(got) != 0 {
		t.Errorf("any done and overdue: %v", got)
	}
	if out, errs, _ := runIn(t, "list", "--help"); !strings.Contains(out+errs, "--delegation any") {
		t.Errorf("list --help does not mention --delegation any")
	}
}
