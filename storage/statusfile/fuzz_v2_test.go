package statusfile

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"testing"
	"time"

	"scoplan/data"
)

// v2Author is one author's feed for the format 2 seeds: a key and the last
// change written under it.
type v2Author struct {
	name string
	key  ed25519.PrivateKey
	pub  ed25519.PublicKey
	seq  uint64
	prev string
}

func newV2Author(name string, k ed25519.PrivateKey) *v2Author {
	return &v2Author{name: name, key: k, pub: k.Public().(ed25519.PublicKey)}
}

func seededKey(seed byte) ed25519.PrivateKey {
	return ed25519.NewKeyFromSeed(bytes.Repeat([]byte{seed}, ed25519.SeedSize))
}

func (a *v2Author) sign(m []byte) []byte { return ed25519.Sign(a.key, m) }

// next signs c as a's next change in its feed, with the real signing code.
func (a *v2Author) next(tb testing.TB, c *data.Change) *data.Change {
	tb.Helper()
	c.Author, c.Name = Fingerprint(a.pub), a.name
	a.seq++
	c.Seq, c.Prev = a.seq, a.prev
	if err := SignChange(c, a.sign); err != nil {
		tb.Fatal(err)
	}
	a.prev = c.ID
	return c
}

// v2Seeds are format 2 files made by the real encoder: one author alone,
// three authors relayed by one, a fork (one key writing two histories),
// signed and unsigned (relayed format 1) changes mixed, and a format 1 file
// written by EncodeFormat.
func v2Seeds(tb testing.TB) map[string][]byte {
	tb.Helper()
	t0 := fuzzNow.Add(-48 * time.Hour)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	// Anna exports every file, with the test key, so that the fuzz target
	// can sign mutated bodies again as hers.
	anna, bolat, carol := newV2Author("Anna", testKey), newV2Author("Bolat", seededKey(2)), newV2Author("Carol", seededKey(3))
	keys := func(as ...*v2Author) map[string]string {
		m := map[string]string{}
		for _, a := range as {
			m[Fingerprint(a.pub)] = hex.EncodeToString(a.pub)
		}
		return m
	}
	hdr := func(by *v2Author, as ...*v2Author) Header {
		return Header{Plan: data.PlanID, PlanVersion: data.Load().Version(), Exported: fuzzNow.Add(-time.Hour),
			Exporter: Exporter{Name: by.name, Delegation: "KZ"}, Keys: keys(as...)}
	}
	enc := func(version int, by *v2Author, h Header, cs []*data.Change) []byte {
		b, err := EncodeFormat(version, h, by.pub, cs, by.sign)
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	out := map[string][]byte{}

	a1 := anna.next(tb, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Time: at(1), Clock: 1, Delegation: "RU", Status: data.StatusInProgress})
	a2 := anna.next(tb, &data.Change{Kind: data.ChangeNoteAdd, Measure: "1.1.1", Time: at(2), Clock: 2, Delegation: "RU", Text: "Draft <b>sent</b> 草案"})
	a3 := anna.next(tb, &data.Change{Kind: data.ChangeNoteEdit, Measure: "1.1.1", Time: at(3), Clock: 3, Delegation: "RU", Note: a2.ID, Text: "Draft agreed"})
	a4 := anna.next(tb, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.1", Time: at(4), Clock: 4, Delegation: "RU", Status: data.StatusDone, Parents: []string{a1.ID}})
	annaOnly := []*data.Change{a1, a2, a3, a4}
	out["anna-v2"] = enc(2, anna, hdr(anna, anna), annaOnly)

	b1 := bolat.next(tb, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.2", Time: at(5), Clock: 5, Delegation: "KZ", Status: data.StatusBlocked})
	b2 := bolat.next(tb, &data.Change{Kind: data.ChangeNoteDelete, Measure: "1.1.1", Time: at(6), Clock: 6, Delegation: "KZ", Note: a2.ID})
	c1 := carol.next(tb, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.2", Time: at(7), Clock: 7, Delegation: "CN", Status: data.StatusDone, Parents: []string{b1.ID}})
	c2 := carol.next(tb, &data.Change{Kind: data.ChangeNoteAdd, Measure: "1.1.2", Time: at(8), Clock: 8, Delegation: "CN", Text: "Signed in Astana"})
	three := append(append([]*data.Change{}, annaOnly...), b1, b2, c1, c2)
	out["three-authors-v2"] = enc(2, anna, hdr(anna, anna, bolat, carol), three)

	// A fork: Bolat's data file copied to a second computer, where another
	// change takes seq 3 after b2 too.
	saved := *bolat
	b3 := bolat.next(tb, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.3", Time: at(9), Clock: 9, Delegation: "KZ", Status: data.StatusInProgress})
	*bolat = saved
	b3x := bolat.next(tb, &data.Change{Kind: data.ChangeStatus, Measure: "1.1.3", Time: at(10), Clock: 9, Delegation: "KZ", Status: data.StatusDone})
	fork := append(append([]*data.Change{}, three...), b3, b3x)
	out["fork-v2"] = enc(2, anna, hdr(anna, anna, bolat, carol), fork)

	// Format 1 changes relayed in a format 2 file, and a format 1 file.
	old := []*data.Change{
		{ID: id(101), Kind: data.ChangeStatus, Measure: "1.2.1", Author: Fingerprint(testPub), Name: "Dana", Time: at(11), Clock: 1, Status: data.StatusInProgress},
		{ID: id(102), Kind: data.ChangeNoteAdd, Measure: "1.2.1", Author: Fingerprint(testPub), Name: "Dana", Time: at(12), Clock: 2, Text: "relayed, unverified"},
		{ID: id(103), Kind: data.ChangeStatus, Measure: "1.2.1", Author: Fingerprint(testPub), Name: "Dana", Time: at(13), Clock: 3, Status: data.StatusDone, Parents: []string{id(101)}},
	}
	out["mixed-v2"] = enc(2, anna, hdr(anna, anna), append(append([]*data.Change{}, annaOnly...), old...))
	v1 := Header{Plan: data.PlanID, PlanVersion: data.Load().Version(), Exported: fuzzNow.Add(-time.Hour), Exporter: Exporter{Name: "Dana"}}
	b, err := EncodeFormat(1, v1, testPub, old, sign)
	if err != nil {
		tb.Fatal(err)
	}
	out["dana-v1"] = b
	return out
}

func TestV2SeedsAreValid(t *testing.T) {
	for name, b := range v2Seeds(t) {
		f, err := Parse(name, b, Options{Now: fuzzNow})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		want := 2
		if name == "dana-v1" {
			want = 1
		}
		if f.Version != want || len(f.Lines) != f.Header.Changes {
			t.Errorf("%s: version %d, %d lines of %d", name, f.Version, len(f.Lines), f.Header.Changes)
		}
		for _, l := range f.Lines {
			if l.AlteredID {
				t.Errorf("%s: %s marked altered", name, l.ID)
			}
			if c := l.Change; c.Signed() && (f.Keys[c.Author] == nil || !VerifyChange(f.Keys[c.Author], c)) {
				t.Errorf("%s: %s does not verify", name, l.ID)
			}
		}
	}
}

// checkV2 is check plus what must hold of an accepted format 2 file: its
// keys match their fingerprints; a signed line not marked AlteredID has
// the hash of its content as ID.
func checkV2(t *testing.T, content []byte) {
	check(t, content)
	f, err := Parse("fuzz.scoplan-status", content, Options{Now: fuzzNow})
	if err != nil {
		return
	}
	for fp, pub := range f.Keys {
		if Fingerprint(pub) != fp {
			t.Fatalf("key %s has fingerprint %s", fp, Fingerprint(pub))
		}
	}
	for _, l := range f.Lines {
		c := l.Change
		if !c.Signed() || l.AlteredID {
			continue
		}
		if want, err := ContentID(c); err != nil || want != c.ID {
			t.Fatalf("line %q: ID is not its content's hash (%s)", l.Raw, want)
		}
	}
}

// FuzzParseV2 feeds the reader format 2 file bodies (first line, header
// with keys, change lines with seq, prev and sig) made by the real
// encoder, which it then checksums and signs again, so mutations reach
// the header, the keys and the per-change checks.
func FuzzParseV2(f *testing.F) {
	for _, b := range v2Seeds(f) {
		f.Add(b[:bytes.Index(b, []byte("\n"+sumPrefix))+1])
	}
	f.Fuzz(func(t *testing.T, body []byte) { checkV2(t, Seal(body, sign)) })
}
