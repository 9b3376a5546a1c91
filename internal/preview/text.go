package preview

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// fonts are the pictures' typefaces, regular and bold, by script, parsed
// once: a Face is made from them for each picture (faces and the shaper
// keep caches and are not safe for concurrent use).
type fonts struct {
	regular, bold [scripts]*font.Font
}

// loadFonts parses the embedded subsets (fonts/, make fonts).
func loadFonts() (*fonts, error) {
	files := [scripts][2]string{
		Latin:  {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"},
		Arabic: {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"},
		CJK:    {"NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf"},
	}
	var f fonts
	for s, pair := range files {
		for i, name := range pair {
			b, err := fontFiles.ReadFile("fonts/" + name)
			if err != nil {
				return nil, fmt.Errorf("preview: %w", err)
			}
			face, err := font.ParseTTF(bytes.NewReader(b))
			if err != nil {
				return nil, fmt.Errorf("preview: font %s: %w", name, err)
			}
			if i == 0 {
				f.regular[s] = face.Font
			} else {
				f.bold[s] = face.Font
			}
		}
	}
	return &f, nil
}

// has reports whether font draws r.
func has(f *font.Font, r rune) bool {
	_, ok := f.NominalGlyph(r)
	return ok
}

// typesetter shapes the lines of one picture: its faces and shaper are
// its own.
type typesetter struct {
	f             *fonts
	regular, bold [scripts]*font.Face
	shaper        shaping.HarfbuzzShaper
}

func (f *fonts) typesetter() *typesetter {
	t := &typesetter{f: f}
	for s := range scripts {
		t.regular[s] = font.NewFace(f.regular[s])
		t.bold[s] = font.NewFace(f.bold[s])
	}
	return t
}

// style is how a line of text is drawn.
type style struct {
	size float64 // in pixels
	bold bool
	fill rgba
}

// run is a piece of a line in one face and one direction, shaped.
type run struct {
	out   shaping.Output
	face  *font.Face
	width float64
	rtl   bool
}

// textLine is one line of text, shaped and in visual order.
type textLine struct {
	runs  []run
	width float64
	st    style
}

// ellipsis ends a text that was cut to fit.
const ellipsis = "…"

// line lays out s on one line of at most maxWidth pixels: each character
// in the font of its script, the runs in bidirectional order (a Latin
// name inside a Persian sentence), in a right-to-left paragraph when rtl.
// A text too long is cut at its end (in reading order) and ends with an
// ellipsis, so that no text overflows its place whatever its length.
func (t *typesetter) line(s string, st style, rtl bool, maxWidth float64) textLine {
	s = clean(s)
	l := t.layout(s, st, rtl)
	if l.width <= maxWidth {
		return l
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if t.layout(string(runes[:mid])+ellipsis, st, rtl).width <= maxWidth {
			lo = mid
		} else {
			hi = mid
		}
	}
	cut := string(runes[:lo])
	for len(cut) > 0 {
		r, n := utf8.DecodeLastRuneInString(cut)
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			break
		}
		cut = cut[:len(cut)-n]
	}
	// The ellipsis reads in the direction of the text it ends (a Latin
	// name cut in a Persian picture ends on its right).
	end := ellipsis
	for _, r := range cut {
		if sc, ok := ScriptOf(r); ok && unicode.IsLetter(r) {
			if sc == Arabic {
				end = ellipsis + "\u200f"
			} else {
				end = ellipsis + "\u200e"
			}
		}
	}
	return t.layout(cut+end, st, rtl)
}

// clean keeps what a line can hold: no line breaks, no controls, and no
// bidirectional isolates (ui's sentences put them around names): the
// runs' order is computed here.
func clean(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case unicode.IsControl(r), r == utf8.RuneError, r >= '\u2066' && r <= '\u2069', r >= '\u202a' && r <= '\u202e':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fontmap picks each character's face: its script's for letters and
// digits, and for spaces and punctuation the face of the letters before
// them when it has them.
type fontmap struct {
	faces *[scripts]*font.Face
	prev  Script
}

func (m *fontmap) ResolveFace(r rune) *font.Face {
	if s, ok := ScriptOf(r); ok {
		m.prev = s
		return m.faces[s]
	}
	if m.prev >= 0 && has(m.faces[m.prev].Font, r) {
		return m.faces[m.prev]
	}
	for _, f := range m.faces {
		if has(f.Font, r) {
			return f
		}
	}
	return m.faces[Latin]
}

func (t *typesetter) layout(s string, st style, rtl bool) textLine {
	l := textLine{st: st}
	if s == "" {
		return l
	}
	faces := &t.regular
	if st.bold {
		faces = &t.bold
	}
	// The paragraph's direction is the page's, not its first letter's: a
	// mark in front says so to the bidirectional algorithm.
	mark := '\u200e'
	dir := di.DirectionLTR
	if rtl {
		mark, dir = '\u200f', di.DirectionRTL
	}
	text := append([]rune{mark}, []rune(s)...)
	fm := &fontmap{faces: faces, prev: -1}
	for _, r := range text {
		if sc, ok := ScriptOf(r); ok {
			fm.prev = sc
			break
		}
	}
	var seg shaping.Segmenter
	in := shaping.Input{Text: text, RunStart: 1, RunEnd: len(text), Direction: dir,
		Size: fixed.Int26_6(st.size * 64), Language: language.NewLanguage("und")}
	for _, part := range seg.Split(in, fm) {
		out := t.shaper.Shape(part)
		w := float64(out.Advance) / 64
		l.runs = append(l.runs, run{out: out, face: part.Face, width: w, rtl: part.Direction.Progression() == di.TowardTopLeft})
		l.width += w
	}
	reorder(l.runs, rtl)
	return l
}

// reorder puts a line's runs, in reading order, in the order they are
// seen: in a left-to-right line each sequence of right-to-left runs is
// reversed; in a right-to-left line the whole line is, and each sequence
// of left-to-right runs within it read the right way again (rule L2 of
// the Unicode bidirectional algorithm, for the two levels a line of ours
// has).
func reorder(runs []run, rtl bool) {
	flip := func(a, b int) {
		for b--; a < b; a, b = a+1, b-1 {
			runs[a], runs[b] = runs[b], runs[a]
		}
	}
	if rtl {
		flip(0, len(runs))
	}
	for i := 0; i < len(runs); {
		if runs[i].rtl != rtl {
			j := i
			for j < len(runs) && runs[j].rtl != rtl {
				j++
			}
			flip(i, j)
			i = j
			continue
		}
		i++
	}
}

// draw adds the line's glyphs to the scene with their baseline at y,
// starting at x (the line's left end).
func (l textLine) draw(sc *scene, x, y float64) {
	sc.add(l.st.fill)
	for _, r := range l.runs {
		scale := l.st.size / float64(r.face.Upem())
		pen := x
		for _, g := range r.out.Glyphs {
			gx := pen + float64(g.XOffset)/64
			gy := y - float64(g.YOffset)/64
			if data, ok := r.face.GlyphData(g.GlyphID).(font.GlyphOutline); ok {
				sc.glyph(data.Segments, gx, gy, scale, l.st.fill)
			}
			pen += float64(g.XAdvance) / 64
		}
		x += r.width
	}
}

// segmentPoints is how many points each kind of outline segment has.
func segmentPoints(op ot.SegmentOp) int {
	switch op {
	case ot.SegmentOpQuadTo:
		return 2
	case ot.SegmentOpCubeTo:
		return 3
	}
	return 1
}
