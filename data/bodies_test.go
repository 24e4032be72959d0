package data

import (
	"strings"
	"testing"
)

func TestBodyAliasTable(t *testing.T) {
	owner := map[string]string{}
	for _, b := range BodyAliases {
		for _, s := range append([]string{b.Canonical}, b.Aliases...) {
			if prev, ok := owner[s]; ok {
				t.Errorf("spelling %q belongs to both %q and %q", s, prev, b.Canonical)
			}
			owner[s] = b.Canonical
		}
	}
	// The pairs the source is known to spell two ways.
	same := [][]string{
		{"上合组织常设农业专家工作组", "常设农业专家工作组"},
		{"海关合作工作组", "上合组织海关合作专门工作组"},
		{"有关部门", "成员国有关部门", "上合组织成员国有关部门"},
		{"上合组织实业家委员会", "实业家委员会"},
		{"上合组织科技合作常设工作组", "常设科技合作专家工作组"},
		{"中央（国家）银行", "上合组织成员国中央（国家）银行"},
	}
	for _, group := range same {
		first, _ := CanonicalBody(group[0])
		for _, s := range group {
			if c, ok := CanonicalBody(s); !ok || c != first {
				t.Errorf("%q canonicalises to %q, want %q", s, c, first)
			}
		}
	}
}

func TestPlanBodies(t *testing.T) {
	p := Load()
	bodies := p.Bodies()
	seen := map[string]bool{}
	for _, b := range bodies {
		if seen[b] {
			t.Errorf("duplicate body %q", b)
		}
		seen[b] = true
		if c, _ := CanonicalBody(b); c != b {
			t.Errorf("%q is not canonical", b)
		}
	}
	if len(bodies) != len(BodyAliases) {
		t.Errorf("plan uses %d bodies, the alias table has %d (a table entry is unused)", len(bodies), len(BodyAliases))
	}
	// Every raw spelling in the source is covered, and a filter by one body
	// finds its measures whatever the spelling.
	count := func(canonical string) (n int) {
		for _, m := range p.Measures {
			for _, b := range m.Bodies {
				if b == canonical {
					n++
				}
			}
		}
		return n
	}
	raw := func(spellings ...string) (n int) {
		for _, m := range p.Measures {
			for _, r := range m.RawBodies {
				for _, s := range spellings {
					if r == s {
						n++
					}
				}
			}
		}
		return n
	}
	for _, b := range BodyAliases {
		if got, want := count(b.Canonical), raw(BodySpellings(b.Canonical)...); got != want {
			t.Errorf("%s: %d measures by canonical name, %d by spelling", b.Canonical, got, want)
		}
	}
	if n := count("上合组织常设农业专家工作组"); n != 6 {
		t.Errorf("agriculture working group on %d measures, want 6", n)
	}
	if n := count("上合组织海关合作专门工作组"); n != 3 {
		t.Errorf("customs working group on %d measures, want 3", n)
	}
	if n := count("上合组织成员国有关部门"); n != 68 {
		t.Errorf("competent authorities on %d measures, want 68", n)
	}
	m := p.Measure("3.1.8") // 上合组织成员国中央（国家）银行、有关部门、秘书处
	if got := strings.Join(m.Bodies, "|"); got != "上合组织成员国中央（国家）银行|上合组织成员国有关部门|上合组织秘书处" {
		t.Errorf("3.1.8 bodies = %s", got)
	}
	m = p.Measure("2.1.8") // 上合组织成员国金融机构、秘书处、成员国有关部门
	if got := strings.Join(m.RawBodies, "|"); got != "上合组织成员国金融机构|秘书处|成员国有关部门" {
		t.Errorf("2.1.8 raw bodies = %s", got)
	}
}
