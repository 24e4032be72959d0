package app

import (
	"embed"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/widgets"
)

// translations are the UI's texts in English, Simplified Chinese and
// Russian, keyed by the English text (see lang.L). A Chinese file must be
// named zh_Hans.json: Fyne never picks a zh.json.
//
//go:embed translations
var translations embed.FS

// prefLanguage is the Fyne preference holding the language chosen in the
// settings: "" follows the system, else a data.Lang.
const prefLanguage = "language"

// uiLanguages are the languages a user can choose, each named in itself,
// with the language tag Fyne is given for it and its file in translations/.
var uiLanguages = []struct {
	lang data.Lang
	tag  string
	name string
	file string
}{
	{data.English, "en", "English", "en.json"},
	{data.Chinese, "zh-Hans", "简体中文", "zh_Hans.json"},
	{data.Russian, "ru", "Русский", "ru.json"},
}

// planText gives the plan's texts in the UI's language: the Chinese source when
// the UI is in Chinese, else an unofficial translation.
var planText = data.In(data.Chinese)

// setLanguage loads the translations for a language ("" for the system's)
// and makes the plan's texts follow. A C, unknown or unsupported system
// language gives English. It returns the language the UI now speaks.
func setLanguage(choice string) data.Lang {
	tag := ""
	for _, l := range uiLanguages {
		if string(l.lang) == choice {
			tag = l.tag
		}
	}
	if tag == "" {
		locale.SetOverride(nil)
		system, _ := locale.GetLocales()
		tag = systemLanguage(system)
	}
	// Fyne is told one of scoplan's languages only: left to itself, on a
	// French system it would pick its own French and log a translation
	// failure for every text of scoplan's.
	locale.SetOverride([]string{tag})
	if err := loadTranslations(tag); err != nil {
		fyne.LogError("Loading the translations", err)
	}
	l, err := data.ParseLang(lang.X("language.code", "en"))
	if err != nil {
		l = data.English
	}
	planText = data.In(l)
	return l
}

// loadTranslations gives Fyne the translations of the language with tag,
// and English's: English is the bundle's default language, which fills in
// any text a translation lacks. The other languages' files are read when
// they are chosen (each costs a millisecond and some 300 KB to read).
func loadTranslations(tag string) error {
	for _, l := range uiLanguages {
		if l.tag != tag && l.tag != "en" {
			continue
		}
		b, err := translations.ReadFile("translations/" + l.file)
		if err == nil {
			err = lang.AddTranslationsForLocale(b, fyne.Locale(l.tag))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// systemLanguage picks, of the system's preferred languages, the tag of
// the first one scoplan speaks (zh-CN and zh-SG are Simplified Chinese,
// ru-KZ Russian …), or English.
func systemLanguage(system []string) string {
	var supported []language.Tag
	for _, l := range uiLanguages {
		supported = append(supported, language.MustParse(l.tag))
	}
	var want []language.Tag
	for _, s := range system {
		if t, err := language.Parse(s); err == nil {
			want = append(want, t)
		}
	}
	if len(want) == 0 {
		return "en"
	}
	_, i, conf := language.NewMatcher(supported).Match(want...)
	if conf == language.No {
		return "en"
	}
	return uiLanguages[i].tag
}

// hitSpans returns the search's matches in a text the UI shows (a measure's
// text in the UI's language): the ranges of the document's field that holds
// exactly that text.
func hitSpans(e *search.Engine, row search.Row, text string) []widgets.Span {
	if row.Hit == nil {
		return nil
	}
	docs := e.Index().Docs()
	if row.Hit.Doc >= len(docs) {
		return nil
	}
	d := docs[row.Hit.Doc]
	for f, field := range d.Fields {
		if _, derived := d.Derived[f]; !derived && field.Text == text && field.Kind == search.KindText {
			return toSpans(e.Ranges(row)[f])
		}
	}
	return nil
}

// measureText shows a measure's text with the search's matches marked. In
// English or Russian the authoritative Chinese text and the unofficial
// translation stand side by side, each labelled.
func measureText(e *search.Engine, row search.Row, m *data.Measure) fyne.CanvasObject {
	style := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	block := func(text string) *widget.RichText {
		r := widget.NewRichText(widgets.Breakable(widgets.Highlight(text, hitSpans(e, row, text), style, 0))...)
		r.Wrapping = fyne.TextWrapWord
		return r
	}
	if planText.Authoritative() {
		return block(m.Text)
	}
	return container.NewGridWithColumns(2,
		container.NewVBox(caption(lang.L("Chinese original (authoritative)")), block(m.Text)),
		container.NewVBox(caption(lang.L("Unofficial translation")), block(planText.Measure(m))),
	)
}

// languageSetting is the language choice of the settings: its options, the
// one selected now, and the language code of each option.
func languageSetting(prefs fyne.Preferences) (opts []string, selected string, codes map[string]string) {
	system := lang.L("Follow the system")
	opts = []string{system}
	codes = map[string]string{system: ""}
	selected = system
	current := prefs.String(prefLanguage)
	for _, l := range uiLanguages {
		opts = append(opts, l.name)
		codes[l.name] = string(l.lang)
		if string(l.lang) == current {
			selected = l.name
		}
	}
	return opts, selected, codes
}

// relabel switches the UI to another language at once: the translations
// are loaded again and the window's content is built anew, on the same
// session (query, filters and the measure shown stay).
func (u *ui) relabel(choice string) {
	setLanguage(choice)
	u.win.SetContent(u.build())
	u.detail.show(u.se.shown)
}
