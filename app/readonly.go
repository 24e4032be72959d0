package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/storage"
)

// A data file the user may not write (mode 0444, a read-only folder or
// medium, a colleague's file) opens read-only: a delegate who opens such a
// file wants to look at it, and everything reads as usual. A banner under
// the search says so; the detail offers no status control, no Add note and
// no editing of notes; importing and the shared folder, which would write,
// say that the file is read-only. Anything else that tries to write (the
// settings, a shortcut) gets the same plain message, and the search and
// the measure shown are simply not kept for the next start.

// openDataFile opens the data file, read-only when the user may not write it.
func openDataFile(loc storage.Location) (*storage.Store, error) {
	s, err := storage.Open(storage.Options{Path: loc.Path, App: loc.App})
	if errors.Is(err, storage.ErrReadOnly) {
		return storage.Open(storage.Options{Path: loc.Path, App: loc.App, ReadOnly: true})
	}
	return s, err
}

// readOnly reports whether the window's data file is open read-only.
func (se *session) readOnly() bool { return se.store.ReadOnly() }

// readOnlyBanner says that the data file is read-only; hidden otherwise.
func (u *ui) readOnlyBanner() fyne.CanvasObject {
	msg := widget.NewLabel(lang.L("This data file is read-only: you may not write it. You can look at everything, but you cannot set a status, write a note or import. To record your delegation's progress, open a copy in a folder of your own."))
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.WarningImportance
	bar := container.NewPadded(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, msg))
	bar.Hidden = !u.se.readOnly()
	return bar
}
