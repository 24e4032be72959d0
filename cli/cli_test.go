package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"scoplan/data"
	"scoplan/storage"
)

func runIn(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // never the user's own data file
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb, func(storage.Location, data.Date) int { return 99 })
	return out.String(), errb.String(), code
}

func listIDs(t *testing.T, out string) []string {
	t.Helper()
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var it ListItem
		if err := json.Unmarshal([]byte(l), &it); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		ids = append(ids, it.ID)
	}
	return ids
}

func TestListFilters(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if _, e, c := runIn(t, "set-status", "1.3.1", "done", "--db", db); c != 0 {
		t.Fatal(e)
	}
	if _, e, c := runIn(t, "note", "2.1.3", "Business Council meets in May", "--db", db); c != 0 {
		t.Fatal(e)
	}
	cases := []struct {
		args []string
		want string // space-separated IDs, or a prefix of them followed by "…"
	}{
		{[]string{"--body", "海关合作工作组"}, "1.1.5 1.2.2 1.2.8"},              // an alias finds every spelling
		{[]string{"--body", "常设农业专家工作组", "--status", "done"}, "1.3.1"},    // filters combine
		{[]string{"--section", "1.4"}, "1.4.1 1.4.2"},                     //
		{[]string{"--section", "3.2", "--deadline", "regular"}, "3.2.6"},  //
		{[]string{"--query", "海关"}, "1.2.8 1.1.5 1.2.2"},                  // exact hits, text before body
		{[]string{"--query", "business council", "--has-notes"}, "2.1.3"}, // notes are searched
		{[]string{"--status", "in-progress"}, ""},                         //
		{[]string{"--overdue", "--today", "2026-11-23", "--section", "1"}, "1.1.2 1.1.7 1.3.8 1.5.9 1.5.10"},
	}
	for _, c := range cases {
		out, errs, code := runIn(t, append([]string{"list", "--json", "--db", db}, c.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", c.args, code, errs)
			continue
		}
		got := listIDs(t, out)
		n := len(strings.Fields(c.want))
		if len(got) > n && c.args[0] == "--query" {
			got = got[:n] // the query's top hits
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%v: got %v, want %s", c.args, got, c.want)
		}
	}
}

func TestNoCommandStartsTheGUI(t *testing.T) {
	_, _, code := runIn(t, "--db", filepath.Join(t.TempDir(), "x.db"))
	if code != 99 {
		t.Errorf("exit %d: the GUI function was not called", code)
	}
	if _, errs, code := runIn(t, "--today", "tomorrow"); code != ExitUsage || !strings.Contains(errs, "YYYY-MM-DD") {
		t.Errorf("bad --today: %d %q", code, errs)
	}
}

func TestInterleave(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	out, errs, code := runIn(t, "note", "1.1.1", "-5", "°C", "--db", db) // a note that starts with a minus sign
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "added to 1.1.1") {
		t.Errorf("out %q", out)
	}
	out, _, _ = runIn(t, "show", "1.1.1", "--json", "--db", db)
	if !strings.Contains(out, `"text":"-5 °C"`) {
		t.Errorf("note text lost: %s", out)
	}
	out, _, _ = runIn(t, "note", "--db", db, "1.1.1", "--", "--not-a-flag")
	if !strings.Contains(out, "added") {
		t.Errorf("-- did not end the flags: %q", out)
	}
	out, _, _ = runIn(t, "show", "1.1.1", "--json", "--db", db)
	if !strings.Contains(out, `"text":"--not-a-flag"`) {
		t.Errorf("note after -- lost: %s", out)
	}
}
