// Package firstframe lets the start-up benchmark (scripts/bench-startup.sh)
// see when a window has drawn its first frame. With SCOPLAN_BENCH_FIRSTFRAME
// set, Hook lays an invisible one-pixel raster over the window's content;
// Fyne's painter calls a raster's generator while it draws the frame, and
// the first call prints the wall clock, then, a second later, the Go heap:
//
//	scoplan-first-frame <unix ns>
//	scoplan-memstats heap-alloc=<bytes> heap-sys=<bytes> sys=<bytes>
//
// Without the variable Hook does nothing.
package firstframe

import (
	"fmt"
	"image"
	"os"
	"runtime"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Env is the variable that turns the hook on.
const Env = "SCOPLAN_BENCH_FIRSTFRAME"

// Hook wraps w's content (set it first) when Env is set.
func Hook(w fyne.Window) {
	if os.Getenv(Env) == "" {
		return
	}
	var once sync.Once
	r := canvas.NewRaster(func(width, height int) image.Image {
		once.Do(func() {
			fmt.Fprintf(os.Stderr, "scoplan-first-frame %d\n", time.Now().UnixNano())
			go func() {
				time.Sleep(time.Second)
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				fmt.Fprintf(os.Stderr, "scoplan-memstats heap-alloc=%d heap-sys=%d sys=%d\n", m.HeapAlloc, m.HeapSys, m.Sys)
			}()
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	})
	r.Resize(fyne.NewSize(1, 1))
	w.SetContent(container.NewStack(w.Content(), container.NewWithoutLayout(r)))
}
