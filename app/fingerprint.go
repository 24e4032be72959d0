package app

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// Who is who: a note under Mallory's key that carries Anna's name prints
// the name "Anna" like Anna's own. So wherever the window names the author
// of a change or a note, their key's fingerprint follows the name, in a
// quiet style (the secondary colour, small, monospaced): the same short
// form `scoplan show` prints (data.ShortKey).

// keyLabel is a key's fingerprint as the window shows it: "key:1a2b…",
// with no space, so that a line never breaks between the word and the
// digits (Fyne breaks lines at any space, a no-break one too).
func keyLabel(key string) string {
	return lang.L("key:{{.Key}}", map[string]any{"Key": data.ShortKey(key)})
}

// keySegment is the fingerprint of key as an inline segment to follow a
// name; empty for no key.
func keySegment(key string) *widget.TextSegment {
	if key == "" {
		return &widget.TextSegment{Style: widget.RichTextStyle{Inline: true}}
	}
	return &widget.TextSegment{Text: " " + keyLabel(key), Style: widget.RichTextStyle{Inline: true,
		ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Monospace: true}}}
}

// whoMarker stands for the person in a message whoText splits: the
// caller translates the message with it as {{.Who}}. No translation or
// value holds a NUL.
const whoMarker = "\x00who\x00"

// whoText renders a translated message that names a person by whoMarker
// as inline segments of the style base: the message with who's words for
// the person, their key's fingerprint right after them.
func whoText(text string, name, delegation, key string, base widget.RichTextStyle) []widget.RichTextSegment {
	base.Inline = true
	before, after, found := strings.Cut(text, whoMarker)
	if !found { // a translation that leaves the person out: say who at the end
		before, after = text+" ", ""
	}
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: before + who(name, delegation, key), Style: base}, keySegment(key)}
	if after != "" {
		segs = append(segs, &widget.TextSegment{Text: after, Style: base})
	}
	return segs
}

// captionWho is caption for a message naming a person: whoText in the
// caption's style, wrapping.
func captionWho(text string, name, delegation, key string) *widget.RichText {
	r := widget.NewRichText(widgets.Guarded(whoText(text, name, delegation, key,
		widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}))...)
	r.Wrapping = fyne.TextWrapWord
	return r
}

// whoWithKey is who followed by the key's fingerprint, for plain texts
// such as the import preview's lines: "Anna Petrova (Russia) · key:1a2b…".
func whoWithKey(name, delegation, key string) string {
	if key == "" {
		return who(name, delegation, key)
	}
	return who(name, delegation, key) + " · " + keyLabel(key)
}

// unverifiedSegment marks a change or note nothing proves the author of (a
// format 1 change relayed by someone else: data.Change.Unverified) after
// the key's fingerprint, in the warning colour; nil when verified.
func unverifiedSegment(unverified bool) widget.RichTextSegment {
	if !unverified {
		return nil
	}
	return &widget.TextSegment{Text: " " + lang.L("unverified"), Style: widget.RichTextStyle{Inline: true,
		ColorName: theme.ColorNameWarning, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Italic: true}}}
}

// withUnverified inserts unverifiedSegment after the key's fingerprint
// (the segment at index at), when the change is unverified.
func withUnverified(segs []widget.RichTextSegment, at int, unverified bool) []widget.RichTextSegment {
	mark := unverifiedSegment(unverified)
	if mark == nil || at >= len(segs) {
		return segs
	}
	return slices.Insert(segs, at+1, mark)
}

// unverifiedLegend explains the mark, under the history when any entry
// of it is unverified.
func unverifiedLegend() string {
	return lang.L("Unverified: relayed in a status file of an older scoplan by someone other than its author; nothing proves who wrote it.")
}
