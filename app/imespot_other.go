//go:build !((linux || freebsd || netbsd || openbsd) && !wayland && !wasm && !test_web_driver)

package app

import (
	"fyne.io/fyne/v2"

	"scoplan/widgets"
)

// placeIMSpot places the input method's candidate window at the caret on
// X11 only (see imespot_x11.go). GLFW 3.3 has no way to do it on Windows,
// macOS or Wayland.
func placeIMSpot(fyne.Window, *widgets.Entry, fyne.Position) {}
