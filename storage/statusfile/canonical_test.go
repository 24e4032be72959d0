package statusfile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"scoplan/data"
)

// tricky characters: everything encoding/json escapes, and some it does not.
var tricky = []string{"\"", "\\", "\b", "\f", "\n", "\r", "\t", "\x00", "\x01", "\x1f", "\x7f", "<", ">", "&", "\u2028", "\u2029",
	"\ufffd", "é", "草案", "😀", "'", "/", " ", "=", "+", "-", "@", "u00", "\\u0041"}

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	for i := rng.Intn(12); i >= 0; i-- {
		if rng.Intn(3) == 0 {
			b.WriteString(fmt.Sprint(rng.Intn(1000)))
		} else {
			b.WriteString(tricky[rng.Intn(len(tricky))])
		}
	}
	return b.String()
}

// TestCanonicalDecoderAgreesWithEncodingJSON: for changes of every shape
// with every character encoding/json treats specially, the fast decoder
// reads json.Marshal's output back to the same change.
func TestCanonicalDecoderAgreesWithEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 20000; i++ {
		c := &data.Change{ID: fmt.Sprintf("%032x", rng.Int63()), Kind: data.ChangeKind(randomText(rng)), Measure: randomText(rng),
			Author: randomText(rng), Name: randomText(rng), Delegation: randomText(rng), Clock: uint64(rng.Int63n(1 << 53)),
			Time: time.UnixMilli(rng.Int63n(4e12)).UTC(), Status: data.Status(randomText(rng)), Note: randomText(rng), Text: randomText(rng)}
		if rng.Intn(4) == 0 {
			c.Delegation, c.Status, c.Note = "", "", ""
		}
		for j := rng.Intn(3); j > 0; j-- {
			c.Parents = append(c.Parents, randomText(rng))
		}
		raw, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := decodeCanonical(raw)
		if !ok {
			t.Fatalf("canonical line refused: %s", raw)
		}
		if !got.SameContent(c) || got.Time.Location() != time.UTC {
			t.Fatalf("decoded differently:\n%s\n%+v", raw, got)
		}
	}
	// Equivalent spellings that are not json.Marshal's are left to the slow path.
	good, _ := json.Marshal(sample()[1])
	for _, bad := range [][]byte{
		bytes.Replace(good, []byte(`\u003c`), []byte(`<`), 1),
		bytes.Replace(good, []byte(`\u003c`), []byte(`\u003C`), 1),
		bytes.Replace(good, []byte(`"kind":`), []byte(`"kind" :`), 1),
		bytes.Replace(good, []byte(`"clock":2`), []byte(`"clock":02`), 1),
		bytes.Replace(good, []byte(`Z"`), []byte(`+00:00"`), 1),
		bytes.Replace(good, []byte(`"name":"Anna"`), []byte(`"name":"Ann\u0061"`), 1),
		append(append([]byte(nil), good...), ' '),
	} {
		if _, ok := decodeCanonical(bad); ok {
			t.Errorf("accepted a non-canonical line: %s", bad)
		}
	}
}

// FuzzCanonical: whatever the fast decoder accepts is exactly json.Marshal
// of what it decoded, and encoding/json reads it to the same change.
func FuzzCanonical(f *testing.F) {
	for _, b := range seeds(f) {
		for _, l := range bytes.Split(b, []byte("\n")) {
			if bytes.HasPrefix(l, []byte(`{"id"`)) {
				f.Add(l)
			}
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		c, ok := decodeCanonical(raw)
		if !ok {
			return
		}
		again, err := json.Marshal(c)
		if err != nil || !bytes.Equal(again, raw) {
			t.Fatalf("accepted %q, which encodes as %q", raw, again)
		}
		var viaJSON data.Change
		if err := json.Unmarshal(raw, &viaJSON); err != nil || !viaJSON.SameContent(c) {
			t.Fatalf("encoding/json reads %q differently: %v", raw, err)
		}
	})
}

// TestCanonicalTime: the direct parse of encoding/json's time form agrees
// with time.Parse and time.Format on every text it accepts, and accepts
// what json.Marshal writes for UTC times of every precision.
func TestCanonicalTime(t *testing.T) {
	slow := func(s string) (time.Time, bool) {
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil || tm.Location() != time.UTC || tm.Format(time.RFC3339Nano) != s || tm.Year() < 0 || tm.Year() > 9999 {
			return time.Time{}, false
		}
		return tm, true
	}
	texts := []string{
		"2026-11-23T10:00:00Z", "2026-11-23T10:00:00.5Z", "2026-11-23T10:00:00.123Z", "2026-11-23T10:00:00.123456789Z",
		"2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
		"2026-12-31T24:00:00Z", "2026-12-31T23:60:00Z", "2026-12-31T23:59:60Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
		"2026-01-00T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-11-23T10:00:00.Z",
		"2026-11-23T10:00:00.50Z", "2026-11-23T10:00:00.0Z", "2026-11-23T10:00:00.1234567891Z", "2026-11-23T10:00:00+00:00",
		"2026-11-23t10:00:00Z", "2026-11-23T10:00:00z", "2026-11-23 10:00:00Z", "+2026-11-23T10:00:00Z", "2026-1-23T10:00:00Z",
		"2026-11-23T10:00:0xZ", "2026-11-23T10:00:00.1x3Z", "2026-11-23T10:00:00", "",
	}
	rng := rand.New(rand.NewSource(11))
	for i := 0; i < 20000; i++ {
		tm := time.Unix(rng.Int63n(253402300800)-62135596800, 0).UTC()
		switch rng.Intn(4) {
		case 1:
			tm = tm.Add(time.Duration(rng.Intn(1000)) * time.Millisecond)
		case 2:
			tm = tm.Add(time.Duration(rng.Int63n(1e9)))
		case 3:
			tm = tm.Add(time.Duration(rng.Intn(10)) * 100 * time.Millisecond)
		}
		b, _ := json.Marshal(tm)
		texts = append(texts, string(b[1:len(b)-1]))
		// and a mutation of it
		m := []byte(string(b[1 : len(b)-1]))
		m[rng.Intn(len(m))] = "0123456789:-.TZ"[rng.Intn(15)]
		texts = append(texts, string(m))
	}
	for _, s := range texts {
		want, wok := slow(s)
		got, ok := parseCanonicalTime([]byte(s))
		if ok && (!wok || !got.Equal(want) || got.Location() != time.UTC || got != want) {
			t.Fatalf("%q: fast %v %v, time.Parse %v %v", s, got, ok, want, wok)
		}
		if !ok && wok && s[len(s)-1] == 'Z' && s[4] == '-' {
			t.Fatalf("%q: a canonical time left to the slow path", s)
		}
	}
}
