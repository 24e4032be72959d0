package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// delegationFacet is the filter panel's choice of whose status the
// status, overdue and conflict filters look at: the user's own delegation
// by default, or a delegation that reported, each with how many measures
// it reported on, or any delegation that reported
// (search.Filter.AnyDelegation, with the measures someone reported on). It
// shows when a delegation other than the user's own reported. Fyne has no
// tooltips: while "any" is chosen, a caption under it says what it means.
type delegationFacet struct {
	se     *session
	sel    *widgets.Select
	box    *fyne.Container
	anyMsg *widget.RichText  // what "any delegation" means, shown while chosen
	keys   map[string]string // an option's label to its delegation key ("" for own)
	at     int               // the store's change count the options were made for
	own    string            // and the own delegation's key
	syncng bool
}

func newDelegationFacet(se *session, onEscape func()) *delegationFacet {
	f := &delegationFacet{se: se, at: -1}
	f.sel = widgets.NewSelect(nil, func(label string) {
		if !f.syncng {
			f.se.SetViewed(f.keys[label])
		}
	})
	f.sel.OnEscape = onEscape
	f.anyMsg = caption(lang.L("A measure shows when the filters hold for at least one delegation that reported; where a delegation reported nothing on a measure, it counts as not started."))
	f.anyMsg.Hide()
	f.box = container.NewVBox(caption(lang.L("Whose status the filters look at")), f.sel, f.anyMsg)
	f.box.Hide()
	return f
}

// sync remakes the options when the store or the identity changed, and
// shows the delegation viewed.
func (f *delegationFacet) sync() {
	own := f.se.ownDelegation()
	if f.at != f.se.changes || f.own != own {
		f.at, f.own = f.se.changes, own
		keys, counts := f.se.reportingCounts()
		code := lang.X("language.code", "en")
		f.keys = map[string]string{}
		var opts []string
		mine := lang.L("Mine")
		if own != "" {
			mine = lang.L("Mine: {{.Delegation}}", map[string]any{"Delegation": data.DelegationLabel(own, code)})
		}
		mine = withCount(mine, counts[own])
		opts = append(opts, mine)
		f.keys[mine] = ""
		anyOne := withCount(lang.L("Any delegation"), f.se.reportedMeasures())
		opts = append(opts, anyOne)
		f.keys[anyOne] = viewAny
		others := 0
		for _, k := range keys {
			if k == own {
				continue
			}
			others++
			l := withCount(data.DelegationLabel(k, code), counts[k])
			opts = append(opts, l)
			f.keys[l] = k
		}
		if !slices.Equal(opts, f.sel.Options) {
			f.sel.Options = opts
			f.sel.Refresh()
		}
		if others == 0 && f.se.Viewed() == "" {
			f.box.Hide()
		} else {
			f.box.Show()
		}
	}
	viewed := f.se.Viewed()
	if (viewed == viewAny) != f.anyMsg.Visible() {
		f.anyMsg.Hidden = viewed != viewAny
		f.box.Refresh()
	}
	for l, k := range f.keys {
		if k == viewed && f.sel.Selected != l {
			f.syncng = true
			f.sel.SetSelected(l)
			f.syncng = false
		}
	}
}
