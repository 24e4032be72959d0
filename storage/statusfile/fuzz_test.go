package statusfile

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

// The seed corpus is real exports made by the scoplan binary (testdata/):
// a delegate's file, another delegate's file with hostile note text, one
// with note edits, a deletion and a conflict resolution, a secretariat's
// file relaying everyone's changes, and an empty log.
func seeds(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*"+Extension))
	if err != nil || len(paths) < 5 {
		t.Fatalf("seed corpus: %v %v", paths, err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

// In the tests a panic inside Parse is not turned into a refusal: it fails.
func init() { panicHook = func(r any) { panic(r) } }

// fuzzNow is after every seed was exported and before any is in the future.
var fuzzNow = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

func TestSeedCorpusIsValid(t *testing.T) {
	for name, b := range seeds(t) {
		f, err := Parse(name, b, Options{Now: fuzzNow})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(f.Lines) != f.Header.Changes {
			t.Errorf("%s: %d lines, header says %d", name, len(f.Lines), f.Header.Changes)
		}
	}
}

// check is what must hold of any input: Parse does not panic; an error is
// one line naming the file; an accepted file holds only valid, canonical
// changes on known measures, and re-parsing it with every line known gives
// the same IDs without decoding.
func check(t *testing.T, content []byte) {
	f, err := Parse("fuzz.scoplan-status", content, Options{Now: fuzzNow})
	if err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "fuzz.scoplan-status: ") || strings.ContainsAny(msg, "\n\r") {
			t.Fatalf("message %q", msg)
		}
		var fe *Error
		if !asError(err, &fe) || fe.Kind == nil {
			t.Fatalf("error %v has no kind", err)
		}
		return
	}
	plan := data.Load()
	ids := map[string]bool{}
	for _, l := range f.Lines {
		c := l.Change
		if c == nil || c.ID != l.ID || c.Validate() != nil || plan.Measure(c.Measure) == nil {
			t.Fatalf("accepted a bad change: %+v", c)
		}
		canon, _ := json.Marshal(c)
		if !bytes.Equal(canon, l.Raw) {
			t.Fatalf("accepted a non-canonical line %q", l.Raw)
		}
		if c.Time.After(fuzzNow.Add(FutureSlack)) || c.Clock > uint64(f.Header.Changes) {
			t.Fatalf("accepted a change from the future or with a huge clock: %+v", c)
		}
		ids[l.ID] = true
	}
	again, err := Parse("fuzz.scoplan-status", content, Options{Now: fuzzNow, Known: func(_, _ []byte) bool { return true }})
	if err != nil || len(again.Lines) != len(f.Lines) {
		t.Fatalf("re-parse with known lines: %v", err)
	}
	for _, l := range again.Lines {
		if l.Change != nil || !ids[l.ID] {
			t.Fatalf("known line decoded or unknown: %+v", l)
		}
	}
}

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	if ok {
		*target = e
	}
	return ok
}

// FuzzParse feeds the reader arbitrary bytes, starting from real exports.
// Mutations almost always break the checksum, so this explores the outer
// checks; FuzzParseSigned goes past them.
func FuzzParse(f *testing.F) {
	for _, b := range seeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, content []byte) { check(t, content) })
}

// FuzzParseSigned feeds the reader arbitrary file bodies (first line, header
// and change lines) that it then checksums and signs with the key the seed
// headers name, so mutations reach the header and change checks.
func FuzzParseSigned(f *testing.F) {
	for _, b := range seeds(f) {
		pf, err := Parse("seed", b, Options{Now: fuzzNow})
		if err != nil {
			f.Fatal(err)
		}
		var lines [][]byte
		for _, l := range pf.Lines {
			lines = append(lines, l.Raw)
		}
		h := pf.Header
		resigned, err := EncodeLines(h, testPub, lines, sign)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(resigned[:bytes.Index(resigned, []byte("\n"+sumPrefix))+1])
	}
	f.Fuzz(func(t *testing.T, body []byte) { check(t, Seal(body, sign)) })
}
