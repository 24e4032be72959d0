package report

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"scoplan/data"
	"scoplan/internal/fontdata"
)

// The PDF is made with github.com/signintech/gopdf (see docs/REPORTS.md for
// why), which embeds subsets of TrueType faces with a ToUnicode map, so the
// text can be searched and copied. A text is drawn with two faces: NotoSans
// for Latin, Greek and Cyrillic, and Noto Sans CJK SC for the rest, as the
// GUI draws it (internal/fontdata). gopdf only draws: the layout (wrapping,
// tables whose rows are never cut and whose heads repeat on every page, page
// numbers) is here, measured with the faces' own advances.

// A4 portrait, in points.
const (
	pageW      = 595.28
	pageH      = 841.89
	marginX    = 40.0
	marginTop  = 42.0
	bodyBottom = pageH - 48.0 // the footer is below
	bodyW      = pageW - 2*marginX
	cellPad    = 3.5
	lineFactor = 1.38 // line height / font size
)

// pdfFace is one weight: the Latin and the CJK face, by their gopdf family
// names, with sfnt parses to measure text and to know which face has a
// character.
type pdfFace struct {
	latin, cjk     *sfnt.Font
	latinN, cjkN   string
	latinEm, cjkEm float64
	mu             sync.Mutex
	adv            map[rune]runeInfo
	buf            sfnt.Buffer
}

type runeInfo struct {
	cjk bool    // drawn with the CJK face
	w   float64 // advance, in em
}

var (
	facesOnce sync.Once
	faces     [2]*pdfFace // regular, bold
	facesErr  error
)

func loadFaces() error {
	facesOnce.Do(func() {
		srcs := [2][2][]byte{{fontdata.LatinRegular, fontdata.CJKRegular}, {fontdata.LatinBold, fontdata.CJKBold}}
		names := [2][2]string{{"latin", "cjk"}, {"latin-bold", "cjk-bold"}}
		for i := range faces {
			l, err := sfnt.Parse(srcs[i][0])
			if err != nil {
				facesErr = fmt.Errorf("the PDF's Latin face: %w", err)
				return
			}
			c, err := sfnt.Parse(srcs[i][1])
			if err != nil {
				facesErr = fmt.Errorf("the PDF's Chinese face: %w", err)
				return
			}
			f := &pdfFace{latin: l, cjk: c, latinN: names[i][0], cjkN: names[i][1], adv: map[rune]runeInfo{}}
			f.latinEm, f.cjkEm = float64(l.UnitsPerEm()), float64(c.UnitsPerEm())
			faces[i] = f
		}
	})
	return facesErr
}

// info says which face draws a character and how wide it is. A character
// neither face has is drawn as "?" (see clean).
func (f *pdfFace) info(r rune) (runeInfo, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if ri, ok := f.adv[r]; ok {
		return ri, true
	}
	measure := func(fn *sfnt.Font, em float64) (float64, bool) {
		g, err := fn.GlyphIndex(&f.buf, r)
		if err != nil || g == 0 {
			return 0, false
		}
		a, err := fn.GlyphAdvance(&f.buf, g, fixed.Int26_6(em*64), font.HintingNone)
		if err != nil {
			return 0, false
		}
		return float64(a) / 64 / em, true
	}
	if w, ok := measure(f.latin, f.latinEm); ok {
		f.adv[r] = runeInfo{w: w}
		return f.adv[r], true
	}
	if w, ok := measure(f.cjk, f.cjkEm); ok {
		f.adv[r] = runeInfo{cjk: true, w: w}
		return f.adv[r], true
	}
	return runeInfo{}, false
}

// clean makes a text drawable: tabs and other spaces become spaces, other
// control characters go, and characters neither face has become "?".
func (f *pdfFace) clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || unicode.IsSpace(r) && r != '\u00a0' && r != '\u3000':
			return ' '
		case unicode.IsControl(r) || r == '\u200b' || r == '\ufeff':
			return -1
		}
		if _, ok := f.info(r); !ok {
			return '?'
		}
		return r
	}, s)
}

// width of a cleaned one-line text at a size.
func (f *pdfFace) width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		ri, _ := f.info(r)
		w += ri.w
	}
	return w * size
}

// breakable says whether a line may break before r (after prev): between
// Chinese characters, except before closing punctuation or after opening.
func breakable(prev, r rune) bool {
	if strings.ContainsRune("，。、；：？！）》」』】〕”’,.;:?!)]}%…—·", r) || strings.ContainsRune("（《「『【〔“‘([{", prev) {
		return false
	}
	return isWide(r) || isWide(prev)
}

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303f || r >= 0xff00 && r <= 0xffef
}

// wrap breaks a text into lines no wider than w: at spaces, between Chinese
// characters, and inside a word only when the word alone is wider.
func (f *pdfFace) wrap(s string, size, w float64) []string {
	var out []string
	for _, para := range strings.Split(f.clean(s), "\n") {
		out = append(out, f.wrapLine(strings.TrimRight(para, " "), size, w)...)
	}
	return out
}

func (f *pdfFace) wrapLine(s string, size, w float64) []string {
	rs := []rune(s)
	var lines []string
	for len(rs) > 0 {
		width, cut, lastBreak := 0.0, len(rs), -1
		for i, r := range rs {
			if i > 0 && (rs[i-1] == ' ' && r != ' ' || breakable(rs[i-1], r)) {
				lastBreak = i
			}
			ri, _ := f.info(r)
			width += ri.w * size
			if width > w && r != ' ' && i > 0 {
				cut = i
				if lastBreak > 0 {
					cut = lastBreak
				}
				break
			}
		}
		lines = append(lines, strings.TrimRight(string(rs[:cut]), " "))
		rs = rs[cut:]
		for len(rs) > 0 && rs[0] == ' ' {
			rs = rs[1:]
		}
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

func hexColour(s string) rgb {
	v, _ := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

var (
	black    = rgb{0x22, 0x22, 0x22}
	grey     = rgb{0x55, 0x55, 0x55}
	red      = rgb{0xa4, 0x00, 0x00}
	rule     = rgb{0xbb, 0xbb, 0xbb}
	headBg   = rgb{0xee, 0xf3, 0xf9}
	barLine  = rgb{0x99, 0x99, 0x99}
	noteRule = rgb{0xc9, 0xd6, 0xe6}
)

// pdfDoc lays out the report on pages.
type pdfDoc struct {
	pdf *gopdf.GoPdf
	r   *Report
	y   float64 // the top of the free space on the page
	// onNewPage draws what a new page starts with (a table's head).
	onNewPage func()
	err       error
}

func (d *pdfDoc) face(bold bool) *pdfFace {
	if bold {
		return faces[1]
	}
	return faces[0]
}

func (d *pdfDoc) fail(err error) {
	if err != nil && d.err == nil {
		d.err = err
	}
}

// text draws a cleaned one-line text with its top at y.
func (d *pdfDoc) text(x, y float64, s string, bold bool, size float64, c rgb) {
	f := d.face(bold)
	d.pdf.SetTextColor(c.r, c.g, c.b)
	base := y + size*1.02
	var run []rune
	cjk := false
	flush := func() {
		if len(run) == 0 {
			return
		}
		name := f.latinN
		if cjk {
			name = f.cjkN
		}
		d.fail(d.pdf.SetFont(name, "", size))
		d.pdf.SetXY(x, base)
		d.fail(d.pdf.Text(string(run)))
		x += f.width(string(run), size)
		run = run[:0]
	}
	for _, r := range s {
		ri, _ := f.info(r)
		if len(run) > 0 && ri.cjk != cjk && r != ' ' {
			flush()
		}
		if len(run) == 0 {
			cjk = ri.cjk
		}
		run = append(run, r)
	}
	flush()
}

func (d *pdfDoc) rect(x, y, w, h float64, fill *rgb, stroke *rgb) {
	style := ""
	if fill != nil {
		d.pdf.SetFillColor(fill.r, fill.g, fill.b)
		style += "F"
	}
	if stroke != nil {
		d.pdf.SetStrokeColor(stroke.r, stroke.g, stroke.b)
		d.pdf.SetLineWidth(0.5)
		style += "D"
	}
	if style == "FD" {
		style = "DF"
	}
	d.pdf.RectFromUpperLeftWithStyle(x, y, w, h, style)
}

func (d *pdfDoc) newPage() {
	d.pdf.AddPage()
	d.y = marginTop
	if d.onNewPage != nil {
		d.onNewPage()
	}
}

// need starts a new page unless h fits on this one.
func (d *pdfDoc) need(h float64) {
	if d.y+h > bodyBottom {
		d.newPage()
	}
}

// para draws a wrapped paragraph across the body's width.
func (d *pdfDoc) para(s string, bold bool, size float64, c rgb, after float64) {
	lh := size * lineFactor
	for _, l := range d.face(bold).wrap(s, size, bodyW) {
		d.need(lh)
		d.text(marginX, d.y, l, bold, size, c)
		d.y += lh
	}
	d.y += after
}

// heading draws a heading kept with at least keep points of what follows.
func (d *pdfDoc) heading(s string, size, before, keep float64) {
	lines := d.face(true).wrap(s, size, bodyW)
	d.y += before
	d.need(float64(len(lines))*size*lineFactor + keep)
	d.para(s, true, size, black, 2)
}

// block is one paragraph of a table cell.
type block struct {
	text  string
	bold  bool
	size  float64
	c     rgb
	badge *rgb // a background behind the text, as wide as the text
	rule  bool // a thin line above it: a note starts
}

// placed is a line of a cell at dy under the cell's top.
type placed struct {
	dy, h float64
	text  string
	b     *block
	w     float64
	first bool // the block's first line
}

// layoutCell wraps a cell's blocks to a width.
func (d *pdfDoc) layoutCell(blocks []block, w float64) ([]placed, float64) {
	var out []placed
	y := cellPad
	for i := range blocks {
		b := &blocks[i]
		if b.text == "" {
			continue
		}
		if b.rule {
			y += 2
		}
		inner := w - 2*cellPad
		if b.badge != nil {
			inner -= 4
		}
		f := d.face(b.bold)
		for j, l := range f.wrap(b.text, b.size, inner) {
			h := b.size * lineFactor
			out = append(out, placed{dy: y, h: h, text: l, b: b, w: f.width(l, b.size), first: j == 0})
			y += h
		}
		y += 1
	}
	return out, y + cellPad - 1
}

// table draws rows under a head repeated on every page; a row is never cut
// across pages unless it is taller than a whole page. On the pages after
// the first, caption says whose table it is, with "(continued)".
func (d *pdfDoc) table(widths []float64, head []string, rows [][][]block, caption string) {
	headCells := make([][]block, len(head))
	for i, h := range head {
		headCells[i] = []block{{text: h, bold: true, size: 8.5, c: black}}
	}
	drawHead := func() { d.row(widths, headCells, &headBg) }
	d.need(d.rowHeight(widths, headCells) + d.rowHeight(widths, rows[0]))
	drawHead()
	prev := d.onNewPage
	d.onNewPage = func() {
		d.para(caption+" "+d.r.L("(continued)"), true, 9.5, grey, 2)
		drawHead()
	}
	for _, r := range rows {
		d.row(widths, r, nil)
	}
	d.onNewPage = prev
	d.y += 6
}

func (d *pdfDoc) rowHeight(widths []float64, cells [][]block) float64 {
	h := 0.0
	for i, c := range cells {
		_, ch := d.layoutCell(c, widths[i])
		h = max(h, ch)
	}
	return h
}

func (d *pdfDoc) row(widths []float64, cells [][]block, bg *rgb) {
	laid := make([][]placed, len(cells))
	h := 0.0
	for i, c := range cells {
		var ch float64
		laid[i], ch = d.layoutCell(c, widths[i])
		h = max(h, ch)
	}
	for {
		if d.y+h <= bodyBottom {
			d.drawRow(widths, laid, h, bg)
			d.y += h
			return
		}
		if h <= bodyBottom-marginTop-30 || d.y > marginTop+40 {
			// It fits on a new page (or most of a new page is left for
			// it after the head).
			free := bodyBottom - d.y
			d.newPage()
			if h <= bodyBottom-d.y || free >= bodyBottom-d.y {
				continue
			}
		}
		// Taller than a page: cut it after the lines that fit.
		cut := bodyBottom - d.y - cellPad
		now := make([][]placed, len(laid))
		rest := make([][]placed, len(laid))
		next := h
		for i, ls := range laid {
			for _, l := range ls {
				if l.dy+l.h <= cut {
					now[i] = append(now[i], l)
				} else {
					rest[i] = append(rest[i], l)
					next = min(next, l.dy)
				}
			}
		}
		d.drawRow(widths, now, bodyBottom-d.y, bg)
		for i := range rest {
			for j := range rest[i] {
				rest[i][j].dy -= next - cellPad
			}
		}
		laid, h = rest, h-next+cellPad
		d.newPage()
	}
}

func (d *pdfDoc) drawRow(widths []float64, laid [][]placed, h float64, bg *rgb) {
	x := marginX
	for i, w := range widths {
		d.rect(x, d.y, w, h, bg, &rule)
		for _, l := range laid[i] {
			tx := x + cellPad
			if l.b.badge != nil {
				d.rect(tx, d.y+l.dy-0.5, l.w+4, l.h-1, l.b.badge, nil)
				tx += 2
			}
			if l.b.rule && l.first {
				d.pdf.SetStrokeColor(noteRule.r, noteRule.g, noteRule.b)
				d.pdf.SetLineWidth(0.5)
				d.pdf.Line(tx, d.y+l.dy-1, x+w-cellPad, d.y+l.dy-1)
			}
			d.text(tx, d.y+l.dy+(l.h-l.b.size*1.25)/2, l.text, l.b.bold, l.b.size, l.b.c)
		}
		x += w
	}
}

// PDF writes the report as an A4 PDF: the title, the overview with bars,
// the section of what changed when there is one, and the measures table.
// It needs no browser and no system font: the faces are embedded (subsets
// of those scoplan bundles).
func (r *Report) PDF() ([]byte, error) {
	if err := loadFaces(); err != nil {
		return nil, err
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{Title: r.Title, Creator: "scoplan", Producer: "scoplan"})
	srcs := map[string][]byte{"latin": fontdata.LatinRegular, "cjk": fontdata.CJKRegular, "latin-bold": fontdata.LatinBold, "cjk-bold": fontdata.CJKBold}
	for _, name := range []string{"latin", "cjk", "latin-bold", "cjk-bold"} {
		if err := pdf.AddTTFFontData(name, srcs[name]); err != nil {
			return nil, fmt.Errorf("the PDF's fonts: %w", err)
		}
	}
	d := &pdfDoc{pdf: pdf, r: r}
	d.newPage()
	d.para(r.Title, true, 15, black, 4)
	meta := r.L("Report made") + ": " + r.Generated
	if r.Scope != "" {
		meta += " · " + r.L("Search and filters") + ": " + r.Scope
	}
	meta += " · " + r.L("Measures") + ": " + strconv.Itoa(len(r.Rows))
	d.para(meta, false, 8.5, grey, 1)
	if r.Notice != "" {
		d.para(r.Notice, false, 8.5, grey, 1)
	}
	d.overview()
	if r.Changes != nil {
		d.changes(r.Changes)
	}
	d.measures()

	n := pdf.GetNumberOfPages()
	for i := 1; i <= n; i++ {
		d.fail(pdf.SetPage(i))
		s := fmt.Sprintf(r.L("Page %d of %d"), i, n)
		d.text(pageW-marginX-d.face(false).width(s, 8), pageH-34, s, false, 8, grey)
		title := d.face(false).wrap(r.Title, 8, bodyW*0.7)
		if len(title) > 1 {
			title[0] += " …"
		}
		d.text(marginX, pageH-34, title[0], false, 8, grey)
	}
	if d.err != nil {
		return nil, d.err
	}
	return pdf.GetBytesPdfReturnErr()
}

func (d *pdfDoc) overview() {
	r := d.r
	d.heading(r.L("Overview"), 12.5, 10, 40)
	labelW, barW := 200.0, 200.0
	line := func(title string, bold bool, c Counts) {
		lines := d.face(bold).wrap(title, 9, labelW-8)
		h := max(float64(len(lines))*9*lineFactor, 14) + 4
		d.need(h)
		for i, l := range lines {
			d.text(marginX, d.y+float64(i)*9*lineFactor, l, bold, 9, black)
		}
		x := marginX + labelW
		top := d.y + 1
		if c.All > 0 {
			for _, s := range data.Statuses {
				if n := c.ByStatus[s]; n > 0 {
					w := barW * float64(n) / float64(c.All)
					col := hexColour(statusColours[s])
					d.rect(x, top, w, 10, &col, nil)
					x += w
				}
			}
		}
		d.rect(marginX+labelW, top, barW, 10, nil, &barLine)
		d.text(marginX+labelW+barW+8, d.y, fmt.Sprintf("%d / %d %s", c.ByStatus[data.StatusDone], c.All, r.L("done")), false, 9, black)
		d.y += h
	}
	line(r.L("All measures"), true, r.Overview.Total)
	for _, ch := range r.Overview.Chapters {
		line(ch.Title, false, ch.Counts)
	}
	// The legend, wrapped like words.
	d.y += 4
	x := marginX
	d.need(14)
	item := func(box *rgb, s string) {
		w := d.face(false).width(s, 8.5) + 14
		if box == nil {
			w -= 12
		}
		if x+w > marginX+bodyW {
			x = marginX
			d.y += 13
			d.need(14)
		}
		if box != nil {
			d.rect(x, d.y+2, 8, 8, box, &barLine)
			x += 11
			w -= 11
		}
		d.text(x, d.y, s, false, 8.5, black)
		x += w + 10
	}
	for _, s := range data.Statuses {
		col := hexColour(statusColours[s])
		item(&col, fmt.Sprintf("%s: %d", r.L(StatusLabel(s)), r.Overview.Total.ByStatus[s]))
	}
	t := r.Overview.Total
	item(nil, fmt.Sprintf("%s: %d", r.L("Overdue"), t.Overdue))
	item(nil, fmt.Sprintf("%s: %d", r.L("Due soon"), t.DueSoon))
	item(nil, fmt.Sprintf("%s: %d", r.L("Status conflicts"), t.Conflicts))
	d.y += 16
}

func (d *pdfDoc) changes(cs *ChangesSection) {
	r := d.r
	d.heading(r.L("What changed"), 12.5, 8, 40)
	d.para(fmt.Sprintf("%s: %s · %s: %s · %s: %d", r.L("Since"), cs.From, r.L("As of"), cs.AsOf, r.L("Changes"), cs.Count), false, 8.5, grey, 4)
	d.para(cs.FilesText, false, 8.5, grey, 4)
	if len(cs.Chapters) == 0 {
		d.para(r.L("No changes"), false, 9.5, black, 6)
		return
	}
	widths := []float64{96, 96, 40, bodyW - 96 - 96 - 40}
	head := []string{r.L("When"), r.L("Who"), r.L("ID"), r.L("What")}
	for _, ch := range cs.Chapters {
		d.heading(ch.Title, 11, 6, 60)
		for _, g := range ch.Delegations {
			d.heading(g.Name, 9.5, 2, 50)
			rows := make([][][]block, len(g.Rows))
			for i, c := range g.Rows {
				what := []block{}
				switch c.Kind {
				case data.ChangeStatus:
					col := hexColour(statusColours[c.Status])
					what = append(what, block{text: r.L("Status") + ": " + r.L(StatusLabel(c.Previous)) + " →", size: 8.5, c: black},
						block{text: r.L(StatusLabel(c.Status)), bold: true, size: 8.5, c: black, badge: &col})
				case data.ChangeNoteAdd:
					what = append(what, block{text: r.L("Note added") + ": " + c.Text, size: 8.5, c: black})
				case data.ChangeNoteEdit:
					what = append(what, block{text: r.L("Note edited") + ": " + c.Text, size: 8.5, c: black})
				case data.ChangeNoteDelete:
					s := r.L("Note deleted")
					if c.Text != "" {
						s += ": " + c.Text
					}
					what = append(what, block{text: s, size: 8.5, c: black})
				default:
					what = append(what, block{text: string(c.Kind), size: 8.5, c: black})
				}
				rows[i] = [][]block{
					{{text: c.Time, size: 7.5, c: black}},
					{{text: c.Who, size: 8.5, c: black}, {text: keyTag(r.L, c.Key), size: 7, c: grey}},
					{{text: c.Measure, size: 8.5, c: black}},
					what,
				}
			}
			d.table(widths, head, rows, ch.Title+" · "+g.Name)
		}
	}
}

func (d *pdfDoc) measures() {
	r := d.r
	d.heading(r.L("Measures"), 12.5, 8, 60)
	if len(r.Rows) == 0 {
		return
	}
	widths := []float64{40, bodyW - 40 - 100 - 96, 100, 96}
	head := []string{r.L("ID"), r.L("Measure"), r.L("Deadline"), r.L("Status")}
	rows := make([][][]block, len(r.Rows))
	for i := range r.Rows {
		row := &r.Rows[i]
		m := []block{{text: row.Text, size: 8.5, c: black}}
		if r.Source {
			m = append(m, block{text: row.SourceText, size: 8, c: grey})
		}
		for _, n := range row.Notes {
			who := n.Author
			if n.Delegation != "" {
				who += " (" + n.Delegation + ")"
			}
			who = withKey(who, keyTag(r.L, n.Key)) + ", " + n.Created
			if n.Edited != "" {
				who += " · " + r.L("edited") + " " + n.Edited
			}
			m = append(m, block{text: who, size: 7.5, c: grey, rule: true}, block{text: n.Text, size: 8, c: black})
		}
		dl := []block{{text: row.Deadline, size: 8.5, c: black}, {text: row.Due, size: 8, c: grey}}
		if row.Overdue {
			dl = append(dl, block{text: r.L("Overdue"), size: 8, c: red})
		} else if row.DueSoon {
			dl = append(dl, block{text: r.L("Due soon"), size: 8, c: red})
		}
		col := hexColour(statusColours[row.Status])
		st := []block{{text: row.StatusText, bold: true, size: 8.5, c: black, badge: &col}}
		if row.Conflict {
			st = append(st, block{text: r.L("Status conflict") + ": " + row.Competing, size: 7.5, c: red})
		} else if row.SetBy != "" {
			st = append(st, block{text: row.SetBy, size: 7.5, c: grey})
		}
		rows[i] = [][]block{{{text: row.ID, size: 8.5, c: black}}, m, dl, st}
	}
	d.table(widths, head, rows, r.L("Measures"))
}
