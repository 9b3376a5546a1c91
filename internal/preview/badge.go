package preview

import (
	"bytes"
	"fmt"
	"strconv"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
	"msgcompare/app/ui"
)

// Badge is the small SVG of one messenger for places that strip iframes
// (READMEs, forums, newsletters): its name and how its key facts read
// (✓ good for privacy, ✗ bad), or, with a preset, whether it meets that
// preset's requirements. Its <title> and aria-label say the same in a
// sentence. The text is SVG text (escaped), measured with the pictures'
// fonts and held to that width (textLength), so the badge stays a few
// hundred bytes and reads the same in any viewer.
func (r *Renderer) Badge(id, lang, preset string) ([]byte, bool) {
	a := r.cat.App(id)
	if a == nil {
		return nil, false
	}
	if r.cat.Locale(lang) == nil {
		lang = catalog.SourceLang
	}
	p := r.cat.Preset(preset)
	key := "badge " + id + " " + lang
	if p != nil {
		key += " " + p.ID
	}
	if b, ok := r.cache.get(key); ok {
		return b, true
	}
	w := ui.WordsIn(r.cat, lang)
	var value, title string
	if p != nil {
		q, _ := compare.Decode("preset="+p.ID+"&apps="+a.ID, r.cat)
		res := compare.Apply(r.cat, q)
		label := p.Label.In(lang)
		if len(res.Kept) == 1 {
			value = "✓ " + label
			title = w.Picture("badge_meets", a.Name, label)
		} else {
			n := len(res.Conditions)
			missed := 0
			if len(res.Excluded) == 1 {
				missed = len(res.Excluded[0].Failed)
			}
			value = "✗ " + label
			title = w.Picture("badge_misses", a.Name, missed, n, label)
		}
	} else {
		good, bad, known := 0, 0, 0
		for _, cid := range compare.DefaultCriteria(r.cat, compare.Query{}) {
			cr := r.cat.Criterion(cid)
			_, _, tone := w.Fact(cr, a.Cell(cid))
			switch tone {
			case "good":
				good++
			case "bad":
				bad++
			}
			if tone != "unknown" {
				known++
			}
		}
		total := len(compare.DefaultCriteria(r.cat, compare.Query{}))
		value = "✓ " + w.Num(good) + "  ✗ " + w.Num(bad)
		title = w.Picture("badge_title", a.Name, good, total, bad)
	}
	name := a.Name
	if w.RTL() {
		// The marks and digits after a Latin name belong to the
		// right-to-left line, not to the name.
		name += "\u200e\u200f"
	}
	b := r.badgeSVG(name, value, title, w.RTL())
	r.cache.put(key, b)
	return b, true
}

// badgeSVG draws a shield: "msgcompare" on grey, then the name and the
// value on the site's blue, white text.
func (r *Renderer) badgeSVG(name, value, title string, rtl bool) []byte {
	const (
		height = 20
		size   = 11.0
		pad    = 6.0
	)
	ts := r.fonts.typesetter()
	measure := func(s string, bold bool) float64 {
		return ts.layout(clean(s), style{size: size, bold: bold}, rtl).width
	}
	const maxText = 320.0
	brand := "msgcompare"
	right := name + "  " + value
	bw := measure(brand, true)
	rw := min(measure(right, false), maxText)
	left := bw + 2*pad
	width := left + rw + 2*pad
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%d" viewBox="0 0 %s %d" role="img" aria-label="`, num(width), height, num(width), height)
	escapeXML(&b, title)
	b.WriteString(`"><title>`)
	escapeXML(&b, title)
	fmt.Fprintf(&b, `</title><rect width="%s" height="%d" rx="3" fill="#4b5563"/><rect x="%s" width="%s" height="%d" rx="3" fill="#1f4e8c"/><rect x="%s" width="4" height="%d" fill="#1f4e8c"/>`,
		num(width), height, num(left), num(width-left), height, num(left), height)
	b.WriteString(`<g fill="#fff" font-family="'Noto Sans','DejaVu Sans',Verdana,sans-serif" font-size="11" aria-hidden="true">`)
	fmt.Fprintf(&b, `<text x="%s" y="14" font-weight="bold" textLength="%s" lengthAdjust="spacingAndGlyphs">msgcompare</text>`, num(pad), num(bw))
	if rtl {
		// Right-aligned, in the viewer's bidirectional order: textLength
		// does not hold right-to-left text in Chromium.
		fmt.Fprintf(&b, `<text x="%s" y="14" direction="rtl" text-anchor="start">`, num(width-pad))
	} else {
		fmt.Fprintf(&b, `<text x="%s" y="14" textLength="%s" lengthAdjust="spacingAndGlyphs">`, num(left+pad), num(rw))
	}
	escapeXML(&b, cutRunes(right, 60))
	b.WriteString(`</text></g></svg>`)
	return b.Bytes()
}

// cutRunes cuts s to n characters, with an ellipsis.
func cutRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + ellipsis
}
