// Command genicon draws scoplan's icon (Icon.png, 512×512): a plan sheet
// with three measures, two ticked, over a blue disc with a progress ring.
// It is original artwork made from geometry only; run it with
//
//	go run ./scripts/genicon -out Icon.png
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const (
	size = 512
	ss   = 4 // supersampling factor per axis
)

type shape func(x, y float64) bool

func main() {
	out := flag.String("out", "Icon.png", "output file")
	flag.Parse()

	blue := color.NRGBA{0x1d, 0x4f, 0x91, 0xff}
	ring := color.NRGBA{0xd6, 0xe4, 0xf5, 0xff}
	green := color.NRGBA{0x2e, 0xa0, 0x5a, 0xff}
	paper := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	ink := color.NRGBA{0x9a, 0xab, 0xc2, 0xff}
	box := color.NRGBA{0x1d, 0x4f, 0x91, 0xff}

	c := 256.0
	layers := []struct {
		in  shape
		col color.NRGBA
	}{
		{circle(c, c, 240), blue},
		{arc(c, c, 200, 222, 0, 2*math.Pi), ring},
		{arc(c, c, 200, 222, -math.Pi/2, -math.Pi/2+2*math.Pi*0.68), green},
		{roundRect(148, 120, 364, 392, 22), paper},
	}
	rows := []float64{178, 256, 334}
	for i, y := range rows {
		layers = append(layers,
			struct {
				in  shape
				col color.NRGBA
			}{ringBox(172, y-24, 220, y+24, 8, 6), box},
			struct {
				in  shape
				col color.NRGBA
			}{roundRect(240, y-8, 340, y+8, 8), ink})
		if i < 2 {
			layers = append(layers, struct {
				in  shape
				col color.NRGBA
			}{tick(180, y, 10), green})
		}
	}

	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := float64(px) + (float64(sx)+0.5)/ss
					y := float64(py) + (float64(sy)+0.5)/ss
					var cr, cg, cb, ca float64
					for _, l := range layers {
						if l.in(x, y) {
							cr, cg, cb, ca = float64(l.col.R), float64(l.col.G), float64(l.col.B), 255
						}
					}
					r, g, b, a = r+cr*ca/255, g+cg*ca/255, b+cb*ca/255, a+ca
				}
			}
			n := float64(ss * ss)
			if a == 0 {
				continue
			}
			alpha := a / n
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(r / n * 255 / alpha)), G: uint8(math.Round(g / n * 255 / alpha)),
				B: uint8(math.Round(b / n * 255 / alpha)), A: uint8(math.Round(alpha)),
			})
		}
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func circle(cx, cy, r float64) shape {
	return func(x, y float64) bool { return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r }
}

func arc(cx, cy, r0, r1, from, to float64) shape {
	return func(x, y float64) bool {
		d := math.Hypot(x-cx, y-cy)
		if d < r0 || d > r1 {
			return false
		}
		a := math.Atan2(y-cy, x-cx)
		for a < from {
			a += 2 * math.Pi
		}
		return a <= to
	}
}

func roundRect(x0, y0, x1, y1, r float64) shape {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
}

func ringBox(x0, y0, x1, y1, r, w float64) shape {
	outer := roundRect(x0, y0, x1, y1, r)
	inner := roundRect(x0+w, y0+w, x1-w, y1-w, math.Max(r-w, 1))
	return func(x, y float64) bool { return outer(x, y) && !inner(x, y) }
}

// tick is a check mark inside the box whose left edge is at x0, centred on cy.
func tick(x0, cy, w float64) shape {
	seg := func(ax, ay, bx, by float64) shape {
		return func(x, y float64) bool {
			dx, dy := bx-ax, by-ay
			t := math.Max(0, math.Min(1, ((x-ax)*dx+(y-ay)*dy)/(dx*dx+dy*dy)))
			return math.Hypot(x-(ax+t*dx), y-(ay+t*dy)) <= w/2
		}
	}
	a := seg(x0+6, cy-2, x0+20, cy+14)
	b := seg(x0+20, cy+14, x0+50, cy-30)
	return func(x, y float64) bool { return a(x, y) || b(x, y) }
}
