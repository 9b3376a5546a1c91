package preview

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strconv"

	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"
)

// rgba is a colour of the picture.
type rgba = color.RGBA

// scene is a picture as filled shapes, in pixels from the top left: it
// is drawn as a PNG (x/image/vector) or written as SVG paths, so that
// both show the same shapes and an SVG holds no text at all.
type scene struct {
	background rgba
	shapes     []shape
}

// shape is one filled outline in one colour.
type shape struct {
	fill rgba
	ops  []op
}

// op is a path operation: 'M', 'L', 'Q' or 'C' with its points.
type op struct {
	kind byte
	pts  [3][2]float32
}

// add starts a new shape. Each is rasterized within its own bounds, so
// that many small shapes (a line of text, a mark) cost their area, not
// the picture's.
func (s *scene) add(fill rgba) *shape {
	s.shapes = append(s.shapes, shape{fill: fill})
	return &s.shapes[len(s.shapes)-1]
}

// last is the shape being drawn if it has fill, else a new one.
func (s *scene) last(fill rgba) *shape {
	if n := len(s.shapes); n > 0 && s.shapes[n-1].fill == fill {
		return &s.shapes[n-1]
	}
	return s.add(fill)
}

// rect fills a rectangle.
func (s *scene) rect(x, y, w, h float64, fill rgba) {
	sh := s.add(fill)
	sh.ops = append(sh.ops,
		op{kind: 'M', pts: [3][2]float32{{float32(x), float32(y)}}},
		op{kind: 'L', pts: [3][2]float32{{float32(x + w), float32(y)}}},
		op{kind: 'L', pts: [3][2]float32{{float32(x + w), float32(y + h)}}},
		op{kind: 'L', pts: [3][2]float32{{float32(x), float32(y + h)}}},
		op{kind: 'L', pts: [3][2]float32{{float32(x), float32(y)}}})
}

// polygon fills the polygon of points.
func (s *scene) polygon(pts [][2]float64, fill rgba) {
	sh := s.last(fill)
	for i, p := range append(pts, pts[0]) {
		k := byte('L')
		if i == 0 {
			k = 'M'
		}
		sh.ops = append(sh.ops, op{kind: k, pts: [3][2]float32{{float32(p[0]), float32(p[1])}}})
	}
}

// stroke draws the polyline pts width wide, as a quadrilateral per
// segment and a square at each joint.
func (s *scene) stroke(pts [][2]float64, width float64, fill rgba) {
	h := width / 2
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		dx, dy := b[0]-a[0], b[1]-a[1]
		n := math.Hypot(dx, dy)
		if n == 0 {
			continue
		}
		// the normal, and the segment lengthened by half the width at
		// each end so that the joints and ends are covered
		nx, ny := -dy/n*h, dx/n*h
		ex, ey := dx/n*h, dy/n*h
		s.polygon([][2]float64{
			{a[0] - ex + nx, a[1] - ey + ny}, {b[0] + ex + nx, b[1] + ey + ny},
			{b[0] + ex - nx, b[1] + ey - ny}, {a[0] - ex - nx, a[1] - ey - ny},
		}, fill)
	}
}

// glyph adds a glyph's outline, in font units, at (x, y) (its origin on
// the baseline) scaled to pixels.
func (s *scene) glyph(segs []ot.Segment, x, y, scale float64, fill rgba) {
	if len(segs) == 0 {
		return
	}
	sh := s.last(fill)
	for _, sg := range segs {
		o := op{}
		switch sg.Op {
		case ot.SegmentOpMoveTo:
			o.kind = 'M'
		case ot.SegmentOpLineTo:
			o.kind = 'L'
		case ot.SegmentOpQuadTo:
			o.kind = 'Q'
		case ot.SegmentOpCubeTo:
			o.kind = 'C'
		}
		for i := range segmentPoints(sg.Op) {
			o.pts[i] = [2]float32{float32(x + float64(sg.Args[i].X)*scale), float32(y - float64(sg.Args[i].Y)*scale)}
		}
		sh.ops = append(sh.ops, o)
	}
}

// bounds is the pixels the shape covers, within w × h.
func (sh *shape) bounds(w, h int) image.Rectangle {
	if len(sh.ops) == 0 {
		return image.Rectangle{}
	}
	x0, y0, x1, y1 := float32(w), float32(h), float32(0), float32(0)
	for _, o := range sh.ops {
		n := map[byte]int{'M': 1, 'L': 1, 'Q': 2, 'C': 3}[o.kind]
		for _, p := range o.pts[:n] {
			x0, y0 = min(x0, p[0]), min(y0, p[1])
			x1, y1 = max(x1, p[0]), max(y1, p[1])
		}
	}
	r := image.Rect(int(math.Floor(float64(x0))), int(math.Floor(float64(y0))), int(math.Ceil(float64(x1))), int(math.Ceil(float64(y1))))
	return r.Intersect(image.Rect(0, 0, w, h))
}

// image draws the scene on a new RGBA image of w × h.
func (s *scene) image(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(s.background), image.Point{}, draw.Src)
	var z vector.Rasterizer
	for _, sh := range s.shapes {
		r := sh.bounds(w, h)
		if r.Empty() {
			continue
		}
		z.Reset(r.Dx(), r.Dy())
		z.DrawOp = draw.Over
		dx, dy := float32(r.Min.X), float32(r.Min.Y)
		open := false
		for _, o := range sh.ops {
			p := o.pts
			for i := range p {
				p[i][0] -= dx
				p[i][1] -= dy
			}
			switch o.kind {
			case 'M':
				if open {
					z.ClosePath()
				}
				z.MoveTo(p[0][0], p[0][1])
				open = true
			case 'L':
				z.LineTo(p[0][0], p[0][1])
			case 'Q':
				z.QuadTo(p[0][0], p[0][1], p[1][0], p[1][1])
			case 'C':
				z.CubeTo(p[0][0], p[0][1], p[1][0], p[1][1], p[2][0], p[2][1])
			}
		}
		if open {
			z.ClosePath()
		}
		z.Draw(img, r, image.NewUniform(sh.fill), image.Point{})
	}
	return img
}

// svg writes the scene as an SVG document of w × h with title as its
// accessible name (escaped: it is text of the catalog).
func (s *scene) svg(w, h int, title string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="t"><title id="t">`, w, h, w, h)
	escapeXML(&b, title)
	b.WriteString(`</title>`)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#%02x%02x%02x"/>`, w, h, s.background.R, s.background.G, s.background.B)
	num := func(f float32) {
		b.WriteString(strconv.FormatFloat(float64(f), 'f', 1, 32))
	}
	for _, sh := range s.shapes {
		fmt.Fprintf(&b, `<path fill="#%02x%02x%02x" d="`, sh.fill.R, sh.fill.G, sh.fill.B)
		for _, o := range sh.ops {
			b.WriteByte(o.kind)
			n := map[byte]int{'M': 1, 'L': 1, 'Q': 2, 'C': 3}[o.kind]
			for i := range n {
				if i > 0 {
					b.WriteByte(' ')
				}
				num(o.pts[i][0])
				b.WriteByte(' ')
				num(o.pts[i][1])
			}
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</svg>`)
	return b.Bytes()
}

func escapeXML(b *bytes.Buffer, s string) {
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' || r == 0xfffe || r == 0xffff {
				continue
			}
			b.WriteRune(r)
		}
	}
}
