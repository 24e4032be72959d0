package app

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// Each delegation reports its own status of a measure. The detail lists
// them, the list row draws them as a strip of cells; both in one order:
// the user's own delegation first, then the known delegations that
// reported in pick-list order, then older free-text ones alphabetically.

// delegationRank is each known code's place in the pick list.
var delegationRank = func() map[string]int {
	m := map[string]int{}
	for i, d := range data.Delegations() {
		m[d.Code] = i
	}
	return m
}()

// reportingOrder returns the keys of the delegations that set a status of
// the measure, own first (even when it set none, if withOwn), in the order
// above.
func reportingOrder(st *data.MeasureState, own string, withOwn bool) []string {
	keys := make([]string, 0, len(st.Statuses)+1)
	if own != "" && (withOwn || st.Statuses[own] != nil) {
		keys = append(keys, own)
	}
	for k := range st.Statuses {
		if k != own {
			keys = append(keys, k)
		}
	}
	rest := keys
	if len(keys) > 0 && keys[0] == own {
		rest = keys[1:]
	}
	sort.Slice(rest, func(i, j int) bool { return delegationLess(rest[i], rest[j]) })
	return keys
}

// delegationLess orders delegation keys: known ones in pick-list order,
// then free texts alphabetically.
func delegationLess(a, b string) bool {
	ra, oka := delegationRank[a]
	rb, okb := delegationRank[b]
	switch {
	case oka && okb:
		return ra < rb
	case oka != okb:
		return oka
	}
	return a < b
}

// ownDelegation is the key of the user's own delegation. The list asks
// for it on every row it draws: the key is looked up again only when the
// identity changed.
func (se *session) ownDelegation() string {
	if d := se.store.Identity().Delegation; d != ownCache.declared || !ownCache.valid {
		ownCache.declared, ownCache.key, ownCache.valid = d, data.DelegationKey(d), true
	}
	return ownCache.key
}

// ownCache is the last declared delegation and its key; the window's code
// runs on one goroutine.
var ownCache struct {
	declared, key string
	valid         bool
}

// delegationStatuses lists every delegation's status of the measure, own
// first, each with who set it and when, and whether its people disagree.
// It is shown when a delegation other than the user's own reported; only
// the own one's status can be set, above.
func (d *detailView) delegationStatuses(st *data.MeasureState) fyne.CanvasObject {
	own := d.se.ownDelegation()
	keys := reportingOrder(st, own, true)
	others := 0
	for _, k := range keys {
		if k != own {
			others++
		}
	}
	if others == 0 {
		return nil
	}
	code := lang.X("language.code", "en")
	th := d.app.Settings().Theme()
	chipW := float32(0)
	for _, s := range data.Statuses {
		chipW = max(chipW, fyne.MeasureText(statusLabel(s), th.Size(theme.SizeNameCaptionText), fyne.TextStyle{Bold: true}).Width)
	}
	chipW += 2 * th.Size(theme.SizeNameInnerPadding)
	objs := []fyne.CanvasObject{heading(lang.L("Status by delegation"))}
	for _, k := range keys {
		ds := st.StatusOf(k)
		chip := widgets.NewChip(statusLabel(ds.Status), statusImportance(ds.Status))
		chip.MinWidth = chipW
		name := data.DelegationLabel(k, code)
		if k == own {
			name = lang.L("{{.Delegation}} (yours)", map[string]any{"Delegation": name})
		}
		quiet := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
		by := []widget.RichTextSegment{&widget.TextSegment{Text: "  " + lang.L("Your delegation has not set a status."), Style: quiet}}
		if ds.Set != nil {
			by = whoText("  "+lang.L("Set by {{.Who}} on {{.When}}", map[string]any{"Who": whoMarker, "When": timeLabel(ds.Set.Time)}),
				ds.Set.Name, "", ds.Set.Author, quiet)
			if ds.Set.Unverified {
				by = append(by, unverifiedSegment(true))
			}
		}
		// The name and who set the status wrap as one text: a narrow
		// pane or a long Russian name needs no column of its own.
		text := widget.NewRichText(widgets.Guarded(append([]widget.RichTextSegment{
			&widget.TextSegment{Text: name, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		}, by...))...)
		text.Wrapping = fyne.TextWrapWord
		var trail fyne.CanvasObject
		if ds.Conflict {
			trail = container.NewCenter(widgets.NewChip(lang.L("Conflict"), widget.WarningImportance))
		}
		objs = append(objs, container.NewBorder(nil, nil, container.NewCenter(chip), trail, text))
	}
	return container.NewVBox(objs...)
}
