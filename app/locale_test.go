package app

import (
	"testing"

	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"
)

// The go-locale Fyne uses is scoplan's patched copy (see
// third_party/go-locale/PATCH.md): whatever the environment holds, every
// locale it reports parses as a language tag, so Fyne never logs an error,
// and a C or unknown locale gives none (Fyne then falls back to English).
func TestLocaleFromEnvironmentAlwaysParses(t *testing.T) {
	cases := []struct {
		lang, language string
		want           string // first locale, "" for none
	}{
		{"C", "", ""},
		{"C.UTF-8", "", ""},
		{"POSIX", "", ""},
		{"C.UTF-8", "ru_RU", ""},
		{"xx_XX.UTF-8", "", ""},
		{"klingon", "", ""},
		{"sr_RS.UTF-8@latin", "", "sr-RS"},
		{"ru_RU.UTF-8", "", "ru-RU"},
		{"zh_CN.UTF-8", "", "zh-CN"},
		{"en_US.UTF-8", "xx:ru", "ru"},
	}
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	for _, c := range cases {
		t.Setenv("LANG", c.lang)
		t.Setenv("LANGUAGE", c.language)
		all, err := locale.GetLocales()
		if err != nil {
			t.Fatalf("LANG=%s: %v", c.lang, err)
		}
		first := ""
		if len(all) > 0 {
			first = all[0]
		}
		if first != c.want {
			t.Errorf("LANG=%q LANGUAGE=%q: locales %q, want first %q", c.lang, c.language, all, c.want)
		}
		for _, l := range all {
			if _, err := language.Parse(l); err != nil {
				t.Errorf("LANG=%q: locale %q does not parse: %v", c.lang, l, err)
			}
		}
	}
}
