package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/widgets"
)

// Marks of what is new since the window of time chosen on the Activity
// screen (session.since): a "New" chip on the rows of the measures that
// changed since then, and in the detail the notes and history entries made
// since then.

// newText is the word of the marks.
func newText() string { return lang.L("New") }

// newFreshChip is the measure list's mark of a measure that changed.
func newFreshChip() *widgets.Chip {
	c := widgets.NewChip(newText(), widget.LowImportance)
	c.Hide()
	return c
}

// markSince redraws the marks after another window of time was chosen.
func (u *ui) markSince() {
	if u.list != nil && u.list.list != nil {
		u.list.list.Refresh()
	}
	if u.detail != nil && u.detail.id != "" && u.detail.scroll != nil {
		u.detail.show(u.detail.id)
	}
}

// markNewLine puts a "New" mark before the segments of a history line
// made since then.
func markNewLine(segs []widget.RichTextSegment, on bool) []widget.RichTextSegment {
	if !on {
		return segs
	}
	mark := &widget.TextSegment{Text: newText() + "  ", Style: widget.RichTextStyle{Inline: true,
		ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}}
	return append([]widget.RichTextSegment{mark}, segs...)
}

// newCardLayout lays out a note card marked new (a border layout; its own
// type says the card is marked).
type newCardLayout struct{ border fyne.Layout }

func (l newCardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) { l.border.Layout(objs, size) }

func (l newCardLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return l.border.MinSize(objs) }

// markNewCard marks a note card made or edited since then: a bar in the
// primary colour down its left side and the word above it.
func markNewCard(card fyne.CanvasObject, on bool) fyne.CanvasObject {
	if !on {
		return card
	}
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	bar := canvas.NewRectangle(th.Color(theme.ColorNamePrimary, v))
	bar.SetMinSize(fyne.NewSize(4, 4))
	bar.CornerRadius = 2
	word := canvas.NewText(newText(), th.Color(theme.ColorNamePrimary, v))
	word.TextStyle = fyne.TextStyle{Bold: true}
	word.TextSize = th.Size(theme.SizeNameCaptionText)
	return container.New(newCardLayout{layout.NewBorderLayout(word, nil, bar, nil)}, word, bar, card)
}
