package app

import (
	"fyne.io/fyne/v2"

	"scoplan/widgets/fonts"
)

// Theme is a theme that draws text with the bundled Chinese font
// (widgets/fonts), so that Chinese renders on machines with no CJK font
// installed. Everything else comes from the embedded theme.
type Theme = fonts.Theme

// NewTheme returns base with scoplan's fonts.
func NewTheme(base fyne.Theme) *Theme { return fonts.NewTheme(base) }
