package data

import (
	"strings"
	"testing"
	"time"
)

func TestPlanShape(t *testing.T) {
	p := Load()
	if got := len(p.Chapters); got != 3 {
		t.Fatalf("chapters = %d, want 3", got)
	}
	if got := len(p.Sections()); got != 10 {
		t.Fatalf("sections = %d, want 10", got)
	}
	if got := len(p.Measures); got != 77 {
		t.Fatalf("measures = %d, want 77", got)
	}
	want := map[string]int{"1.1": 7, "1.2": 8, "1.3": 8, "1.4": 2, "1.5": 10, "1.6": 12, "2.1": 10, "2.2": 4, "3.1": 9, "3.2": 7}
	for _, s := range p.Sections() {
		if len(s.Measures) != want[s.ID()] {
			t.Errorf("section %s has %d measures, want %d", s.ID(), len(s.Measures), want[s.ID()])
		}
	}
	titles := []string{"经贸合作", "技术合作", "金融合作"}
	for i, c := range p.Chapters {
		if c.Title != titles[i] {
			t.Errorf("chapter %d title %q, want %q", i+1, c.Title, titles[i])
		}
	}
	if s := p.Section("3.2"); s == nil || s.Title != "发展跨境绿色金融产品体系" || s.Label != "2" {
		t.Errorf("section 3.2 = %+v", s)
	}
	if p.Title != "《上海合作组织至2030年经济发展战略》落实行动计划" {
		t.Errorf("title %q", p.Title)
	}
	for _, m := range p.Measures {
		if m.Deadline.Text == "" || m.Deadline.Kind == "" {
			t.Errorf("%s has no deadline", m.ID)
		}
		if len(m.Bodies) == 0 {
			t.Errorf("%s has no body", m.ID)
		}
		if p.Measure(m.ID) != m {
			t.Errorf("lookup of %s failed", m.ID)
		}
	}
}

func TestMeasureTextIsExactlyTheSource(t *testing.T) {
	p := Load()
	src := SourceText()
	for _, m := range p.Measures {
		if !strings.Contains(src, m.Text) || !strings.Contains(src, m.Deadline.Text) {
			t.Errorf("%s: text or deadline not found verbatim in the source", m.ID)
		}
		if m.Text != strings.TrimSpace(m.Text) {
			t.Errorf("%s: text not trimmed", m.ID)
		}
	}
	spot := map[string]string{
		"1.1.1":  "举行成员国贸易便利化专门工作组会议。",
		"1.1.4":  "对现有经贸合作机制进行常态化监测和盘点，并提高其效力和协调性。",
		"1.2.8":  "开展“智慧海关”合作，加强海关智能网络建设。",
		"1.6.3":  "落实《上合组织成员国关于保护地(特别自然保护地、自然保护地)和生态旅游的合作纲要》",
		"2.1.10": "举行上合组织成员国经济园区负责人会晤",
		"3.2.7":  "协商用于投资环境、社会和治理项目的金融产品的发行条件。",
	}
	for id, text := range spot {
		if got := p.Measure(id).Text; got != text {
			t.Errorf("%s text = %q, want %q", id, got, text)
		}
	}
}

func TestDeadlines(t *testing.T) {
	p := Load()
	cases := []struct {
		id, text string
		kind     DeadlineKind
		due      string
	}{
		{"1.1.1", "定期", KindRegular, ""},
		{"1.1.2", "2026年前", KindBy, "2025-12-31"},
		{"1.1.4", "每年", KindAnnual, ""},
		{"1.1.5", "2030年前", KindBy, "2029-12-31"},
		{"1.1.7", "2023 — 2025年", KindRange, "2025-12-31"},
		{"1.2.8", "根据协商情况", KindAsAgreed, ""},
		{"1.3.8", "2025年1月1日前", KindBy, "2024-12-31"},
		{"1.5.4", "2027年前", KindBy, "2026-12-31"},
	}
	for _, c := range cases {
		d := p.Measure(c.id).Deadline
		due := ""
		if d.Due != nil {
			due = d.Due.String()
		}
		if d.Text != c.text || d.Kind != c.kind || due != c.due {
			t.Errorf("%s: got %q %s %q, want %q %s %q", c.id, d.Text, d.Kind, due, c.text, c.kind, c.due)
		}
	}
	if p.Measure("1.1.7").Deadline.From != 2023 {
		t.Errorf("range start not kept")
	}
}

func TestParseDeadlineRejects(t *testing.T) {
	for _, s := range []string{"", "明年", "2025年2月30日前", "2026 — 2024年", "二〇三〇年前"} {
		if _, err := ParseDeadline(s); err == nil {
			t.Errorf("ParseDeadline(%q) accepted", s)
		}
	}
}

func TestOverdueAndDueSoon(t *testing.T) {
	p := Load()
	today := Date{2026, time.November, 23}
	var overdue, soon []string
	for _, m := range p.Measures {
		if m.Deadline.Overdue(today) {
			overdue = append(overdue, m.ID)
		}
		if m.Deadline.DueWithin(today, 90) {
			soon = append(soon, m.ID)
		}
	}
	// 2026年前 (due 2025-12-31): 1.1.2 1.5.9 1.5.10 2.1.5 2.1.7; 2023—2025年: 1.1.7; 2025年1月1日前: 1.3.8.
	wantOverdue := "1.1.2 1.1.7 1.3.8 1.5.9 1.5.10 2.1.5 2.1.7"
	if got := strings.Join(overdue, " "); got != wantOverdue {
		t.Errorf("overdue = %s, want %s", got, wantOverdue)
	}
	if got := strings.Join(soon, " "); got != "1.5.4" {
		t.Errorf("due within 90 days = %s, want 1.5.4", got)
	}
	if n, ok := p.Measure("1.5.4").Deadline.DaysLeft(today); !ok || n != 38 {
		t.Errorf("days left for 1.5.4 = %d %v, want 38", n, ok)
	}
	if p.Measure("1.1.1").Deadline.Overdue(today) {
		t.Errorf("an undated deadline is overdue")
	}
	// The due day itself is not overdue.
	if p.Measure("1.5.4").Deadline.Overdue(Date{2026, time.December, 31}) {
		t.Errorf("overdue on its due day")
	}
}

func TestParseRejectsBrokenText(t *testing.T) {
	src := SourceText()
	cases := map[string]string{
		"empty":          "",
		"unknown body":   strings.Replace(src, "上合组织国际道路运输便利化联合委员会", "某委员会", 1),
		"bad deadline":   strings.Replace(src, "2027年前", "很快", 1),
		"missing number": strings.Replace(src, "2、就成员国间贸易", "3、就成员国间贸易", 1),
	}
	for name, text := range cases {
		if _, err := Parse(text); err == nil {
			t.Errorf("%s: Parse accepted it", name)
		}
	}
}
