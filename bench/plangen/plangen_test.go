package plangen

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"scoplan/data"
)

func TestGeneratePlanParsesWithItsShape(t *testing.T) {
	g, err := Generate(4, 3, 25, 7)
	if err != nil {
		t.Fatal(err)
	}
	p := g.Plan
	if len(p.Chapters) != 4 || len(p.Sections()) != 12 || len(p.Measures) != 300 {
		t.Fatalf("shape %d chapters, %d sections, %d measures", len(p.Chapters), len(p.Sections()), len(p.Measures))
	}
	if p.Measure("4.3.25") == nil || p.Measure("4.3.26") != nil {
		t.Errorf("IDs do not run to 4.3.25")
	}
	real := data.Load()
	realRunes, genRunes := 0, 0
	for _, m := range real.Measures {
		realRunes += utf8.RuneCountInString(m.Text)
	}
	for _, m := range p.Measures {
		genRunes += utf8.RuneCountInString(m.Text)
		if !strings.HasSuffix(m.Text, "。") || len(m.Bodies) == 0 || m.Deadline.Kind == "" {
			t.Errorf("%s: %q, bodies %v, deadline %+v", m.ID, m.Text, m.Bodies, m.Deadline)
		}
	}
	// Texts as long as the real ones on average (within a third).
	realAvg, genAvg := realRunes/len(real.Measures), genRunes/len(p.Measures)
	if genAvg < realAvg*2/3 || genAvg > realAvg*4/3 {
		t.Errorf("average text length %d runes, the real plan's is %d", genAvg, realAvg)
	}
	again, _ := Generate(4, 3, 25, 7)
	if again.Source != g.Source {
		t.Errorf("the same seed gives another plan")
	}
	if other, _ := Generate(4, 3, 25, 8); other.Source == g.Source {
		t.Errorf("another seed gives the same plan")
	}
	if _, err := Generate(20, 1, 1, 1); err == nil {
		t.Errorf("20 chapters accepted")
	}
}

func TestTranslateAndNotes(t *testing.T) {
	p := data.Load()
	tr := Translate(p, 1)
	if len(tr) != len(p.Measures) {
		t.Fatalf("%d translations", len(tr))
	}
	for _, m := range p.Measures {
		x := tr[m]
		n := utf8.RuneCountInString(m.Text)
		if en := utf8.RuneCountInString(x.English); en < n*3 || en > n*4+40 {
			t.Errorf("%s: English %d runes for %d", m.ID, en, n)
		}
		if !strings.ContainsAny(x.Russian, "абвгдежзийклмнопрстуфхцчшщыьэюя") {
			t.Errorf("%s: Russian %q", m.ID, x.Russian)
		}
	}
	states := Notes(p, 1000, 1)
	total := 0
	langs := map[string]int{}
	for _, st := range states {
		total += len(st.Notes)
		for _, n := range st.Notes {
			switch {
			case strings.ContainsAny(n.Text, "abcdefghijklmnopqrstuvwxyz"):
				langs["en"]++
			case strings.ContainsAny(n.Text, "абвгдежзийклмнопрстуфхцчшщыьэюя"):
				langs["ru"]++
			default:
				langs["zh"]++
			}
		}
	}
	if total != 1000 || len(states) != 77 {
		t.Errorf("%d notes on %d measures", total, len(states))
	}
	for _, l := range []string{"en", "ru", "zh"} {
		if langs[l] < 300 {
			t.Errorf("languages %v", langs)
		}
	}
	if !reflect.DeepEqual(Notes(p, 50, 9), Notes(p, 50, 9)) {
		t.Errorf("notes are not deterministic")
	}
}
