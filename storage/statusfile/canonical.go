package statusfile

import (
	"strconv"
	"time"
	"unicode/utf8"

	"scoplan/data"
)

// decodeCanonical decodes a change line that is exactly what
// encoding/json.Marshal writes for a data.Change, with UTC time, and
// reports false for anything else (which Parse then reads the slow way,
// with encoding/json, to accept it or say what is wrong). It is several
// times faster than json.Unmarshal followed by json.Marshal to check the
// form, which is what makes importing large files quick. A line it
// accepts re-encodes to itself (FuzzCanonical checks this against
// encoding/json).
func decodeCanonical(raw []byte) (*data.Change, bool) { return decodeCanonicalIn(raw, nil) }

// decodeCanonicalIn is decodeCanonical with the fields many changes share
// (kind, measure, author, name, delegation, status) taken from in, so that
// each distinct value is allocated once per file rather than once a change,
// and the change itself from in's slab.
func decodeCanonicalIn(raw []byte, in *interner) (*data.Change, bool) {
	d := canonDecoder{b: raw, in: in}
	var c data.Change
	if !d.decode(&c) {
		return nil, false
	}
	p := in.change()
	*p = c
	return p, true
}

func (d *canonDecoder) decode(c *data.Change) bool {
	if !d.lit(`{"id":`) || !d.str(&c.ID) ||
		!d.lit(`,"kind":`) || !d.istr(0, (*string)(&c.Kind)) ||
		!d.lit(`,"measure":`) || !d.istr(1, &c.Measure) ||
		!d.lit(`,"author":`) || !d.istr(2, &c.Author) ||
		!d.lit(`,"name":`) || !d.istr(3, &c.Name) {
		return false
	}
	if d.lit(`,"delegation":`) && (!d.istr(4, &c.Delegation) || c.Delegation == "") {
		return false
	}
	if !d.lit(`,"time":`) || !d.time(&c.Time) || !d.lit(`,"clock":`) || !d.uint(&c.Clock) {
		return false
	}
	if d.lit(`,"seq":`) && (!d.uint(&c.Seq) || c.Seq == 0) {
		return false
	}
	if d.lit(`,"prev":`) && (!d.str(&c.Prev) || c.Prev == "") {
		return false
	}
	if d.lit(`,"status":`) && (!d.istr(5, (*string)(&c.Status)) || c.Status == "") {
		return false
	}
	if d.lit(`,"parents":[`) {
		for {
			var p string
			if !d.str(&p) {
				return false
			}
			c.Parents = append(c.Parents, p)
			if d.lit(`]`) {
				break
			}
			if !d.lit(`,`) {
				return false
			}
		}
	}
	if d.lit(`,"note":`) && (!d.str(&c.Note) || c.Note == "") {
		return false
	}
	if d.lit(`,"text":`) && (!d.str(&c.Text) || c.Text == "") {
		return false
	}
	if d.lit(`,"date":`) && (!d.str(&c.Date) || c.Date == "") {
		return false
	}
	if d.lit(`,"sig":`) && (!d.str(&c.Sig) || c.Sig == "") {
		return false
	}
	if !d.lit(`}`) || d.i != len(d.b) {
		return false
	}
	return true
}

// interner hands out one string per distinct value, and changes from a
// slab (one allocation for many changes). It holds at most maxInterned
// values, so a hostile file cannot make it grow without bound; past that,
// values are allocated as usual. A nil interner allocates everything.
type interner struct {
	m    map[string]string
	last [6]string // the value each field had last: most lines repeat it
	slab []data.Change
}

const (
	maxInterned = 1024
	slabSize    = 64
)

func newInterner() *interner { return &interner{m: make(map[string]string, 16)} }

// change returns a new, zero change.
func (in *interner) change() *data.Change {
	if in == nil {
		return new(data.Change)
	}
	if len(in.slab) == 0 {
		in.slab = make([]data.Change, slabSize)
	}
	c := &in.slab[0]
	in.slab = in.slab[1:]
	return c
}

func (in *interner) str(field int, b []byte) string {
	if in == nil {
		return string(b)
	}
	if in.last[field] == string(b) { // no allocation for the comparison
		return in.last[field]
	}
	if s, ok := in.m[string(b)]; ok { // nor for the lookup
		in.last[field] = s
		return s
	}
	s := string(b)
	if len(in.m) < maxInterned {
		in.m[s] = s
	}
	in.last[field] = s
	return s
}

// time reads a JSON string holding a time exactly as encoding/json writes a
// UTC time.Time (RFC 3339 with nanoseconds, trailing zeros of the fraction
// dropped, "Z"). The common form is parsed directly; anything else goes
// through time.Parse and must format back to itself.
func (d *canonDecoder) time(v *time.Time) bool {
	start := d.i
	var ts []byte
	if !d.strBytes(&ts) {
		return false
	}
	if t, ok := parseCanonicalTime(ts); ok {
		*v = t
		return true
	}
	if d.i-start-2 != len(ts) { // it held an escape: never canonical for a time
		return false
	}
	s := string(ts)
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Location() != time.UTC || t.Format(time.RFC3339Nano) != s || t.Year() < 0 || t.Year() > 9999 {
		return false
	}
	*v = t
	return true
}

// parseCanonicalTime parses "YYYY-MM-DDTHH:MM:SS[.fffffffff]Z" with the
// fraction, if any, of 1 to 9 digits not ending in 0 (time.Format's
// RFC3339Nano for a UTC time), every field in range. It reports false for
// any other text, which the caller then leaves to time.Parse.
// TestCanonicalTime checks it against time.Parse and time.Format.
func parseCanonicalTime(b []byte) (time.Time, bool) {
	if len(b) < 20 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' || b[len(b)-1] != 'Z' {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range b[i : i+n] {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	year, month, day := num(0, 4), num(5, 2), num(8, 2)
	hour, minute, sec := num(11, 2), num(14, 2), num(17, 2)
	if year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(time.Month(month), year) ||
		hour < 0 || hour > 23 || minute < 0 || minute > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	nsec := 0
	if frac := b[19 : len(b)-1]; len(frac) > 0 {
		// ".d" to ".ddddddddd", not ending in 0.
		if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' || frac[len(frac)-1] == '0' {
			return time.Time{}, false
		}
		if nsec = num(20, len(frac)-1); nsec < 0 {
			return time.Time{}, false
		}
		for k := len(frac) - 1; k < 9; k++ {
			nsec *= 10
		}
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC), true
}

func daysIn(m time.Month, year int) int {
	if m == time.February {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 31 - int((m-1)%7%2)
}

type canonDecoder struct {
	b  []byte
	i  int
	in *interner
}

// lit consumes s if the input continues with it.
func (d *canonDecoder) lit(s string) bool {
	if len(d.b)-d.i < len(s) || string(d.b[d.i:d.i+len(s)]) != s {
		return false
	}
	d.i += len(s)
	return true
}

// uint reads a decimal number as encoding/json writes a uint64.
func (d *canonDecoder) uint(v *uint64) bool {
	j := d.i
	for j < len(d.b) && d.b[j] >= '0' && d.b[j] <= '9' {
		j++
	}
	if j == d.i || (d.b[d.i] == '0' && j-d.i > 1) {
		return false
	}
	n, err := strconv.ParseUint(string(d.b[d.i:j]), 10, 64)
	if err != nil {
		return false
	}
	*v, d.i = n, j
	return true
}

// plainASCII holds the ASCII bytes encoding/json writes as they are.
var plainASCII = func() (t [256]bool) {
	for b := 0; b < utf8.RuneSelf; b++ {
		t[b] = !escaped(byte(b))
	}
	return t
}()

// escaped reports whether encoding/json (with HTML escaping) escapes an
// ASCII byte.
func escaped(b byte) bool {
	return b < 0x20 || b == '"' || b == '\\' || b == '<' || b == '>' || b == '&'
}

const lowerHex = "0123456789abcdef"

// str reads a string written exactly as encoding/json writes it: the bytes
// it escapes escaped, in its way, and no other.
func (d *canonDecoder) str(v *string) bool {
	var b []byte
	if !d.strBytes(&b) {
		return false
	}
	*v = string(b)
	return true
}

// istr is str for a value of a field (numbered for the interner) taken
// from the decoder's interner.
func (d *canonDecoder) istr(field int, v *string) bool {
	var b []byte
	if !d.strBytes(&b) {
		return false
	}
	*v = d.in.str(field, b)
	return true
}

// strBytes is str returning the string's bytes: a part of the input when
// it holds no escape, a new slice otherwise.
func (d *canonDecoder) strBytes(v *[]byte) bool {
	if !d.lit(`"`) {
		return false
	}
	start := d.i
	var out []byte // nil until the first escape
	for d.i < len(d.b) {
		if out == nil { // the common case: plain ASCII, taken as it is
			for d.i < len(d.b) && plainASCII[d.b[d.i]] {
				d.i++
			}
			if d.i == len(d.b) {
				break
			}
		}
		b := d.b[d.i]
		switch {
		case b == '"':
			if out == nil {
				*v = d.b[start:d.i]
			} else {
				*v = out
			}
			d.i++
			return true
		case b == '\\':
			if out == nil {
				out = append([]byte(nil), d.b[start:d.i]...)
			}
			r, n, ok := d.escape()
			if !ok {
				return false
			}
			out = utf8.AppendRune(out, r)
			d.i += n
		case b < utf8.RuneSelf:
			if escaped(b) {
				return false
			}
			if out != nil {
				out = append(out, b)
			}
			d.i++
		default:
			r, n := utf8.DecodeRune(d.b[d.i:])
			if (r == utf8.RuneError && n == 1) || r == '\u2028' || r == '\u2029' {
				return false
			}
			if out != nil {
				out = append(out, d.b[d.i:d.i+n]...)
			}
			d.i += n
		}
	}
	return false
}

// escape reads the escape sequence at d.i, accepting only the form
// encoding/json would write for the character.
func (d *canonDecoder) escape() (rune, int, bool) {
	rest := d.b[d.i:]
	if len(rest) < 2 {
		return 0, 0, false
	}
	switch rest[1] {
	case '"', '\\':
		return rune(rest[1]), 2, true
	case 'b':
		return '\b', 2, true
	case 'f':
		return '\f', 2, true
	case 'n':
		return '\n', 2, true
	case 'r':
		return '\r', 2, true
	case 't':
		return '\t', 2, true
	case 'u':
		if len(rest) < 6 {
			return 0, 0, false
		}
		var r rune
		for _, h := range rest[2:6] {
			k := -1
			for j := 0; j < 16; j++ {
				if lowerHex[j] == h {
					k = j
				}
			}
			if k < 0 {
				return 0, 0, false
			}
			r = r<<4 | rune(k)
		}
		switch {
		case r == '\u2028' || r == '\u2029':
			return r, 6, true
		case r < 0x20 && r != '\b' && r != '\f' && r != '\n' && r != '\r' && r != '\t':
			return r, 6, true
		case r == '<' || r == '>' || r == '&':
			return r, 6, true
		}
	}
	return 0, 0, false
}
