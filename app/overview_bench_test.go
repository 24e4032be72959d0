package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// BenchmarkOverviewFirstFrame measures the overview's first frame at
// 1280×800 with the 77 measures, as the window makes it when the overview
// is first shown: "layout" is the screen built from the session, set in
// the window and laid out; "paint" adds painting it with the test driver's
// software painter (Canvas.Capture: slower than the GL painter, but the
// same for both). "summary" is the overview as it was before the matrix
// (the bars and lists alone, in the whole window), "matrix" the overview
// of today, matrix and summary side by side; compare them in the same run.
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
		for _, paint := range []bool{false, true} {
			name := tc.name + "/layout"
			if paint {
				name = tc.name + "/paint"
			}
			b.Run(name, func(b *testing.B) {
				h := newHarness(b)
				w := test.NewTempWindow(b, nil)
				w.Resize(fyne.NewSize(1280, 800))
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					o := newOverviewScreen(h.ui.se, h.app, func(string) {})
					w.SetContent(tc.build(o))
					if paint {
						w.Canvas().Capture()
					}
				}
			})
		}
	}
}

// BenchmarkMatrixScroll measures one step of scrolling the matrix of the
// 77 measures at 1280×800 by a row (the table reuses its cells and
// redraws those that come into view): "layout" alone, and "paint" with
// the frame painted by the software painter after it.
func BenchmarkMatrixScroll(b *testing.B) {
	for _, paint := range []bool{false, true} {
		name := "layout"
		if paint {
			name = "paint"
		}
		b.Run(name, func(b *testing.B) {
			h := newHarness(b)
			w := test.NewTempWindow(b, nil)
			w.Resize(fyne.NewSize(1280, 800))
			o := newOverviewScreen(h.ui.se, h.app, func(string) {})
			w.SetContent(o.build())
			w.Canvas().Capture()
			m := o.matrix.matrix
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				y := float32(i%90) * 36 // down the 3,000-odd px of rows, row by row
				m.ScrollToOffset(fyne.NewPos(0, y))
				if paint {
					w.Canvas().Capture()
				}
			}
		})
	}
}
