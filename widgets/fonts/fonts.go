// Package fonts holds the fonts scoplan bundles, so that Chinese renders on
// machines with no CJK font installed, and the theme that draws text with
// them. It is a package of its own so that both the app and the widgets'
// tests (which render goldens with the same fonts on every machine) can use
// it.
package fonts

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

// The bundled Chinese font: single-face subsets of Noto Sans CJK SC made by
// scripts/make-fonts.sh (see README.md; licence in OFL.txt). Embedded bytes
// stay in the binary's read-only data and are only paged in when Fyne first
// parses a face.
var (
	//go:embed NotoSansCJKsc-Regular-subset.otf
	cjkRegular []byte
	//go:embed NotoSansCJKsc-Bold-subset.otf
	cjkBold []byte

	// Regular and Bold are the Regular and Bold faces of the subset.
	Regular fyne.Resource = fyne.NewStaticResource("NotoSansCJKsc-Regular-subset.otf", cjkRegular)
	Bold    fyne.Resource = fyne.NewStaticResource("NotoSansCJKsc-Bold-subset.otf", cjkBold)
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
		return Bold
	default:
		return Regular
	}
}
