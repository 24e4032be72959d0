package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// BenchmarkOverviewFirstFrame measures the overview's first frame at
// 1280×800 with the 77 measures: the screen built from the session and
// painted by the test driver's software painter (Canvas.Capture), as the
// window does when the overview is first shown. "summary" is the overview
// as it was before the matrix (the bars and lists alone, in the whole
// window), "matrix" the overview of today, matrix and summary side by side;
// compare the two in the same run.
func BenchmarkOverviewFirstFrame(b *testing.B) {
	for _, tc := range []struct {
		name  string
		build func(o *overviewScreen) fyne.CanvasObject
	}{
		{"summary", func(o *overviewScreen) fyne.CanvasObject {
			o.scroll = container.NewVScroll(widget.NewLabel(""))
			o.builtAt = o.se.changes
			o.refreshSummary()
			return o.scroll
		}},
		{"matrix", func(o *overviewScreen) fyne.CanvasObject { return o.build() }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			h := newHarness(b)
			w := test.NewTempWindow(b, nil)
			w.Resize(fyne.NewSize(1280, 800))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				o := newOverviewScreen(h.ui.se, h.app, func(string) {})
				w.SetContent(tc.build(o))
				w.Canvas().Capture()
			}
		})
	}
}
