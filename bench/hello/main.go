// Command hello is the baseline of the start-up benchmark: a bare Fyne
// window of scoplan's size with one label, built and measured in the same
// run as scoplan (scripts/bench-startup.sh).
package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"scoplan/bench/firstframe"
)

func main() {
	a := fyneapp.NewWithID("org.scoplan.bench.hello")
	w := a.NewWindow("hello")
	w.SetContent(firstframe.Wrap(widget.NewLabel("Hello")))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
