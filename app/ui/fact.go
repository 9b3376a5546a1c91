package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// factContext is what a fact's body is written with: the data's freshness
// rule and the date a fact's age counts to, and, while the catalog has no
// notes and sources yet (catalog.Abridged), what to say in their place.
type factContext struct {
	fresh *catalog.Freshness
	today string
	en    locale // the maintainers' language, for the correction report
	// pending is the message shown instead of the note, the sources and
	// the correction link (which lists the sources); "" once they are in.
	pending string
	// heading is the element of the body's headings (Sources, Earlier
	// values): h3 under a page's h2 sections, h2 where the facts sit
	// right under the page's h1 (side by side).
	heading string
}

func (fc factContext) headingTag() string {
	if fc.heading == "" {
		return "h3"
	}
	return fc.heading
}

// factContextOf is the factContext of the facts a page shows.
func factContextOf(cat *catalog.Catalog, s *state) factContext {
	fc := factContext{fresh: cat.Freshness, today: s.today, en: localeOf(cat, catalog.SourceLang)}
	switch {
	case !cat.Abridged:
	case s.evidenceFailed != "":
		fc.pending = s.evidenceFailed
	default:
		fc.pending = msgEvidenceLoading
	}
	return fc
}

// factBody is a fact's evidence: value, note, sources, verified date (with
// "not checked since" once it is older than the data's threshold), history
// and the link to report a correction. The detail panel, the messenger page,
// the widget and the side-by-side table share it. It has no controls, so it
// is written as markup (one parse in the browser instead of a DOM call per
// node).
func factBody(fc factContext, a *catalog.App, cr *catalog.Criterion, cell *catalog.Cell, lang locale) app.UI {
	var m markup
	writeFactBody(&m, fc, a, cr, cell, lang)
	return app.Raw(m.String())
}

func writeFactBody(m *markup, fc factContext, a *catalog.App, cr *catalog.Criterion, cell *catalog.Cell, lang locale) {
	if cell == nil {
		m.elem("p", t(lang, msgUnknown))
		return
	}
	s := show(cr, cell.Value, lang)
	stale := fc.fresh.Stale(cell.Verified, fc.today)
	if stale {
		m.open("div", "class", "fact-body", "data-stale", cell.Verified)
	} else {
		m.open("div", "class", "fact-body")
	}
	m.open("p", "class", "value v-"+s.Tone)
	if s.Symbol != "" {
		m.elem("span", s.Symbol+" ", "class", "sym", "aria-hidden", "true")
	}
	m.elem("strong", s.Word, s.Attrs...)
	m.close("p")
	if v := cell.Value; v.Type == catalog.Audits && len(v.Audits) > 0 {
		m.open("ul", "class", "audits")
		for _, au := range v.Audits {
			m.open("li")
			m.text(lang.num(au.Year) + " · ")
			m.open("span", enAttrs(lang)...)
			m.extLink(au.URL, au.Auditor)
			m.text(" · " + au.Scope)
			m.close("span")
			m.close("li")
		}
		m.close("ul")
	}
	if fc.pending != "" {
		m.elem("p", t(lang, fc.pending), "class", "pending")
	}
	if cell.Note != "" {
		m.elem("p", cell.Note, append([]string{"class", "note"}, enAttrs(lang)...)...)
	}
	if len(cell.Sources) > 0 {
		m.open("div", "class", "sources")
		m.elem(fc.headingTag(), t(lang, msgSources))
		m.open("ul")
		for _, src := range cell.Sources {
			m.open("li")
			m.extLink(src, src)
			m.close("li")
		}
		m.close("ul")
		m.close("div")
	}
	if stale {
		// A symbol and words, not colour alone.
		m.open("p", "class", "verified stale")
		m.elem("span", "⚠ ", "class", "sym", "aria-hidden", "true")
		m.text(fmtMsg(lang, msgNotChecked, formatDate(cell.Verified, lang)))
		m.close("p")
	} else {
		m.elem("p", fmtMsg(lang, msgVerified, formatDate(cell.Verified, lang)), "class", "verified")
	}
	if len(cell.History) > 0 {
		m.open("div", "class", "history")
		m.elem(fc.headingTag(), t(lang, msgHistory))
		m.open("ol")
		for _, ch := range cell.History {
			hs := show(cr, ch.Value, lang)
			m.open("li")
			m.text(fmtMsg(lang, msgUntil, formatDate(ch.Until, lang)) + ": ")
			m.elem("span", hs.Symbol+" "+hs.Word, append([]string{"class", "v-" + hs.Tone}, hs.Attrs...)...)
			if ch.Note != "" {
				m.text(" — ")
				m.elem("span", ch.Note, enAttrs(lang)...)
			}
			if len(ch.Sources) > 0 {
				m.text(" ")
				m.extLink(ch.Sources[0], t(lang, msgSource))
			}
			m.close("li")
		}
		m.close("ol")
		m.close("div")
	}
	if u := correctionURL(fc.fresh, a, cr, cell, fc.en); u != "" && fc.pending == "" {
		m.open("p", "class", "correction")
		m.extLink(u, t(lang, msgCorrection))
		m.close("p")
	}
	m.close("div")
}

// correctionURL is the prefilled report of a mistake in a fact, in English
// for the maintainers: messenger, criterion, current value, verified date
// and sources. It is a plain link: nothing is sent before the reader
// clicks, and then only to the tracker the data names.
func correctionURL(f *catalog.Freshness, a *catalog.App, cr *catalog.Criterion, cell *catalog.Cell, en locale) string {
	if f == nil || a == nil {
		return ""
	}
	v := show(cr, cell.Value, en)
	var body strings.Builder
	body.WriteString("Messenger: " + a.Name + " (" + a.ID + ")\n")
	body.WriteString("Criterion: " + cr.Label.In("en") + " (" + cr.ID + ")\n")
	body.WriteString("Current value: " + strings.TrimSpace(v.Symbol+" "+v.Word) + "\n")
	body.WriteString("Verified: " + cell.Verified + "\n")
	body.WriteString("Sources:\n")
	for _, src := range cell.Sources {
		body.WriteString("- " + src + "\n")
	}
	body.WriteString("\nWhat is wrong, and a source that shows it:\n")
	return f.Correction(a.ID, cr.ID, "Correction: "+a.Name+", "+cr.Label.In("en"), body.String())
}
