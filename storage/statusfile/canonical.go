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
func decodeCanonical(raw []byte) (*data.Change, bool) {
	d := canonDecoder{b: raw}
	c := new(data.Change)
	if !d.lit(`{"id":`) || !d.str(&c.ID) ||
		!d.lit(`,"kind":`) || !d.str((*string)(&c.Kind)) ||
		!d.lit(`,"measure":`) || !d.str(&c.Measure) ||
		!d.lit(`,"author":`) || !d.str(&c.Author) ||
		!d.lit(`,"name":`) || !d.str(&c.Name) {
		return nil, false
	}
	if d.lit(`,"delegation":`) && (!d.str(&c.Delegation) || c.Delegation == "") {
		return nil, false
	}
	var ts string
	if !d.lit(`,"time":`) || !d.str(&ts) || !d.lit(`,"clock":`) || !d.uint(&c.Clock) {
		return nil, false
	}
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil || t.Location() != time.UTC || t.Format(time.RFC3339Nano) != ts || t.Year() < 0 || t.Year() > 9999 {
		return nil, false
	}
	c.Time = t
	if d.lit(`,"status":`) && (!d.str((*string)(&c.Status)) || c.Status == "") {
		return nil, false
	}
	if d.lit(`,"parents":[`) {
		for {
			var p string
			if !d.str(&p) {
				return nil, false
			}
			c.Parents = append(c.Parents, p)
			if d.lit(`]`) {
				break
			}
			if !d.lit(`,`) {
				return nil, false
			}
		}
	}
	if d.lit(`,"note":`) && (!d.str(&c.Note) || c.Note == "") {
		return nil, false
	}
	if d.lit(`,"text":`) && (!d.str(&c.Text) || c.Text == "") {
		return nil, false
	}
	if !d.lit(`}`) || d.i != len(d.b) {
		return nil, false
	}
	return c, true
}

type canonDecoder struct {
	b []byte
	i int
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

// escaped reports whether encoding/json (with HTML escaping) escapes an
// ASCII byte.
func escaped(b byte) bool {
	return b < 0x20 || b == '"' || b == '\\' || b == '<' || b == '>' || b == '&'
}

const lowerHex = "0123456789abcdef"

// str reads a string written exactly as encoding/json writes it: the bytes
// it escapes escaped, in its way, and no other.
func (d *canonDecoder) str(v *string) bool {
	if !d.lit(`"`) {
		return false
	}
	start := d.i
	var out []byte // nil until the first escape
	for d.i < len(d.b) {
		b := d.b[d.i]
		switch {
		case b == '"':
			if out == nil {
				*v = string(d.b[start:d.i])
			} else {
				*v = string(out)
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
