package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/widgets"
)

// delegationPicker is the Settings' choice of delegation: an entry that
// filters a list of the known delegations as one types, in English,
// Chinese or Russian, with the names in the UI's language and the code.
// What it gives is a code; a free text that names no known delegation
// (written before delegations were data) is kept as it is, with a note.
type delegationPicker struct {
	entry   *widgets.Entry
	list    *widget.List
	note    *widget.Label
	matches []data.Delegation
	labels  map[string]string // a pick-list label to its code
	syncing bool              // the list's selection is being set from the entry
	picked  int               // the row selected from the entry, -1 for none
	box     fyne.CanvasObject
}

// pickerRows is how many delegations the list shows without scrolling.
const pickerRows = 5

// delegationPickLabel is how the pick list names a delegation: its short
// name in the UI's language and its code.
func delegationPickLabel(d data.Delegation) string {
	return d.Name(lang.X("language.code", "en")) + " (" + d.Code + ")"
}

func newDelegationPicker(stored string) *delegationPicker {
	p := &delegationPicker{labels: map[string]string{}}
	for _, d := range data.Delegations() {
		p.labels[delegationPickLabel(d)] = d.Code
	}
	p.entry = widgets.NewEntry()
	p.entry.SetPlaceHolder(lang.L("Type to find your delegation, e.g. Kazakhstan"))
	p.entry.Validator = maxBytes
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Importance = widget.WarningImportance
	p.list = widget.NewList(
		func() int { return len(p.matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(p.matches) {
				o.(*widget.Label).SetText(delegationPickLabel(p.matches[i]))
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if !p.syncing && i >= 0 && i < len(p.matches) {
			if l := delegationPickLabel(p.matches[i]); p.entry.Text != l {
				p.entry.SetText(l)
			}
		}
	}
	p.entry.OnChanged = func(string) { p.update() }
	p.entry.OnDown = func() {
		if c := fyne.CurrentApp().Driver().CanvasForObject(p.list); c != nil {
			c.Focus(p.list)
		}
	}
	if d, ok := data.LookupDelegation(stored); ok {
		p.entry.SetText(delegationPickLabel(d))
	} else {
		p.entry.SetText(strings.TrimSpace(stored))
	}
	p.update()
	rowH := p.list.CreateItem().MinSize().Height + theme.Padding()
	p.box = container.NewVBox(container.New(&fixedHeight{h: pickerRows * rowH, onSized: p.scrollToPicked}, p.list), p.note)
	return p
}

// value is what the picker gives to store: a known delegation's code, the
// free text of an unknown one, or "".
func (p *delegationPicker) value() string {
	text := strings.TrimSpace(p.entry.Text)
	if code, ok := p.labels[text]; ok {
		return code
	}
	if d, ok := data.LookupDelegation(text); ok {
		return d.Code
	}
	return text
}

// pickOnlyMatch picks the one delegation the list shows, when what is
// typed names none: Return after "zakh" means Kazakhstan.
func (p *delegationPicker) pickOnlyMatch() {
	if _, known := data.DelegationByCode(p.value()); known || len(p.matches) != 1 {
		return
	}
	p.entry.SetText(delegationPickLabel(p.matches[0]))
}

// update filters the list by what is typed and says whether it names a
// known delegation. A label picked from the list shows them all, that one
// selected. A typed name or code of a known delegation selects nothing:
// it is stored as that delegation's code all the same.
func (p *delegationPicker) update() {
	text := strings.TrimSpace(p.entry.Text)
	code, picked := p.labels[text]
	if picked {
		p.matches = data.Delegations()
	} else {
		p.matches = data.MatchDelegations(text)
	}
	p.syncing = true
	defer func() { p.syncing = false }()
	p.list.UnselectAll()
	p.picked = -1
	for i, d := range p.matches {
		if picked && d.Code == code {
			p.list.Select(i)
			p.picked = i
			p.list.ScrollTo(i)
			break
		}
	}
	p.list.Refresh()
	v := p.value()
	_, known := data.DelegationByCode(v)
	switch {
	case v == "" || known:
		p.note.Hide()
	default:
		p.note.SetText(lang.L("“{{.Text}}” is not a known delegation: it is kept as written. Pick yours from the list.", map[string]any{"Text": v}))
		p.note.Show()
	}
}

// scrollToPicked brings the delegation picked into view once the list
// has its size: before, the list cannot scroll.
func (p *delegationPicker) scrollToPicked() {
	if p.picked >= 0 {
		p.list.ScrollTo(p.picked)
	}
}

// fixedHeight gives its objects a fixed minimum height, and calls onSized
// the first time it lays them out at a height.
type fixedHeight struct {
	h       float32
	onSized func()
	sized   bool
}

func (f *fixedHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	defer func() {
		if !f.sized && size.Height > 0 && f.onSized != nil {
			f.sized = true
			f.onSized()
		}
	}()
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (f *fixedHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(0, f.h)
	for _, o := range objs {
		s.Width = max(s.Width, o.MinSize().Width)
	}
	return s
}
