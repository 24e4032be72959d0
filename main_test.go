package main

// End-to-end checks of the real binary's command line: built once by
// TestMain, run as separate processes on real data files. No display needed.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"scoplan/storage/storagetest"
	"strings"
	"testing"
	"time"

	"scoplan/storage"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "scoplan-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "scoplan")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building scoplan:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t testing.TB, args ...string) result {
	t.Helper()
	return runWithin(t, hangTimeout, args...)
}

// hangTimeout is how long a command may run before run takes it for hung:
// a guard against a hang, not a measure of speed (that is for benchmarks).
const hangTimeout = 2 * time.Minute

// runWithin runs the binary and fails the test if it has not ended after
// limit (it is killed then).
func runWithin(t testing.TB, limit time.Duration, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), "LANG=en_US.UTF-8", "LC_ALL=", "LANGUAGE=")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("scoplan %s: still running after %v, killed (hung?); stderr %q", strings.Join(args, " "), limit, errb.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

// sourceMeasures reads the plan's source independently of the data package:
// each "N、text" line, and the deadline line after it.
func sourceMeasures(t *testing.T) (texts, deadlines []string) {
	t.Helper()
	path := "../shared/plan/sco-2030-action-plan.zh.txt"
	if _, err := os.Stat(path); err != nil {
		path = "data/sco-2030-action-plan.zh.txt"
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	num := regexp.MustCompile(`^[0-9]+、\s*`)
	for i, l := range lines {
		if loc := num.FindStringIndex(l); loc != nil {
			texts = append(texts, strings.TrimSpace(l[loc[1]:]))
			deadlines = append(deadlines, lines[i+1])
		}
	}
	return texts, deadlines
}

type item struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Status   string `json:"status"`
	Notes    any    `json:"notes"`
	Overdue  bool   `json:"overdue"`
	Deadline struct {
		Text string  `json:"text"`
		Kind string  `json:"kind"`
		Due  *string `json:"due"`
	} `json:"deadline"`
	Bodies []string `json:"bodies"`
}

func decodeLines(t *testing.T, out string) []item {
	t.Helper()
	var items []item
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var it item
		if err := json.Unmarshal([]byte(l), &it); err != nil {
			t.Fatalf("not a JSON line: %q: %v", l, err)
		}
		items = append(items, it)
	}
	return items
}

func TestListIsTheSource(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	r := run(t, "list", "--json", "--db", db)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	items := decodeLines(t, r.stdout)
	texts, deadlines := sourceMeasures(t)
	if len(items) != 77 || len(texts) != 77 {
		t.Fatalf("%d lines, %d measures in the source; want 77", len(items), len(texts))
	}
	for i, it := range items {
		if it.Text != texts[i] || it.Deadline.Text != deadlines[i] {
			t.Errorf("%s: text/deadline differ from the source:\n%q %q\n%q %q", it.ID, it.Text, it.Deadline.Text, texts[i], deadlines[i])
		}
		if len(it.Bodies) == 0 || it.Status != "not-started" {
			t.Errorf("%s: bodies %v status %s", it.ID, it.Bodies, it.Status)
		}
	}
}

func TestOverdueOnAGivenDay(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	all := decodeLines(t, run(t, "list", "--json", "--db", db, "--today", "2026-11-23").stdout)
	var want []string
	for _, it := range all {
		if it.Deadline.Due != nil && *it.Deadline.Due < "2026-11-23" {
			want = append(want, it.ID)
		}
		if (it.Deadline.Due == nil) != (it.Deadline.Kind != "by" && it.Deadline.Kind != "range") {
			t.Errorf("%s: kind %s with due %v", it.ID, it.Deadline.Kind, it.Deadline.Due)
		}
	}
	r := run(t, "--today", "2026-11-23", "list", "--overdue", "--json", "--db", db)
	var got []string
	for _, it := range decodeLines(t, r.stdout) {
		got = append(got, it.ID)
		if !it.Overdue {
			t.Errorf("%s listed as overdue but overdue=false", it.ID)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") || len(got) != 7 {
		t.Errorf("overdue = %v, want %v", got, want)
	}
}

func TestChangesSurviveProcesses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	steps := [][]string{
		{"whoami", "--name", "Aigerim", "--delegation", "Kazakhstan", "--db", db},
		{"set-status", "1.2.3", "in-progress", "--db", db},
		{"note", "1.2.3", "Roadmap draft sent to the transport working group", "--db", db},
	}
	for _, s := range steps {
		if r := run(t, s...); r.code != 0 {
			t.Fatalf("%v: exit %d: %s", s, r.code, r.stderr)
		}
	}
	r := run(t, "show", "1.2.3", "--json", "--db", db)
	var show struct {
		Status string `json:"status"`
		Notes  []struct {
			Author, Delegation, Text, Created string
		} `json:"notes"`
		History []struct{ Kind string } `json:"history"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &show); err != nil {
		t.Fatalf("show --json: %v: %q", err, r.stdout)
	}
	if show.Status != "in-progress" || len(show.Notes) != 1 || len(show.History) != 2 {
		t.Fatalf("show = %+v", show)
	}
	n := show.Notes[0]
	if n.Author != "Aigerim" || n.Delegation != "KZ" || n.Text != "Roadmap draft sent to the transport working group" {
		t.Errorf("note = %+v", n)
	}
	if _, err := time.Parse(time.RFC3339, n.Created); err != nil {
		t.Errorf("created %q: %v", n.Created, err)
	}
}

func TestWrongCommandLinesChangeNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	run(t, "note", "1.1.1", "first", "--db", db)
	before := storagetest.FileSum(t, db)
	cases := [][]string{
		{"frobnicate"},
		{"show", "9.9.9"},
		{"set-status", "1.1.1", "finished"},
		{"set-status", "7.1.1", "done"},
		{"note", "1.1.1"},
		{"list", "--colour"},
		{"list", "--status", "doing"},
		{"--today", "23.11.2026", "list"},
		{"set-status", "1.1.1"},
	}
	for _, c := range cases {
		r := run(t, append(c, "--db", db)...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2", c, r.code)
		}
		if lines := strings.Count(strings.TrimSpace(r.stderr), "\n"); lines != 0 || r.stderr == "" {
			t.Errorf("%v: stderr should be one line, got %q", c, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%v: printed %q", c, r.stdout)
		}
	}
	if storagetest.FileSum(t, db) != before {
		t.Errorf("a refused command changed the data file")
	}
}

func TestGlobalFlagsBeforeTheCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	if r := run(t, "--db", db, "note", "1.1.1", "kept"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if r := run(t, "show", "1.1.1", "--json", "--db", db); !strings.Contains(r.stdout, `"text":"kept"`) {
		t.Errorf("--db before the command was not used: %s", r.stdout)
	}
	r := run(t, "--db", db, "--today", "2026-11-23", "list", "--overdue")
	if !strings.Contains(r.stdout, "7 measures") {
		t.Errorf("--today before the command was not used: %s", r.stdout)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"list", "--help"}, {"show", "-h"}, {"help", "note"}, {"set-status", "--help"}, {"whoami", "--help"}} {
		r := run(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Usage") || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	r := run(t, "--version")
	if r.code != 0 || !regexp.MustCompile(`^scoplan [0-9]+\.[0-9]+\.[0-9]+ \(commit \S+\)\n$`).MatchString(r.stdout) {
		t.Errorf("--version: %q", r.stdout)
	}
}

func TestHeldFileFailsFast(t *testing.T) {
	db := filepath.Join(t.TempDir(), "held.db")
	s, err := storage.Open(storage.Options{Path: db}) // this test process holds the file
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The CLI waits 1 s for the file, then gives up. The limit only
	// catches a wait without end (a zero bbolt timeout); how fast it gives
	// up is BenchmarkHeldFileGivesUp's.
	r := runWithin(t, 30*time.Second, "set-status", "1.1.1", "done", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "scoplan is already open with this data file") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
