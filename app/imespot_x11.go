//go:build (linux || freebsd || netbsd || openbsd) && !wayland && !wasm && !test_web_driver

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/theme"
	"github.com/go-gl/glfw/v3.3/glfw"

	"scoplan/widgets"
)

// placeIMSpot tells the X input method (ibus, fcitx) where the caret of e
// is, so that its candidate window opens under the caret rather than at the
// window's bottom-left corner; pos is where e is in the window. It goes
// through scoplan's patched GLFW
// (app/third_party/go-gl-glfw/PATCH.md); windows that are not GLFW's, as in
// tests, are left alone.
func placeIMSpot(w fyne.Window, e *widgets.Entry, pos fyne.Position) {
	nw, ok := w.(driver.NativeWindow)
	if !ok || w.Canvas().Focused() != fyne.Focusable(e) {
		return
	}
	x, y := imSpot(w, e, pos)
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.X11WindowContext); ok && c.WindowHandle != 0 {
			glfw.SetX11IMSpot(c.WindowHandle, x, y)
		}
	})
}

// imSpot is the bottom-left corner of the caret of e in the window's
// pixels, kept inside the entry (a long note scrolls inside it).
func imSpot(w fyne.Window, e *widgets.Entry, pos fyne.Position) (x, y int) {
	caret := e.CursorPosition()
	th := e.Theme()
	line := fyne.MeasureText("M", th.Size(theme.SizeNameText), e.TextStyle).Height
	size := e.Size()
	cx := min(max(caret.X, 0), size.Width)
	cy := min(max(caret.Y+line, line), size.Height)
	scale := w.Canvas().Scale()
	return int((pos.X + cx) * scale), int((pos.Y + cy) * scale)
}
