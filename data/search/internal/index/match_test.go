package index

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// checkMatch compares pattern.match with fuzzy.Find on one string.
func checkMatch(t *testing.T, pat, s string) {
	t.Helper()
	checkMatchWith(t, pat, s, nil)
	checkMatchWith(t, pat, s, skewedFreq)
}

// skewedFreq makes continuation bytes and the first bytes of letters rare,
// so that patterns anchor on other bytes than nil's last byte.
var skewedFreq = func() *byteFreq {
	bf := new(byteFreq)
	for b := range bf {
		bf[b] = uint32(255 - b)
	}
	return bf
}()

func checkMatchWith(t *testing.T, pat, s string, bf *byteFreq) {
	t.Helper()
	p := newPattern(pat, bf)
	plain := utf8.ValidString(s) && !strings.ContainsRune(s, 0)
	ms := fuzzy.Find(pat, []string{s})
	checkMatchResult(t, pat, s, "", p, plain, ms)
	if keys := sameLenKeys(s); keys != "" && plain {
		checkMatchResult(t, pat, s, keys, p, plain, ms)
	}
}

// sameLenKeys returns s mapped through foldKey if every key is as long as
// its rune (as the index passes it to match), else "".
func sameLenKeys(s string) string {
	if !utf8.ValidString(s) {
		return ""
	}
	var b strings.Builder
	for _, c := range s {
		k := foldKey(c)
		if utf8.RuneLen(k) != utf8.RuneLen(c) {
			return ""
		}
		b.WriteRune(k)
	}
	return b.String()
}

func checkMatchResult(t *testing.T, pat, s, keys string, p *pattern, plain bool, ms fuzzy.Matches) {
	t.Helper()
	score, idx, ok := p.match(s, keys, plain, nil)
	if ok != (len(ms) == 1) {
		t.Fatalf("match(%q, %q, keys %q): ok %v, fuzzy finds %d", pat, s, keys, ok, len(ms))
	}
	if !ok {
		return
	}
	if bound := scoreBound(utf8.RuneCountInString(pat)) - len(s); plain && ms[0].Score > bound {
		t.Fatalf("fuzzy scores %q in %q %d, above scoreBound's %d", pat, s, ms[0].Score, bound)
	}
	if score != ms[0].Score || !reflect.DeepEqual(idx, ms[0].MatchedIndexes) {
		t.Fatalf("match(%q, %q, keys %q) = %d %v, fuzzy %d %v", pat, s, keys, score, idx, ms[0].Score, ms[0].MatchedIndexes)
	}
}

func TestMatchEqualsFuzzy(t *testing.T) {
	awkward := []string{
		"", "a", "ab", "aab", "abb", "ba b", "The Black Knight", "tk", "camelCaseMatch", "snake_case-name/x.y\\z",
		"贸易便利化专门工作组", "绿色产业和金融合作", "сотрудничество Сотрудничество", "KELVIN \u212a k K", "ſs S", "ΣσςΘθϑϴ",
		"İi I ı", "nul\x00after", "bad\xffutf8\xe4\xb8", "\xe4\xb8\xad\xe4", "a\u212ab", "ÅåÅ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ǅǆǄ", "\ufffd",
	}
	for _, s := range awkward {
		for _, p := range awkward {
			if p == "" {
				continue
			}
			checkMatch(t, strings.ToLower(p), s)
			for i := range p {
				checkMatch(t, p[i:], s)
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("abcdeKkSsſ \u212a-_./\\AB贸易便利化合作сотрудΣσςİı\x00\ufffd")
	str := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.Intn(len(alphabet))]
		}
		return string(r)
	}
	for i := 0; i < 200000; i++ {
		s := str(rng.Intn(30))
		if rng.Intn(10) == 0 {
			s += "\xff"
		}
		checkMatch(t, str(1+rng.Intn(5)), s)
	}
	// Longer texts: many occurrences of each pattern rune to jump between.
	for i := 0; i < 30000; i++ {
		checkMatch(t, str(1+rng.Intn(8)), str(rng.Intn(300)))
	}
}

func FuzzMatchEqualsFuzzy(f *testing.F) {
	f.Add("ab", "xaab b")
	f.Add("贸易", "贸易便利化")
	f.Add("k", "\u212a")
	f.Fuzz(func(t *testing.T, pat, s string) {
		if pat == "" {
			return
		}
		checkMatch(t, pat, s)
	})
}

func TestFoldKeyIsOneKeyPerOrbit(t *testing.T) {
	for r := rune(0); r < 0x20000; r++ {
		k := foldKey(r)
		o, _ := orbitOf(r)
		if !o.has(k) && len(orbitRunes(r)) <= 4 {
			t.Fatalf("foldKey(%U) = %U, not in its orbit", r, k)
		}
		for _, f := range orbitRunes(r) {
			if foldKey(f) != k {
				t.Fatalf("foldKey(%U) = %U but foldKey(%U) = %U", r, k, f, foldKey(f))
			}
		}
	}
	var c foldCache
	for r := rune(0); r < 0x20000; r++ {
		first, again := c.toLower(r), c.toLower(r) // worked out, then remembered
		if first != unicode.ToLower(r) || again != first {
			t.Fatalf("toLower(%U) = %U then %U, unicode.ToLower gives %U", r, first, again, unicode.ToLower(r))
		}
		if k, again := c.foldKey(r), c.foldKey(r); k != foldKey(r) || again != k {
			t.Fatalf("foldCache.foldKey(%U) = %U then %U, foldKey gives %U", r, k, again, foldKey(r))
		}
	}
	if foldKey('a') != 'a' || foldKey('A') != 'a' || foldKey('Я') != 'я' || foldKey('贸') != '贸' || foldKey('\u212a') != 'k' {
		t.Errorf("lower-case letters should be their own key")
	}
}

func orbitRunes(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// TestFinderEqualsIndex holds finder.in equal to strings.Index on valid
// UTF-8, whichever byte of the pattern it anchors on.
func TestFinderEqualsIndex(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := []rune("aboс о贸易便利化合作сотрудничествоΣσς\ufffd𝔘")
	str := func(n int) string {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.Intn(len(alphabet))]
		}
		return string(r)
	}
	for i := 0; i < 100000; i++ {
		s, pat := str(rng.Intn(40)), str(1+rng.Intn(3))
		if rng.Intn(4) == 0 && len(s) > 0 { // a pattern that occurs
			r := []rune(s)
			a := rng.Intn(len(r))
			pat = string(r[a:min(len(r), a+1+rng.Intn(3))])
		}
		want := strings.Index(s, pat)
		for a := range len(pat) {
			if got := (finder{pat, a}).in(s); got != want {
				t.Fatalf("finder{%q, %d}.in(%q) = %d, strings.Index %d", pat, a, s, got, want)
			}
		}
	}
}
