//go:build windows || darwin

package app

import (
	"errors"
	"runtime"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	sysdialog "github.com/sqweek/dialog"
)

// nativeOpen is set while a system dialog is open. On Windows it is not
// modal to scoplan's window (sqweek/dialog gives it no owner), so the menu
// stays usable: a second dialog is not stacked on the first.
var nativeOpen atomic.Bool

// runNative shows a system dialog and hands its answer to done or fail on
// the UI goroutine. On Windows the dialog runs its own message loop on
// another thread while scoplan's window goes on drawing. Cocoa's panels
// must run on the main thread: on macOS it runs at once, from the UI
// callback that asked for it (Fyne runs those on the main thread), which
// keeps the window still until the panel closes, as a sheet would.
func runNative(ask func() (string, error), done func(path string), fail func(error)) {
	if !nativeOpen.CompareAndSwap(false, true) {
		return
	}
	answer := func(path string, err error) {
		nativeOpen.Store(false)
		switch {
		case errors.Is(err, sysdialog.ErrCancelled):
		case err != nil:
			fail(err)
		default:
			done(path)
		}
	}
	if runtime.GOOS == "darwin" {
		answer(ask())
		return
	}
	go func() {
		path, err := ask()
		fyne.Do(func() { answer(path, err) })
	}()
}

// fileBuilder sets up a system file dialog for c; open dialogs offer all
// files too (a status file renamed by a mail program is still one).
func fileBuilder(c fileChoice, open bool) *sysdialog.FileBuilder {
	b := sysdialog.File().Title(c.title)
	if len(c.exts) > 0 {
		var exts []string
		for _, e := range c.exts {
			exts = append(exts, strings.TrimPrefix(e, "."))
		}
		b = b.Filter(c.pattern(), exts...)
		if open {
			b = b.Filter("*.*", "*")
		}
	}
	if c.name != "" {
		b = b.SetStartFile(c.name)
	}
	return b
}

// chooseSave asks where to save a file (see filedialog.go).
func chooseSave(_ fyne.Window, c fileChoice, done func(path string), fail func(error)) {
	runNative(fileBuilder(c, false).Save, done, fail)
}

// chooseOpen asks for a file to read (see filedialog.go).
func chooseOpen(_ fyne.Window, c fileChoice, done func(path string), fail func(error)) {
	runNative(fileBuilder(c, true).Load, done, fail)
}

// chooseFolder asks for a folder (see filedialog.go).
func chooseFolder(_ fyne.Window, c fileChoice, done func(path string), fail func(error)) {
	runNative(sysdialog.Directory().Title(c.title).Browse, done, fail)
}

// pattern is the filter's label in the system's dialogs: "*.csv".
func (c fileChoice) pattern() string {
	var p []string
	for _, e := range c.exts {
		p = append(p, "*"+e)
	}
	return strings.Join(p, ";")
}
