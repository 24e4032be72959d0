// Package firstframe lets the start-up benchmark (scripts/bench-startup.sh)
// see when a window has drawn its first frame. With SCOPLAN_BENCH_FIRSTFRAME
// set, Wrap lays an invisible one-pixel raster over the window's content;
// Fyne's painter calls a raster's generator while it draws the frame, and
// the first call prints the wall clock, then, a second later, the Go heap:
//
//	scoplan-first-frame <unix ns> cpu-ms=<CPU time of the process so far>
//	scoplan-memstats heap-alloc=<bytes> heap-sys=<bytes> sys=<bytes> total-alloc=<bytes> num-gc=<n>
//
// In a binary built with -tags profile (profile.go), with
// SCOPLAN_BENCH_PROFILE=PREFIX set as well, a CPU profile runs from this
// package's initialisation to the first frame (PREFIX.cpu.pprof) and the
// heap is profiled a second after it (PREFIX.heap.pprof, allocations
// sampled since the start: see its alloc_space). A release build has only
// the no-op twin (profile_off.go): no runtime/pprof at all.
//
// Without the variables Wrap does nothing.
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

// Wrap returns content with the marker laid over it when Env is set, and
// content itself otherwise. Give the window the result as its content from
// the start: setting the content a second time would lay the whole window
// out again, work that only the benchmark would do.
func Wrap(content fyne.CanvasObject) fyne.CanvasObject {
	if os.Getenv(Env) == "" {
		return content
	}
	var once sync.Once
	r := canvas.NewRaster(func(width, height int) image.Image {
		once.Do(func() {
			fmt.Fprintf(os.Stderr, "scoplan-first-frame %d cpu-ms=%d\n", time.Now().UnixNano(), cpuTime())
			go func() {
				stopCPUProfile()
				time.Sleep(time.Second)
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				writeHeapProfile()
				fmt.Fprintf(os.Stderr, "scoplan-memstats heap-alloc=%d heap-sys=%d sys=%d total-alloc=%d num-gc=%d\n",
					m.HeapAlloc, m.HeapSys, m.Sys, m.TotalAlloc, m.NumGC)
			}()
		})
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	})
	r.Resize(fyne.NewSize(1, 1))
	return container.NewStack(content, container.NewWithoutLayout(r))
}

// Mark prints a named moment of the start-up when Env is set, in the
// marker's format, so that the time before the first frame can be split:
//
//	scoplan-mark <name> <unix ns> cpu-ms=<CPU time of the process so far>
func Mark(name string) {
	if os.Getenv(Env) != "" {
		fmt.Fprintf(os.Stderr, "scoplan-mark %s %d cpu-ms=%d\n", name, time.Now().UnixNano(), cpuTime())
	}
}
