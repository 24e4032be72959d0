package app

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

func BenchmarkZZShape(b *testing.B) {
	for _, r := range []fyne.Resource{fontRegular, fontBold, theme.DefaultTextFont()} {
		f, err := font.ParseTTF(bytes.NewReader(r.Content()))
		if err != nil {
			b.Fatal(err)
		}
		for _, text := range []string{"Not started (76)", "Hold meetings of the SCO Special Working Group on Trade Facilitation."} {
			b.Run(r.Name()+"/"+text[:5], func(b *testing.B) {
				b.ReportAllocs()
				runes := []rune(text)
				for i := 0; i < b.N; i++ {
					sh := &shaping.HarfbuzzShaper{}
					sh.Shape(shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR, Face: f, Size: fixed.I(14)})
				}
			})
		}
	}
}
