package app

import (
	"bytes"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"golang.org/x/text/encoding/simplifiedchinese"

	"scoplan/data"
	"scoplan/widgets/fonts"
)

func parseFace(t *testing.T, r fyne.Resource) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("%s: %v", r.Name(), err)
	}
	return f
}

// gb2312 returns the 7445 characters of GB2312 (rows 0xA1–0xF7, columns
// 0xA1–0xFE), decoded through GBK. GBK fills some cells GB2312 leaves
// empty: small Roman numerals (A2A1–A2AA), the euro sign (A2E3), vertical
// punctuation (A6E0–A6F5) and pinyin letters (A8BB–A8C0); those are skipped.
func gb2312(t *testing.T) []rune {
	t.Helper()
	dec := simplifiedchinese.GBK.NewDecoder()
	var out []rune
	for hi := 0xA1; hi <= 0xF7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			if hi == 0xA2 && (lo <= 0xAA || lo == 0xE3) || hi == 0xA6 && lo >= 0xE0 || hi == 0xA8 && lo >= 0xBB && lo <= 0xC0 {
				continue
			}
			s, err := dec.String(string([]byte{byte(hi), byte(lo)}))
			if err != nil || s == "" || s == "\uFFFD" {
				continue
			}
			r := []rune(s)
			if len(r) != 1 || r[0] >= 0xE000 && r[0] <= 0xF8FF { // GBK fills unassigned codes with private-use
				continue
			}
			out = append(out, r[0])
		}
	}
	return out
}

// shownTexts returns every text scoplan shows that must render: the plan,
// the plan's translations, the UI translations and Fyne's own Chinese and
// Russian strings (its dialogs), by the file they come from.
func shownTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{"the plan": data.SourceText()}
	var files []string
	for _, pattern := range []string{"../data/translations/*.json", "translations/*.json"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("locating Fyne's sources: %v", err)
	}
	for _, l := range []string{"en", "ru", "zh_Hans"} {
		files = append(files, filepath.Join(strings.TrimSpace(string(out)), "lang", "translations", "base."+l+".json"))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(b)
	}
	return texts
}

// Every character shown has a glyph in the fonts scoplan bundles: the CJK
// subset, or the Fyne font of the same weight that Fyne tries next (it has
// the Latin and Cyrillic letters Noto Sans CJK lacks, such as Kazakh ә or
// Turkish ğ; it has no Chinese at all).
func TestBundledFontsCoverEverythingShown(t *testing.T) {
	faces := []struct {
		name       string
		cjk, fyneF *font.Face
	}{
		{"regular", parseFace(t, fonts.Regular), parseFace(t, theme.DefaultTextFont())},
		{"bold", parseFace(t, fonts.Bold), parseFace(t, theme.DefaultTextBoldFont())},
	}
	texts := shownTexts(t)
	gb := gb2312(t)
	if len(gb) != 7445 {
		t.Fatalf("GB2312 has %d characters here, want 7445", len(gb))
	}
	texts["GB2312"] = string(gb)
	texts["Latin, Cyrillic and CJK punctuation"] = "AZaz09éüçñßøłğşıʻ АЯаяЁёҚқҒғӘәӨөҰұҮүҺһІіЎўҲҳҶҷ。，、；：？！“”‘’（）《》【】—…·№"
	for _, f := range faces {
		for src, text := range texts {
			missing := map[rune]bool{}
			for _, r := range text {
				if unicode.IsControl(r) || r == '\uFEFF' {
					continue
				}
				_, inCJK := f.cjk.NominalGlyph(r)
				_, inFyne := f.fyneF.NominalGlyph(r)
				if !inCJK && !inFyne {
					missing[r] = true
				}
				if unicode.Is(unicode.Han, r) && !inCJK {
					missing[r] = true
				}
			}
			if len(missing) > 0 {
				var list []string
				for r := range missing {
					list = append(list, string(r))
				}
				t.Errorf("%s: no glyph for %d characters of %s: %s (run scripts/make-fonts.sh)",
					f.name, len(missing), src, strings.Join(list, " "))
			}
		}
	}
	if len(texts) < 5 {
		t.Errorf("only %d texts checked", len(texts))
	}
}

func TestBundledFontsAreSingleFacesOfTheRightWeight(t *testing.T) {
	for _, c := range []struct {
		res    fyne.Resource
		weight font.Weight
	}{{fonts.Regular, font.WeightNormal}, {fonts.Bold, font.WeightBold}} {
		if bytes.HasPrefix(c.res.Content(), []byte("ttcf")) {
			t.Fatalf("%s is a collection; Fyne panics on those", c.res.Name())
		}
		d := parseFace(t, c.res).Describe()
		if d.Family != "Noto Sans CJK SC" || d.Aspect.Weight != c.weight || d.Aspect.Style != font.StyleNormal {
			t.Errorf("%s: family %q weight %v style %v", c.res.Name(), d.Family, d.Aspect.Weight, d.Aspect.Style)
		}
	}
}

func TestThemeOverridesOnlyTheFont(t *testing.T) {
	base := theme.DefaultTheme()
	th := NewTheme(base)
	cases := []struct {
		style fyne.TextStyle
		want  fyne.Resource
	}{
		{fyne.TextStyle{}, fonts.Regular},
		{fyne.TextStyle{Bold: true}, fonts.Bold},
		{fyne.TextStyle{Bold: true, Italic: true}, fonts.Bold},
		{fyne.TextStyle{Italic: true}, fonts.Regular},
		{fyne.TextStyle{Monospace: true}, fonts.Regular},
		{fyne.TextStyle{Symbol: true}, base.Font(fyne.TextStyle{Symbol: true})},
	}
	for _, c := range cases {
		if got := th.Font(c.style); got != c.want {
			t.Errorf("Font(%+v) = %s, want %s", c.style, got.Name(), c.want.Name())
		}
	}
	if th.Size(theme.SizeNameText) != base.Size(theme.SizeNameText) ||
		th.Color(theme.ColorNameForeground, theme.VariantDark) != base.Color(theme.ColorNameForeground, theme.VariantDark) ||
		th.Icon(theme.IconNameHome) != base.Icon(theme.IconNameHome) {
		t.Error("the theme changes more than the font")
	}
}

// ink counts the pixels of an image that differ clearly from its top-left
// pixel, the background.
func ink(img image.Image) int {
	n := 0
	b := img.Bounds()
	br, bg, bb, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if diff(r, br)+diff(g, bg)+diff(bl, bb) > 3*0x4000 {
				n++
			}
		}
	}
	return n
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func render(t *testing.T, text string, style fyne.TextStyle) image.Image {
	t.Helper()
	txt := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	txt.TextStyle = style
	txt.TextSize = 24
	w := test.NewTempWindow(t, txt)
	w.Resize(fyne.NewSize(300, 60))
	return w.Canvas().Capture()
}

// Bold text is drawn with the Bold face: the same words take clearly more ink.
func TestBoldRendersBold(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(theme.DefaultTheme()))
	for _, text := range []string{"粮食安全", "Food security", "Продовольствие"} {
		regular := ink(render(t, text, fyne.TextStyle{}))
		bold := ink(render(t, text, fyne.TextStyle{Bold: true}))
		t.Logf("%s: ink regular %d, bold %d", text, regular, bold)
		if regular == 0 || float64(bold) < 1.2*float64(regular) {
			t.Errorf("%s: bold uses %d dark pixels, regular %d; bold is not bold", text, bold, regular)
		}
	}
}

// The bundled faces carry only the layout Fyne applies: horizontal
// features and each script's default language system (make-fonts.sh).
func TestBundledFontsHaveOnlyTheLayoutFyneUses(t *testing.T) {
	for name, b := range map[string][]byte{"Regular": fonts.Regular.Content(), "Bold": fonts.Bold.Content()} {
		ld, err := ot.NewLoader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"GSUB", "GPOS"} {
			raw, err := ld.RawTable(ot.MustNewTag(table))
			if err != nil {
				t.Fatalf("%s: no %s: %v", name, table, err)
			}
			layout, _, err := tables.ParseLayout(raw)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range layout.ScriptList.Scripts {
				if len(s.LangSysRecords) > 0 {
					t.Errorf("%s %s: script %s keeps %d language systems", name, table, layout.ScriptList.Records[i].Tag, len(s.LangSysRecords))
				}
			}
			for _, f := range layout.FeatureList.Records {
				switch f.Tag.String() {
				case "ccmp", "liga", "locl", "kern", "mark":
				default:
					t.Errorf("%s %s: feature %s is never applied by Fyne", name, table, f.Tag)
				}
			}
		}
	}
}
