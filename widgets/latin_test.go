package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"scoplan/widgets/fonts"
)

// Latin and Cyrillic text, its spaces and its punctuation (“ ” ‘ ’ — …)
// come from Fyne's Latin faces, not from the bundled CJK font, whose
// full-width quotes and narrow spaces made English look wrong ("buildinga
// database", “ quotes a whole character wide). So they measure exactly as
// with Fyne's own fonts; Chinese keeps the CJK font's full-width
// characters.
func TestLatinTextComesFromTheLatinFace(t *testing.T) {
	a := newTestApp(t)
	const size = 14
	latin := []string{
		"building a database",
		" a ", // a piece of a highlighted label, between two highlights
		"Cooperate on “smart customs” and ‘single windows’ — now…",
		"Продовольственная безопасность № 5",
		"Before 2026 · 327 days late",
	}
	styles := []fyne.TextStyle{{}, {Bold: true}}
	measure := func() map[string]float32 {
		m := map[string]float32{}
		for _, s := range latin {
			for _, st := range styles {
				m[s+styleName(st)] = fyne.MeasureText(s, size, st).Width
			}
		}
		return m
	}
	ours := measure()
	a.Settings().SetTheme(test.Theme()) // Fyne's fonts only
	fyneWidths := measure()
	a.Settings().SetTheme(fonts.NewTheme(test.Theme()))
	for k, w := range ours {
		if w != fyneWidths[k] {
			t.Errorf("%q: %v wide with the bundled fonts, %v with Fyne's Latin face", k, w, fyneWidths[k])
		}
	}
	for _, c := range []struct {
		text string
		em   float32
	}{{"海关", 2}, {"合作，加强。", 6}, {"《上合组织》", 6}} {
		for _, st := range styles {
			if w := fyne.MeasureText(c.text, size, st).Width; w != c.em*size {
				t.Errorf("%q (%+v): %v wide, want %v (full-width CJK characters)", c.text, st, w, c.em*size)
			}
		}
	}
}

func styleName(st fyne.TextStyle) string {
	if st.Bold {
		return " (bold)"
	}
	return ""
}

// A highlighted word in English text keeps its spaces and its quotes are
// Latin ones: the golden holds each piece's width as the Latin faces give
// it.
func TestHighlightLabelLatin(t *testing.T) {
	newTestApp(t)
	text := "Continue work on building a database of “smart customs” projects"
	l := NewHighlightLabel(text, []Span{{17, 25}, {28, 36}, {41, 46}})
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(480, 40))
	test.AssertRendersToMarkup(t, "highlight_latin.xml", w.Canvas())
	plain, marked, ell := texts(l)
	if fmt.Sprint(marked) != "[building database smart]" || ell {
		t.Errorf("marked %v, plain %v, ellipsis %v", marked, plain, ell)
	}
	// Every piece starts where the one before ends: no space is lost
	// between them, none is added.
	objs := test.WidgetRenderer(l).Objects()
	for i := 1; i < len(objs); i++ {
		prev, cur := objs[i-1].(*canvas.Text), objs[i].(*canvas.Text)
		if !cur.Visible() {
			continue
		}
		if end := prev.Position().X + prev.Size().Width; cur.Position().X != end {
			t.Errorf("%q starts at %v, %q ends at %v", cur.Text, cur.Position().X, prev.Text, end)
		}
	}
}
