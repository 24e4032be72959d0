package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func testChart() *ProgressChart {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	c := NewProgressChart([]time.Time{day(1), day(5), day(11), day(21)},
		ChartSeries{Label: "Done", Color: theme.ColorNameSuccess, Values: []float64{0, 1, 4, 6}},
		ChartSeries{Label: "In progress", Color: theme.ColorNamePrimary, Values: []float64{2, 5, 3, 3}},
		ChartSeries{Label: "Blocked", Color: theme.ColorNameError, Values: []float64{0, 0, 1, 0}},
	)
	c.Max = 10
	c.End = day(31)
	return c
}

func TestProgressChartRendersToMarkup(t *testing.T) {
	newTestApp(t)
	c := testChart()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(420, 200))
	test.AssertRendersToMarkup(t, "progresschart.xml", w.Canvas())

	empty := NewProgressChart(nil)
	empty.Empty = "No status set yet"
	w2 := test.NewTempWindow(t, empty)
	w2.Resize(fyne.NewSize(300, 160))
	test.AssertRendersToMarkup(t, "progresschart_empty.xml", w2.Canvas())
}

// TestProgressChartFollowsData checks where the lines are drawn: each
// value's step at its height on the scale, from its date to the next, the
// last one to End, and risers joining them.
func TestProgressChartFollowsData(t *testing.T) {
	newTestApp(t)
	c := testChart()
	c.Resize(fyne.NewSize(420, 200))
	r := test.TempWidgetRenderer(t, c).(*chartRenderer)
	r.Layout(c.Size())
	p, plot := r.plotArea(c.Size())
	span := float32(30) // days from the 1st to the 31st
	xAt := func(d int) float32 { return p.X + plot.Width*float32(d-1)/span }
	yAt := func(v float64) float32 { return p.Y + plot.Height - plot.Height*float32(v/10) }
	near := func(a, b float32) bool { return a-b < 0.01 && b-a < 0.01 }
	days := []int{1, 5, 11, 21}
	for si, s := range c.Series {
		lines := r.lines[si]
		// Steps of equal values in a row are one: count the changes.
		var want [][3]float32 // x from, x to, y
		for i, v := range s.Values {
			if i > 0 && v == s.Values[i-1] {
				want[len(want)-1][1] = xAt(31)
				if i+1 < len(days) {
					want[len(want)-1][1] = xAt(days[i+1])
				}
				continue
			}
			to := xAt(31)
			if i+1 < len(days) {
				to = xAt(days[i+1])
			}
			want = append(want, [3]float32{xAt(days[i]), to, yAt(v)})
		}
		if len(lines) != 2*len(want)-1 {
			t.Fatalf("%s: %d lines, want %d", s.Label, len(lines), 2*len(want)-1)
		}
		for i, w := range want {
			h := lines[2*i]
			if !near(h.Position1.X, w[0]) || !near(h.Position2.X, w[1]) || !near(h.Position1.Y, w[2]) || !near(h.Position2.Y, w[2]) {
				t.Errorf("%s step %d: %v–%v, want x %v–%v at y %v", s.Label, i, h.Position1, h.Position2, w[0], w[1], w[2])
			}
			if i+1 < len(want) {
				riser := lines[2*i+1]
				if !near(riser.Position1.X, w[1]) || !near(riser.Position2.X, w[1]) || !near(riser.Position1.Y, w[2]) || !near(riser.Position2.Y, want[i+1][2]) {
					t.Errorf("%s riser %d: %v–%v", s.Label, i, riser.Position1, riser.Position2)
				}
			}
		}
	}
	c.EndLabel = "the end"
	c.Refresh()
	if got := r.xLabels[1].Text; got != "the end" {
		t.Errorf("right end labelled %q", got)
	}
	// A thousand daily points on a 200-pixel plot are drawn as at most
	// one step per pixel column.
	var times []time.Time
	var vals []float64
	for i := 0; i < 1000; i++ {
		times = append(times, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i))
		vals = append(vals, float64(i%7))
	}
	c.SetData(times, ChartSeries{Label: "Done", Color: theme.ColorNameSuccess, Values: vals})
	c.Resize(fyne.NewSize(260, 200))
	r.Layout(c.Size())
	_, plot = r.plotArea(c.Size())
	if n := len(r.lines[0]); n > 2*int(plot.Width)+2 {
		t.Errorf("%d lines on a %v-pixel plot", n, plot.Width)
	}
}
