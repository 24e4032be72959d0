package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scoplan/widgets/fonts"
)

// newTestApp returns a test app whose theme is Fyne's fixed test theme with
// the fonts scoplan bundles: goldens are rendered with the same fonts on
// every machine. (Fyne's test theme alone has no Chinese font: Chinese came
// from whatever fonts the machine has, and the goldens' widths with it.)
func newTestApp(t testing.TB) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(fonts.NewTheme(test.Theme()))
	return a
}
