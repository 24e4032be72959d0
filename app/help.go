package app

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// shortcutRows lists the keyboard shortcuts as the Help dialog shows them.
func shortcutRows() [][2]string {
	mod := "Ctrl"
	if runtime.GOOS == "darwin" {
		mod = "Cmd"
	}
	return [][2]string{
		{mod + "+F", lang.L("Search (focus the search field)")},
		{"↑ ↓  PgUp PgDn  Home End", lang.L("Move in the list; the detail follows")},
		{"Enter", lang.L("Open the measure: move into its detail")},
		{"Escape", lang.L("Back to the list (in the search field: clear it first)")},
		{mod + "+N", lang.L("Add a note to the measure shown")},
		{mod + "+Enter", lang.L("Save the note being written")},
		{"Escape", lang.L("Close the note editor; what you wrote is kept as a draft")},
		{"Tab  Shift+Tab", lang.L("Move between fields and buttons")},
		{"Space", lang.L("Press the focused button, tick the focused filter")},
		{mod + "+I", lang.L("Import status files (or drop them onto the window)")},
		{mod + "+E", lang.L("Export your status file")},
		{mod + "+R", lang.L("Save a report of the measures shown")},
		{mod + "+Shift+L", lang.L("Clear all filters")},
		{mod + "+1  " + mod + "+2", lang.L("Show the measures, show the overview")},
		{mod + "+,", lang.L("Settings")},
		{mod + "+/", lang.L("This list of shortcuts")},
		{mod + "+Q", lang.L("Quit")},
	}
}

func (u *ui) showShortcuts() {
	var cells []fyne.CanvasObject
	for _, r := range shortcutRows() {
		key := widget.NewLabelWithStyle(r[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
		cells = append(cells, key, widget.NewLabel(r[1]))
	}
	grid := container.New(&keyGrid{}, cells...)
	u.showDialog(dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), grid, u.win), nil)
}

func (u *ui) showAbout() {
	plan := u.se.plan
	msg := lang.L("scoplan follows up the action plan for the SCO Economic Development Strategy to 2030: {{.Measures}} measures in {{.Chapters}} chapters.",
		map[string]any{"Measures": len(plan.Measures), "Chapters": len(plan.Chapters)})
	body := container.NewVBox(
		wrapped(msg),
		caption(planText.Title(plan)),
		caption(lang.L("Plan text version {{.Version}}", map[string]any{"Version": plan.Version()})),
		caption(lang.L("Data file: {{.Path}}", map[string]any{"Path": u.se.store.Path()})),
	)
	d := dialog.NewCustom(lang.L("About scoplan"), lang.L("Close"), body, u.win)
	d.Resize(fyne.NewSize(520, 0))
	u.showDialog(d, nil)
}

// keyGrid lays out pairs of cells in two columns, the first as wide as its
// widest cell.
type keyGrid struct{}

func (*keyGrid) widths(objs []fyne.CanvasObject) (w0, w1, h float32) {
	for i := 0; i+1 < len(objs); i += 2 {
		a, b := objs[i].MinSize(), objs[i+1].MinSize()
		w0, w1 = max(w0, a.Width), max(w1, b.Width)
		h += max(a.Height, b.Height)
	}
	return
}

func (g *keyGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w0, _, _ := g.widths(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(w0, h))
		objs[i+1].Move(fyne.NewPos(w0, y))
		objs[i+1].Resize(fyne.NewSize(size.Width-w0, h))
		y += h
	}
}

func (g *keyGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w0, w1, h := g.widths(objs)
	return fyne.NewSize(w0+w1, h)
}
