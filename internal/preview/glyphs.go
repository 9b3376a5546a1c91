package preview

import (
	"slices"
	"strconv"
	"unicode"

	"msgcompare/app/catalog"
)

// Script is which of the pictures' fonts draws a character: Noto Sans
// (Latin, Greek, Cyrillic and the common signs), Noto Sans Arabic
// (Persian) or Noto Sans CJK SC (Chinese).
type Script int

const (
	Latin Script = iota
	Arabic
	CJK
	scripts
)

// ScriptOf is the font a letter or digit is drawn with; neutral
// characters (spaces, punctuation) return ok false and take the font of
// the text around them when it has them (see lineRuns).
func ScriptOf(r rune) (s Script, ok bool) {
	switch {
	case unicode.Is(unicode.Arabic, r):
		return Arabic, true
	case unicode.Is(unicode.Han, r), r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef:
		return CJK, true
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return Latin, true
	}
	return Latin, false
}

// drawn reports whether r is drawn as a glyph: controls, format
// characters (the isolates and marks of bidirectional text, the
// zero-width non-joiner between Persian letters, which shaping uses) and
// the marks the pictures draw as paths are not.
func drawn(r rune) bool {
	switch r {
	case markGood, markBad:
		return false
	}
	return unicode.IsGraphic(r) && !unicode.Is(unicode.Cf, r) && r != ' '
}

// Texts lists every text of the catalog that a picture may draw, in every
// language: the interface's messages, the messengers' names and summaries, the
// criteria's labels, units and values, presets, the guide's questions
// and answers, and numbers in every language's digits. The fonts under
// fonts/ are subset to exactly their characters (make fonts), and
// TestFontsCoverTheCatalog checks that they still cover them.
func Texts(cat *catalog.Catalog) []string {
	var out []string
	add := func(t catalog.L10n) {
		for _, s := range t {
			out = append(out, s)
		}
	}
	for _, l := range cat.Locales {
		out = append(out, l.Name)
		for _, m := range l.Messages {
			out = append(out, m)
		}
	}
	for _, a := range cat.Apps {
		out = append(out, a.Name)
		add(a.Summary) // the subtitle of a messenger's picture
	}
	for _, c := range cat.Criteria {
		add(c.Label)
		add(c.Unit)
		for _, v := range c.ValueLabels {
			add(v)
		}
		out = append(out, c.Values...)
	}
	for _, p := range cat.Presets {
		add(p.Label)
	}
	for _, q := range cat.Guide {
		add(q.Label)
		for _, a := range q.Answers {
			add(a.Label)
		}
	}
	for i := range 10 {
		out = append(out, strconv.Itoa(i))
	}
	// What the pictures add themselves: the ellipsis of a cut text, the
	// separator of names, the marks that are characters.
	out = append(out, "…·?∞–—+−≥≤()«»“”„:,.!%/#")
	return out
}

// Runes is the sorted set of characters that texts draw.
func Runes(texts []string) []rune {
	seen := map[rune]bool{}
	for _, s := range texts {
		for _, r := range s {
			if drawn(r) {
				seen[r] = true
			}
		}
	}
	out := make([]rune, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}
