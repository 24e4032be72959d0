package lang

import (
	"reflect"
	"strings"
	"testing"

	"scoplan/data/search/internal/index"
)

// testKeys derives the keys of the tests that do not test Keys itself.
var testKeys = NewKeys(nil)

func keyers() []index.Keyer { return testKeys.Keyers() }

func altQuery(q string) string { return testKeys.AltQuery(q) }

func TestPinyinKeys(t *testing.T) {
	keys := testKeys.PinyinKeys(index.Field{Kind: index.KindText, Text: "维护粮食安全（中国杨凌）银行"})
	if len(keys) != 2 {
		t.Fatalf("keys %+v", keys)
	}
	if keys[0].Text != "weihuliangshianquan zhongguoyangling yinhang" || keys[1].Text != "whlsaq zgyl yh" {
		t.Errorf("keys %q %q", keys[0].Text, keys[1].Text)
	}
	for _, k := range keys {
		if len(k.Spans) != len(k.Text) {
			t.Errorf("%q: %d spans", k.Text, len(k.Spans))
		}
	}
	// liang → 粮 (rune 2), the separator → nothing, hang → 行 (rune 13).
	if s := keys[0].Spans[strings.Index(keys[0].Text, "liang")]; s != (index.Range{Start: 2, End: 3}) {
		t.Errorf("liang span %v", s)
	}
	if s := keys[0].Spans[strings.Index(keys[0].Text, " ")]; s.End > s.Start {
		t.Errorf("separator span %v", s)
	}
	if s := keys[0].Spans[strings.Index(keys[0].Text, "hang")]; s != (index.Range{Start: 13, End: 14}) {
		t.Errorf("hang span %v", s)
	}
	if testKeys.PinyinKeys(index.Field{Kind: index.KindText, Text: "no Chinese here"}) != nil || testKeys.PinyinKeys(index.Field{Kind: index.KindID, Text: "1.2.3"}) != nil {
		t.Errorf("keys for a field without Chinese")
	}
	// 绿 is written lv, as pinyin keyboards take it.
	if k := testKeys.PinyinKeys(index.Field{Kind: index.KindText, Text: "绿色"}); k[0].Text != "lvse" {
		t.Errorf("绿色 = %q", k[0].Text)
	}
}

func TestRussianStemKeys(t *testing.T) {
	text := "Обеспечение продовольственной безопасности (ESG), ШОС"
	keys := testKeys.RussianStemKeys(index.Field{Kind: index.KindTitle, Text: text})
	if len(keys) != 1 || keys[0].Kind != index.KindTitle || keys[0].Text != "обеспечен продовольствен безопасн шос" {
		t.Fatalf("keys %+v", keys)
	}
	k := keys[0]
	i := strings.Index(k.Text, "безопасн")
	start := len([]rune(k.Text[:i]))
	n := len([]rune("безопасн"))
	got := (&index.Doc{Fields: []index.Field{{Kind: index.KindTitle, Text: text}, {Kind: index.KindTitle, Text: k.Text}}, Derived: map[int]index.Origin{1: {Field: 0, Keyer: keyerIndex(t, "RussianStemKeys"), N: 0}}}).
		SourceRanges(map[int][]index.Range{1: {{Start: start, End: start + n}}}, keyers())
	if m := marked(text, got[0]); !reflect.DeepEqual(m, []string{"безопасности"}) {
		t.Errorf("stem hit marks %q", m)
	}
	if testKeys.RussianStemKeys(index.Field{Kind: index.KindText, Text: "粮食 and food"}) != nil {
		t.Errorf("keys for a field without Russian")
	}
	for q, want := range map[string]string{
		"продовольственная безопасность": "продовольствен безопасн",
		"Зелёная экономика":              "зелен экономик",
		"food security":                  "",
		"粮食":                             "",
		"ESG принципы":                   "", // not all Russian
		"шос":                            "", // stemming changes nothing
	} {
		if got := altQuery(q); got != want {
			t.Errorf("altQuery(%q) = %q, want %q", q, got, want)
		}
	}
}

func keyerIndex(t *testing.T, name string) int {
	t.Helper()
	probe := index.Field{Kind: index.KindText, Text: "粮食 безопасность"}
	for i, k := range keyers() {
		keys := k(probe)
		if len(keys) == 1 && name == "RussianStemKeys" || len(keys) == 2 && name == "PinyinKeys" {
			return i
		}
	}
	t.Fatalf("no keyer %s", name)
	return -1
}

func TestSourceRangesMovesAndMerges(t *testing.T) {
	text := "维护粮食安全"
	full := testKeys.PinyinKeys(index.Field{Kind: index.KindText, Text: text})[0] // weihuliangshianquan
	d := &index.Doc{Fields: []index.Field{{Kind: index.KindID, Text: "1"}, {Kind: index.KindText, Text: text}, {Kind: index.KindPhonetic, Text: full.Text}},
		Derived: map[int]index.Origin{2: {Field: 1, Keyer: keyerIndex(t, "PinyinKeys"), N: 0}}}
	in := map[int][]index.Range{0: {{Start: 0, End: 1}}, 1: {{Start: 4, End: 6}}, 2: {{Start: 5, End: 13}}} // 安全 in the text; "liangshi" in the key
	out := d.SourceRanges(in, keyers())
	if !reflect.DeepEqual(out, map[int][]index.Range{0: {{Start: 0, End: 1}}, 1: {{Start: 2, End: 6}}}) {
		t.Errorf("SourceRanges = %v", out)
	}
	if len(in[2]) != 1 || len(in) != 3 {
		t.Errorf("SourceRanges changed its argument")
	}
	plain := map[int][]index.Range{1: {{Start: 0, End: 2}}}
	if got := d.SourceRanges(plain, keyers()); !reflect.DeepEqual(got, plain) {
		t.Errorf("ranges without derived fields changed: %v", got)
	}
}

func marked(text string, rs []index.Range) []string {
	runes := []rune(text)
	var out []string
	for _, r := range rs {
		out = append(out, string(runes[r.Start:r.End]))
	}
	return out
}
