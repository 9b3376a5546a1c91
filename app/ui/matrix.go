package ui

import (
	"sort"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// countView states the result in one sentence, in a live region so that
// screen readers hear it change.
func countView(res compare.Result, lang locale) app.UI {
	total := len(res.Kept) + len(res.Excluded)
	text := fmtMsg(lang, msgCount, len(res.Kept), total)
	if n := len(res.Conditions); n > 0 {
		text += " " + fmtMsg(lang, msgCountReq, n)
	}
	if len(res.Kept) == 0 && total > 0 {
		text += " " + t(lang, msgNoneKept)
	}
	return app.P().Class("count").ID("count").Attr("role", "status").Aria("live", "polite").Text(text)
}

// matrixView is the table of kept messengers (rows) by criteria (columns,
// under group headings). On narrow screens, or with view=cards, CSS lays
// each row out as a card; the markup stays one table. Every row and cell
// carries data-app, every cell data-criterion (docs/contract.md §6).
//
// The table is the bulk of the page (hundreds of cells), so it is written
// as one HTML string: the browser builds it in a single parse instead of
// one DOM call per node from WebAssembly. In the browser the string holds
// every candidate messenger whatever the filters, so that it only changes
// (and is rebuilt) when the columns do; patchMatrix then hides, orders and
// scores the rows in a few DOM calls after each render. That keeps a click
// on a filter within a frame. One click handler on the wrapper serves
// every cell.
func matrixView(cat *catalog.Catalog, s *state, onFactClick app.EventHandler) app.UI {
	raw := s.matrix.markup(cat, s)
	if raw == "" {
		return nil
	}
	return app.Div().Class("matrix-host").OnClick(onFactClick).Body(app.Raw(raw))
}

// matrixHTML writes the matrix: with neutral, every candidate row in
// catalog order for patchMatrix to arrange; without, the kept rows in
// order with their scores, as the server prerenders them. Every text and
// attribute value goes through html.EscapeString.
func matrixHTML(cat *catalog.Catalog, s *state, neutral bool) string {
	res, lang := s.result, s.lang
	view := s.query.View
	if view == "" {
		view = "auto"
	}
	rows := res.Kept
	total := len(res.Conditions)
	if neutral {
		rows = rows[:0:0]
		for _, a := range compare.Candidates(cat, s.query) {
			rows = append(rows, compare.Row{App: a})
		}
		total = 0
	}
	var m markup
	m.b.Grow(2048 + len(rows)*len(res.Criteria)*220)
	m.open("div", "class", "matrix-wrap view-"+view+fitClass(len(res.Criteria), s.embedded), "id", "matrix", "tabindex", "0", "role", "region", "aria-labelledby", "matrix-caption")
	m.open("table", "class", "matrix")
	m.open("caption", "id", "matrix-caption")
	m.text(t(lang, msgMatrixCaption) + " ")
	m.legend(lang)
	m.close("caption")
	m.open("thead")
	writeGroupRow(&m, cat, res.Criteria, lang)
	m.open("tr")
	m.elem("th", t(lang, msgMessenger), "scope", "col", "class", "corner")
	for _, cr := range res.Criteria {
		m.elem("th", cr.Label.In(lang.code), "scope", "col", "data-criterion", cr.ID, "title", cr.Description.In(lang.code))
	}
	m.close("tr")
	m.close("thead")
	m.open("tbody")
	lk := s.links()
	for _, row := range rows {
		writeAppRow(&m, row, res.Criteria, total, lang, lk)
	}
	m.close("tbody")
	m.close("table")
	m.close("div")
	return m.String()
}

// inOrder returns the ids of want that can stay where they are: a longest
// subsequence of want whose positions in the DOM (pos; rows not attached
// have none) increase. Every other row of want is moved.
func inOrder(want []string, pos map[string]int) map[string]bool {
	// tails[k] is the index in want of the smallest last position of an
	// increasing run of length k+1; prev links each element to the one
	// before it in its run.
	var tails []int
	prev := make([]int, len(want))
	for i, id := range want {
		p, ok := pos[id]
		if !ok {
			continue
		}
		k := sort.Search(len(tails), func(j int) bool { return pos[want[tails[j]]] >= p })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	stay := make(map[string]bool, len(tails))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			stay[want[i]] = true
		}
	}
	return stay
}

// writeGroupRow spans each criteria group over its columns.
func writeGroupRow(m *markup, cat *catalog.Catalog, crits []*catalog.Criterion, lang locale) {
	m.open("tr", "class", "groups")
	m.open("td", "class", "corner")
	m.close("td")
	for i := 0; i < len(crits); {
		j := i
		for j < len(crits) && crits[j].Group == crits[i].Group {
			j++
		}
		m.elem("th", groupLabel(cat, crits[i].Group, lang), "scope", "colgroup", "colspan", strconv.Itoa(j-i), "class", "group-head")
		i = j
	}
	m.close("tr")
}

func writeAppRow(m *markup, row compare.Row, crits []*catalog.Criterion, total int, lang locale, lk links) {
	a := row.App
	m.open("tr", "data-app", a.ID)
	m.open("th", "scope", "row", "class", "app-name")
	m.elem("a", a.Name, lk.a(lk.app(a.ID))...)
	if a.Discontinued != nil {
		m.elem("span", t(lang, msgDiscontinued), "class", "badge")
	}
	writeScore(m, row.Score, total, lang)
	m.close("th")
	for _, cr := range crits {
		writeCell(m, cr, a, lang, lk)
	}
	m.close("tr")
}

// writeCell shows one fact as symbol and word; it links to the fact's
// details (a panel with the app, the messenger's page without it).
func writeCell(m *markup, cr *catalog.Criterion, a *catalog.App, lang locale, lk links) {
	s := showCell(cr, a.Cell(cr.ID), lang)
	label := cr.Label.In(lang.code)
	m.open("td", "class", "v-"+s.Tone, "data-app", a.ID, "data-criterion", cr.ID, "data-label", label)
	m.open("a", "class", "fact", "href", lk.fact(a.ID, cr.ID), "data-fact", a.ID+"/"+cr.ID, "aria-label", label+", "+a.Name+": "+s.Word)
	if s.Symbol != "" {
		m.elem("span", s.Symbol, "class", "sym", "aria-hidden", "true")
	}
	m.elem("span", s.Word, append([]string{"class", "word"}, s.Attrs...)...)
	m.close("a")
	m.close("td")
}

// fitClass tells the stylesheet how narrow a screen still fits a table of
// n criteria, below which the automatic layout shows cards (web/app.css).
// The widget shows more than a few criteria as a table that scrolls
// sideways: as cards, each messenger would take a phone's screen.
func fitClass(n int, embedded bool) string {
	switch {
	case embedded && n > 8:
		return " fit-any"
	case n <= 3:
		return " fit-s"
	case n <= 5:
		return " fit-m"
	}
	return ""
}

func groupLabel(cat *catalog.Catalog, id string, lang locale) string {
	if g := cat.Group(id); g != nil {
		return g.Label.In(lang.code)
	}
	return id
}

// writeScore is the at-a-glance bar: how many of the active conditions the
// messenger meets, as a meter with its number in words.
// With no conditions it writes a hidden bar for patchMatrix to fill.
func writeScore(m *markup, score, total int, lang locale) {
	if total == 0 {
		m.open("span", "class", "score", "hidden", "")
		m.open("meter", "min", "0", "max", "1", "value", "0")
		m.close("meter")
		m.open("span", "class", "score-text")
		m.close("span")
		m.close("span")
		return
	}
	m.open("span", "class", "score")
	m.open("meter", "min", "0", "max", strconv.Itoa(total), "value", strconv.Itoa(score), "aria-label", fmtMsg(lang, msgScore, score, total))
	m.close("meter")
	m.elem("span", lang.num(score)+"/"+lang.num(total), "class", "score-text")
	m.close("span")
}
