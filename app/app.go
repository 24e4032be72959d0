// Package app is scoplan's desktop GUI, built with Fyne. It shows what the
// data/ and storage/ packages compute and writes what the user does through
// storage; it holds no domain logic of its own.
package app

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scoplan/bench/firstframe"
	"scoplan/data"
	"scoplan/storage"
)

// AppID is the application's unique ID (also in FyneApp.toml).
const AppID = "org.scoplan.app"

// defaultSize is the window's size on first start.
var defaultSize = fyne.NewSize(1280, 800)

// Run opens the main window on the data file and blocks until it closes.
// It returns the process's exit code.
func Run(loc storage.Location, today data.Date) (code int) {
	defer func() {
		// The last resort: a defect outside the guarded handlers ends the
		// program with a message instead of a stack trace. Every change
		// was written when it was made.
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "scoplan: internal error: %v (your changes are saved in %s)\n", r, loc.Path)
			code = 1
		}
	}()
	a := fyneapp.NewWithID(AppID)
	setLanguage(a.Preferences().String(prefLanguage))
	s, err := openDataFile(loc) // read-only when the user may not write it (readonly.go)
	if err != nil {
		applyAppearance(a, "")
		showFatal(a, err)
		return 1
	}
	defer s.Close()
	// The theme now, before the fonts load (open applies it again: the
	// same theme, at no cost, for the tests that call open alone).
	applyAppearance(a, string(s.Setting(settingTheme)))
	firstframe.Mark("store")
	// Two things take most of the start: the system creating the window
	// (on this thread) and loading the fonts (Fyne parses them and scans
	// the system's fonts when it first measures text). They are done side
	// by side: the fonts in the background while the window is created and
	// shown empty, with the theme's background.
	fonts := loadFonts()
	w := a.NewWindow("scoplan")
	w.Resize(savedSize(a.Preferences()))
	w.SetContent(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)))
	w.Show()
	firstframe.Mark("window")
	<-fonts
	u := open(a, w, s, loc, today)
	w.SetCloseIntercept(u.onClose)
	firstframe.Mark("built")
	// Showing the window again draws its first frame with content before
	// it returns: the search field, the navigation, the filters and the
	// list. What the user does not need in that first moment (the detail
	// pane, the shared folder) comes next, before any input is handled.
	w.Show()
	u.afterFirstFrame()
	a.Run()
	u.exch.stop()
	u.saveQuery()
	return 0
}

// open builds the main window on an open store, all but what
// afterFirstFrame adds.
func open(a fyne.App, w fyne.Window, s *storage.Store, loc storage.Location, today data.Date) *ui {
	applyAppearance(a, string(s.Setting(settingTheme)))
	se := newSession(s, today)
	u := newUI(a, w, se, loc)
	// The start-up benchmark's marker, with SCOPLAN_BENCH_FIRSTFRAME only.
	w.SetContent(firstframe.Wrap(u.build()))
	w.Resize(savedSize(a.Preferences()))
	w.SetMaster()
	// Changes written elsewhere (an import) redraw the window; the GUI's own
	// writes have already redrawn it, which the store's revision tells.
	s.OnWrite(func() {
		fyne.Do(func() {
			if u.se.changes != s.Revision() {
				u.se.Reload()
			}
		})
	})
	w.SetOnDropped(u.exch.onDropped)
	return u
}

// afterFirstFrame completes the window once its first frame is drawn: the
// detail of the measure shown, then the shared folder (a pass over it may
// merge files).
func (u *ui) afterFirstFrame() {
	u.detail.show(u.se.shown)
	u.exch.start()
}

// showFatal tells the user why scoplan cannot start, in a small window,
// and returns when they close it.
func showFatal(a fyne.App, err error) {
	w := a.NewWindow("scoplan")
	w.SetContent(widget.NewLabel(""))
	w.Resize(fyne.NewSize(560, 260))
	title := lang.L("scoplan cannot open its data file")
	if errors.Is(err, storage.ErrLocked) {
		title = lang.L("scoplan is already running")
	}
	d := dialog.NewInformation(title, userMessage(err), w)
	d.SetOnClosed(a.Quit)
	w.SetOnClosed(a.Quit)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter || ev.Name == fyne.KeyEscape {
			d.Hide()
		}
	})
	d.Show()
	w.ShowAndRun()
}

// userMessage turns an error into plain words. The store's own errors are
// written for the user; those it names are translated here.
func userMessage(err error) string {
	known := []struct {
		err error
		msg string
	}{
		{storage.ErrLocked, lang.L("Another scoplan window already has this data file open. Switch to that window, or close it and start scoplan again.")},
		{storage.ErrNewerSchema, lang.L("This data file was written by a newer version of scoplan. Update scoplan to open it; the file was left untouched.")},
		{storage.ErrNotDataFile, lang.L("This file is not a scoplan data file. It was left untouched.")},
		{storage.ErrDamaged, lang.L("The data file is damaged and cannot be read. It was left untouched; restore it from a copy or start with a new file (--db).")},
		{storage.ErrNotYourNote, lang.L("Only the author of a note can change it.")},
		{storage.ErrEmptyNote, lang.L("A note cannot be empty.")},
		{storage.ErrClosed, lang.L("The data file is closed.")},
		{storage.ErrReadOnly, lang.L("This data file is read-only: you may not write it. Nothing was changed.")},
		{storage.ErrUnknownMeasure, lang.L("There is no such measure.")},
		{storage.ErrNoSuchNote, lang.L("This note no longer exists.")},
	}
	for _, k := range known {
		if errors.Is(err, k.err) {
			return k.msg
		}
	}
	return sentence(err.Error())
}

// sentence capitalises a message and ends it with a full stop.
func sentence(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return lang.L("Something went wrong.")
	}
	r, n := utf8.DecodeRuneInString(msg)
	msg = string(unicode.ToUpper(r)) + msg[n:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

// savedSize returns the window's size when it was last closed.
func savedSize(p fyne.Preferences) fyne.Size {
	size := fyne.NewSize(float32(p.FloatWithFallback(prefWidth, float64(defaultSize.Width))),
		float32(p.FloatWithFallback(prefHeight, float64(defaultSize.Height))))
	if size.Width < 640 || size.Height < 400 {
		size = defaultSize
	}
	return size
}

// loadFonts loads the faces of both text styles in the background and
// closes the channel when they are ready. Call it once the theme is set:
// the faces are the theme's, and nothing may change the theme until then.
func loadFonts() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		size := theme.TextSize()
		fyne.MeasureText("中A", size, fyne.TextStyle{})
		fyne.MeasureText("中A", size, fyne.TextStyle{Bold: true})
	}()
	return done
}
