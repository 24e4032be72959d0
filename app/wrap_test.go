package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/widgets"
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
// the text one character per line (Fyne 2.7.1's wrap, see wrappable).
func TestHighlightedChineseWrapsByLines(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(NewTheme(theme.DefaultTheme()))
	text := "落实《上合组织成员国元首理事会关于维护国际粮食安全的声明》。"
	runes := []rune(text)
	style := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	worst := 0
	for start := 0; start+2 <= len(runes); start++ {
		for _, width := range []float32{180, 240, 300} {
			rt := widget.NewRichText(wrappable(widgets.Highlight(text, []widgets.Span{{Start: start, End: start + 2}}, style, 0))...)
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
	test.NewTempApp(t).Settings().SetTheme(NewTheme(theme.DefaultTheme()))
	text := "Реализация Заявления Совета глав государств-членов ШОС по обеспечению международной продовольственной безопасности."
	start := len([]rune("Реализация Заявления Совета глав государств-членов ШОС по обеспечению международной "))
	style := widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText}
	for width := float32(260); width <= 460; width += 10 { // the word alone fits on a line
		rt := widget.NewRichText(wrappable(widgets.Highlight(text, []widgets.Span{{Start: start, End: start + len([]rune("продовольственной безопасности"))}}, style, 0))...)
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
