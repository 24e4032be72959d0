package report

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"scoplan/data"
)

// usedWords returns every word the formats pass through Options.Label for
// the test plan (with conflicts and notes), in every language, plus the
// words of the HTML template.
func usedWords(t *testing.T) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range data.Langs {
		r := Build(items(t), Options{Texts: data.In(l), Today: today, Scope: "x", Since: &Since{From: "2026-01-01", AsOf: "2026-02-01"}, Label: func(s string) string { seen[s] = true; return s }})
		for _, f := range Formats {
			if _, err := r.Encode(f); err != nil {
				t.Fatal(err)
			}
		}
	}
	src, err := os.ReadFile("html.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`\{\{L "([^"]+)"\}\}`).FindAllStringSubmatch(string(src), -1) {
		seen[m[1]] = true
	}
	return seen
}

func TestLabelsCoverEveryWord(t *testing.T) {
	used := usedWords(t)
	if len(used) < 25 {
		t.Fatalf("only %d words seen", len(used))
	}
	for _, l := range []data.Lang{data.Chinese, data.Russian} {
		var missing, unused []string
		for w := range used {
			if labels[l][w] == "" {
				missing = append(missing, w)
			}
		}
		for w := range labels[l] {
			if !used[w] {
				unused = append(unused, w)
			}
		}
		sort.Strings(missing)
		sort.Strings(unused)
		if len(missing) > 0 {
			t.Errorf("labels.json has no %s for: %s", l, strings.Join(missing, "; "))
		}
		if len(unused) > 0 {
			t.Errorf("labels.json has %s words no format uses: %s", l, strings.Join(unused, "; "))
		}
	}
	if Labels(data.English)("Status") != "Status" || Labels(data.Russian)("Status") != "Статус" || Labels(data.Chinese)("Notes") != "备注" {
		t.Errorf("Labels do not translate")
	}
}

// A Russian report: Russian heads and texts, the Chinese source in its own
// column.
func TestRussianCSV(t *testing.T) {
	r := Build(items(t), Options{Texts: data.In(data.Russian), Label: Labels(data.Russian), Today: today})
	b, err := r.CSV()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.SplitN(string(b), "\r\n", 2)[0]
	for _, want := range []string{"Номер", "Мера", "Исходный текст (на китайском языке)", "Исполнители", "Тексты заметок"} {
		if !strings.Contains(head, want) {
			t.Errorf("head lacks %q: %s", want, head)
		}
	}
	m := data.Load().Measure("1.3.1")
	if !strings.Contains(string(b), data.In(data.Russian).Measure(m)) || !strings.Contains(string(b), m.Text) {
		t.Errorf("the report lacks 1.3.1 in Russian or in Chinese")
	}
}
