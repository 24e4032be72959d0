package widgets

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rows counts the lines a RichText is laid out in.
func rows(t *testing.T, rt *widget.RichText, width float32) int {
	t.Helper()
	w := test.NewTempWindow(t, rt)
	w.Resize(fyne.NewSize(width, 2000))
	ys := map[float32]bool{}
	for _, o := range test.LaidOutObjects(rt) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
			ys[txt.Position().Y] = true
		}
	}
	return len(ys)
}

// A highlight that ends near the end of a line must not leave the rest of
// the text one character per line (Fyne 2.7.1's wrap, see Breakable).
func TestHighlightedChineseWrapsByLines(t *testing.T) {
	newTestApp(t)
	text := "落实《上合组织成员国元首理事会关于维护国际粮食安全的声明》。"
	runes := []rune(text)
	style := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	worst := 0
	for start := 0; start+2 <= len(runes); start++ {
		for _, width := range []float32{180, 240, 300} {
			rt := widget.NewRichText(Breakable(Highlight(text, []Span{{Start: start, End: start + 2}}, style, 0))...)
			rt.Wrapping = fyne.TextWrapWord
			plain := widget.NewRichText(&widget.TextSegment{Text: text, Style: style})
			plain.Wrapping = fyne.TextWrapWord
			n, p := rows(t, rt, width), rows(t, plain, width)
			if n > p+1 {
				t.Errorf("highlight at %d, width %v: %d lines, the plain text takes %d", start, width, n, p)
			}
			worst = max(worst, n-p)
		}
	}
	t.Logf("at most %d line(s) more than the plain text", worst)
}

// A highlighted Russian word that does not fit at the end of a line moves
// to the next line whole.
func TestHighlightedWordIsNotCut(t *testing.T) {
	newTestApp(t)
	text := "Реализация Заявления Совета глав государств-членов ШОС по обеспечению международной продовольственной безопасности."
	start := len([]rune("Реализация Заявления Совета глав государств-членов ШОС по обеспечению международной "))
	style := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	for width := float32(260); width <= 460; width += 10 { // the word alone fits on a line
		rt := widget.NewRichText(Breakable(Highlight(text, []Span{{Start: start, End: start + len([]rune("продовольственной безопасности"))}}, style, 0))...)
		rt.Wrapping = fyne.TextWrapWord
		w := test.NewTempWindow(t, rt)
		w.Resize(fyne.NewSize(width, 2000))
		for _, o := range test.LaidOutObjects(rt) {
			if txt, ok := o.(*canvas.Text); ok && strings.Trim(txt.Text, "\u200b ") != "" && strings.Contains("продовольственной", strings.Trim(txt.Text, "\u200b ")) && strings.Trim(txt.Text, "\u200b ") != "продовольственной" {
				t.Errorf("width %v: the word is cut: %q", width, txt.Text)
			}
		}
	}
}

func TestBreakUnits(t *testing.T) {
	cases := map[string]string{
		"开展“智慧海关”合作，加强海关智能网络建设。":            "开|展|“智|慧|海|关”|合|作，|加|强|海|关|智|能|网|络|建|设。",
		"实施《2023—2025年上合组织》":                "实|施|《2023—2025|年|上|合|组|织》",
		"Cooperate on “smart customs” now.": "Cooperate |on |“smart |customs” |now.",
		"Меры ШОС (2026)":                   "Меры |ШОС |(2026)",
		"":                                  "",
	}
	for in, want := range cases {
		if got := strings.Join(BreakUnits(in), "|"); got != want {
			t.Errorf("BreakUnits(%q) = %q, want %q", in, got, want)
		}
	}
}

// A highlighted Chinese text fills its lines as the plain text does: no half
// line left empty before a highlight (Fyne moves a segment that fits on a
// whole line to the next line in one piece).
func TestHighlightedChineseFillsLines(t *testing.T) {
	newTestApp(t)
	text := "开展“智慧海关”合作，加强海关智能网络建设。"
	style := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	spans := []Span{{Start: 5, End: 7}, {Start: 13, End: 15}}
	for width := float32(120); width <= 400; width += 20 {
		rt := widget.NewRichText(Breakable(Highlight(text, spans, style, 0))...)
		rt.Wrapping = fyne.TextWrapWord
		plain := widget.NewRichText(&widget.TextSegment{Text: text, Style: style})
		plain.Wrapping = fyne.TextWrapWord
		if n, p := rows(t, rt, width), rows(t, plain, width); n > p {
			t.Errorf("width %v: %d lines, the plain text takes %d", width, n, p)
		}
	}
}

// No wrapped line starts with a space.
func TestWrappedLinesDoNotStartWithASpace(t *testing.T) {
	newTestApp(t)
	text := "Cooperate on “smart customs” and build up intelligent customs networks."
	style := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	spans := []Span{{Start: 20, End: 27}}
	for width := float32(120); width <= 400; width += 10 {
		rt := widget.NewRichText(Breakable(Highlight(text, spans, style, 0))...)
		rt.Wrapping = fyne.TextWrapWord
		w := test.NewTempWindow(t, rt)
		w.Resize(fyne.NewSize(width, 2000))
		left := float32(-1)
		for _, o := range test.LaidOutObjects(rt) {
			if txt, ok := o.(*canvas.Text); ok && txt.Text != "" && (left < 0 || txt.Position().X < left) {
				left = txt.Position().X
			}
		}
		for _, o := range test.LaidOutObjects(rt) {
			if txt, ok := o.(*canvas.Text); ok && txt.Position().X == left && strings.HasPrefix(strings.TrimLeft(txt.Text, "\u200b"), " ") {
				t.Errorf("width %v: a line starts with a space: %q", width, txt.Text)
			}
		}
	}
}

// A name, then a key's fingerprint in another style: wherever the name
// ends, the fingerprint goes on whole, on the name's line or the next one,
// never one character per line (Fyne 2.7.1's wrap, see Guarded). The
// widths swept include those where the name leaves less than a character
// of room at the end of its line.
func TestGuardedSegmentsWrapWhole(t *testing.T) {
	newTestApp(t)
	segs := func() []widget.RichTextSegment {
		return []widget.RichTextSegment{
			&widget.TextSegment{Text: "Aigerim Nurlanovna (Kazakhstan)", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: " key:cab55cbd79df89b2", Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Monospace: true}}},
			&widget.TextSegment{Text: " set the status to Done", Style: widget.RichTextStyle{Inline: true}},
		}
	}
	name := fyne.MeasureText("Aigerim Nurlanovna (Kazakhstan)", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	pad := 2 * theme.InnerPadding()
	worstPlain := 0
	for width := name + pad - 2; width <= name+pad+12; width++ {
		guarded := widget.NewRichText(Guarded(segs())...)
		guarded.Wrapping = fyne.TextWrapWord
		if n := visualRows(t, guarded, width); n > 4 {
			t.Errorf("width %v: %d lines, want at most 4 (name, key, the rest in two)", width, n)
		}
		plain := widget.NewRichText(segs()...)
		plain.Wrapping = fyne.TextWrapWord
		worstPlain = max(worstPlain, visualRows(t, plain, width))
	}
	t.Logf("without Guarded, up to %d lines at these widths", worstPlain)
}

// visualRows counts the lines a RichText of mixed text sizes is laid out
// in: texts of one line sit at slightly different heights (each size has
// its own baseline), so tops closer than half a line count as one line.
func visualRows(t *testing.T, rt *widget.RichText, width float32) int {
	t.Helper()
	w := test.NewTempWindow(t, rt)
	w.Resize(fyne.NewSize(width, 2000))
	var ys []float32
	for _, o := range test.LaidOutObjects(rt) {
		if txt, ok := o.(*canvas.Text); ok && strings.Trim(txt.Text, "\u200b") != "" {
			ys = append(ys, txt.Position().Y)
		}
	}
	slices.Sort(ys)
	n, top := 0, float32(-1000)
	for _, y := range ys {
		if y-top > theme.TextSize()/2 {
			n, top = n+1, y
		}
	}
	return n
}
