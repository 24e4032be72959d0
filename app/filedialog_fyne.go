//go:build !windows && !darwin

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// chooseSave asks where to save a file (see filedialog.go).
func chooseSave(win fyne.Window, c fileChoice, done func(path string), fail func(error)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			fail(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		// Fyne's dialog hands over an open file; scoplan writes a
		// temporary file beside it and renames it into place instead, so
		// the file is complete or not there at all.
		path := w.URI().Path()
		w.Close()
		done(path)
	}, win)
	d.SetFileName(c.name)
	showFileDialog(win, d, c)
}

// chooseOpen asks for a file to read (see filedialog.go).
func chooseOpen(win fyne.Window, c fileChoice, done func(path string), fail func(error)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			fail(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, win)
	showFileDialog(win, d, c)
}

// chooseFolder asks for a folder (see filedialog.go).
func chooseFolder(win fyne.Window, c fileChoice, done func(path string), fail func(error)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			fail(err)
			return
		}
		if u == nil {
			return
		}
		done(u.Path())
	}, win)
	showFileDialog(win, d, c)
}

// showFileDialog shows Fyne's dialog titled for its purpose, in list view
// (the grid view breaks names after ten letters: "Documen/ts") and over
// most of the window. A view the user picked with the dialog's own button
// is kept: Fyne remembers it in the preferences and prefers it.
func showFileDialog(win fyne.Window, d *dialog.FileDialog, c fileChoice) {
	if c.title != "" {
		d.SetTitleText(c.title)
	}
	d.SetView(dialog.ListView)
	d.Resize(fileDialogSize(win.Canvas().Size()))
	d.Show()
}

// fileDialogSize is the size of Fyne's file dialog over a window of size
// win: most of the window, so that long file names fit on their line.
func fileDialogSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(win.Width*0.9, win.Height*0.9)
}
