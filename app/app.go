// Package app is scoplan's desktop GUI, built with Fyne.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scoplan/data"
	"scoplan/data/search"
	"scoplan/storage"
)

// AppID is the application's unique ID (also in FyneApp.toml).
const AppID = "org.scoplan.app"

// Run opens the main window on the data file and blocks until it closes.
func Run(loc storage.Location, today data.Date) int {
	a := fyneapp.NewWithID(AppID)
	w := a.NewWindow("scoplan")
	w.Resize(fyne.NewSize(1000, 700))
	s, err := storage.Open(storage.Options{Path: loc.Path})
	if err != nil {
		w.SetContent(widget.NewLabel(""))
		d := dialog.NewError(err, w)
		d.SetOnClosed(a.Quit)
		d.Show()
		w.ShowAndRun()
		return 1
	}
	defer s.Close()
	rows := search.NewEngine(s.Plan(), s.States(), today).Run(search.Query{})
	list := widget.NewList(func() int { return len(rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(rows[i].Measure.ID + "  " + rows[i].Measure.Text)
		})
	w.SetContent(list)
	w.ShowAndRun()
	return 0
}
