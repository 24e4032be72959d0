package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// baseTheme returns the theme the window is drawn with, before the user's
// light/dark choice is applied: Fyne's default theme with the bundled fonts
// (theme.go), so that Chinese renders with no CJK font installed.
var baseTheme = func() fyne.Theme { return NewTheme(theme.DefaultTheme()) }

// The appearances a user can choose in the settings.
const (
	appearanceSystem = "system"
	appearanceLight  = "light"
	appearanceDark   = "dark"
)

// variantTheme draws a theme always in one variant (light or dark),
// whatever the operating system prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

var _ fyne.Theme = (*variantTheme)(nil)

func (t *variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyAppearance sets the app's theme for an appearance name; unknown
// names follow the system.
func applyAppearance(a fyne.App, name string) {
	base := baseTheme()
	switch name {
	case appearanceLight:
		a.Settings().SetTheme(&variantTheme{Theme: base, variant: theme.VariantLight})
	case appearanceDark:
		a.Settings().SetTheme(&variantTheme{Theme: base, variant: theme.VariantDark})
	default:
		a.Settings().SetTheme(base)
	}
}
