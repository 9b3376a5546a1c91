package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// factBody is a fact's evidence: value, note, sources, verified date and
// history. The detail panel, the messenger page and the side-by-side table
// share it. It has no controls, so it is written as HTML (one parse in the
// browser instead of a DOM call per node); every value is escaped.
func factBody(cr *catalog.Criterion, cell *catalog.Cell, lang string) app.UI {
	var b strings.Builder
	writeFactBody(&b, cr, cell, lang)
	return app.Raw(b.String())
}

func writeFactBody(b *strings.Builder, cr *catalog.Criterion, cell *catalog.Cell, lang string) {
	if cell == nil {
		b.WriteString(`<p>` + esc(t(lang, msgUnknown)) + `</p>`)
		return
	}
	s := show(cr, cell.Value, lang)
	b.WriteString(`<div class="fact-body"><p class="value v-` + s.Tone + `">`)
	if s.Symbol != "" {
		b.WriteString(`<span class="sym" aria-hidden="true">` + esc(s.Symbol) + ` </span>`)
	}
	b.WriteString(`<strong>` + esc(s.Word) + `</strong></p>`)
	if v := cell.Value; v.Type == catalog.Audits && len(v.Audits) > 0 {
		b.WriteString(`<ul class="audits">`)
		for _, au := range v.Audits {
			b.WriteString(`<li>` + strconv.Itoa(au.Year) + ` · ` + extLinkHTML(au.URL, au.Auditor) + ` · ` + esc(au.Scope) + `</li>`)
		}
		b.WriteString(`</ul>`)
	}
	if cell.Note != "" {
		b.WriteString(`<p class="note">` + esc(cell.Note) + `</p>`)
	}
	if len(cell.Sources) > 0 {
		b.WriteString(`<div class="sources"><h3>` + esc(t(lang, msgSources)) + `</h3><ul>`)
		for _, src := range cell.Sources {
			b.WriteString(`<li>` + extLinkHTML(src, src) + `</li>`)
		}
		b.WriteString(`</ul></div>`)
	}
	b.WriteString(`<p class="verified">` + esc(fmtMsg(lang, msgVerified, formatDate(cell.Verified, lang))) + `</p>`)
	if len(cell.History) > 0 {
		b.WriteString(`<div class="history"><h3>` + esc(t(lang, msgHistory)) + `</h3><ol>`)
		for _, ch := range cell.History {
			hs := show(cr, ch.Value, lang)
			b.WriteString(`<li>` + esc(fmtMsg(lang, msgUntil, formatDate(ch.Until, lang))+": ") +
				`<span class="v-` + hs.Tone + `">` + esc(hs.Symbol+" "+hs.Word) + `</span>`)
			if ch.Note != "" {
				b.WriteString(esc(" — " + ch.Note))
			}
			if len(ch.Sources) > 0 {
				b.WriteString(" " + extLinkHTML(ch.Sources[0], t(lang, msgSource)))
			}
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ol></div>`)
	}
	b.WriteString(`</div>`)
}

// extLinkHTML opens another site in a new tab without telling it where
// the reader came from.
func extLinkHTML(url, text string) string {
	return `<a href="` + esc(url) + `" target="_blank" rel="noopener noreferrer external">` + esc(text) + `</a>`
}
