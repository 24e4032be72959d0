package app

import (
	"bytes"
	"log"
	"os"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/jeandeaual/go-locale"

	"scoplan/data"
)

// inLanguage switches the UI's language for one test and back to English
// (the other tests' language) afterwards.
func inLanguage(t *testing.T, choice string) data.Lang {
	t.Helper()
	t.Cleanup(func() {
		setLanguage("en")
		locale.SetOverride(nil)
	})
	return setLanguage(choice)
}

func TestLanguageFollowsTheSystemOrTheChoice(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
	cases := []struct {
		env, choice string
		want        data.Lang
		settings    string
	}{
		{"C.UTF-8", "", data.English, "Settings"},
		{"POSIX", "", data.English, "Settings"},
		{"xx_XX.UTF-8", "", data.English, "Settings"},
		{"ru_RU.UTF-8", "", data.Russian, "Настройки"},
		{"zh_CN.UTF-8", "", data.Chinese, "设置"},
		{"fr_FR.UTF-8", "", data.English, "Settings"}, // Fyne speaks French, scoplan does not: English
		{"uk_UA.UTF-8", "", data.English, "Settings"},
		{"C.UTF-8", "ru", data.Russian, "Настройки"},
		{"ru_RU.UTF-8", "zh", data.Chinese, "设置"},
		{"zh_CN.UTF-8", "en", data.English, "Settings"},
	}
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	for _, c := range cases {
		t.Setenv("LANG", c.env)
		got := inLanguage(t, c.choice)
		if got != c.want || lang.L("Settings") != c.settings || planText.Lang() != c.want {
			t.Errorf("LANG=%s, choice %q: language %s, Settings = %q, plan in %s", c.env, c.choice, got, lang.L("Settings"), planText.Lang())
		}
	}
	if logged.Len() > 0 {
		t.Errorf("Fyne logged:\n%s", logged.String())
	}
	if got := systemLanguage([]string{"de-DE", "ru-KZ", "en"}); got != "ru" {
		t.Errorf("de-DE, ru-KZ, en gives %s, want ru", got)
	}
	if got := systemLanguage([]string{"zh-SG"}); got != "zh-Hans" {
		t.Errorf("zh-SG gives %s", got)
	}
	// Plural forms come from the language's own rules.
	t.Setenv("LANG", "C.UTF-8")
	inLanguage(t, "ru")
	for n, want := range map[int]string{1: "остался 1 день", 3: "осталось 3 дня", 5: "осталось 5 дней", 21: "остался 21 день"} {
		if got := plural("days.left", "{{.Count}} day left", "{{.Count}} days left", n); got != want {
			t.Errorf("ru days.left %d = %q, want %q", n, got, want)
		}
	}
}

func TestRussianWindowShowsSourceAndTranslation(t *testing.T) {
	t.Setenv("LANG", "C.UTF-8")
	h := newHarness(t)
	inLanguage(t, "ru")
	h.ui.relabel("ru")
	m := data.Load().Measure("1.3.1")
	ru := data.In(data.Russian)

	// The list speaks Russian, with Russian matches marked.
	test.Type(h.ui.search, "продовольственная безопасность")
	if h.ui.se.rows[0].Measure != m {
		t.Fatalf("first hit %s", h.ui.se.rows[0].Measure.ID)
	}
	r := h.renderRow(0)
	if got := highlighted(r.text); !reflect.DeepEqual(got, []string{"продовольственной безопасности"}) {
		t.Errorf("row highlights %q", got)
	}
	// The detail: the Chinese text, authoritative, beside the unofficial
	// Russian one; titles, deadline and bodies in Russian.
	h.ui.se.Show("1.3.1")
	var texts []string
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		switch w := o.(type) {
		case *widget.RichText:
			texts = append(texts, w.String())
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.Button:
			texts = append(texts, w.Text)
		}
	}
	all := strings.ReplaceAll(strings.Join(texts, "\n"), "\u200b", "")
	for _, want := range []string{m.Text, ru.Measure(m), lang.L("Chinese original (authoritative)"), lang.L("Unofficial translation"),
		"Обеспечение продовольственной безопасности", "Ежегодно", "Секретариат ШОС", "Мера 1.3.1"} {
		if !strings.Contains(all, want) {
			t.Errorf("the detail lacks %q", want)
		}
	}
	if lang.L("Unofficial translation") != "Неофициальный перевод" {
		t.Errorf("the labels are not Russian")
	}
}

func TestChineseWindowShowsOnlyTheSource(t *testing.T) {
	h := newHarness(t)
	inLanguage(t, "zh")
	h.ui.relabel("zh")
	h.ui.se.Show("1.3.1")
	var texts []string
	for _, o := range test.LaidOutObjects(h.ui.detail.scroll.Content) {
		if rt, ok := o.(*widget.RichText); ok {
			texts = append(texts, rt.String())
		}
	}
	all := strings.ReplaceAll(strings.Join(texts, "\n"), "\u200b", "")
	if !strings.Contains(all, data.Load().Measure("1.3.1").Text) || strings.Contains(all, "Implement the Statement") {
		t.Errorf("Chinese detail: %s", all)
	}
	if h.ui.win.Content() == nil || lang.L("Measures") != "措施" {
		t.Errorf("the window is not in Chinese")
	}
}

// Every file in translations/ belongs to a language of uiLanguages, which
// is how setLanguage finds it.
func TestEveryTranslationFileIsAChoosableLanguage(t *testing.T) {
	files, err := translations.ReadDir("translations")
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, l := range uiLanguages {
		known[l.file] = true
	}
	for _, f := range files {
		if !known[f.Name()] {
			t.Errorf("translations/%s is not the file of any language in uiLanguages", f.Name())
		}
		delete(known, f.Name())
	}
	for f := range known {
		t.Errorf("uiLanguages names translations/%s, which does not exist", f)
	}
}
