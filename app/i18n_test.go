package app

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// uiText is a translatable text found in the sources.
type uiText struct {
	fallback   string // the English text (the key itself for lang.L)
	one, other string // the English forms of a plural text
	plural     bool
	pos        string
}

// sinks are the calls whose string arguments a user reads: widget and
// dialog constructors, setters and scoplan's own widgets. A string literal
// with a letter in it passed to one of them must come through lang.
var sinks = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true, "NewCheck": true,
	"NewHyperlink": true, "NewRadioGroup": true, "NewSelect": true, "NewSelectEntry": true, "NewRichTextWithText": true,
	"NewRichTextFromMarkdown": true, "NewCard": true, "NewWindow": true, "NewMenu": true, "NewMenuItem": true,
	"NewMenuItemWithIcon": true, "NewTabItem": true, "NewTabItemWithIcon": true, "NewAccordionItem": true,
	"NewFormItem": true, "NewInformation": true, "ShowInformation": true, "NewConfirm": true, "ShowConfirm": true,
	"NewCustom": true, "ShowCustom": true, "NewCustomConfirm": true, "ShowCustomConfirm": true,
	"NewCustomWithoutButtons": true, "NewForm": true, "ShowForm": true, "NewEntryDialog": true,
	"NewNotification": true, "NewProgress": true, "NewText": true,
	"SetText": true, "SetPlaceHolder": true, "SetTitle": true, "SetDismissText": true, "SetConfirmText": true,
	"SetLabel": true, "Set": true, "SetOptions": true, "Append": true, "ShowError": true,
}

// textFields are the struct fields whose string literals a user reads.
var textFields = map[string]bool{"Text": true, "HintText": true, "Label": true, "Title": true, "PlaceHolder": true, "Message": true}

// notWords are literals that need no translation: the product's name.
var notWords = map[string]bool{"scoplan": true}

var langFuncs = map[string]bool{"L": true, "X": true, "N": true, "XN": true, "Localize": true, "LocalizeKey": true, "LocalizePlural": true, "LocalizePluralKey": true}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func callName(c *ast.CallExpr) (pkg, name string) {
	switch f := c.Fun.(type) {
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			pkg = id.Name
		}
		return pkg, f.Sel.Name
	case *ast.Ident:
		return "", f.Name
	}
	return "", ""
}

// scanSources finds the translatable texts of app/ and widgets/ and the
// user-visible literals that do not go through lang.
func scanSources(t *testing.T) (texts map[string]uiText, problems []string) {
	t.Helper()
	texts = map[string]uiText{}
	add := func(key string, u uiText) {
		if old, ok := texts[key]; ok && (old.fallback != u.fallback || old.plural != u.plural) {
			problems = append(problems, fmt.Sprintf("%s: key %q has another English text at %s", u.pos, key, old.pos))
			return
		}
		texts[key] = u
	}
	var files []string
	for _, dir := range []string{".", "../widgets"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, f)
			}
		}
	}
	if len(files) < 10 {
		t.Fatalf("only %d source files found", len(files))
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Literals handed to lang (directly or through plural) are translated.
		wrapped := map[ast.Expr]bool{}
		var inPlural bool
		ast.Inspect(f, func(n ast.Node) bool {
			if fd, ok := n.(*ast.FuncDecl); ok {
				inPlural = fd.Name.Name == "plural"
			}
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			pos := fset.Position(c.Pos()).String()
			pkg, fn := callName(c)
			switch {
			case pkg == "lang" && langFuncs[fn]:
				for _, a := range c.Args {
					wrapped[a] = true
				}
				key, ok := stringLit(c.Args[0])
				if !ok {
					if !inPlural {
						problems = append(problems, pos+": lang."+fn+" with a key that is not a string literal; its translations cannot be checked")
					}
					return true
				}
				u := uiText{fallback: key, pos: pos, plural: fn == "N" || fn == "XN" || fn == "LocalizePlural" || fn == "LocalizePluralKey"}
				if (fn == "X" || fn == "XN" || fn == "LocalizeKey" || fn == "LocalizePluralKey") && len(c.Args) > 1 {
					fb, ok := stringLit(c.Args[1])
					if !ok {
						problems = append(problems, pos+": lang."+fn+" with a fallback that is not a string literal")
						return true
					}
					u.fallback = fb
				}
				if u.plural {
					u.one, u.other = u.fallback, u.fallback
				}
				add(key, u)
			case pkg == "" && fn == "plural" && len(c.Args) == 4:
				key, ok1 := stringLit(c.Args[0])
				one, ok2 := stringLit(c.Args[1])
				other, ok3 := stringLit(c.Args[2])
				if !ok1 || !ok2 || !ok3 {
					problems = append(problems, pos+": plural with texts that are not string literals")
					return true
				}
				for _, a := range c.Args {
					wrapped[a] = true
				}
				add(key, uiText{fallback: other, one: one, other: other, plural: true, pos: pos})
			}
			return true
		})
		// Literals a user would read that are not translated.
		check := func(e ast.Expr, where string) {
			if wrapped[e] {
				return
			}
			if s, ok := stringLit(e); ok && hasLetter(s) && !notWords[s] {
				problems = append(problems, fmt.Sprintf("%s: %q is shown untranslated (%s); use lang.L", fset.Position(e.Pos()), s, where))
			}
			if cl, ok := e.(*ast.CompositeLit); ok {
				for _, el := range cl.Elts {
					if s, ok := stringLit(el); ok && hasLetter(s) && !wrapped[el] && !notWords[s] {
						problems = append(problems, fmt.Sprintf("%s: %q is shown untranslated (%s); use lang.L", fset.Position(el.Pos()), s, where))
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				pkg, fn := callName(x)
				if sinks[fn] || pkg == "widgets" && strings.HasPrefix(fn, "New") {
					for _, a := range x.Args {
						check(a, fn)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := x.Key.(*ast.Ident); ok && textFields[id.Name] {
					check(x.Value, id.Name)
				}
			}
			return true
		})
	}
	return texts, problems
}

// TestUITextsAreTranslatable fails on a text a user reads that does not go
// through Fyne's lang package.
func TestUITextsAreTranslatable(t *testing.T) {
	texts, problems := scanSources(t)
	for _, p := range problems {
		t.Error(p)
	}
	if len(texts) < 100 {
		t.Errorf("only %d translatable texts found; the scan is broken", len(texts))
	}
}

var placeholder = regexp.MustCompile(`\{\{\s*\.[A-Za-z]+\s*\}\}`)

func placeholders(s string) string {
	p := placeholder.FindAllString(s, -1)
	for i := range p {
		p[i] = strings.ReplaceAll(p[i], " ", "")
	}
	sort.Strings(p)
	return strings.Join(p, " ")
}

// pluralForms are the CLDR plural categories each language's files must give.
var pluralForms = map[string][]string{"en": {"one", "other"}, "zh_Hans": {"other"}, "ru": {"one", "few", "many", "other"}}

// TestTranslationFilesAreComplete fails when a text of the sources is
// missing from en.json, zh_Hans.json or ru.json, when a file keeps a text
// nobody uses, when a translation loses a {{.Placeholder}}, or when en.json
// differs from the English in the code.
func TestTranslationFilesAreComplete(t *testing.T) {
	texts, _ := scanSources(t)
	for l, forms := range pluralForms {
		b, err := translations.ReadFile("translations/" + l + ".json")
		if err != nil {
			t.Fatalf("%s.json: %v", l, err)
		}
		var file map[string]json.RawMessage
		if err := json.Unmarshal(b, &file); err != nil {
			t.Fatalf("%s.json: %v", l, err)
		}
		for key, u := range texts {
			raw, ok := file[key]
			if !ok {
				t.Errorf("%s.json lacks %q (%s)", l, key, u.pos)
				continue
			}
			if !u.plural {
				var s string
				if err := json.Unmarshal(raw, &s); err != nil || strings.TrimSpace(s) == "" {
					t.Errorf("%s.json: %q is not a text", l, key)
					continue
				}
				if placeholders(s) != placeholders(u.fallback) {
					t.Errorf("%s.json: %q loses or adds placeholders: %q", l, key, s)
				}
				if l == "en" && s != u.fallback {
					t.Errorf("en.json: %q is %q but the code says %q", key, s, u.fallback)
				}
				continue
			}
			var m map[string]string
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Errorf("%s.json: plural %q is not an object of forms", l, key)
				continue
			}
			for _, form := range forms {
				s := m[form]
				if strings.TrimSpace(s) == "" {
					t.Errorf("%s.json: plural %q lacks the form %q", l, key, form)
					continue
				}
				if placeholders(s) != placeholders(u.other) {
					t.Errorf("%s.json: %q/%s loses or adds placeholders: %q", l, key, form, s)
				}
			}
			if l == "en" && (m["one"] != u.one || m["other"] != u.other) {
				t.Errorf("en.json: plural %q is %v but the code says %q / %q", key, m, u.one, u.other)
			}
		}
		for key := range file {
			if _, ok := texts[key]; !ok {
				t.Errorf("%s.json has %q, which no code uses", l, key)
			}
		}
	}
}
