// Command hello is the baseline of the start-up benchmark: a bare Fyne
// window of scoplan's size with one label, built and measured in the same
// run as scoplan (scripts/bench-startup.sh). With -bold it has a second,
// bold label: the window then loads the text faces of both styles, as
// scoplan's first frame does (its IDs, headings and buttons are bold).
package main

import (
	"flag"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"scoplan/bench/firstframe"
)

func main() {
	bold := flag.Bool("bold", false, "add a bold label")
	flag.Parse()
	a := fyneapp.NewWithID("org.scoplan.bench.hello")
	w := a.NewWindow("hello")
	var content fyne.CanvasObject = widget.NewLabel("Hello")
	if *bold {
		content = container.NewVBox(content, widget.NewLabelWithStyle("Hello", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	w.SetContent(firstframe.Wrap(content))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
