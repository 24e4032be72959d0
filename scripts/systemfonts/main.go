// Command systemfonts lists the font folders Fyne looks in for fallback
// fonts and the fonts it finds there, as Fyne itself does: Fyne 2.7.1's
// painter asks go-text's fontscan for the system fonts (FontMap.
// UseSystemFonts), which scans the folders of
// fontscan.DefaultFontDirectories (on Linux the X11, /usr/local and /usr
// font folders, TeX's OpenType folder, ~/.fonts, $XDG_DATA_HOME/fonts, each
// $XDG_DATA_DIRS/fonts and the <dir>s of fontconfig's configuration) without
// going through fontconfig. scripts/test-nofonts.sh uses it to find the
// folders to hide and to prove that no font is left.
//
//	go run ./scripts/systemfonts -dirs    the folders, one a line
//	go run ./scripts/systemfonts          the fonts found, then their number
//
// -v shows fontscan's messages.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/go-text/typesetting/fontscan"
)

var verbose = flag.Bool("v", false, "show fontscan's messages (missing fontconfig files …)")

type logger struct{}

func (logger) Printf(format string, args ...any) {
	if *verbose {
		log.Printf(format, args...)
	}
}

func main() {
	dirsOnly := flag.Bool("dirs", false, "list the folders that are searched, not the fonts")
	flag.Parse()
	if *dirsOnly {
		dirs, err := fontscan.DefaultFontDirectories(logger{})
		if err != nil { // no folder exists
			return
		}
		for _, d := range dirs {
			fmt.Println(d)
		}
		return
	}
	// A fresh index in a temporary folder: fontscan keeps one in the user's
	// cache folder, which could remember fonts no longer visible.
	cache, err := os.MkdirTemp("", "systemfonts")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(cache)
	fonts, err := fontscan.SystemFonts(logger{}, cache)
	if err != nil {
		// Also what fontscan says when no font folder exists at all.
		logger{}.Printf("fontscan: %v", err)
	}
	for _, f := range fonts {
		fmt.Printf("%s\t%s\n", f.Family, f.Location.File)
	}
	fmt.Println(len(fonts))
}
