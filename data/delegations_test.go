package data

import (
	"strings"
	"testing"
)

// TestDelegationTable checks the table against one written out again by hand
// from the SCO's lists (member states, the Secretariat, the partners since
// the Tianjin summit of 2025) and ISO 3166-1: a slip in either shows here.
func TestDelegationTable(t *testing.T) {
	want := []struct {
		code       string
		kind       DelegationKind
		en, zh, ru string
	}{
		{"BY", KindMember, "Belarus", "白俄罗斯", "Беларусь"},
		{"CN", KindMember, "China", "中国", "Китай"},
		{"IN", KindMember, "India", "印度", "Индия"},
		{"IR", KindMember, "Iran", "伊朗", "Иран"},
		{"KZ", KindMember, "Kazakhstan", "哈萨克斯坦", "Казахстан"},
		{"KG", KindMember, "Kyrgyzstan", "吉尔吉斯斯坦", "Кыргызстан"},
		{"PK", KindMember, "Pakistan", "巴基斯坦", "Пакистан"},
		{"RU", KindMember, "Russia", "俄罗斯", "Россия"},
		{"TJ", KindMember, "Tajikistan", "塔吉克斯坦", "Таджикистан"},
		{"UZ", KindMember, "Uzbekistan", "乌兹别克斯坦", "Узбекистан"},
		{"SCO", KindSecretariat, "SCO Secretariat", "上合组织秘书处", "Секретариат ШОС"},
		{"AF", KindPartner, "Afghanistan", "阿富汗", "Афганистан"},
		{"MN", KindPartner, "Mongolia", "蒙古国", "Монголия"},
		{"AM", KindPartner, "Armenia", "亚美尼亚", "Армения"},
		{"AZ", KindPartner, "Azerbaijan", "阿塞拜疆", "Азербайджан"},
		{"BH", KindPartner, "Bahrain", "巴林", "Бахрейн"},
		{"KH", KindPartner, "Cambodia", "柬埔寨", "Камбоджа"},
		{"EG", KindPartner, "Egypt", "埃及", "Египет"},
		{"KW", KindPartner, "Kuwait", "科威特", "Кувейт"},
		{"LA", KindPartner, "Laos", "老挝", "Лаос"},
		{"MV", KindPartner, "Maldives", "马尔代夫", "Мальдивы"},
		{"MM", KindPartner, "Myanmar", "缅甸", "Мьянма"},
		{"NP", KindPartner, "Nepal", "尼泊尔", "Непал"},
		{"QA", KindPartner, "Qatar", "卡塔尔", "Катар"},
		{"SA", KindPartner, "Saudi Arabia", "沙特阿拉伯", "Саудовская Аравия"},
		{"LK", KindPartner, "Sri Lanka", "斯里兰卡", "Шри-Ланка"},
		{"TR", KindPartner, "Türkiye", "土耳其", "Турция"},
		{"AE", KindPartner, "United Arab Emirates", "阿联酋", "ОАЭ"},
	}
	got := Delegations()
	if len(got) != len(want) {
		t.Fatalf("%d delegations, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Code != w.code || g.Kind != w.kind || g.EN != w.en || g.ZH != w.zh || g.RU != w.ru {
			t.Errorf("delegation %d = %s %d %q %q %q, want %s %d %q %q %q",
				i, g.Code, g.Kind, g.EN, g.ZH, g.RU, w.code, w.kind, w.en, w.zh, w.ru)
		}
		if g.LongEN == "" || g.LongZH == "" || g.LongRU == "" {
			t.Errorf("%s lacks a long name", g.Code)
		}
	}
	if n := len(MemberStates()); n != 10 {
		t.Errorf("%d member states, want 10", n)
	}
}

func TestDelegationAliasesAreUnique(t *testing.T) {
	owner := map[string]string{}
	for _, d := range Delegations() {
		for _, s := range d.spellings() {
			f := foldDelegation(s)
			if f == "" {
				t.Errorf("%s: spelling %q folds to nothing", d.Code, s)
				continue
			}
			if prev, ok := owner[f]; ok && prev != d.Code {
				t.Errorf("spelling %q names both %s and %s", s, prev, d.Code)
			}
			owner[f] = d.Code
		}
	}
}

func TestLookupDelegation(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"KZ", "KZ"}, {"kz", "KZ"}, {"Kazakhstan", "KZ"}, {" KAZAKHSTAN ", "KZ"},
		{"Казахстан", "KZ"}, {"哈萨克斯坦", "KZ"}, {"Republic of Kazakhstan", "KZ"},
		{"Ｋａｚａｋｈｓｔａｎ", "KZ"}, {"Киргизия", "KG"}, {"Кыргызстан", "KG"},
		{"Российская Федерация", "RU"}, {"russian federation", "RU"}, {"РФ", "RU"},
		{"Белоруссия", "BY"}, {"Белоруссiя", ""}, {"Turkey", "TR"}, {"turkiye", "TR"},
		{"SCO", "SCO"}, {"Secretariat", "SCO"}, {"秘书处", "SCO"}, {"ОАЭ", "AE"},
		{"Объединенные Арабские Эмираты", "AE"}, // е for ё
		{"O'zbekiston", "UZ"}, {"Narnia", ""}, {"", ""}, {"  ", ""},
	} {
		d, ok := LookupDelegation(tc.in)
		if tc.want == "" {
			if ok {
				t.Errorf("LookupDelegation(%q) = %s, want none", tc.in, d.Code)
			}
			continue
		}
		if !ok || d.Code != tc.want {
			t.Errorf("LookupDelegation(%q) = %q %v, want %s", tc.in, d.Code, ok, tc.want)
		}
	}
}

func TestDelegationKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kazakhstan", "KZ"}, {"Казахстан", "KZ"}, {"KZ", "KZ"},
		{" Ministry of Narnia ", "Ministry of Narnia"}, {"", ""},
	} {
		if got := DelegationKey(tc.in); got != tc.want {
			t.Errorf("DelegationKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := DelegationLabel("KZ", "ru"); got != "Казахстан" {
		t.Errorf("DelegationLabel(KZ, ru) = %q", got)
	}
	if got := DelegationLabel("Ministry of Narnia", "zh"); got != "Ministry of Narnia" {
		t.Errorf("DelegationLabel of free text = %q", got)
	}
}

func TestClosestDelegations(t *testing.T) {
	for _, tc := range []struct{ in, first string }{
		{"Kazakstn", "KZ"}, {"Kyrgystan", "KG"}, {"Рассия", "RU"}, {"Uzbekstan", "UZ"}, {"Tadjikstan", "TJ"},
	} {
		got := ClosestDelegations(tc.in, 3)
		if len(got) != 3 || got[0].Code != tc.first {
			codes := []string{}
			for _, d := range got {
				codes = append(codes, d.Code)
			}
			t.Errorf("ClosestDelegations(%q) = %v, want %s first", tc.in, codes, tc.first)
		}
	}
}

func TestMatchDelegations(t *testing.T) {
	codes := func(ds []Delegation) string {
		var s []string
		for _, d := range ds {
			s = append(s, d.Code)
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct{ q, want string }{
		{"stan", "KZ KG PK TJ UZ AF"},
		{"каз", "KZ"},
		{"斯坦", "KZ KG PK TJ UZ"},
		{"arab", "EG SA AE"},
	} {
		if got := codes(MatchDelegations(tc.q)); got != tc.want {
			t.Errorf("MatchDelegations(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
	if n := len(MatchDelegations("")); n != len(Delegations()) {
		t.Errorf("the empty query matches %d, want all", n)
	}
}
