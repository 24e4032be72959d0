package app

import (
	"embed"
	"strings"

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
// with the language tag Fyne is given for it.
var uiLanguages = []struct {
	lang data.Lang
	tag  string
	name string
}{
	{data.English, "en", "English"},
	{data.Chinese, "zh-Hans", "简体中文"},
	{data.Russian, "ru", "Русский"},
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
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("Loading the translations", err)
	}
	l, err := data.ParseLang(lang.X("language.code", "en"))
	if err != nil {
		l = data.English
	}
	planText = data.In(l)
	return l
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
		r := widget.NewRichText(wrappable(widgets.Highlight(text, hitSpans(e, row, text), style, 0))...)
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
	if u.current != "" {
		u.showMeasure(u.current)
	}
}

// wrappable prepares highlighted segments for word wrapping. Fyne 2.7.1
// wraps a segment that starts where not even one character fits on the line
// one character per line (fyne-io/fyne#3711, fixed upstream by #6200): a
// highlighted 粮食 near the end of a line left the rest of a Chinese text as
// a column of single characters. Every segment after the first therefore
// starts with a zero-width space, which always fits, followed by the spaces
// the previous segment ended with, where Fyne may break the line: the
// segment then goes on to the next line whole instead of being cut inside
// its first word.
func wrappable(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for i := 1; i < len(segs); i++ {
		prev, ok1 := segs[i-1].(*widget.TextSegment)
		ts, ok2 := segs[i].(*widget.TextSegment)
		if !ok1 || !ok2 || ts.Text == "" {
			continue
		}
		trimmed := strings.TrimRight(prev.Text, " ")
		spaces := prev.Text[len(trimmed):]
		prev.Text = trimmed
		ts.Text = "\u200b" + spaces + ts.Text
	}
	return segs
}
