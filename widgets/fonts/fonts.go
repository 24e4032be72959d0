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

// Font returns the bundled Noto Sans CJK SC face for the style; bold (and
// bold italic) text gets the Bold face, symbols come from the base theme.
//
// Fyne draws each character with the first face that has it: the theme's,
// then its own face of the style (NotoSans of the weight, its italic, or
// DejaVu Sans Mono), then the system's. A theme cannot add a face to that
// list, so the order is made by what the CJK faces hold: they leave out
// every character Fyne's faces have (scripts/make-fonts.sh). Chinese comes
// from the CJK face, while Latin and Cyrillic text and its punctuation
// (“ ” ‘ ’ — …) come from Fyne's Latin faces, with Latin widths rather than
// the CJK design's full-width quotes; italic and monospaced Latin text is
// italic and monospaced. In Chinese text those shared punctuation marks are
// Latin-shaped too, as with Windows' Chinese UI font. The CJK faces keep
// the spaces, as wide as the Latin ones: Fyne's shaping draws a space with
// the face of the text before it, or with the CJK face at the start of a
// text.
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
