package statusfile

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

var (
	now     = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	testKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	testPub = testKey.Public().(ed25519.PublicKey)
	sign    = func(m []byte) []byte { return ed25519.Sign(testKey, m) }
)

func header() Header {
	return Header{Plan: data.PlanID, PlanVersion: data.Load().Version(), Exported: now,
		Exporter: Exporter{Name: "Anna", Delegation: "Russia"}}
}

func id(n int) string { return fmt.Sprintf("%032x", n) }

// sample is a small, valid change log: a status, a note, its edit, a second
// status that supersedes the first.
func sample() []*data.Change {
	me := Fingerprint(testPub)
	t := now.Add(-time.Hour)
	return []*data.Change{
		{ID: id(1), Kind: data.ChangeStatus, Measure: "1.1.1", Author: me, Name: "Anna", Time: t, Clock: 1, Status: data.StatusInProgress},
		{ID: id(2), Kind: data.ChangeNoteAdd, Measure: "1.1.1", Author: me, Name: "Anna", Time: t.Add(time.Minute), Clock: 2, Text: "Draft <b>sent</b> & \"quoted\" 草案"},
		{ID: id(3), Kind: data.ChangeNoteEdit, Measure: "1.1.1", Author: me, Name: "Anna", Time: t.Add(2 * time.Minute), Clock: 3, Note: id(2), Text: "Draft agreed"},
		{ID: id(4), Kind: data.ChangeStatus, Measure: "1.1.1", Author: me, Name: "Anna", Time: t.Add(3 * time.Minute), Clock: 4, Status: data.StatusDone, Parents: []string{id(1)}},
	}
}

func encode(t *testing.T, h Header, cs []*data.Change) []byte {
	t.Helper()
	b, err := Encode(h, testPub, cs, sign)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func lines(t *testing.T, cs []*data.Change) [][]byte {
	t.Helper()
	var out [][]byte
	for _, c := range cs {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func encodeLines(t *testing.T, h Header, ls [][]byte) []byte {
	t.Helper()
	b, err := EncodeLines(h, testPub, ls, sign)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRoundTrip(t *testing.T) {
	cs := sample()
	content := encode(t, header(), cs)
	f, err := Parse("a.scoplan-status", content, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Lines) != len(cs) {
		t.Fatalf("%d lines", len(f.Lines))
	}
	for i, l := range f.Lines {
		if !l.Change.SameContent(cs[i]) || l.ID != cs[i].ID {
			t.Errorf("line %d: %+v", i, l.Change)
		}
	}
	if f.Header.Exporter.Key != Fingerprint(testPub) || f.Header.Exporter.Name != "Anna" || f.Header.Changes != 4 {
		t.Errorf("header %+v", f.Header)
	}
	if !strings.HasPrefix(string(content), "SCOPLAN-STATUS 2\n{") {
		t.Errorf("first line: %q", content[:20])
	}
	// An empty log is a valid file too (it shares the exporter's identity).
	if _, err := Parse("e", encode(t, header(), nil), Options{Now: now}); err != nil {
		t.Errorf("empty log: %v", err)
	}
}

func TestLineEndingsAndBOMFromEditors(t *testing.T) {
	content := encode(t, header(), sample())
	crlf := bytes.ReplaceAll(content, []byte("\n"), []byte("\r\n"))
	bom := append([]byte("\xef\xbb\xbf"), crlf...)
	for name, c := range map[string][]byte{"crlf": crlf, "bom+crlf": bom} {
		if f, err := Parse(name, c, Options{Now: now}); err != nil || len(f.Lines) != 4 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestKnownLinesAreNotDecoded(t *testing.T) {
	content := encode(t, header(), sample())
	f, err := Parse("k", content, Options{Now: now, Known: func(id, _ []byte) bool { return string(id) == sample()[1].ID }})
	if err != nil {
		t.Fatal(err)
	}
	if f.Lines[1].Change != nil || f.Lines[0].Change == nil || string(f.Lines[1].Raw[:7]) != `{"id":"` {
		t.Errorf("known line decoded or others skipped: %+v", f.Lines[1])
	}
}

// flip returns content with one bit of byte i flipped.
func flip(content []byte, i int) []byte {
	out := append([]byte(nil), content...)
	out[i] ^= 0x04
	return out
}

// hexFlip returns content with the hex digit at i replaced by another one.
func hexFlip(content []byte, i int) []byte {
	out := append([]byte(nil), content...)
	if out[i] == '0' {
		out[i] = '1'
	} else {
		out[i] = '0'
	}
	return out
}

func TestRefusals(t *testing.T) {
	good := encode(t, header(), sample())
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, ed25519.SeedSize))
	otherPlan := header()
	otherPlan.Plan = "some-other-plan"
	future := header()
	future.Exported = now.Add(72 * time.Hour)

	mod := func(f func(cs []*data.Change) []*data.Change) []byte {
		return encode(t, header(), f(sample()))
	}
	rawMod := func(f func(ls [][]byte) [][]byte) []byte {
		return encodeLines(t, header(), f(lines(t, sample())))
	}
	// The body signed with another key while the header names ours.
	body := good[:bytes.Index(good, []byte("\nsha256 "))+1]
	forged := Seal(body, func(m []byte) []byte { return ed25519.Sign(other, m) })
	// A header naming another key's fingerprint for our public key.
	wrongFP := bytes.Replace(body, []byte(Fingerprint(testPub)), []byte("0123456789abcdef"), 1)

	cases := []struct {
		name    string
		content []byte
		kind    error
		says    string
	}{
		{"empty", nil, ErrEmpty, "is empty"},
		{"blank", []byte("\n\n  \n"), ErrEmpty, "is empty"},
		{"text", []byte("Dear colleagues,\nplease find attached\n"), ErrNotStatusFile, "not a scoplan status file"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrNotStatusFile, "not a scoplan status file"},
		{"json", []byte(`{"id":"x"}` + "\n"), ErrNotStatusFile, "not a scoplan status file"},
		{"bad version", []byte("SCOPLAN-STATUS x1\n"), ErrNotStatusFile, "not a number"},
		{"newer", bytes.Replace(good, []byte("SCOPLAN-STATUS 2"), []byte("SCOPLAN-STATUS 3"), 1), ErrNewerFormat, "newer scoplan"},
		{"cut in first line", good[:9], ErrTruncated, "truncated"},
		{"truncated half", good[:len(good)/2], ErrTruncated, "truncated"},
		{"last byte missing", good[:len(good)-1], ErrTruncated, "truncated"},
		{"signature cut", good[:len(good)-40], ErrTruncated, "truncated"},
		{"trailer gone", body, ErrTruncated, "truncated"},
		{"bit flip in a note", flip(good, bytes.Index(good, []byte("Draft agreed"))), ErrChecksum, "changed or damaged"},
		{"bit flip in header", flip(good, 30), ErrChecksum, "changed or damaged"},
		{"bit flip in checksum", flip(good, bytes.Index(good, []byte("\nsha256 "))+12), ErrChecksum, "checksum"},
		{"changed signature", hexFlip(good, len(good)-10), ErrSignature, "signature"},
		{"changed checksum", hexFlip(good, bytes.Index(good, []byte("\nsha256 "))+12), ErrChecksum, "checksum"},
		{"signed by another key", forged, ErrSignature, "not signed by the key it names"},
		{"fingerprint of another key", Seal(wrongFP, sign), ErrSignature, "does not match"},
		{"over-long checksum", bytes.Replace(good, []byte("\nsha256 "), []byte("\nsha256 00"), 1), ErrDamaged, "checksum line"},
		{"over-long signature", bytes.Replace(good, []byte("\ned25519 "), []byte("\ned25519 00"), 1), ErrDamaged, "signature line"},
		{"malformed checksum", bytes.Replace(good, []byte("\nsha256 "), []byte("\nsha256 zz"), 1), ErrDamaged, "checksum line"},
		{"invalid utf8", rawMod(func(ls [][]byte) [][]byte {
			ls[1] = bytes.Replace(ls[1], []byte("Draft"), []byte("Dr\xffft"), 1)
			return ls
		}), ErrInvalidUTF8, "UTF-8"},
		{"another plan", encode(t, otherPlan, sample()), ErrOtherPlan, "another plan"},
		{"exported in the future", encode(t, future, sample()), ErrFuture, "in the future"},
		{"change in the future", mod(func(cs []*data.Change) []*data.Change { cs[3].Time = now.Add(49 * time.Hour); return cs }), ErrFuture, "in the future"},
		{"unknown measure", mod(func(cs []*data.Change) []*data.Change { cs[0].Measure = "9.9.9"; return cs }), ErrUnknownMeasure, `"9.9.9"`},
		{"reused id", mod(func(cs []*data.Change) []*data.Change {
			c := *cs[1]
			c.Text = "another text"
			return append(cs, &c)
		}), ErrReusedID, "twice with different content"},
		{"invalid change", mod(func(cs []*data.Change) []*data.Change { cs[0].Status = "finished"; return cs }), ErrDamaged, "unknown status"},
		{"clock beyond the log", mod(func(cs []*data.Change) []*data.Change { cs[3].Clock = 1 << 50; return cs }), ErrDamaged, "clock"},
		{"missing parent", mod(func(cs []*data.Change) []*data.Change {
			cs = cs[1:]
			for i, c := range cs {
				c.Clock = uint64(i + 1)
			}
			return cs
		}), ErrDamaged, "refers to change"},
		{"missing note", mod(func(cs []*data.Change) []*data.Change { cs[2].Note = id(99); return cs }), ErrDamaged, "is about note"},
		{"count mismatch", rawMod(func(ls [][]byte) [][]byte {
			ls[3] = append(append(ls[3], '\n'), ls[0]...)
			return ls
		}), ErrDamaged, "announces 4 changes"},
		{"not canonical", rawMod(func(ls [][]byte) [][]byte {
			ls[0] = bytes.Replace(ls[0], []byte(`"kind":"status"`), []byte(`"kind": "status"`), 1)
			return ls
		}), ErrDamaged, "not written the way"},
		{"unknown field", rawMod(func(ls [][]byte) [][]byte {
			ls[0] = bytes.Replace(ls[0], []byte(`"kind":"status"`), []byte(`"kind":"status","evil":1`), 1)
			return ls
		}), ErrDamaged, "not written the way"},
		{"case-folded field", rawMod(func(ls [][]byte) [][]byte {
			ls[0] = bytes.Replace(ls[0], []byte(`"kind":`), []byte(`"KIND":`), 1)
			return ls
		}), ErrDamaged, "not written the way"},
		{"not a change", rawMod(func(ls [][]byte) [][]byte { ls[0] = []byte(`["id"]`); return ls }), ErrDamaged, "line 3 is not a change"},
		{"bad header", Seal([]byte("SCOPLAN-STATUS 1\n{nope\n"), sign), ErrDamaged, "header"},
	}
	for _, c := range cases {
		f, err := Parse("some/file.scoplan-status", c.content, Options{Now: now})
		if err == nil {
			t.Errorf("%s: accepted (%d lines)", c.name, len(f.Lines))
			continue
		}
		if !errors.Is(err, c.kind) {
			t.Errorf("%s: kind of %q is not %v", c.name, err, c.kind)
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "some/file.scoplan-status: ") || strings.Contains(msg, "\n") || !strings.Contains(msg, c.says) {
			t.Errorf("%s: message %q (want the file, one line, %q)", c.name, msg, c.says)
		}
	}
}

func TestReadFileRefusesHugeWithoutReading(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.scoplan-status")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: MaxSize+1 bytes that take no disk space.
	if err := f.Truncate(MaxSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(p, Options{Now: now})
	if !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), "larger than the 100 MB") {
		t.Errorf("huge: %v", err)
	}
	if _, err := ReadFile(dir, Options{Now: now}); !errors.Is(err, ErrNotStatusFile) {
		t.Errorf("folder: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), Options{Now: now}); !errors.Is(err, ErrUnreadable) || strings.Contains(err.Error(), "open ") {
		t.Errorf("missing: %v", err)
	}
}

// TestPanicBecomesRefusal: a defect inside the reader (here provoked
// through the Known callback) refuses the file instead of crashing.
func TestPanicBecomesRefusal(t *testing.T) {
	hook := panicHook
	panicHook = func(any) {}
	defer func() { panicHook = hook }()
	_, err := Parse("p.scoplan-status", encode(t, header(), sample()), Options{Now: now, Known: func(_, _ []byte) bool { panic("defect") }})
	if !errors.Is(err, ErrDamaged) || err.Error() != "p.scoplan-status: is damaged: it could not be read" {
		t.Errorf("err = %v", err)
	}
}

// TestCacheSharesLines: files parsed with one Cache share the change of a
// line they both hold with the same bytes and decode it once, while the
// checks that depend on the file are still made for each file.
func TestCacheSharesLines(t *testing.T) {
	cs := sample()
	cache := NewCache()
	o := Options{Now: now, Cache: cache}
	a, err := Parse("a", encode(t, header(), cs), o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("b", encode(t, header(), cs[:2]), o)
	if err != nil {
		t.Fatal(err)
	}
	if a.Decoded != 4 || b.Decoded != 0 || b.Lines[0].Change != a.Lines[0].Change || b.Lines[1].Change != a.Lines[1].Change {
		t.Errorf("lines not shared: decoded %d and %d", a.Decoded, b.Decoded)
	}
	// The same ID with other content is decoded on its own.
	other := *cs[1]
	other.Text = "another text"
	c, err := Parse("c", encode(t, header(), []*data.Change{cs[0], &other}), o)
	if err != nil {
		t.Fatal(err)
	}
	if c.Decoded != 1 || c.Lines[1].Change == a.Lines[1].Change || c.Lines[1].Change.Text != "another text" {
		t.Errorf("a line with other content taken from the cache: %+v", c.Lines[1].Change)
	}
	// A file holding only the last two changes: their clocks (3, 4) exceed
	// its two lines, and change 4's parent and change 3's note are missing.
	// Known from the cache or not, the file is refused.
	for _, fresh := range []bool{false, true} {
		oo := o
		if fresh {
			oo.Cache = NewCache()
		}
		_, err := Parse("d", encode(t, header(), cs[2:]), oo)
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "clock") {
			t.Errorf("fresh cache %v: %v", fresh, err)
		}
	}
	// Clocks within the file, references outside it.
	e1, e2 := *cs[2], *cs[3]
	e1.Clock, e2.Clock = 1, 2
	for _, fresh := range []bool{false, true} {
		oo := o
		if fresh {
			oo.Cache = NewCache()
		}
		if _, err := Parse("e", encode(t, header(), []*data.Change{cs[0], cs[1], &e1, &e2}), oo); err != nil {
			t.Fatal(err)
		}
		_, err := Parse("f", encode(t, header(), []*data.Change{&e1, &e2}), oo)
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "is about note") {
			t.Errorf("fresh cache %v: %v", fresh, err)
		}
	}
}

// TestKnownFile: a file imported before is not read beyond its header; its
// signature is not verified again only when it is the one verified then.
func TestKnownFile(t *testing.T) {
	good := encode(t, header(), sample())
	badSig := hexFlip(good, len(good)-10)
	var sum [32]byte
	var sig []byte
	f, err := Parse("g", good, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	sum, sig = f.Sum, f.Signature
	if !bytes.Equal(f.Signature, sig) || len(sig) != ed25519.SignatureSize {
		t.Fatalf("signature %x", f.Signature)
	}
	known := func(verified bool) Options {
		return Options{Now: now, KnownFile: func(s [32]byte, g []byte) (bool, bool) {
			return s == sum, s == sum && verified && bytes.Equal(g, sig)
		}}
	}
	for _, verified := range []bool{false, true} {
		f, err := Parse("g", good, known(verified))
		if err != nil || !f.Seen || len(f.Lines) != 0 || f.Header.Changes != 4 {
			t.Errorf("verified=%v: %v %+v", verified, err, f)
		}
		// Another signature on the same body is verified, and refused.
		if _, err := Parse("b", badSig, known(verified)); !errors.Is(err, ErrSignature) {
			t.Errorf("verified=%v: changed signature: %v", verified, err)
		}
		// Another body is not the known file.
		if _, err := Parse("c", flip(good, bytes.Index(good, []byte("Draft agreed"))), known(verified)); !errors.Is(err, ErrChecksum) {
			t.Errorf("verified=%v: changed body: %v", verified, err)
		}
	}
	// A known file still passes the header's checks.
	future := header()
	future.Exported = now.Add(72 * time.Hour)
	fc := encode(t, future, sample())
	ff, _ := Parse("x", fc, Options{Now: now.Add(96 * time.Hour)})
	o := Options{Now: now, KnownFile: func([32]byte, []byte) (bool, bool) { return true, true }}
	if _, err := Parse("x", fc, o); !errors.Is(err, ErrFuture) || ff == nil {
		t.Errorf("known file from the future: %v", err)
	}
}
