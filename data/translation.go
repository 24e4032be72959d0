package data

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// Lang is a language scoplan shows the plan in.
type Lang string

// The plan's languages. Chinese is the authoritative source text; the
// English and Russian texts are scoplan's own unofficial translations.
const (
	Chinese Lang = "zh"
	English Lang = "en"
	Russian Lang = "ru"
)

// Langs lists the plan's languages, the source first.
var Langs = []Lang{Chinese, English, Russian}

// ParseLang reads a language code: zh, en or ru. Regional and script forms
// (zh-Hans, zh_CN, en-GB, ru_RU.UTF-8) are accepted and reduced to the language.
func ParseLang(s string) (Lang, error) {
	code := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(code, "-_."); i >= 0 {
		code = code[:i]
	}
	for _, l := range Langs {
		if string(l) == code {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown language %q (use zh, en or ru)", s)
}

// translationFiles holds one JSON file per translated language, keyed by the
// source: measure IDs, chapter and section IDs, deadline texts as the source
// writes them and canonical body names.
//
//go:embed translations/*.json
var translationFiles embed.FS

// Translation is the content of one translation file.
type Translation struct {
	Lang      Lang              `json:"language"`
	Notice    string            `json:"notice"` // says the translation is unofficial
	Title     string            `json:"title"`
	Approval  string            `json:"approval"`
	Chapters  map[string]string `json:"chapters"`  // by chapter ID ("1")
	Sections  map[string]string `json:"sections"`  // by section ID ("1.3")
	Deadlines map[string]string `json:"deadlines"` // by the source's deadline text
	Bodies    map[string]string `json:"bodies"`    // by canonical body name
	Measures  map[string]string `json:"measures"`  // by measure ID
}

// ReadTranslation reads and checks the embedded translation file of a language.
func ReadTranslation(lang Lang) (*Translation, error) {
	b, err := translationFiles.ReadFile("translations/" + string(lang) + ".json")
	if err != nil {
		return nil, fmt.Errorf("no translation for %q", lang)
	}
	var t Translation
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("translation %s: %w", lang, err)
	}
	if t.Lang != lang {
		return nil, fmt.Errorf("translation %s says it is %q", lang, t.Lang)
	}
	return &t, nil
}

// texts holds each language's texts, each read on first use: a program
// that shows the plan in English never reads the Russian translation.
var texts = func() map[Lang]*lazyTexts {
	m := map[Lang]*lazyTexts{}
	for _, l := range Langs {
		m[l] = &lazyTexts{texts: Texts{lang: l}}
	}
	return m
}()

type lazyTexts struct {
	once  sync.Once
	texts Texts
}

// Texts gives the plan's texts in one language. For Chinese they are the
// source itself. A text a translation lacks falls back to the source (the
// tests make sure none is missing).
type Texts struct {
	lang Lang
	tr   *Translation // nil for Chinese
}

// In returns the plan's texts in lang; an unknown language gives the source.
// The embedded translations are checked by the tests, so a defect here is a
// build defect and panics.
func In(lang Lang) *Texts {
	lt, ok := texts[lang]
	if !ok {
		lang, lt = Chinese, texts[Chinese]
	}
	if lang != Chinese {
		lt.once.Do(func() {
			t, err := ReadTranslation(lang)
			if err != nil {
				panic("scoplan: " + err.Error())
			}
			lt.texts.tr = t
		})
	}
	return &lt.texts
}

// Lang returns the texts' language.
func (t *Texts) Lang() Lang { return t.lang }

// Authoritative reports whether these are the plan's own (Chinese) texts.
func (t *Texts) Authoritative() bool { return t.tr == nil }

// Notice says that a translation is unofficial and the Chinese text
// authoritative; it is empty for the source.
func (t *Texts) Notice() string {
	if t.tr == nil {
		return ""
	}
	return t.tr.Notice
}

func (t *Texts) pick(m map[string]string, key, source string) string {
	if t.tr == nil {
		return source
	}
	if s, ok := m[key]; ok && s != "" {
		return s
	}
	return source
}

// Title returns the plan's title.
func (t *Texts) Title(p *Plan) string {
	if t.tr == nil || t.tr.Title == "" {
		return p.Title
	}
	return t.tr.Title
}

// Approval returns the lines above the plan's title (who approved it, when).
func (t *Texts) Approval(p *Plan) string {
	if t.tr == nil || t.tr.Approval == "" {
		return p.Approval
	}
	return t.tr.Approval
}

// Measure returns a measure's text.
func (t *Texts) Measure(m *Measure) string {
	if t.tr == nil {
		return m.Text
	}
	return t.pick(t.tr.Measures, m.ID, m.Text)
}

// Chapter returns a chapter's title.
func (t *Texts) Chapter(c *Chapter) string {
	if t.tr == nil {
		return c.Title
	}
	return t.pick(t.tr.Chapters, c.ID(), c.Title)
}

// Section returns a section's title.
func (t *Texts) Section(s *Section) string {
	if t.tr == nil {
		return s.Title
	}
	return t.pick(t.tr.Sections, s.ID(), s.Title)
}

// Deadline returns a deadline's words.
func (t *Texts) Deadline(d Deadline) string {
	if t.tr == nil {
		return d.Text
	}
	return t.pick(t.tr.Deadlines, d.Text, d.Text)
}

// Body returns a body's name, given its canonical (Chinese) name.
func (t *Texts) Body(canonical string) string {
	if t.tr == nil {
		return canonical
	}
	return t.pick(t.tr.Bodies, canonical, canonical)
}

// Bodies returns the names of a measure's responsible bodies.
func (t *Texts) Bodies(m *Measure) []string {
	out := make([]string, len(m.Bodies))
	for i, b := range m.Bodies {
		out[i] = t.Body(b)
	}
	return out
}

// BodyTranslations returns a body's name in every translation, in the order
// of Langs, without duplicates.
func BodyTranslations(canonical string) []string {
	var out []string
	for _, l := range Langs[1:] {
		n := In(l).Body(canonical)
		if n != canonical && !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
