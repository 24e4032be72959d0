package data

import (
	"sort"
	"strings"
	"testing"
	"unicode"
)

// Every measure, chapter, section, deadline and body of the plan has a
// non-empty translation in each language, and nothing else is translated.
func TestTranslationsAreComplete(t *testing.T) {
	p := Load()
	want := map[string]map[string]bool{"measures": {}, "chapters": {}, "sections": {}, "deadlines": {}, "bodies": {}}
	for _, c := range p.Chapters {
		want["chapters"][c.ID()] = true
		for _, s := range c.Sections {
			want["sections"][s.ID()] = true
		}
	}
	for _, m := range p.Measures {
		want["measures"][m.ID] = true
		want["deadlines"][m.Deadline.Text] = true
		for _, b := range m.Bodies {
			want["bodies"][b] = true
		}
	}
	if len(want["measures"]) != 77 || len(want["chapters"]) != 3 || len(want["sections"]) != 10 {
		t.Fatalf("the plan has %d measures, %d chapters, %d sections", len(want["measures"]), len(want["chapters"]), len(want["sections"]))
	}
	for _, l := range []Lang{English, Russian} {
		tr, err := ReadTranslation(l)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]map[string]string{"measures": tr.Measures, "chapters": tr.Chapters, "sections": tr.Sections, "deadlines": tr.Deadlines, "bodies": tr.Bodies}
		for part, keys := range want {
			for k := range keys {
				if strings.TrimSpace(got[part][k]) == "" {
					t.Errorf("%s: %s %q has no translation", l, part, k)
				}
			}
			for k := range got[part] {
				if !keys[k] {
					t.Errorf("%s: %s %q is not in the plan", l, part, k)
				}
			}
		}
		if len(tr.Measures) != 77 {
			t.Errorf("%s: %d measures, want 77", l, len(tr.Measures))
		}
		if tr.Title == "" || tr.Approval == "" || tr.Notice == "" {
			t.Errorf("%s: title, approval or notice missing", l)
		}
	}
}

// allTexts returns every translated string of a language with a label.
func allTexts(t *testing.T, l Lang) map[string]string {
	tr, err := ReadTranslation(l)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{"title": tr.Title, "approval": tr.Approval, "notice": tr.Notice}
	for part, m := range map[string]map[string]string{"measure": tr.Measures, "chapter": tr.Chapters, "section": tr.Sections, "deadline": tr.Deadlines, "body": tr.Bodies} {
		for k, v := range m {
			out[part+" "+k] = v
		}
	}
	return out
}

// The translations are in their language: no Chinese left in either, English
// without Cyrillic, Russian mostly Cyrillic, and no "ё" (the plan's Russian
// writes "е", so that a search for "зеленый" finds "зеленый").
func TestTranslationsAreInTheirScript(t *testing.T) {
	for _, l := range []Lang{English, Russian} {
		for label, s := range allTexts(t, l) {
			var han, cyr, lat int
			for _, r := range s {
				switch {
				case unicode.Is(unicode.Han, r):
					han++
				case unicode.Is(unicode.Cyrillic, r):
					cyr++
				case unicode.Is(unicode.Latin, r):
					lat++
				}
			}
			if han > 0 {
				t.Errorf("%s %s has Chinese characters: %q", l, label, s)
			}
			if l == English && cyr > 0 {
				t.Errorf("en %s has Cyrillic: %q", label, s)
			}
			if l == Russian && cyr < 2*lat && !strings.HasPrefix(label, "deadline") {
				t.Errorf("ru %s is not Russian: %q", label, s)
			}
			if strings.ContainsAny(s, "ёЁ") {
				t.Errorf("ru %s writes ё: %q", label, s)
			}
			if strings.TrimSpace(s) != s || strings.Contains(s, "  ") {
				t.Errorf("%s %s has stray spaces: %q", l, label, s)
			}
		}
	}
}

// stems cuts each word of a name to its first four letters, lower-case, so
// that a Russian name matches whatever case it is declined in.
func stems(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		r := []rune(w)
		if len(r) > 4 {
			r = r[:4]
		}
		out = append(out, string(r))
	}
	return out
}

func containsStems(text, name string) bool {
	words := stems(text)
	want := stems(name)
	for i := 0; i+len(want) <= len(words); i++ {
		ok := true
		for j := range want {
			if words[i+j] != want[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// A body is called the same in a measure's text as in the bodies column:
// when the Chinese text of a measure names a body (by its canonical name or
// an alias of five characters or more; shorter ones are ordinary words), the
// translation names it as the bodies column does.
func TestBodyNamesAreConsistent(t *testing.T) {
	p := Load()
	checked := 0
	for _, l := range []Lang{English, Russian} {
		tx := In(l)
		seen := map[string]string{}
		for _, b := range BodyAliases {
			name := tx.Body(b.Canonical)
			if other, ok := seen[name]; ok {
				t.Errorf("%s: %s and %s are both called %q", l, other, b.Canonical, name)
			}
			seen[name] = b.Canonical
			for _, m := range p.Measures {
				for _, sp := range BodySpellings(b.Canonical) {
					if len([]rune(sp)) < 5 || !strings.Contains(m.Text, sp) {
						continue
					}
					checked++
					if !containsStems(tx.Measure(m), name) {
						t.Errorf("%s %s: the text names %s but not as %q:\n%s", l, m.ID, sp, name, tx.Measure(m))
					}
					break
				}
			}
		}
	}
	if checked < 8 {
		t.Errorf("only %d mentions of bodies checked", checked)
	}
}

func TestTextsFallBackToTheSource(t *testing.T) {
	p := Load()
	m := p.Measure("1.3.1")
	zh, en, ru := In(Chinese), In(English), In(Russian)
	if zh.Measure(m) != m.Text || !zh.Authoritative() || zh.Notice() != "" {
		t.Errorf("Chinese texts are not the source")
	}
	if en.Authoritative() || en.Notice() == "" || ru.Notice() == "" {
		t.Errorf("translations are not marked unofficial")
	}
	if !strings.Contains(en.Measure(m), "Food Security") || !strings.Contains(ru.Measure(m), "продовольственной безопасности") {
		t.Errorf("1.3.1: %q / %q", en.Measure(m), ru.Measure(m))
	}
	if got := en.Section(m.Section); got != "Ensuring food security" {
		t.Errorf("section 1.3 in English: %q", got)
	}
	if got := ru.Deadline(m.Deadline); got != "Ежегодно" {
		t.Errorf("每年 in Russian: %q", got)
	}
	if got := strings.Join(en.Bodies(m), "; "); got != "Competent authorities of the SCO member states; SCO Permanent Expert Working Group on Agriculture; SCO Secretariat" {
		t.Errorf("bodies of 1.3.1 in English: %s", got)
	}
	// Something a translation lacks shows the source rather than nothing.
	odd := &Measure{ID: "9.9.9", Text: "源文"}
	if en.Measure(odd) != "源文" || en.Body("某机构") != "某机构" || en.Deadline(Deadline{Text: "2099年前"}) != "2099年前" {
		t.Errorf("no fallback to the source")
	}
	if In("xx") != zh {
		t.Errorf("an unknown language does not give the source")
	}
	names := BodyTranslations("上合组织秘书处")
	sort.Strings(names)
	if strings.Join(names, "|") != "SCO Secretariat|Секретариат ШОС" {
		t.Errorf("BodyTranslations = %q", names)
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"zh": Chinese, "zh-Hans": Chinese, "zh_CN": Chinese, "EN": English, "en-GB": English, "ru_RU.UTF-8": Russian, " ru ": Russian} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "fr", "chinese", "e"} {
		if _, err := ParseLang(in); err == nil {
			t.Errorf("ParseLang(%q) accepted", in)
		}
	}
}
