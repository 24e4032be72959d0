package lang

import (
	"testing"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// The embedded table gives every character the reading go-pinyin gives it
// (the first, in plain letters), and none to characters go-pinyin does not
// know: pinyin.bin is go-pinyin's dictionary, read without building it.
func TestPinyinTableEqualsGoPinyin(t *testing.T) {
	args := pinyin.NewArgs()
	want := func(r rune) string {
		if ps := pinyin.SinglePinyin(r, args); len(ps) > 0 {
			return ps[0]
		}
		return ""
	}
	checked, with := 0, 0
	for r := rune(0); r <= 0x10ffff; r++ {
		_, known := pinyin.PinyinDict[int(r)]
		if !known && !unicode.Is(unicode.Han, r) && r > 0x3100 && r%97 != 0 {
			continue // a sample of the rest: none has a reading
		}
		got, w := readingOf(r), want(r)
		if got != w {
			t.Fatalf("reading of %U %q = %q, go-pinyin says %q (run go generate ./data/search/internal/lang)", r, string(r), got, w)
		}
		checked++
		if got != "" {
			with++
		}
	}
	if with != len(pinyin.PinyinDict) {
		t.Errorf("%d characters have a reading in the table, go-pinyin knows %d", with, len(pinyin.PinyinDict))
	}
	for r, w := range map[rune]string{'粮': "liang", '女': "nv", '行': "xing", 'a': "", '〇': "ling"} {
		if got := readingOf(r); got != w {
			t.Errorf("reading of %q = %q, want %q", string(r), got, w)
		}
	}
	t.Logf("%d characters checked, %d with a reading", checked, with)
}
