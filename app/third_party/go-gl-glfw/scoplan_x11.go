//go:build (linux && !wayland) || (freebsd && !wayland) || (netbsd && !wayland) || (openbsd && !wayland)
// +build linux,!wayland freebsd,!wayland netbsd,!wayland openbsd,!wayland

package glfw

// scoplan patch: see PATCH.md.

//void scoplanSetX11IMSpot(unsigned long handle, int x, int y);
import "C"

// SetX11IMSpot tells the X input method of the window with the X11 handle
// given (a GLFW window's GetX11Window) that the text caret is at x, y pixels
// from the window's top-left corner, so that the input method's candidate
// window opens there. It must be called on the main thread.
func SetX11IMSpot(handle uintptr, x, y int) {
	C.scoplanSetX11IMSpot(C.ulong(handle), C.int(x), C.int(y))
}
