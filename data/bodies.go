package data

import (
	"fmt"
	"strings"
)

// BodyAliases maps each canonical body name to the other spellings the
// source uses for the same body. The canonical name is the body's full form
// (prefixed with 上合组织 or 上合组织成员国, as the plan's own text writes it).
//
// Reviewed by eye against the source: every spelling found in an
// 执行机构 line must appear here (the parser refuses unknown ones), and the
// tests check that no spelling belongs to two bodies.
var BodyAliases = []struct {
	Canonical string
	Aliases   []string
}{
	{"上合组织成员国有关部门", []string{"成员国有关部门", "有关部门"}},
	{"上合组织秘书处", []string{"秘书处"}},
	{"上合组织贸易便利化专门工作组", []string{"贸易便利化专门工作组", "成员国贸易便利化专门工作组"}},
	{"上合组织电子商务专门工作组", []string{"电子商务专门工作组", "上合组织成员国电子商务专门工作组"}},
	{"上合组织海关合作专门工作组", []string{"海关合作工作组", "海关合作专门工作组"}},
	{"上合组织实业家委员会", []string{"实业家委员会"}},
	{"上合组织成员国交通合作专门工作组", []string{"交通合作专门工作组"}},
	{"上合组织国际道路运输便利化联合委员会", []string{"国际道路运输便利化联合委员会"}},
	// 科技合作常设工作组 (1.2.5) and 常设科技合作专家工作组 (1.5.2, 1.5.7,
	// 1.6.11) are two renderings of the one SCO permanent working group on
	// science and technology cooperation.
	{"上合组织科技合作常设工作组", []string{"科技合作常设工作组", "常设科技合作专家工作组"}},
	{"上合组织常设农业专家工作组", []string{"常设农业专家工作组"}},
	{"上合组织成员国有关科技园区和创新集群", []string{"有关科技园区和创新集群"}},
	{"上合组织银行联合体", []string{"银行联合体"}},
	{"上合组织成员国中央（国家）银行", []string{"中央（国家）银行"}},
	{"上合组织成员国金融机构", []string{"金融机构"}},
}

var canonicalOf = func() map[string]string {
	m := map[string]string{}
	for _, b := range BodyAliases {
		m[b.Canonical] = b.Canonical
		for _, a := range b.Aliases {
			m[a] = b.Canonical
		}
	}
	return m
}()

// CanonicalBody returns the canonical name for a spelling of a body, and
// whether the spelling is known.
func CanonicalBody(name string) (string, bool) {
	c, ok := canonicalOf[strings.TrimSpace(name)]
	return c, ok
}

// BodySpellings returns the canonical name followed by its aliases.
func BodySpellings(canonical string) []string {
	for _, b := range BodyAliases {
		if b.Canonical == canonical {
			return append([]string{b.Canonical}, b.Aliases...)
		}
	}
	return []string{canonical}
}

func canonicalBodies(raw []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		c, ok := CanonicalBody(r)
		if !ok {
			return nil, fmt.Errorf("responsible body %q is not in the alias table", r)
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("a measure has no responsible body")
	}
	return out, nil
}
