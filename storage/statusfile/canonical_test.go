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
