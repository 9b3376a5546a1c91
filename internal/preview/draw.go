package preview

import "image/color"

// The picture's size: the 1.91:1 of link previews (OpenGraph, Mastodon,
// Discourse, messengers), in pixels.
const (
	Width  = 1200
	Height = 630
)

// Layout, in pixels from the top and from the start side (the left, or
// the right in a right-to-left language).
const (
	margin     = 56
	inner      = Width - 2*margin
	brandY     = 64
	titleY     = 128
	subtitleY  = 172
	bodyTop    = 206
	footerLine = 556
	footerY    = 598
)

// Colours: dark text on white, and marks that carry their meaning in
// their shape (✓ ✗ ?) as well as their colour.
var (
	ink     = color.RGBA{0x1b, 0x1f, 0x24, 0xff}
	muted   = color.RGBA{0x4b, 0x55, 0x63, 0xff}
	rule    = color.RGBA{0xd0, 0xd7, 0xde, 0xff}
	accent  = color.RGBA{0x1f, 0x4e, 0x8c, 0xff}
	goodInk = color.RGBA{0x1a, 0x7f, 0x37, 0xff}
	badInk  = color.RGBA{0xb4, 0x23, 0x18, 0xff}
	paper   = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// Text styles.
var (
	brandStyle    = style{size: 24, bold: true, fill: accent}
	titleStyle    = style{size: 46, bold: true, fill: ink}
	subtitleStyle = style{size: 26, fill: muted}
	headStyle     = style{size: 28, bold: true, fill: ink}
	labelStyle    = style{size: 25, fill: muted}
	cellStyle     = style{size: 26, fill: ink}
	footStyle     = style{size: 21, fill: muted}
	nameStyle     = style{size: 32, bold: true, fill: ink}
)

// pen draws on the picture in the page's direction, with y from the top.
type pen struct {
	sc  *scene
	t   *typesetter
	rtl bool
}

// x is where something w wide starts that sits at x from the start side.
func (p pen) x(x, w float64) float64 {
	if p.rtl {
		return Width - x - w
	}
	return x
}

// text draws s at x from the start side with its baseline at y, at most
// maxWidth wide, and returns its width.
func (p pen) text(s string, st style, x, y, maxWidth float64) float64 {
	l := p.t.line(s, st, p.rtl, maxWidth)
	l.draw(p.sc, p.x(x, l.width), y)
	return l.width
}

// rule draws a horizontal line across the picture at y.
func (p pen) rule(y float64, from, width float64) {
	p.sc.rect(p.x(from, width), y-1, width, 2, rule)
}

// fact draws a fact as the pages show it, the mark first and the word
// after it, in a cell of width w at x; a word too long is cut and ends
// with an ellipsis.
func (p pen) fact(mark, word, tone string, x, y, w float64) {
	size := cellStyle.size
	used := 0.0
	switch mark {
	case string(markGood), string(markBad):
		p.mark(mark, x, y, size)
		used = size * 0.95
	case "":
	default:
		st := cellStyle
		st.fill = muted
		used = p.text(mark, st, x, y, size*1.5) + size*0.3
	}
	st := cellStyle
	if tone == "unknown" {
		st.fill = muted
	}
	p.text(word, st, x+used, y, w-used)
}

// mark draws ✓ or ✗ as strokes (no font needed), about size pixels
// high, on the baseline y at x from the start side.
func (p pen) mark(mark string, x, y, size float64) {
	s := size * 0.7
	x0 := p.x(x, s)
	top := y - s
	pt := func(fx, fy float64) [2]float64 { return [2]float64{x0 + fx*s, top + fy*s} }
	w := size * 0.13
	if mark == string(markGood) {
		p.sc.add(goodInk)
		p.sc.stroke([][2]float64{pt(0, 0.55), pt(0.38, 0.92), pt(1, 0.14)}, w, goodInk)
		return
	}
	p.sc.add(badInk)
	p.sc.stroke([][2]float64{pt(0.1, 0.12), pt(0.9, 0.92)}, w, badInk)
	p.sc.stroke([][2]float64{pt(0.1, 0.92), pt(0.9, 0.12)}, w, badInk)
}

// draw draws the view as a new scene.
func (v *view) draw(f *fonts) *scene {
	sc := &scene{background: paper}
	sc.rect(0, 0, Width, 10, accent)
	p := pen{sc: sc, t: f.typesetter(), rtl: v.words.RTL()}

	bw := p.text("msgcompare", brandStyle, margin, brandY, inner)
	v.drawLegend(p, bw)
	p.text(v.title, titleStyle, margin, titleY, inner)
	p.text(v.subtitle, subtitleStyle, margin, subtitleY, inner)
	switch v.kind {
	case kindTable:
		v.drawTable(p)
	case kindShortlist:
		v.drawShortlist(p)
	case kindApp:
		v.drawApp(p)
	default:
		v.drawCard(p)
	}
	v.drawFooter(p)
	return sc
}

func (v *view) drawTable(p pen) {
	labelW := 300.0
	colW := (inner - labelW) / float64(len(v.apps))
	y := bodyTop + 36.0
	for i, a := range v.apps {
		p.text(a.Name, headStyle, margin+labelW+float64(i)*colW, y, colW-16)
	}
	rowH := 58.0
	for r, cr := range v.criteria {
		top := bodyTop + 52 + float64(r)*rowH
		p.rule(top, margin, inner)
		base := top + 39
		p.text(cr.Label.In(v.words.Lang()), labelStyle, margin, base, labelW-16)
		for i, a := range v.apps {
			mark, word, tone := v.words.Fact(cr, a.Cell(cr.ID))
			p.fact(mark, word, tone, margin+labelW+float64(i)*colW, base, colW-16)
		}
	}
}

func (v *view) drawShortlist(p pen) {
	rowH := 82.0
	for i, pk := range v.picks {
		top := bodyTop + float64(i)*rowH
		rank := v.words.Num(i+1) + "."
		w := p.text(rank, nameStyle, margin, top+34, 80)
		p.text(pk.name, nameStyle, margin+w+14, top+34, inner-w-14)
		p.text(pk.verdict, cellStyle, margin+w+14, top+70, inner-w-14)
	}
}

func (v *view) drawApp(p pen) {
	colW := float64(inner) / 2
	rowH := 84.0
	a := v.apps[0]
	for i, cr := range v.criteria {
		col, row := i/4, i%4
		x := margin + float64(col)*colW
		top := bodyTop + float64(row)*rowH
		p.text(cr.Label.In(v.words.Lang()), labelStyle, x, top+30, colW-24)
		mark, word, tone := v.words.Fact(cr, a.Cell(cr.ID))
		p.fact(mark, word, tone, x, top+66, colW-24)
	}
}

func (v *view) drawCard(p pen) {
	if len(v.apps) == 0 {
		return
	}
	shown := v.names(v.apps)
	if v.more > 0 {
		shown = append(shown, v.words.Picture("more", v.more))
	}
	// The names, a few to a line.
	for line := 0; line*3 < len(shown) && line < 4; line++ {
		end := min(len(shown), line*3+3)
		p.text(joinDots(shown[line*3:end]), nameStyle, margin, bodyTop+50+float64(line)*62, inner)
	}
}

func joinDots(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "  ·  "
		}
		out += x
	}
	return out
}

func (v *view) drawFooter(p pen) {
	p.rule(footerLine, margin, inner)
	p.text(v.checked(), footStyle, margin, footerY, inner)
}

// drawLegend says what the marks mean, at the top on the end side
// (across from the brand): each mark with its word.
func (v *view) drawLegend(p pen, brandWidth float64) {
	if v.kind != kindTable && v.kind != kindApp {
		return
	}
	good, bad := v.words.MarkGood(), v.words.MarkBad()
	size := footStyle.size
	room := inner - brandWidth - 40 - 2*(size+8) - 28
	lg := p.t.line(good, footStyle, p.rtl, room/2)
	lb := p.t.line(bad, footStyle, p.rtl, room/2)
	total := size + 8 + lg.width + 28 + size + 8 + lb.width
	x := margin + inner - total
	p.mark(string(markGood), x, brandY, size)
	lg.draw(p.sc, p.x(x+size+8, lg.width), brandY)
	x += size + 8 + lg.width + 28
	p.mark(string(markBad), x, brandY, size)
	lb.draw(p.sc, p.x(x+size+8, lb.width), brandY)
}
