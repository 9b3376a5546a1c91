package ui

import (
	"html"
	"strings"

	"msgcompare/app/catalog"
)

// markup is how ui writes HTML by hand: the parts of a page with many
// elements and no controls of their own (fact bodies, the matrix, the
// side-by-side table, the shortlist, the change list), which go into the
// page as one string because each go-app node would cost a DOM call in
// the browser. Every text and attribute value goes through its methods
// escaped; tag and attribute names are constants of the code. Nothing
// else in ui concatenates markup.
type markup struct{ b strings.Builder }

// open writes a start tag; attrs are name, value pairs (an empty value is
// written as ="", which HTML reads as the bare attribute).
func (m *markup) open(tag string, attrs ...string) {
	m.b.WriteByte('<')
	m.b.WriteString(tag)
	m.attrs(attrs)
	m.b.WriteByte('>')
}

func (m *markup) attrs(attrs []string) {
	for i := 0; i+1 < len(attrs); i += 2 {
		m.b.WriteByte(' ')
		m.b.WriteString(attrs[i])
		m.b.WriteString(`="`)
		m.b.WriteString(html.EscapeString(attrs[i+1]))
		m.b.WriteByte('"')
	}
}

// close writes an end tag.
func (m *markup) close(tag string) {
	m.b.WriteString("</")
	m.b.WriteString(tag)
	m.b.WriteByte('>')
}

// text writes text, escaped.
func (m *markup) text(s string) { m.b.WriteString(html.EscapeString(s)) }

// elem writes an element holding only text.
func (m *markup) elem(tag, text string, attrs ...string) {
	m.open(tag, attrs...)
	m.text(text)
	m.close(tag)
}

// extLink opens another site in a new tab without telling it where the
// reader came from; an address as its own text reads left to right in
// any page.
func (m *markup) extLink(url, text string) {
	if text == url {
		m.elem("a", text, "href", url, "target", "_blank", "rel", "noopener noreferrer external", "dir", "ltr")
		return
	}
	m.elem("a", text, "href", url, "target", "_blank", "rel", "noopener noreferrer external")
}

// legend says what the marks mean, where a table of facts first shows
// them: ✓ good for privacy, ✗ bad for privacy, ? not known; a value
// without a mark is neither. Each mark has its word, not its colour alone.
func (m *markup) legend(lang locale) {
	m.open("span", "class", "legend")
	for i, k := range [][3]string{{toneGood, "✓", msgMarkGood}, {toneBad, "✗", msgMarkBad}, {toneUnknown, "?", msgMarkUnknown}} {
		if i > 0 {
			m.text(" ")
		}
		m.open("span", "class", "v-"+k[0])
		m.elem("span", k[1], "class", "sym")
		m.text(" " + t(lang, k[2]))
		m.close("span")
	}
	m.close("span")
}

// String is the markup written so far.
func (m *markup) String() string { return m.b.String() }

// enAttrs are the attributes of an element holding English text (the
// data's notes) on a page in another language: lang, and dir where the
// page reads right to left.
func enAttrs(lang locale) []string {
	switch {
	case lang.code == catalog.SourceLang:
		return nil
	case lang.dir == "rtl":
		return []string{"lang", "en", "dir", "ltr"}
	}
	return []string{"lang", "en"}
}
