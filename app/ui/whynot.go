package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// whyNotView lists the excluded messengers with the conditions each fails
// and the value it has instead. Entries carry data-excluded
// (docs/contract.md §6). Like the matrix, it is written as one HTML
// string: it has no controls, and the browser parses it faster than
// WebAssembly builds it node by node.
func whyNotView(cat *catalog.Catalog, s *state) app.UI {
	if len(s.result.Excluded) == 0 {
		return nil
	}
	return app.Raw(whyNotHTML(cat, s))
}

func whyNotHTML(cat *catalog.Catalog, s *state) string {
	res, lang := s.result, s.lang
	lk := s.links()
	var m markup
	m.open("section", "class", "why-not", "aria-labelledby", "why-not-title")
	m.elem("h2", t(lang, msgWhyNot), "id", "why-not-title")
	m.elem("p", t(lang, msgWhyNotIntro))
	m.open("ul")
	for _, ex := range res.Excluded {
		m.open("li", "data-excluded", ex.App.ID)
		m.open("div", "class", "why-head")
		m.elem("a", ex.App.Name, lk.a(lk.app(ex.App.ID))...)
		writeScore(&m, ex.Score, len(res.Conditions), lang)
		m.close("div")
		m.open("ul", "class", "reasons")
		if ex.NoMatch {
			m.elem("li", t(lang, msgNoMatch))
		}
		for _, f := range ex.Failed {
			have := show(f.Criterion, f.Value, lang)
			m.open("li")
			m.elem("span", "✗ ", "class", "sym v-bad", "aria-hidden", "true")
			m.text(fmtMsg(lang, msgFails, conditionLabel(cat, f.Condition, lang)) + " ")
			m.elem("a", have.Word, append([]string{"class", "v-" + have.Tone, "href", lk.fact(ex.App.ID, f.Criterion.ID), "data-fact", ex.App.ID + "/" + f.Criterion.ID}, have.Attrs...)...)
			m.close("li")
		}
		m.close("ul")
		m.close("li")
	}
	m.close("ul")
	m.close("section")
	return m.String()
}
