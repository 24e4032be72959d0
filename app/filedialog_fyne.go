//go:build !windows && !darwin

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	if pop, ok := win.Canvas().Overlays().Top().(*widget.PopUp); ok {
		translatePlaces(pop)
	}
}

// translatePlaces puts the places list of Fyne's file dialog (Home,
// Computer, Documents …) in the UI's language. Fyne 2.7.1 writes those
// names as plain English strings (dialog/file.go, loadFavorites and the
// list's update function), not through its translations. The list is the
// leading side of the dialog's split, reached through exported fields
// only; the names are translated after Fyne's own update sets them, and the
// split leaves the list room for its longest name. If a later Fyne builds
// its dialog otherwise, nothing is found and nothing changes.
func translatePlaces(pop *widget.PopUp) {
	ui, ok := pop.Content.(*fyne.Container)
	if !ok {
		return
	}
	for _, o := range ui.Objects {
		split, ok := o.(*container.Split)
		if !ok {
			continue
		}
		list, ok := split.Leading.(*widget.List)
		if !ok || list.UpdateItem == nil || list.Length == nil {
			return
		}
		update := list.UpdateItem
		translate := func(id widget.ListItemID, item fyne.CanvasObject) {
			update(id, item)
			if row, ok := item.(*fyne.Container); ok && len(row.Objects) == 2 {
				if l, ok := row.Objects[1].(*widget.Label); ok {
					l.SetText(placeName(l.Text))
				}
			}
		}
		list.UpdateItem = translate
		// Measure the translated names on a spare row of the list's own
		// making, and give the widest room.
		if list.CreateItem != nil {
			row := list.CreateItem()
			widest := float32(0)
			for id := 0; id < list.Length(); id++ {
				translate(id, row)
				widest = fyne.Max(widest, row.MinSize().Width)
			}
			fitLeading(split, widest)
		}
		list.Refresh()
		return
	}
}

// fitLeading moves the split so that its leading side is at least w wide,
// with room for the list's padding and scroll bar.
func fitLeading(split *container.Split, w float32) {
	total := split.Size().Width
	if total <= 0 || w <= 0 {
		return
	}
	if need := float64(w+4*theme.Padding()) / float64(total); need > split.Offset {
		split.SetOffset(need)
	}
}

// placeName translates a place of Fyne's file dialog.
func placeName(name string) string {
	switch name {
	case "Home":
		return lang.L("Home")
	case "App Files":
		return lang.L("App Files")
	case "Computer":
		return lang.L("Computer")
	case "Desktop":
		return lang.L("Desktop")
	case "Documents":
		return lang.L("Documents")
	case "Downloads":
		return lang.L("Downloads")
	case "Music":
		return lang.L("Music")
	case "Pictures":
		return lang.L("Pictures")
	case "Videos":
		return lang.L("Videos")
	}
	return name
}

// fileDialogSize is the size of Fyne's file dialog over a window of size
// win: most of the window, so that long file names fit on their line.
func fileDialogSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(win.Width*0.9, win.Height*0.9)
}
