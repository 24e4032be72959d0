package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// dialogs are the window's dialogs: the one on top is closed by Escape, and
// an error shown while another is open waits for it. Screens that ask or
// report something get it in their constructor.
type dialogs struct {
	win      fyne.Window
	dialog   dialog.Dialog   // the dialog on top now, closed by Escape
	open     []dialog.Dialog // the dialogs open now, bottom to top
	errShown bool            // an error dialog is open: later errors wait for it
}

// showDialog shows a dialog and lets Escape close it; an error shown over
// a dialog closes first, then the dialog.
func (ds *dialogs) showDialog(d dialog.Dialog, onClosed func()) {
	ds.open = append(ds.open, d)
	ds.dialog = d
	d.SetOnClosed(func() {
		for i, o := range ds.open {
			if o == d {
				ds.open = append(ds.open[:i:i], ds.open[i+1:]...)
				break
			}
		}
		ds.dialog = nil
		if n := len(ds.open); n > 0 {
			ds.dialog = ds.open[n-1]
		}
		if onClosed != nil {
			onClosed()
		}
	})
	d.Show()
}

// showError tells the user in plain words, once: while an error dialog is
// open, further errors are not stacked on top of it.
func (ds *dialogs) showError(err error) {
	if ds.errShown {
		return
	}
	ds.errShown = true
	d := dialog.NewError(errors.New(userMessage(err)), ds.win)
	ds.showDialog(d, func() { ds.errShown = false })
}
