package ui

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// countView states the result in one sentence, in a live region so that
// screen readers hear it change.
func countView(res compare.Result, lang string) app.UI {
	total := len(res.Kept) + len(res.Excluded)
	text := fmt.Sprintf(t(lang, msgCount), len(res.Kept), total)
	if n := len(res.Conditions); n > 0 {
		text += " " + fmt.Sprintf(t(lang, msgCountReq), n)
	}
	if len(res.Kept) == 0 && total > 0 {
		text += " " + t(lang, msgNoneKept)
	}
	return app.P().Class("count").ID("count").Attr("role", "status").Aria("live", "polite").Text(text)
}

// matrixView is the table of kept messengers (rows) by criteria (columns,
// under group headings). On narrow screens, or with view=cards, CSS lays
// each row out as a card; the markup stays one table. Every row and cell
// carries data-app, every cell data-criterion (contract §6).
//
// The table is the bulk of the page (hundreds of cells), so it is written
// as one HTML string: the browser builds it in a single parse instead of
// one DOM call per node from WebAssembly, which is what keeps a click on a
// filter within a frame. One click handler on the wrapper serves every cell.
func matrixView(cat *catalog.Catalog, s *state, onFactClick app.EventHandler) app.UI {
	if len(s.result.Kept) == 0 {
		return nil
	}
	return app.Div().Class("matrix-host").OnClick(onFactClick).Body(
		app.Raw(matrixHTML(cat, s)),
	)
}

// matrixHTML writes the matrix. Every text and attribute value goes
// through html.EscapeString.
func matrixHTML(cat *catalog.Catalog, s *state) string {
	res, lang := s.result, s.lang
	view := s.query.View
	if view == "" {
		view = "auto"
	}
	var b strings.Builder
	b.Grow(2048 + len(res.Kept)*len(res.Criteria)*220)
	b.WriteString(`<div class="matrix-wrap view-` + esc(view) + `" id="matrix" tabindex="0" aria-labelledby="matrix-caption">`)
	b.WriteString(`<table class="matrix"><caption id="matrix-caption">` + esc(t(lang, msgMatrixCaption)) + `</caption><thead>`)
	writeGroupRow(&b, cat, res.Criteria, lang)
	b.WriteString(`<tr><th scope="col" class="corner">` + esc(t(lang, msgMessenger)) + `</th>`)
	for _, cr := range res.Criteria {
		b.WriteString(`<th scope="col" data-criterion="` + esc(cr.ID) + `" title="` + esc(cr.Description.In(lang)) + `">` +
			esc(cr.Label.In(lang)) + `</th>`)
	}
	b.WriteString(`</tr></thead><tbody>`)
	keepQ := keep(s.query)
	for _, row := range res.Kept {
		writeAppRow(&b, row, res, lang, keepQ)
	}
	b.WriteString(`</tbody></table></div>`)
	return b.String()
}

// writeGroupRow spans each criteria group over its columns.
func writeGroupRow(b *strings.Builder, cat *catalog.Catalog, crits []*catalog.Criterion, lang string) {
	b.WriteString(`<tr class="groups"><td class="corner"></td>`)
	for i := 0; i < len(crits); {
		j := i
		for j < len(crits) && crits[j].Group == crits[i].Group {
			j++
		}
		b.WriteString(`<th scope="colgroup" colspan="` + strconv.Itoa(j-i) + `" class="group-head">` +
			esc(groupLabel(cat, crits[i].Group, lang)) + `</th>`)
		i = j
	}
	b.WriteString(`</tr>`)
}

func writeAppRow(b *strings.Builder, row compare.Row, res compare.Result, lang string, keepQ compare.Query) {
	a := row.App
	id := esc(a.ID)
	b.WriteString(`<tr data-app="` + id + `"><th scope="row" class="app-name"><a href="` + esc(href("/app/"+a.ID, keepQ)) + `">` + esc(a.Name) + `</a>`)
	if a.Discontinued != nil {
		b.WriteString(`<span class="badge">` + esc(t(lang, msgDiscontinued)) + `</span>`)
	}
	writeScore(b, row.Score, len(res.Conditions), lang)
	b.WriteString(`</th>`)
	for _, cr := range res.Criteria {
		writeCell(b, cr, a, lang, keepQ)
	}
	b.WriteString(`</tr>`)
}

// writeCell shows one fact as symbol and word; it links to the fact's
// details (a panel with the app, the messenger's page without it).
func writeCell(b *strings.Builder, cr *catalog.Criterion, a *catalog.App, lang string, keepQ compare.Query) {
	s := shown{Symbol: "?", Word: t(lang, msgUnknown), Tone: toneUnknown}
	if cell := a.Cell(cr.ID); cell != nil {
		s = show(cr, cell.Value, lang)
	}
	label := cr.Label.In(lang)
	b.WriteString(`<td class="v-` + s.Tone + `" data-app="` + esc(a.ID) + `" data-criterion="` + esc(cr.ID) + `" data-label="` + esc(label) + `">`)
	b.WriteString(`<a class="fact" href="` + esc(href("/app/"+a.ID, keepQ)+"#"+cr.ID) + `" data-fact="` + esc(a.ID+"/"+cr.ID) +
		`" aria-label="` + esc(label+", "+a.Name+": "+s.Word) + `">`)
	if s.Symbol != "" {
		b.WriteString(`<span class="sym" aria-hidden="true">` + esc(s.Symbol) + `</span>`)
	}
	b.WriteString(`<span class="word">` + esc(s.Word) + `</span></a></td>`)
}

func esc(s string) string { return html.EscapeString(s) }

func groupLabel(cat *catalog.Catalog, id, lang string) string {
	if g := cat.Group(id); g != nil {
		return g.Label.In(lang)
	}
	return id
}

// writeScore is the at-a-glance bar: how many of the active conditions the
// messenger meets, as a meter with its number in words.
func writeScore(b *strings.Builder, score, total int, lang string) {
	if total == 0 {
		return
	}
	label := fmt.Sprintf(t(lang, msgScore), score, total)
	b.WriteString(`<span class="score"><meter min="0" max="` + strconv.Itoa(total) + `" value="` + strconv.Itoa(score) +
		`" aria-label="` + esc(label) + `"></meter><span class="score-text">` + strconv.Itoa(score) + "/" + strconv.Itoa(total) + `</span></span>`)
}
