package fonts

import (
	"bytes"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

func parse(t *testing.T, r fyne.Resource) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("%s: %v", r.Name(), err)
	}
	return f
}

// The CJK faces leave out every character that Fyne's own faces drawn after
// them all have (NotoSans of the weight, upright and italic, and DejaVu Sans
// Mono: Fyne tries the theme's face first, then its own face of the style),
// so that Latin, Cyrillic, spaces and Latin punctuation come from Latin
// faces (scripts/make-fonts.sh); and they keep the Chinese, and the spaces
// (go-text gives a space the face of the text before it, so a space after
// Chinese is drawn with the CJK face).
func TestCJKFacesLeaveLatinToFyne(t *testing.T) {
	for _, c := range []struct {
		cjk   fyne.Resource
		fyneF []fyne.Resource
	}{
		{Regular, []fyne.Resource{theme.DefaultTextFont(), theme.DefaultTextItalicFont(), theme.DefaultTextMonospaceFont()}},
		{Bold, []fyne.Resource{theme.DefaultTextBoldFont(), theme.DefaultTextBoldItalicFont(), theme.DefaultTextMonospaceFont()}},
	} {
		var faces []*font.Face
		for _, r := range c.fyneF {
			faces = append(faces, parse(t, r))
		}
		cjk := parse(t, c.cjk)
		var both []rune
		han, spaces := 0, 0
		for it := cjk.Cmap.Iter(); it.Next(); {
			r, _ := it.Char()
			if unicode.Is(unicode.Han, r) {
				han++
			}
			if unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp, unicode.Cc, unicode.Cf) {
				// Spaces and invisible characters take the face of the
				// text around them: the CJK face needs them after Chinese.
				if r == ' ' || r == '\u3000' {
					spaces++
				}
				continue
			}
			inAll := true
			for _, f := range faces {
				if _, ok := f.NominalGlyph(r); !ok {
					inAll = false
				}
			}
			if inAll {
				both = append(both, r)
			}
		}
		if len(both) > 0 {
			t.Errorf("%s has %d characters Fyne's faces draw: %q (run scripts/make-fonts.sh)", c.cjk.Name(), len(both), string(both))
		}
		if spaces != 2 {
			t.Errorf("%s lacks the space or the ideographic space", c.cjk.Name())
		}
		if han < 6763 {
			t.Errorf("%s has %d hanzi, want GB2312's 6763 at least", c.cjk.Name(), han)
		}
		for _, r := range "，。、《》（）：；！？" {
			if _, ok := cjk.NominalGlyph(r); !ok {
				t.Errorf("%s lacks %q", c.cjk.Name(), r)
			}
		}
	}
}

// A space drawn with the CJK face (at the start of a text, or after
// Chinese) is as wide as the Latin face's (scripts/make-fonts.sh), so word
// spaces do not change width with the face that draws them.
func TestCJKSpacesAreLatinWide(t *testing.T) {
	for _, c := range []struct{ cjk, latin fyne.Resource }{
		{Regular, theme.DefaultTextFont()}, {Bold, theme.DefaultTextBoldFont()},
	} {
		cjk, latin := parse(t, c.cjk), parse(t, c.latin)
		for _, r := range []rune{' ', '\u00a0'} {
			g1, ok1 := cjk.NominalGlyph(r)
			g2, ok2 := latin.NominalGlyph(r)
			if !ok1 || !ok2 {
				t.Fatalf("%U: in %s %v, in %s %v", r, c.cjk.Name(), ok1, c.latin.Name(), ok2)
			}
			a1 := cjk.HorizontalAdvance(g1) / float32(cjk.Upem())
			a2 := latin.HorizontalAdvance(g2) / float32(latin.Upem())
			if a1 != a2 {
				t.Errorf("%U: %.3f em in %s, %.3f em in %s", r, a1, c.cjk.Name(), a2, c.latin.Name())
			}
		}
	}
}
