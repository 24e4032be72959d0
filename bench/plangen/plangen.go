// Package plangen generates plans and notes for benchmarks: plans in the
// source format data.Parse reads, built from the real plan's own clauses,
// deadlines, bodies and section titles, with English and Russian "translations"
// of each measure and notes in the three languages. Everything is
// deterministic for a given seed.
package plangen

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
	"unicode/utf8"

	"scoplan/data"
)

// vocab is what generated text is made of, taken from the real plan.
type vocab struct {
	clauses   []string // the real measures' text split at punctuation
	lengths   []int    // the real measures' text lengths in runes
	deadlines []string
	bodyLines []string
	sections  []string
	chapters  []string
}

func realVocab() *vocab {
	p := data.Load()
	v := &vocab{}
	seenSec := map[string]bool{}
	for _, m := range p.Measures {
		v.lengths = append(v.lengths, utf8.RuneCountInString(m.Text))
		for _, c := range strings.FieldsFunc(m.Text, func(r rune) bool { return strings.ContainsRune("，、。；：", r) }) {
			if c = strings.TrimSpace(c); c != "" {
				v.clauses = append(v.clauses, c)
			}
		}
		v.deadlines = append(v.deadlines, m.Deadline.Text)
		v.bodyLines = append(v.bodyLines, strings.Join(m.RawBodies, "、"))
		if !seenSec[m.Section.Title] {
			seenSec[m.Section.Title] = true
			v.sections = append(v.sections, m.Section.Title)
		}
	}
	for _, c := range p.Chapters {
		v.chapters = append(v.chapters, c.Title)
	}
	return v
}

var chineseNumerals = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九"}

// Plan is a generated plan.
type Plan struct {
	Source string     // the source text, in the bundled plan's format
	Plan   *data.Plan // Source parsed
}

// Generate returns a plan of chapters×sections×measures measures (chapters
// at most 19). Measure texts have the real plan's distribution of lengths
// and are made of its clauses.
func Generate(chapters, sections, measures int, seed int64) (*Plan, error) {
	if chapters < 1 || chapters >= len(chineseNumerals) || sections < 1 || measures < 1 {
		return nil, fmt.Errorf("plangen: bad shape %d×%d×%d", chapters, sections, measures)
	}
	v := realVocab()
	rng := rand.New(rand.NewSource(seed))
	var b strings.Builder
	b.WriteString("上海合作组织成员国元首理事会\n生成的基准测试计划\n")
	for c := 1; c <= chapters; c++ {
		fmt.Fprintf(&b, "\n%s、%s\n", chineseNumerals[c], v.chapters[(c-1)%len(v.chapters)])
		for s := 1; s <= sections; s++ {
			fmt.Fprintf(&b, "\n（%d）%s\n", s, v.sections[rng.Intn(len(v.sections))])
			for m := 1; m <= measures; m++ {
				fmt.Fprintf(&b, "%d、%s\n%s\n%s\n\n", m, chineseText(rng, v), v.deadlines[rng.Intn(len(v.deadlines))], v.bodyLines[rng.Intn(len(v.bodyLines))])
			}
		}
	}
	src := b.String()
	p, err := data.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("plangen: the generated plan does not parse: %w", err)
	}
	return &Plan{Source: src, Plan: p}, nil
}

// Translation is a measure's text in the other two languages.
type Translation struct{ English, Russian string }

// Translate makes up an English and a Russian text for every measure of p,
// about 3.5 (English) and 4 (Russian) characters per Chinese character, as
// UN translations run, made of the plan's subject words.
func Translate(p *data.Plan, seed int64) map[*data.Measure]Translation {
	rng := rand.New(rand.NewSource(seed))
	out := make(map[*data.Measure]Translation, len(p.Measures))
	for _, m := range p.Measures {
		n := utf8.RuneCountInString(m.Text)
		out[m] = Translation{sentence(rng, englishWords, n*7/2), sentence(rng, russianWords, n*4)}
	}
	return out
}

// chineseText strings real clauses together, cut at a real measure's length.
func chineseText(rng *rand.Rand, v *vocab) string {
	want := v.lengths[rng.Intn(len(v.lengths))]
	var b strings.Builder
	n := 0
	for n < want {
		if n > 0 {
			b.WriteString("，")
			n++
		}
		c := v.clauses[rng.Intn(len(v.clauses))]
		b.WriteString(c)
		n += utf8.RuneCountInString(c)
	}
	r := []rune(b.String())
	if len(r) > want {
		r = r[:want]
	}
	return strings.TrimSuffix(string(r), "，") + "。"
}

// sentence strings words together up to about n characters.
func sentence(rng *rand.Rand, words []string, n int) string {
	var b strings.Builder
	for b.Len() == 0 || utf8.RuneCountInString(b.String()) < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		w := words[rng.Intn(len(words))]
		if b.Len() == 0 {
			r, size := utf8.DecodeRuneInString(w)
			w = strings.ToUpper(string(r)) + w[size:]
		}
		b.WriteString(w)
		if rng.Intn(9) == 0 {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
	return b.String()
}

// Notes returns n notes spread at random over the plan's measures, a third
// in each language, 10 to 200 characters long, with states that carry
// random statuses (a few in conflict) for the filters.
func Notes(p *data.Plan, n int, seed int64) map[string]*data.MeasureState {
	v := realVocab()
	rng := rand.New(rand.NewSource(seed))
	states := map[string]*data.MeasureState{}
	for _, m := range p.Measures {
		st := &data.MeasureState{DelegationStatus: data.DelegationStatus{Status: data.Statuses[rng.Intn(len(data.Statuses))]}}
		st.Conflict = rng.Intn(50) == 0
		states[m.ID] = st
	}
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		m := p.Measures[rng.Intn(len(p.Measures))]
		length := 10 + rng.Intn(191)
		var text string
		switch i % 3 {
		case 0:
			var b strings.Builder
			for utf8.RuneCountInString(b.String()) < length/3 {
				if b.Len() > 0 {
					b.WriteString("，")
				}
				b.WriteString(v.clauses[rng.Intn(len(v.clauses))])
			}
			text = b.String() + "。"
		case 1:
			text = sentence(rng, englishWords, length)
		default:
			text = sentence(rng, russianWords, length)
		}
		st := states[m.ID]
		st.Notes = append(st.Notes, &data.Note{
			ID: fmt.Sprintf("%032x", i), Measure: m.ID, Author: fmt.Sprintf("%016x", rng.Intn(12)),
			Name: authors[rng.Intn(len(authors))], Created: t0.Add(time.Duration(i) * time.Minute), Text: text,
		})
	}
	return states
}

var authors = []string{"Aigerim", "Wang Fang", "Ivan Petrov", "Rustam", "Priya", "Ali Reza", "Bakyt", "Li Wei"}

var englishWords = strings.Fields(`trade facilitation customs cooperation working group member states
secretariat digital economy e-commerce investment transport logistics corridor infrastructure
agriculture food security energy renewable green finance banking settlement national currencies
interbank consortium business council exchange information experience best practices development
strategy action plan implementation monitoring annual meeting forum exhibition conference seminar
training capacity building science technology innovation industrial parks clusters small medium
enterprises standards certification sanitary phytosanitary measures tariff non-tariff barriers
services goods transit border crossing points railway road international carriage facilitation
joint committee statistics data analysis study proposals recommendations as agreed regular
sustainable growth poverty reduction employment tourism culture health pharmaceutical medical
environment climate change water resources mining geology space satellite navigation artificial
intelligence telecommunications network security cross-border payments insurance capital markets
stock exchanges credit rating development bank fund project financing public private partnership
relevant ministries agencies authorities the of and in on for with between among to by within
framework mechanism platform initiative programme roadmap database register portal electronic
single window paperless smart customs risk management authorised economic operators mutual
recognition harmonisation simplification procedures regulations legal basis agreements memoranda`)

var russianWords = strings.Fields(`сотрудничество торговля упрощение процедур таможенное рабочая группа
государства-члены секретариат цифровая экономика электронная коммерция инвестиции транспорт логистика
коридор инфраструктура сельское хозяйство продовольственная безопасность энергетика возобновляемая
зелёное финансирование банковское расчёты национальные валюты межбанковское объединение деловой совет
обмен информацией опытом лучшие практики развитие стратегия план действий реализация мониторинг
ежегодное совещание форум выставка конференция семинар подготовка кадров наука технологии инновации
промышленные парки кластеры малые средние предприятия стандарты сертификация санитарные
фитосанитарные меры тарифные нетарифные барьеры услуги товары транзит пункты пропуска железная
дорога автомобильные международные перевозки совместная комиссия статистика анализ данных
исследование предложения рекомендации по согласованию регулярно устойчивый рост сокращение бедности
занятость туризм культура здравоохранение фармацевтика окружающая среда изменение климата водные
ресурсы горнодобывающая геология космос спутниковая навигация искусственный интеллект связь
сети безопасность трансграничные платежи страхование рынки капитала биржи кредитный рейтинг
банк развития фонд проектное партнёрство соответствующие министерства ведомства органы в и на
для с между среди к по в рамках механизм платформа инициатива программа дорожная карта база
реестр портал электронный единое окно безбумажный умная таможня управление рисками уполномоченные
экономические операторы взаимное признание гармонизация упрощение правила правовая основа соглашения`)
