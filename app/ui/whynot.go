package ui

import (
	"strings"

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
	var b strings.Builder
	b.WriteString(`<section class="why-not" aria-labelledby="why-not-title"><h2 id="why-not-title">` + esc(t(lang, msgWhyNot)) +
		`</h2><p>` + esc(t(lang, msgWhyNotIntro)) + `</p><ul>`)
	for _, ex := range res.Excluded {
		b.WriteString(`<li data-excluded="` + esc(ex.App.ID) + `"><div class="why-head"><a href="` + esc(lk.app(ex.App.ID)) + `"` + lk.out() + `>` + esc(ex.App.Name) + `</a>`)
		writeScore(&b, ex.Score, len(res.Conditions), lang)
		b.WriteString(`</div><ul class="reasons">`)
		if ex.NoMatch {
			b.WriteString(`<li>` + esc(t(lang, msgNoMatch)) + `</li>`)
		}
		for _, f := range ex.Failed {
			have := show(f.Criterion, f.Value, lang)
			b.WriteString(`<li><span class="sym v-bad" aria-hidden="true">✗ </span>` +
				esc(fmtMsg(lang, msgFails, conditionLabel(cat, f.Condition, lang))) + ` <a class="v-` + have.Tone + `" href="` +
				esc(lk.fact(ex.App.ID, f.Criterion.ID)) + `" data-fact="` + esc(ex.App.ID+"/"+f.Criterion.ID) + `"` + have.langAttr() + `>` + esc(have.Word) + `</a></li>`)
		}
		b.WriteString(`</ul></li>`)
	}
	b.WriteString(`</ul></section>`)
	return b.String()
}
