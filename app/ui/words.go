package ui

import (
	"html"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// Words writes facts, numbers, dates and messages in one language exactly
// as the pages do, for what shows a view outside the DOM: the pictures of
// internal/preview (a page's og:image) read the same as the page.
type Words struct{ l locale }

// WordsIn returns the words of language code (English when the catalog
// has no such language).
func WordsIn(cat *catalog.Catalog, code string) Words { return Words{localeOf(cat, code)} }

// Lang is the language's tag, and RTL whether it is written right to left.
func (w Words) Lang() string { return w.l.code }
func (w Words) RTL() bool    { return w.l.dir == "rtl" }

// Msg is the interface's message key in the language, formatted with
// args as the pages format it (the language's digits, isolated names).
func (w Words) Msg(key string, args ...any) string {
	if len(args) == 0 {
		return t(w.l, key)
	}
	return fmtMsg(w.l, key, args...)
}

// Picture is the message of the pictures' own texts (og_<name>).
func (w Words) Picture(name string, args ...any) string {
	return w.Msg(msgPicturePrefix+name, args...)
}

// Common messages, by what they say.
func (w Words) Headline() string    { return t(w.l, msgHeadline) }
func (w Words) Tagline() string     { return t(w.l, msgTagline) }
func (w Words) SideBySide() string  { return t(w.l, msgNavCompare) }
func (w Words) Shortlist() string   { return t(w.l, msgShortlist) }
func (w Words) Changes() string     { return t(w.l, msgChangesTitle) }
func (w Words) About() string       { return t(w.l, msgNavAbout) }
func (w Words) Builder() string     { return t(w.l, msgBuilderTitle) }
func (w Words) MarkGood() string    { return t(w.l, msgMarkGood) }
func (w Words) MarkBad() string     { return t(w.l, msgMarkBad) }
func (w Words) MarkUnknown() string { return t(w.l, msgMarkUnknown) }
func (w Words) Discontinued() string {
	return t(w.l, msgDiscontinued)
}

// Verified says when a fact was checked ("Verified on Jan 3, 2026").
func (w Words) Verified(iso string) string { return fmtMsg(w.l, msgVerified, formatDate(iso, w.l)) }

// Date writes a YYYY-MM-DD date in the language's calendar and digits.
func (w Words) Date(iso string) string { return formatDate(iso, w.l) }

// Num writes n in the language's digits.
func (w Words) Num(n int) string { return w.l.num(n) }

// List joins items as the language writes a list.
func (w Words) List(items []string) string { return w.l.list(items) }

// Fact is how a messenger's value for cr reads in a cell: a mark (✓, ✗,
// ?, ∞, – or none), a word, and its tone ("good", "bad", "neutral" or
// "unknown"): the word says the value, the mark the judgement.
func (w Words) Fact(cr *catalog.Criterion, cell *catalog.Cell) (mark, word, tone string) {
	s := showCell(cr, cell, w.l)
	return s.Symbol, s.Word, s.Tone
}

// Verdict is a shortlist pick's sentence, as the guide writes it.
func (w Words) Verdict(p compare.Pick, needs int) string { return verdict(p, needs, w.l) }

// Condition says in words what a condition asks for.
func (w Words) Condition(cat *catalog.Catalog, c catalog.Condition) string {
	return conditionLabel(cat, c, w.l)
}

// The links that download a view as a picture: their label, and the
// names of the two formats.
const (
	msgSavePicture = msgPicturePrefix + "save"
	msgPicturePNG  = msgPicturePrefix + "png"
	msgPictureSVG  = msgPicturePrefix + "svg"
)

// pictureHref is where the server draws the picture of the view at page
// for q, as ext ("png" or "svg"): /og/<page>[.<lang>].<ext>?<query>
// (docs/contract.md §2), the address internal/preview reads.
func (p paths) pictureHref(page string, q compare.Query, lang locale, ext string) string {
	name := page
	if name == "/" {
		name = "/index"
	}
	if lang.code != catalog.SourceLang {
		name += "." + lang.code
	}
	q.Lang, q.Theme, q.Widget = "", "", compare.Widget{}
	return p.href("/og"+name+"."+ext, q)
}

// saveView offers the view as a picture to download, as PNG and as SVG:
// the picture its links preview show.
func saveView(at paths, page string, q compare.Query, lang locale) app.UI {
	var m markup
	m.open("p", "class", "save-picture")
	m.text(t(lang, msgSavePicture) + " ")
	m.elem("a", t(lang, msgPicturePNG), "href", at.pictureHref(page, q, lang, "png"), "download", "msgcompare.png")
	m.text(" · ")
	m.elem("a", t(lang, msgPictureSVG), "href", at.pictureHref(page, q, lang, "svg"), "download", "msgcompare.svg")
	m.close("p")
	return app.Raw(m.String())
}

// The badge's texts: the offer, its image's alternative text, and the
// names of the two snippets.
const (
	msgBadgeOffer = msgPicturePrefix + "badge_offer"
	msgBadgeAlt   = msgPicturePrefix + "badge_alt"
	msgMarkdown   = msgPicturePrefix + "markdown"
	msgHTML       = msgPicturePrefix + "html"
)

// badgeSnippets are the Markdown and the HTML that show messenger a's
// badge (/badge/<id>.svg, with preset when not "") linked to its page, at
// site: the public address, or the site's path when it is not known.
func badgeSnippets(site string, a *catalog.App, preset string, lang locale) (md, htm, src string) {
	// Ids and language tags are plain ASCII (catalog.ValidID, the
	// catalog's tags): the query needs no escaping, and the wasm no
	// net/url code for it.
	var q []string
	if lang.code != catalog.SourceLang {
		q = append(q, "lang="+lang.code)
	}
	if preset != "" {
		q = append(q, "preset="+preset)
	}
	src = "/badge/" + a.ID + ".svg"
	page := "/app/" + a.ID
	if len(q) > 0 {
		src += "?" + strings.Join(q, "&")
	}
	if lang.code != catalog.SourceLang {
		page += "?lang=" + lang.code
	}
	alt := fmtMsg(lang, msgBadgeAlt, a.Name)
	alt = strings.NewReplacer("\u2068", "", "\u2069", "").Replace(alt)
	md = "[![" + strings.NewReplacer("[", `\[`, "]", `\]`).Replace(alt) + "](" + site + src + ")](" + site + page + ")"
	htm = `<a href="` + html.EscapeString(site+page) + `"><img src="` + html.EscapeString(site+src) + `" alt="` + html.EscapeString(alt) + `"></a>`
	return md, htm, src
}

// codeBox is a read-only text to copy, with its label.
func codeBox(m *markup, id, label, text string, rows int) {
	m.open("div", "class", "code-box")
	m.elem("label", label, "for", id)
	m.elem("textarea", text, "id", id, "class", "snippet", "readonly", "", "rows", itoa(rows))
	m.close("div")
}

// badgeView offers messenger a's badge: the badge, and its Markdown and
// HTML to paste (a README, a forum post, a newsletter).
func badgeView(at paths, site string, a *catalog.App, lang locale) app.UI {
	if site == "" {
		site = string(at)
	}
	md, htm, src := badgeSnippets(site, a, "", lang)
	var m markup
	m.open("details", "class", "badge-offer")
	m.elem("summary", t(lang, msgBadgeOffer))
	// Lazy: a closed details shows no image, and the page weighs what it
	// weighed until the reader opens it.
	m.open("p")
	m.open("img", "src", at.link(src), "alt", fmtMsg(lang, msgBadgeAlt, a.Name), "height", "20", "loading", "lazy")
	m.close("p")
	codeBox(&m, "badge-md", t(lang, msgMarkdown), md, 2)
	codeBox(&m, "badge-html", t(lang, msgHTML), htm, 3)
	m.close("details")
	return app.Raw(m.String())
}
