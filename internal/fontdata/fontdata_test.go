package fontdata

import (
	"os"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// The TrueType faces are made from widgets/fonts' CFF subsets: when those
// are made again (scripts/make-fonts.sh), these must be too. The test
// fails when the two have different characters, or when the faces are not
// TrueType (which gopdf needs).
func TestFacesMatchTheBundledSubsets(t *testing.T) {
	for _, tc := range []struct {
		otf string
		ttf []byte
	}{
		{"NotoSansCJKsc-Regular-subset.otf", CJKRegular},
		{"NotoSansCJKsc-Bold-subset.otf", CJKBold},
	} {
		src, err := os.ReadFile("../../widgets/fonts/" + tc.otf)
		if err != nil {
			t.Fatal(err)
		}
		if string(src[:4]) != "OTTO" || string(tc.ttf[:4]) != "\x00\x01\x00\x00" {
			t.Fatalf("%s: want a CFF source and a TrueType copy, have %q and %q", tc.otf, src[:4], tc.ttf[:4])
		}
		o, err := sfnt.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		c, err := sfnt.Parse(tc.ttf)
		if err != nil {
			t.Fatal(err)
		}
		if o.NumGlyphs() != c.NumGlyphs() {
			t.Errorf("%s has %d glyphs, its TrueType copy %d: run scripts/make-pdf-fonts.sh", tc.otf, o.NumGlyphs(), c.NumGlyphs())
		}
		var b sfnt.Buffer
		n := 0
		for r := rune(0x20); r < 0x10000; r++ {
			go1, _ := o.GlyphIndex(&b, r)
			gt, _ := c.GlyphIndex(&b, r)
			if go1 != gt {
				t.Fatalf("%s maps %q to glyph %d, its TrueType copy to %d: run scripts/make-pdf-fonts.sh", tc.otf, r, go1, gt)
			}
			if go1 != 0 {
				n++
			}
		}
		if n < 7000 {
			t.Errorf("%s has only %d characters", tc.otf, n)
		}
	}
	for name, f := range map[string][]byte{"LatinRegular": LatinRegular, "LatinBold": LatinBold} {
		l, err := sfnt.Parse(f)
		if err != nil {
			t.Fatal(err)
		}
		var b sfnt.Buffer
		for _, r := range "AzЖжЯё€—“”…" {
			if g, _ := l.GlyphIndex(&b, r); g == 0 {
				t.Errorf("%s lacks %q", name, r)
			}
		}
	}
}
