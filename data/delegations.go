package data

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// DelegationKind says what place a delegation has in the SCO.
type DelegationKind int

// The kinds of delegation. At the Tianjin summit (1 September 2025) the
// observer states and dialogue partners were unified into one category, SCO
// partners; the table keeps the former observers first among them.
const (
	KindMember      DelegationKind = iota + 1 // one of the ten member states
	KindSecretariat                           // the SCO Secretariat
	KindPartner                               // an SCO partner (former observer or dialogue partner)
)

// Delegation is one of the parties that report on the plan: a member state,
// the Secretariat or a partner. Code is stable and is what status files and
// data files record: the ISO 3166-1 alpha-2 code for a state, "SCO" for the
// Secretariat.
type Delegation struct {
	Code string
	Kind DelegationKind
	// Short names, as a delegate would pick them from a list.
	EN, ZH, RU string
	// Official long names.
	LongEN, LongZH, LongRU string
	// Other spellings: the ISO alpha-3 code, former or informal names,
	// transliterations. The code, short and long names are aliases too.
	Aliases []string
}

// Name returns the delegation's short name in a language ("zh", "ru",
// anything else is English).
func (d Delegation) Name(lang string) string {
	switch lang {
	case "zh", "zh_Hans", "zh-Hans", "zh-CN":
		return d.ZH
	case "ru":
		return d.RU
	}
	return d.EN
}

// spellings returns every text that names the delegation.
func (d Delegation) spellings() []string {
	return append([]string{d.Code, d.EN, d.ZH, d.RU, d.LongEN, d.LongZH, d.LongRU}, d.Aliases...)
}

// delegations is the table, in the order a pick list shows it: member states
// in the order of their English names, the Secretariat, then the partners.
// Written by hand from the SCO's own lists of member states and partners
// (Charter and the Tianjin declaration of 2025), ISO 3166-1 for the codes.
var delegations = [...]Delegation{
	{Code: "BY", Kind: KindMember, EN: "Belarus", ZH: "白俄罗斯", RU: "Беларусь",
		LongEN: "Republic of Belarus", LongZH: "白俄罗斯共和国", LongRU: "Республика Беларусь",
		Aliases: []string{"BLR", "Byelorussia", "Belorussia", "Белоруссия", "Белорусь"}},
	{Code: "CN", Kind: KindMember, EN: "China", ZH: "中国", RU: "Китай",
		LongEN: "People's Republic of China", LongZH: "中华人民共和国", LongRU: "Китайская Народная Республика",
		Aliases: []string{"CHN", "PRC", "P.R. China", "КНР", "Zhongguo"}},
	{Code: "IN", Kind: KindMember, EN: "India", ZH: "印度", RU: "Индия",
		LongEN: "Republic of India", LongZH: "印度共和国", LongRU: "Республика Индия",
		Aliases: []string{"IND", "Bharat"}},
	{Code: "IR", Kind: KindMember, EN: "Iran", ZH: "伊朗", RU: "Иран",
		LongEN: "Islamic Republic of Iran", LongZH: "伊朗伊斯兰共和国", LongRU: "Исламская Республика Иран",
		Aliases: []string{"IRN", "Iran (Islamic Republic of)"}},
	{Code: "KZ", Kind: KindMember, EN: "Kazakhstan", ZH: "哈萨克斯坦", RU: "Казахстан",
		LongEN: "Republic of Kazakhstan", LongZH: "哈萨克斯坦共和国", LongRU: "Республика Казахстан",
		Aliases: []string{"KAZ", "Kazakstan", "Qazaqstan", "Қазақстан", "哈萨克"}},
	{Code: "KG", Kind: KindMember, EN: "Kyrgyzstan", ZH: "吉尔吉斯斯坦", RU: "Кыргызстан",
		LongEN: "Kyrgyz Republic", LongZH: "吉尔吉斯共和国", LongRU: "Кыргызская Республика",
		Aliases: []string{"KGZ", "Kirghizia", "Kirgizia", "Kyrgyzia", "Киргизия", "Киргизстан", "吉尔吉斯", "Кыргыз Республикасы"}},
	{Code: "PK", Kind: KindMember, EN: "Pakistan", ZH: "巴基斯坦", RU: "Пакистан",
		LongEN: "Islamic Republic of Pakistan", LongZH: "巴基斯坦伊斯兰共和国", LongRU: "Исламская Республика Пакистан",
		Aliases: []string{"PAK"}},
	{Code: "RU", Kind: KindMember, EN: "Russia", ZH: "俄罗斯", RU: "Россия",
		LongEN: "Russian Federation", LongZH: "俄罗斯联邦", LongRU: "Российская Федерация",
		Aliases: []string{"RUS", "RF", "РФ", "Rossiya", "俄国"}},
	{Code: "TJ", Kind: KindMember, EN: "Tajikistan", ZH: "塔吉克斯坦", RU: "Таджикистан",
		LongEN: "Republic of Tajikistan", LongZH: "塔吉克斯坦共和国", LongRU: "Республика Таджикистан",
		Aliases: []string{"TJK", "Tadjikistan", "Tadzhikistan", "Тоҷикистон", "塔吉克"}},
	{Code: "UZ", Kind: KindMember, EN: "Uzbekistan", ZH: "乌兹别克斯坦", RU: "Узбекистан",
		LongEN: "Republic of Uzbekistan", LongZH: "乌兹别克斯坦共和国", LongRU: "Республика Узбекистан",
		Aliases: []string{"UZB", "O'zbekiston", "Oʻzbekiston", "Ozbekiston", "乌兹别克"}},

	{Code: "SCO", Kind: KindSecretariat, EN: "SCO Secretariat", ZH: "上合组织秘书处", RU: "Секретариат ШОС",
		LongEN: "Secretariat of the Shanghai Cooperation Organisation", LongZH: "上海合作组织秘书处", LongRU: "Секретариат Шанхайской организации сотрудничества",
		Aliases: []string{"Secretariat", "SCO", "Secretariat of the SCO", "Secretariat of the Shanghai Cooperation Organization", "秘书处", "上合秘书处", "Секретариат", "ШОС"}},

	{Code: "AF", Kind: KindPartner, EN: "Afghanistan", ZH: "阿富汗", RU: "Афганистан",
		LongEN: "Islamic Republic of Afghanistan", LongZH: "阿富汗伊斯兰共和国", LongRU: "Исламская Республика Афганистан",
		Aliases: []string{"AFG"}},
	{Code: "MN", Kind: KindPartner, EN: "Mongolia", ZH: "蒙古国", RU: "Монголия",
		LongEN: "Mongolia", LongZH: "蒙古国", LongRU: "Монголия",
		Aliases: []string{"MNG", "Монгол Улс", "蒙古"}},
	{Code: "AM", Kind: KindPartner, EN: "Armenia", ZH: "亚美尼亚", RU: "Армения",
		LongEN: "Republic of Armenia", LongZH: "亚美尼亚共和国", LongRU: "Республика Армения",
		Aliases: []string{"ARM"}},
	{Code: "AZ", Kind: KindPartner, EN: "Azerbaijan", ZH: "阿塞拜疆", RU: "Азербайджан",
		LongEN: "Republic of Azerbaijan", LongZH: "阿塞拜疆共和国", LongRU: "Азербайджанская Республика",
		Aliases: []string{"AZE", "Azerbaycan"}},
	{Code: "BH", Kind: KindPartner, EN: "Bahrain", ZH: "巴林", RU: "Бахрейн",
		LongEN: "Kingdom of Bahrain", LongZH: "巴林王国", LongRU: "Королевство Бахрейн",
		Aliases: []string{"BHR"}},
	{Code: "KH", Kind: KindPartner, EN: "Cambodia", ZH: "柬埔寨", RU: "Камбоджа",
		LongEN: "Kingdom of Cambodia", LongZH: "柬埔寨王国", LongRU: "Королевство Камбоджа",
		Aliases: []string{"KHM"}},
	{Code: "EG", Kind: KindPartner, EN: "Egypt", ZH: "埃及", RU: "Египет",
		LongEN: "Arab Republic of Egypt", LongZH: "阿拉伯埃及共和国", LongRU: "Арабская Республика Египет",
		Aliases: []string{"EGY"}},
	{Code: "KW", Kind: KindPartner, EN: "Kuwait", ZH: "科威特", RU: "Кувейт",
		LongEN: "State of Kuwait", LongZH: "科威特国", LongRU: "Государство Кувейт",
		Aliases: []string{"KWT"}},
	{Code: "LA", Kind: KindPartner, EN: "Laos", ZH: "老挝", RU: "Лаос",
		LongEN: "Lao People's Democratic Republic", LongZH: "老挝人民民主共和国", LongRU: "Лаосская Народно-Демократическая Республика",
		Aliases: []string{"LAO", "Lao PDR", "ЛНДР"}},
	{Code: "MV", Kind: KindPartner, EN: "Maldives", ZH: "马尔代夫", RU: "Мальдивы",
		LongEN: "Republic of Maldives", LongZH: "马尔代夫共和国", LongRU: "Мальдивская Республика",
		Aliases: []string{"MDV"}},
	{Code: "MM", Kind: KindPartner, EN: "Myanmar", ZH: "缅甸", RU: "Мьянма",
		LongEN: "Republic of the Union of Myanmar", LongZH: "缅甸联邦共和国", LongRU: "Республика Союз Мьянма",
		Aliases: []string{"MMR", "Burma", "Бирма"}},
	{Code: "NP", Kind: KindPartner, EN: "Nepal", ZH: "尼泊尔", RU: "Непал",
		LongEN: "Federal Democratic Republic of Nepal", LongZH: "尼泊尔联邦民主共和国", LongRU: "Федеративная Демократическая Республика Непал",
		Aliases: []string{"NPL"}},
	{Code: "QA", Kind: KindPartner, EN: "Qatar", ZH: "卡塔尔", RU: "Катар",
		LongEN: "State of Qatar", LongZH: "卡塔尔国", LongRU: "Государство Катар",
		Aliases: []string{"QAT"}},
	{Code: "SA", Kind: KindPartner, EN: "Saudi Arabia", ZH: "沙特阿拉伯", RU: "Саудовская Аравия",
		LongEN: "Kingdom of Saudi Arabia", LongZH: "沙特阿拉伯王国", LongRU: "Королевство Саудовская Аравия",
		Aliases: []string{"SAU", "KSA", "沙特"}},
	{Code: "LK", Kind: KindPartner, EN: "Sri Lanka", ZH: "斯里兰卡", RU: "Шри-Ланка",
		LongEN: "Democratic Socialist Republic of Sri Lanka", LongZH: "斯里兰卡民主社会主义共和国", LongRU: "Демократическая Социалистическая Республика Шри-Ланка",
		Aliases: []string{"LKA", "Ceylon"}},
	{Code: "TR", Kind: KindPartner, EN: "Türkiye", ZH: "土耳其", RU: "Турция",
		LongEN: "Republic of Türkiye", LongZH: "土耳其共和国", LongRU: "Турецкая Республика",
		Aliases: []string{"TUR", "Turkey", "Turkiye", "Türkei", "Республика Турция"}},
	{Code: "AE", Kind: KindPartner, EN: "United Arab Emirates", ZH: "阿联酋", RU: "ОАЭ",
		LongEN: "United Arab Emirates", LongZH: "阿拉伯联合酋长国", LongRU: "Объединённые Арабские Эмираты",
		Aliases: []string{"ARE", "UAE", "Emirates", "U.A.E."}},
}

// Delegations returns every delegation the table knows, in pick-list order.
func Delegations() []Delegation {
	out := make([]Delegation, len(delegations))
	copy(out[:], delegations[:])
	for i := range out {
		out[i].Aliases = append([]string(nil), out[i].Aliases...)
	}
	return out
}

// MemberStates returns the ten member states, in pick-list order.
func MemberStates() []Delegation {
	var out []Delegation
	for _, d := range Delegations() {
		if d.Kind == KindMember {
			out = append(out, d)
		}
	}
	return out
}

// delegationIndex maps every folded spelling to its delegation's position in
// the table; built once, read only.
var delegationIndex = func() map[string]int {
	m := map[string]int{}
	for i, d := range delegations {
		for _, s := range d.spellings() {
			m[foldDelegation(s)] = i
		}
	}
	return m
}()

// foldDelegation folds a spelling for comparison: Unicode NFKC (full-width
// letters become ASCII), lower case, ё as е, and spaces, punctuation and
// apostrophes removed, so "Kazakhstan", "KAZAKHSTAN", "kazakhstan " and
// "Ｋａｚａｋｈｓｔａｎ" are one spelling.
func foldDelegation(s string) string {
	s = norm.NFKC.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 'ё':
			b.WriteRune('е')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// byCode maps each code to its delegation's position; built once, read
// only.
var byCode = func() map[string]int {
	m := make(map[string]int, len(delegations))
	for i, d := range delegations {
		m[d.Code] = i
	}
	return m
}()

// DelegationByCode returns the delegation with that code (exactly, as
// stored: "KZ", "SCO").
func DelegationByCode(code string) (Delegation, bool) {
	if i, ok := byCode[code]; ok {
		return delegations[i], true
	}
	return Delegation{}, false
}

// LookupDelegation returns the delegation any of whose spellings (code,
// names in English, Chinese or Russian, long names, aliases) matches text,
// ignoring case, spaces and punctuation.
func LookupDelegation(text string) (Delegation, bool) {
	f := foldDelegation(text)
	if f == "" {
		return Delegation{}, false
	}
	i, ok := delegationIndex[f]
	if !ok {
		return Delegation{}, false
	}
	return delegations[i], true
}

// DelegationKey returns what a status is kept under for a declared
// delegation: the code of the delegation it names, or, for a free text that
// names none (written before delegations were data), the text itself,
// trimmed. An empty delegation gives "".
func DelegationKey(declared string) string {
	if _, ok := byCode[declared]; ok {
		return declared // what scoplan stores since delegations are data: no folding needed
	}
	if d, ok := LookupDelegation(declared); ok {
		return d.Code
	}
	return strings.TrimSpace(declared)
}

// DelegationLabel returns a delegation key's name in a language: the short
// name of a known code, or the free text itself.
func DelegationLabel(key, lang string) string {
	if d, ok := DelegationByCode(key); ok {
		return d.Name(lang)
	}
	return key
}

// ClosestDelegations returns up to n delegations whose spellings are
// nearest to text (edit distance over folded spellings, nearest first), for
// "did you mean" messages.
func ClosestDelegations(text string, n int) []Delegation {
	f := []rune(foldDelegation(text))
	best := make([]int, len(delegations))
	for i, d := range delegations {
		best[i] = -1
		for _, s := range d.spellings() {
			dist := editDistance(f, []rune(foldDelegation(s)))
			if best[i] < 0 || dist < best[i] {
				best[i] = dist
			}
		}
	}
	order := make([]int, len(delegations))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return best[order[a]] < best[order[b]] })
	if n > len(order) {
		n = len(order)
	}
	out := make([]Delegation, 0, n)
	for _, i := range order[:n] {
		out = append(out, delegations[i])
	}
	return out
}

// editDistance is the Levenshtein distance between two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// MatchDelegations returns the delegations any of whose spellings contains
// the folded query, in pick-list order: the filter of a pick list typed in
// any of the three languages. An empty query gives them all.
func MatchDelegations(query string) []Delegation {
	q := foldDelegation(query)
	var out []Delegation
	for _, d := range delegations {
		for _, s := range d.spellings() {
			if strings.Contains(foldDelegation(s), q) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}
