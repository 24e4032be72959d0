package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestChip(t *testing.T) {
	newTestApp(t)
	for name, imp := range map[string]widget.Importance{
		"medium": widget.MediumImportance, "high": widget.HighImportance, "success": widget.SuccessImportance,
		"danger": widget.DangerImportance, "warning": widget.WarningImportance, "low": widget.LowImportance,
	} {
		t.Run(name, func(t *testing.T) {
			c := NewChip("Done", imp)
			w := test.NewTempWindow(t, c)
			w.Resize(c.MinSize().Add(fyne.NewSquareSize(2 * theme.Padding())))
			test.AssertRendersToMarkup(t, "chip_"+name+".xml", w.Canvas())
		})
	}
	c := NewChip("In progress", widget.HighImportance)
	narrow := c.MinSize().Width
	c.MinWidth = narrow + 40
	if c.MinSize().Width != narrow+40 {
		t.Errorf("MinWidth ignored: %v", c.MinSize())
	}
	c.Set("Done", widget.SuccessImportance)
	r := test.TempWidgetRenderer(t, c).(*chipRenderer)
	want := c.Theme().Color(theme.ColorNameSuccess, fyne.CurrentApp().Settings().ThemeVariant())
	if r.text.Text != "Done" || r.bg.FillColor != want {
		t.Errorf("after Set: %q, %v", r.text.Text, r.bg.FillColor)
	}
}

func TestMeter(t *testing.T) {
	newTestApp(t)
	for _, tc := range []struct {
		value float64
		want  float32 // filled width of a 100-wide meter
	}{{0, 0}, {0.25, 25}, {1, 100}, {1.7, 100}, {-3, 0}} {
		m := NewMeter(tc.value)
		m.Resize(fyne.NewSize(100, 10))
		r := test.TempWidgetRenderer(t, m).(*meterRenderer)
		r.Layout(m.Size())
		got := r.fill.Size().Width
		if r.fill.Hidden {
			got = 0
		}
		if got != tc.want {
			t.Errorf("value %v: filled %v, want %v", tc.value, got, tc.want)
		}
	}
}

func TestStackedBar(t *testing.T) {
	newTestApp(t)
	b := NewStackedBar(BarPart{3, theme.ColorNameSuccess}, BarPart{0, theme.ColorNamePrimary}, BarPart{1, theme.ColorNameError})
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(208, 40))
	test.AssertRendersToMarkup(t, "stackedbar.xml", w.Canvas())
	r := test.TempWidgetRenderer(t, b).(*stackedBarRenderer)
	b.Resize(fyne.NewSize(200, 20))
	r.Layout(b.Size())
	if w0, w2 := r.rects[0].Size().Width, r.rects[2].Size().Width; w0 != 150 || w2 != 50 || r.rects[1].Visible() {
		t.Errorf("widths %v, %v; empty part visible %v", w0, w2, r.rects[1].Visible())
	}
	if x := r.rects[2].Position().X; x != 150 {
		t.Errorf("last part starts at %v", x)
	}
	b.SetParts() // nothing: only the track
	r.Layout(b.Size())
	if len(r.rects) != 0 {
		t.Errorf("%d parts after SetParts()", len(r.rects))
	}
}

func texts(l *HighlightLabel) (plain, marked []string, ellipsis bool) {
	for _, o := range test.WidgetRenderer(l).Objects() {
		tx := o.(*canvas.Text)
		switch {
		case !tx.Visible():
		case tx.Text == "…":
			ellipsis = true
		case tx.TextStyle.Bold:
			marked = append(marked, tx.Text)
		default:
			plain = append(plain, tx.Text)
		}
	}
	return
}

func TestHighlightLabel(t *testing.T) {
	newTestApp(t)
	text := "开展“智慧海关”合作，加强海关智能网络建设。"
	l := NewHighlightLabel(text, []Span{{5, 7}, {13, 15}})
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(420, 40))
	test.AssertRendersToMarkup(t, "highlight_wide.xml", w.Canvas())
	_, marked, ell := texts(l)
	if fmt.Sprint(marked) != "[海关 海关]" || ell {
		t.Errorf("wide: marked %v, ellipsis %v", marked, ell)
	}

	// Too narrow for the text: it ends in an ellipsis inside the label.
	w.Resize(fyne.NewSize(150, 40))
	test.AssertRendersToMarkup(t, "highlight_narrow.xml", w.Canvas())
	plain, marked, ell := texts(l)
	if !ell {
		t.Errorf("narrow: no ellipsis (plain %v, marked %v)", plain, marked)
	}
	for _, o := range test.WidgetRenderer(l).Objects() {
		if o.Visible() && o.Position().X+o.Size().Width > l.Size().Width {
			t.Errorf("%q reaches past the label's width", o.(*canvas.Text).Text)
		}
	}
	// Spans outside the text or overlapping are harmless.
	l.Set("abc", []Span{{-4, 1}, {0, 2}, {2, 99}})
	_, marked, _ = texts(l)
	if fmt.Sprint(marked) != "[abc]" {
		t.Errorf("odd spans: marked %v", marked)
	}
}

func TestHighlightSegments(t *testing.T) {
	segs := Highlight("本币结算份额", []Span{{0, 2}}, widget.RichTextStyle{}, 4)
	var got []string
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		got = append(got, fmt.Sprintf("%s:%v", ts.Text, ts.Style.TextStyle.Bold))
	}
	if fmt.Sprint(got) != "[本币:true 结算:false …:false]" {
		t.Errorf("segments %v", got)
	}
}

func TestListKeys(t *testing.T) {
	newTestApp(t)
	var activated, escaped int
	var selected []int
	l := NewList(func() int { return 50 },
		func() fyne.CanvasObject { return widget.NewLabel("row") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(fmt.Sprint(i)) })
	l.OnSelect = func(i widget.ListItemID) { selected = append(selected, i) }
	l.OnActivate = func(i widget.ListItemID) { activated = i + 100 }
	l.OnEscape = func() { escaped++ }
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 300))
	key := func(k fyne.KeyName) { l.TypedKey(&fyne.KeyEvent{Name: k}) }

	key(fyne.KeyDown) // nothing selected: the first row
	key(fyne.KeyDown)
	key(fyne.KeyUp)
	key(fyne.KeyUp) // stays on the first row
	key(fyne.KeyEnd)
	key(fyne.KeyDown) // stays on the last row
	key(fyne.KeyHome)
	key(fyne.KeyPageDown)
	if fmt.Sprint(selected[:5]) != "[0 1 0 49 0]" {
		t.Errorf("selections %v", selected)
	}
	if l.Selected() <= 1 {
		t.Errorf("Page Down moved to %d", l.Selected())
	}
	key(fyne.KeyReturn)
	if activated != l.Selected()+100 {
		t.Errorf("Enter activated %d", activated-100)
	}
	key(fyne.KeyEscape)
	if escaped != 1 {
		t.Errorf("Escape reported %d times", escaped)
	}
	w.Canvas().Focus(l)
	if !l.Focused() {
		t.Error("focus not recorded")
	}
}

func TestKeyWidgetsReportEscape(t *testing.T) {
	newTestApp(t)
	n := 0
	esc := func() { n++ }
	e := NewEntry()
	e.OnEscape = esc
	b := NewButton("b", nil, nil)
	b.OnEscape = esc
	s := NewSelect([]string{"a", "b"}, nil)
	s.OnEscape = esc
	c := NewCheck("c", nil)
	c.OnEscape = esc
	tr := &Tree{OnEscape: esc}
	tr.ExtendBaseWidget(tr)
	for _, f := range []fyne.Focusable{e, b, s, c, tr} {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	if n != 5 {
		t.Errorf("Escape reported %d times, want 5", n)
	}

	tapped := 0
	b.OnTapped = func() { tapped++ }
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if tapped != 1 || !c.Checked {
		t.Errorf("Enter: button tapped %d, check %v", tapped, c.Checked)
	}
	// Arrows never change a select's value without its pop-up.
	changed := 0
	s.OnChanged = func(string) { changed++ }
	test.NewTempWindow(t, s)
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if changed != 0 {
		t.Errorf("Right changed the value %d times", changed)
	}
	submitted := 0
	e.OnSubmit = func() { submitted++ }
	e.TypedShortcut(&desktopShortcutCtrlEnter)
	if submitted != 1 {
		t.Errorf("Ctrl+Enter submitted %d times", submitted)
	}
}

var desktopShortcutCtrlEnter = desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}

func TestChipTextStandsOut(t *testing.T) {
	th := theme.DefaultTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, imp := range []widget.Importance{widget.MediumImportance, widget.HighImportance, widget.SuccessImportance,
			widget.WarningImportance, widget.DangerImportance} {
			bg, fg := ChipColors(th, v, imp)
			if c := contrast(bg, fg); c < 2.5 {
				t.Errorf("variant %d, importance %d: contrast %.1f", v, imp, c)
			}
		}
	}
	// White on Fyne's bright green is replaced by the dark foreground.
	_, fg := ChipColors(th, theme.VariantLight, widget.SuccessImportance)
	if fg != th.Color(theme.ColorNameForeground, theme.VariantLight) {
		t.Errorf("light success text %v", fg)
	}
}

// fitting finds the longest prefix that fits, as a binary search over all
// the runes does, with any room and text.
func TestHighlightLabelFitting(t *testing.T) {
	newTestApp(t)
	texts := []string{
		"Hold meetings of the SCO Special Working Group on Trade Facilitation.",
		"开展“智慧海关”合作，加强海关智能网络建设。",
		"Обеспечение продовольственной безопасности: iii WWW mmm ... ,,, 中文 mixed",
		"W", "", "\u200b\u200bzero width first", "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiWWWWWWWWWWWWWWWWWWWWWWWWW",
	}
	for _, text := range texts {
		runes := []rune(text)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			size := theme.TextSize()
			width := fyne.MeasureText(text, size, style).Width
			for room := float32(-5); room <= width+10; room += 3.7 {
				if room > -1.3 && room < 0 {
					room = 0 // and exactly 0
				}
				lo, hi := 0, len(runes)
				for lo < hi {
					mid := (lo + hi + 1) / 2
					if fyne.MeasureText(string(runes[:mid]), size, style).Width <= room {
						lo = mid
					} else {
						hi = mid - 1
					}
				}
				if got := fitting(runes, width, room, size, style); got != lo {
					t.Fatalf("%q bold=%v room %v: fitting %d runes, binary search %d", text, style.Bold, room, got, lo)
				}
			}
		}
	}
}
