package index

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// This file holds a copy of the matching loop of github.com/sahilm/fuzzy
// (v0.1.3, FindFromIterNoSort) for one string at a time: the same scores and
// the same matched byte offsets, found faster. fuzzy compares runes with a
// case-folding function that walks unicode.SimpleFold for every non-ASCII
// character of the text; here each pattern rune's folding orbit is worked
// out once, and the text before the first possible match is skipped with
// strings.Index. Strings and patterns this copy is not sure to handle alike
// (a NUL, invalid UTF-8, an orbit of more than four runes) go to fuzzy
// itself. The tests compare both on random and on awkward input.

// Scores of fuzzy v0.1.3.
const (
	fzFirstCharMatchBonus            = 10
	fzMatchFollowingSeparatorBonus   = 20
	fzCamelCaseMatchBonus            = 20
	fzAdjacentMatchBonus             = 5
	fzUnmatchedLeadingCharPenalty    = -5
	fzMaxUnmatchedLeadingCharPenalty = -15
)

// orbit is a rune's case-folding orbit (unicode.SimpleFold), padded with -1.
type orbit [4]rune

func (o *orbit) has(c rune) bool { return c == o[0] || c == o[1] || c == o[2] || c == o[3] }

// upper reports whether c, a member of the orbit, is upper case.
func (o *orbit) upper(c rune, up *[4]bool) bool {
	for i, x := range o {
		if x == c {
			return up[i]
		}
	}
	return false
}

// decode decodes the rune at s[i:] of a string known to be valid UTF-8.
func decode(s string, i int) (rune, int) {
	b := s[i]
	switch {
	case b < 0x80:
		return rune(b), 1
	case b < 0xE0:
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case b < 0xF0:
		return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return rune(b&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
}

// runeCount counts the runes of a string known to be valid UTF-8: the bytes
// that do not continue a rune, eight at a time.
func runeCount(s string) int {
	n := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte is 10xxxxxx: top bit set, next bit clear.
		cont := x & ^(x << 1) & 0x8080808080808080
		n += 8 - bits.OnesCount64(cont)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// orbitOf returns r's orbit; ok is false if it has more than four runes.
func orbitOf(r rune) (o orbit, ok bool) {
	o = orbit{r, -1, -1, -1}
	n := 1
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if n == len(o) {
			return o, false
		}
		o[n] = f
		n++
	}
	return o, true
}

// foldKey maps a rune to one member of its case-folding orbit, the same
// for every member: the smallest lower-case member, else the smallest. Two
// runes are equal to fuzzy exactly when their keys are equal. Lower-case
// letters are mostly their own key, so a folded text mostly is its key text.
func foldKey(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return foldKeyOf(r)
}

// bmp bounds the runes an index looks up by rune in a table rather than a
// map (runeSlot), and whose fold key and lower case a foldCache remembers.
const bmp = 0x10000

// foldCache remembers the lower case and fold key of the runes of the Basic
// Multilingual Plane met while building one index: every character of
// every field asks for both, and unicode's tables are slow to walk. Its
// pages are allocated for the blocks of 256 runes the texts use.
type foldCache struct {
	pages [bmp >> 8]*[256][2]rune // per rune: its lower case and its fold key, 0 if not worked out yet
}

func (c *foldCache) entry(r rune) *[2]rune {
	pg := c.pages[r>>8]
	if pg == nil {
		pg = new([256][2]rune)
		c.pages[r>>8] = pg
	}
	return &pg[r&0xff]
}

// toLower is unicode.ToLower.
func (c *foldCache) toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r >= bmp {
		return unicode.ToLower(r)
	}
	e := c.entry(r)
	if e[0] == 0 {
		e[0] = unicode.ToLower(r)
	}
	return e[0]
}

// foldKey is the package's foldKey.
func (c *foldCache) foldKey(r rune) rune {
	if r < utf8.RuneSelf || r >= bmp {
		return foldKey(r)
	}
	e := c.entry(r)
	if e[1] == 0 {
		e[1] = foldKeyOf(r)
	}
	return e[1]
}

func foldKeyOf(r rune) rune {
	best, bestLower := r, unicode.IsLower(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		fl := unicode.IsLower(f)
		if fl && !bestLower || fl == bestLower && f < best {
			best, bestLower = f, fl
		}
	}
	return best
}

// pattern is a query prepared for matching like fuzzy.
type pattern struct {
	text   string
	runes  []rune
	orbits []orbit
	upper  [][4]bool   // whether each orbit member is upper case
	enc    [][4]string // each orbit member, UTF-8 encoded
	encF   [][4]finder // a finder of each enc
	keyF   []finder    // a finder of foldKey of each rune, UTF-8 encoded
	safe   bool        // false: use fuzzy itself
}

// newPattern prepares text; bf (may be nil) anchors its substring searches.
func newPattern(text string, bf *byteFreq) *pattern {
	p := &pattern{text: text, runes: []rune(text), safe: true}
	for _, r := range p.runes {
		o, ok := orbitOf(r)
		if !ok || r == 0 || r == utf8.RuneError {
			p.safe = false
		}
		p.orbits = append(p.orbits, o)
		var up [4]bool
		var enc [4]string
		var encF [4]finder
		for i, c := range o {
			up[i] = c >= 0 && unicode.IsUpper(c)
			if c >= 0 {
				enc[i] = string(c)
				encF[i] = bf.finder(enc[i])
			}
		}
		p.upper = append(p.upper, up)
		p.enc = append(p.enc, enc)
		p.encF = append(p.encF, encF)
		p.keyF = append(p.keyF, bf.finder(string(foldKey(r))))
	}
	return p
}

// match matches one string as fuzzy.Find would. plain says s is valid
// UTF-8 without NUL. keys, if not "", is s mapped through foldKey with every
// rune's key as long as the rune (so that an orbit's runes are found by
// looking for their key once). It returns fuzzy's score and matched byte
// offsets (appended to idx[:0]), and whether fuzzy would list s at all.
//
// fuzzy walks s rune by rune. Only two kinds of position change anything:
// the occurrences of the pattern rune it is at (each is scored, the best
// kept) and the rune before the next pattern rune's first occurrence after
// them (where the best is committed and fuzzy moves on). This loop jumps
// from one such position to the next, and stops looking at the last pattern
// rune's occurrences once no later one can score higher.
func (p *pattern) match(s, keys string, plain bool, idx []int) (int, []int, bool) {
	idx = idx[:0]
	if len(p.runes) == 0 {
		return 0, idx, false
	}
	if !p.safe || !plain {
		ms := fuzzy.FindNoSort(p.text, []string{s})
		if len(ms) == 0 {
			return 0, idx, false
		}
		return ms[0].Score, append(idx, ms[0].MatchedIndexes...), true
	}
	n := len(p.runes)
	total := 0
	adjacent := 0 // fuzzy's currAdjacentMatchBonus
	x := p.next(s, keys, 0, 0)
	if x < 0 {
		return 0, idx, false
	}
	for k := 0; k < n; k++ {
		// x is the first occurrence of pattern rune k not yet looked at.
		// Where fuzzy commits: after the rune before the first occurrence
		// of rune k+1 that follows x; for the last rune, at the end.
		commit := len(s)
		if k < n-1 {
			_, size := decode(s, x)
			if commit = p.next(s, keys, x+size, k+1); commit < 0 {
				return 0, idx, false // fuzzy runs out of text before rune k+1
			}
		}
		best, at := -1, -1
		for x >= 0 && x < commit {
			candidate, size := decode(s, x)
			var last rune
			lastIndex := 0
			if x > 0 {
				var ls int
				last, ls = decodeLast(s, x)
				lastIndex = x - ls
			}
			if score := p.score(k, x, candidate, last, lastIndex, idx, &adjacent); score > best {
				best, at = score, x
			}
			// Of the last rune's occurrences only the first can follow the
			// previous match (which lies before it) and earn the adjacency
			// bonus, and only one at byte 0 earns 10; any other scores at
			// most 20, for camel case or a separator before it.
			if k == n-1 && best >= fzCamelCaseMatchBonus {
				break // no later occurrence scores more
			}
			x = p.next(s, keys, x+size, k)
		}
		if len(idx) == 0 {
			best += max(at*fzUnmatchedLeadingCharPenalty, fzMaxUnmatchedLeadingCharPenalty)
		}
		total += best
		idx = append(idx, at)
		x = commit
	}
	total += len(idx) - len(s)
	return total, idx, true
}

// next returns the byte offset of the first rune at or after from that
// matches pattern rune k (any member of its orbit), or -1.
func (p *pattern) next(s, keys string, from, k int) int {
	if from >= len(s) {
		return -1
	}
	if keys != "" {
		if i := p.keyF[k].in(keys[from:]); i >= 0 {
			return from + i
		}
		return -1
	}
	// Each member is looked for only before the best so far: the upper
	// case of a letter is often absent, and looking for it in the whole of
	// a long text would cost more than the match.
	best, end := -1, len(s)
	for m, c := range p.orbits[k] {
		if c >= 0 {
			if i := p.encF[k][m].in(s[from:end]); i >= 0 {
				best = from + i
				end = best
			}
		}
	}
	return best
}

// score is fuzzy's score for pattern rune k matching candidate at byte j,
// after the rune last that starts at lastIndex.
func (p *pattern) score(k, j int, candidate, last rune, lastIndex int, idx []int, adjacent *int) int {
	score := 0
	if j == 0 {
		score += fzFirstCharMatchBonus
	}
	if p.orbits[k].upper(candidate, &p.upper[k]) && unicode.IsLower(last) {
		score += fzCamelCaseMatchBonus
	}
	if j != 0 && isSeparator(last) {
		score += fzMatchFollowingSeparatorBonus
	}
	if len(idx) > 0 {
		bonus := 0
		if idx[len(idx)-1] == lastIndex {
			bonus = *adjacent*2 + fzAdjacentMatchBonus
		}
		score += bonus
		*adjacent += bonus
	}
	return score
}

// decodeLast decodes the rune that ends at s[end] of a string known to be
// valid UTF-8.
func decodeLast(s string, end int) (rune, int) {
	i := end - 1
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	r, _ := decode(s, i)
	return r, end - i
}

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}
