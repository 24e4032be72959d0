package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"scoplan/data"
)

func TestListInEveryLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	p := data.Load()
	for _, l := range data.Langs {
		out, errs, code := runIn(t, "list", "--json", "--lang", string(l), "--db", db)
		if code != 0 || errs != "" {
			t.Fatalf("--lang %s: exit %d: %s", l, code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 77 {
			t.Fatalf("--lang %s: %d lines", l, len(lines))
		}
		tx := data.In(l)
		for i, line := range lines {
			var it ListItem
			if err := json.Unmarshal([]byte(line), &it); err != nil {
				t.Fatal(err)
			}
			m := p.Measures[i]
			if it.Lang != string(l) || it.SourceText != m.Text || it.Deadline.SourceText != m.Deadline.Text {
				t.Errorf("--lang %s %s: lang %q, source %q", l, m.ID, it.Lang, it.SourceText)
			}
			if it.Text != tx.Measure(m) || it.Chapter != tx.Chapter(m.Chapter()) || it.Section != tx.Section(m.Section) ||
				it.Deadline.Text != tx.Deadline(m.Deadline) || strings.Join(it.Bodies, "|") != strings.Join(tx.Bodies(m), "|") {
				t.Errorf("--lang %s %s: %+v", l, m.ID, it)
			}
			if l != data.Chinese && (it.Text == m.Text || it.Section == m.Section.Title || it.Bodies[0] == m.Bodies[0]) {
				t.Errorf("--lang %s %s: not translated: %+v", l, m.ID, it)
			}
		}
	}
	first := func(out string) ListItem {
		var it ListItem
		if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &it); err != nil {
			t.Fatal(err)
		}
		return it
	}
	out, _, _ := runIn(t, "list", "--json", "--lang", "en", "--section", "1.3", "--db", db)
	if it := first(out); it.Section != "Ensuring food security" || it.Chapter != "Trade and economic cooperation" ||
		it.Bodies[len(it.Bodies)-1] != "SCO Secretariat" || it.Deadline.Text != "Annually" {
		t.Errorf("1.3.1 in English: %+v", it)
	}
	out, _, _ = runIn(t, "list", "--json", "--lang", "ru", "--query", "Деловой совет", "--db", db)
	if it := first(out); it.ID != "2.1.3" || !strings.Contains(it.Text, "Делового совета ШОС") {
		t.Errorf("Деловой совет in Russian: %+v", it)
	}
	if _, errs, code := runIn(t, "list", "--lang", "fr", "--db", db); code != ExitUsage || !strings.Contains(errs, "unknown language") || strings.Count(errs, "\n") != 1 {
		t.Errorf("--lang fr: exit %d, %q", code, errs)
	}
}

func TestShowInRussianCarriesTheSource(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	m := data.Load().Measure("1.3.1")
	out, errs, code := runIn(t, "show", "1.3.1", "--lang", "ru", "--db", db)
	if code != 0 {
		t.Fatal(errs)
	}
	for _, want := range []string{data.In(data.Russian).Measure(m), m.Text, data.In(data.Russian).Notice(), "Обеспечение продовольственной безопасности", "Ежегодно"} {
		if !strings.Contains(out, want) {
			t.Errorf("show --lang ru lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = runIn(t, "show", "1.3.1", "--db", db)
	if strings.Contains(out, "Обеспечение") || !strings.Contains(out, m.Text) {
		t.Errorf("show without --lang is not the source:\n%s", out)
	}
}
