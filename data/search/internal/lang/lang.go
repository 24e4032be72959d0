// Package lang lets a measure be found in any script: by its text, section
// title and bodies in Chinese, English and Russian (TranslatedFields,
// BodyNames); Chinese text also by its pinyin (liangshi) and the pinyin's
// initials (ls); Russian text also by the stems of its words, so that
// "продовольственная безопасность" finds "продовольственной безопасности"
// (Keys).
package lang

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/russian"

	"scoplan/data"
	"scoplan/data/search/internal/index"
)

// TranslatedFields returns a measure's text and section title in every
// translation. The bodies' translated names come through BodyNames.
func TranslatedFields(m *data.Measure) []index.Field {
	var fs []index.Field
	for _, l := range data.Langs {
		if tx := data.In(l); !tx.Authoritative() {
			fs = append(fs, index.Field{Kind: index.KindText, Text: tx.Measure(m)}, index.Field{Kind: index.KindTitle, Text: tx.Section(m.Section)})
		}
	}
	return fs
}

// BodyNames returns every name a body is known by: its canonical name, the
// source's other spellings, and its names in the plan's translations.
func BodyNames(canonical string) []string {
	return append(data.BodySpellings(canonical), data.BodyTranslations(canonical)...)
}

func hasScript(s string, script *unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.Is(script, r) {
			return true
		}
	}
	return false
}

// pinyinWords are words whose reading differs from the first reading
// go-pinyin gives each of their characters (it reads 行 xing, 会 hui, 调 diao,
// 长 zhang, 重 zhong): the plan's own words and the common words of its field.
var pinyinWords = map[string][]string{
	"银行": {"yin", "hang"}, "行业": {"hang", "ye"}, "行长": {"hang", "zhang"}, "同行": {"tong", "hang"},
	"会计": {"kuai", "ji"}, "协调": {"xie", "tiao"}, "调整": {"tiao", "zheng"}, "调节": {"tiao", "jie"},
	"长期": {"chang", "qi"}, "长远": {"chang", "yuan"}, "长效": {"chang", "xiao"}, "成长": {"cheng", "zhang"},
	"重新": {"chong", "xin"}, "重复": {"chong", "fu"}, "种植": {"zhong", "zhi"}, "率先": {"shuai", "xian"},
	"参差": {"cen", "ci"}, "便宜": {"pian", "yi"}, "供给": {"gong", "ji"}, "给予": {"ji", "yu"},
}

// longestPinyinWord is the length in runes of the longest key of pinyinWords.
const longestPinyinWord = 2

// syllables returns the pinyin of the Han characters starting at runes[i]:
// one syllable per character, for a known word or a single character; n is
// the number of characters read, 0 when runes[i] has no reading.
func syllables(runes []rune, i int) (syl []string, n int) {
	for l := longestPinyinWord; l >= 2; l-- {
		if i+l <= len(runes) {
			if s, ok := pinyinWords[string(runes[i:i+l])]; ok {
				return s, l
			}
		}
	}
	p := readingOf(runes[i])
	if p == "" {
		return nil, 0
	}
	return []string{p}, 1
}

// PinyinKeys derives two keys from a field with Chinese characters: the
// pinyin of each run of characters without spaces or tones (维护粮食安全:
// weihuliangshianquan) and its initials (whlsaq); runs are separated by a
// space. Every letter stands for the character it is read from.
func (k *Keys) PinyinKeys(f index.Field) []index.Key {
	if f.Kind == index.KindID || !hasScript(f.Text, unicode.Han) {
		return nil
	}
	return remember(k, (*Keys).pinyinMap, f, pinyinKeys)
}

func pinyinKeys(f index.Field) []index.Key {
	full := index.Key{Kind: index.KindPhonetic}
	initials := index.Key{Kind: index.KindPhonetic}
	var fb, ib strings.Builder
	sep := func() {
		if fb.Len() > 0 && !strings.HasSuffix(fb.String(), " ") {
			fb.WriteByte(' ')
			ib.WriteByte(' ')
			full.Spans = append(full.Spans, index.Range{})
			initials.Spans = append(initials.Spans, index.Range{})
		}
	}
	runes := []rune(f.Text)
	for i := 0; i < len(runes); {
		if !unicode.Is(unicode.Han, runes[i]) {
			sep()
			i++
			continue
		}
		syl, n := syllables(runes, i)
		if n == 0 {
			sep()
			i++
			continue
		}
		for j, s := range syl {
			span := index.Range{Start: i + j, End: i + j + 1}
			for k := 0; k < len(s); k++ {
				fb.WriteByte(s[k])
				full.Spans = append(full.Spans, span)
			}
			ib.WriteByte(s[0])
			initials.Spans = append(initials.Spans, span)
		}
		i += n
	}
	full.Text, initials.Text = strings.TrimSuffix(fb.String(), " "), strings.TrimSuffix(ib.String(), " ")
	full.Spans, initials.Spans = full.Spans[:len(full.Text)], initials.Spans[:len(initials.Text)]
	if full.Text == "" {
		return nil
	}
	return []index.Key{full, initials}
}

// stemWord reduces a lower-case Russian word to its stem with the Snowball
// stemmer, ё read as е.
func stemWord(w string) string { return russian.Stem(strings.ReplaceAll(w, "ё", "е"), true) }

// words splits lower-cased text into runs of letters and digits, with the
// rune index where each starts.
func words(runes []rune) (ws []string, starts []int) {
	for i := 0; i < len(runes); {
		if !unicode.IsLetter(runes[i]) && !unicode.IsDigit(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && (unicode.IsLetter(runes[j]) || unicode.IsDigit(runes[j])) {
			j++
		}
		ws = append(ws, strings.ToLower(string(runes[i:j])))
		starts = append(starts, i)
		i = j
	}
	return ws, starts
}

// RussianStemKeys derives from a field with Cyrillic text a key of the
// stems of its Russian words separated by spaces ("обеспечение
// продовольственной безопасности": "обеспечен продовольствен безопасн");
// words in other scripts are left out. The key has the
// field's kind, so a hit in it weighs as a hit in the field. The last letter
// of each stem stands for the rest of its word as well, and a separator for
// what lies between two words, so a highlight marks whole words.
func (k *Keys) RussianStemKeys(f index.Field) []index.Key {
	if f.Kind == index.KindID || !hasScript(f.Text, unicode.Cyrillic) {
		return nil
	}
	return remember(k, (*Keys).stemMap, f, k.russianStemKeys)
}

func (keys *Keys) russianStemKeys(f index.Field) []index.Key {
	runes := []rune(f.Text)
	ws, starts := words(runes)
	k := index.Key{Kind: f.Kind}
	var b strings.Builder
	prevEnd := 0
	for i, w := range ws {
		if !hasScript(w, unicode.Cyrillic) {
			continue
		}
		start, end := starts[i], starts[i]+len([]rune(w))
		if b.Len() > 0 {
			b.WriteByte(' ')
			k.Spans = append(k.Spans, index.Range{Start: prevEnd, End: start}) // what lies between the words
		}
		prevEnd = end
		stem := []rune(keys.stem(w))
		for j, r := range stem {
			b.WriteRune(r)
			s := index.Range{Start: min(start+j, end-1), End: min(start+j+1, end)}
			if j == len(stem)-1 {
				s.End = end
			}
			k.Spans = append(k.Spans, s)
		}
	}
	k.Text = b.String()
	return []index.Key{k}
}

// AltQuery returns the form of a Russian query that finds its words in any
// grammatical form: the stems of its words, as RussianStemKeys writes them.
// It returns "" unless every word of the query is Russian and stemming
// changes something.
func (k *Keys) AltQuery(query string) string {
	q := strings.ToLower(index.Normalize(query))
	ws, _ := words([]rune(q))
	if len(ws) == 0 {
		return ""
	}
	for i, w := range ws {
		if !hasScript(w, unicode.Cyrillic) {
			return ""
		}
		ws[i] = k.stem(w)
	}
	alt := strings.Join(ws, " ")
	if alt == q {
		return ""
	}
	return alt
}
