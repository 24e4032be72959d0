package app

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

// The bundled Chinese font: single-face subsets of Noto Sans CJK SC made by
// scripts/make-fonts.sh (GB2312, Latin, Greek, Cyrillic, punctuation and every
// character of the plan, its translations and the UI; licence in
// fonts/OFL.txt). Embedded bytes stay in the binary's read-only data and are
// only paged in when Fyne first parses a face.
var (
	//go:embed fonts/NotoSansCJKsc-Regular-subset.otf
	cjkRegular []byte
	//go:embed fonts/NotoSansCJKsc-Bold-subset.otf
	cjkBold []byte

	fontRegular = fyne.NewStaticResource("NotoSansCJKsc-Regular-subset.otf", cjkRegular)
	fontBold    = fyne.NewStaticResource("NotoSansCJKsc-Bold-subset.otf", cjkBold)
)

// Theme is a theme that draws text with the bundled Chinese font, so that
// Chinese renders on machines with no CJK font installed. Everything else
// (colours, sizes, icons, the symbol font) comes from the embedded theme.
type Theme struct {
	fyne.Theme
}

var _ fyne.Theme = (*Theme)(nil)

// NewTheme returns base with scoplan's fonts.
func NewTheme(base fyne.Theme) *Theme { return &Theme{Theme: base} }

// Font returns the bundled Noto Sans CJK SC face for the style. Bold (and
// bold italic) text gets the Bold face. There is no italic or monospaced CJK
// face: italic text is drawn upright and monospaced text proportionally
// rather than Chinese as boxes (Fyne falls back to its own italic and
// monospaced fonts only for characters the subset lacks). Symbols come from
// the base theme.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return fontBold
	default:
		return fontRegular
	}
}
