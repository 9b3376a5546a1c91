package ui

import (
	"fmt"

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
func matrixView(cat *catalog.Catalog, s *state, onFactClick app.EventHandler) app.UI {
	res, lang := s.result, s.lang
	if len(res.Kept) == 0 {
		return nil
	}
	view := s.query.View
	if view == "" {
		view = "auto"
	}
	return app.Div().Class("matrix-wrap view-"+view).ID("matrix").TabIndex(0).Aria("labelledby", "matrix-caption").Body(
		app.Table().Class("matrix").Attr("role", "table").OnClick(onFactClick).Body(
			app.Caption().ID("matrix-caption").Text(t(lang, msgMatrixCaption)),
			app.THead().Body(
				groupHeaderRow(cat, res.Criteria, lang),
				app.Tr().Body(
					app.Th().Scope("col").Class("corner").Text(t(lang, msgMessenger)),
					app.Range(res.Criteria).Slice(func(i int) app.UI {
						cr := res.Criteria[i]
						return app.Th().Scope("col").DataSet("criterion", cr.ID).Title(attr(cr.Description.In(lang))).Text(cr.Label.In(lang))
					}),
				),
			),
			app.TBody().Body(
				app.Range(res.Kept).Slice(func(i int) app.UI {
					return appRow(res.Kept[i], res, lang)
				}),
			),
		),
	)
}

// groupHeaderRow spans each criteria group over its columns.
func groupHeaderRow(cat *catalog.Catalog, crits []*catalog.Criterion, lang string) app.UI {
	var cells []app.UI
	cells = append(cells, app.Td().Class("corner"))
	for i := 0; i < len(crits); {
		j := i
		for j < len(crits) && crits[j].Group == crits[i].Group {
			j++
		}
		cells = append(cells, app.Th().Scope("colgroup").ColSpan(j-i).Class("group-head").Text(groupLabel(cat, crits[i].Group, lang)))
		i = j
	}
	return app.Tr().Class("groups").Body(cells...)
}

func appRow(row compare.Row, res compare.Result, lang string) app.UI {
	a := row.App
	return app.Tr().DataSet("app", a.ID).Body(
		app.Th().Scope("row").Class("app-name").Body(
			app.A().Href(link("/app/"+a.ID)).Text(a.Name),
			app.If(a.Discontinued != nil, app.Span().Class("badge").Text(t(lang, msgDiscontinued))),
			scoreView(row.Score, len(res.Conditions), lang),
		),
		app.Range(res.Criteria).Slice(func(i int) app.UI {
			return cellView(res.Criteria[i], a, lang)
		}),
	)
}

// scoreView is the at-a-glance bar: how many of the active conditions the
// messenger meets, as a meter with its number in words.
func scoreView(score, total int, lang string) app.UI {
	if total == 0 {
		return nil
	}
	label := fmt.Sprintf(t(lang, msgScore), score, total)
	return app.Span().Class("score").Body(
		app.Meter().Min(0).Max(float64(total)).Value(float64(score)).Aria("label", attr(label)),
		app.Span().Class("score-text").Text(fmt.Sprintf("%d/%d", score, total)),
	)
}

// cellView shows one fact as symbol and word; it links to the fact's
// details (a panel with the app, the messenger's page without it).
func cellView(cr *catalog.Criterion, a *catalog.App, lang string) app.UI {
	td := app.Td().DataSet("app", a.ID).DataSet("criterion", cr.ID).DataSet("label", attr(cr.Label.In(lang)))
	cell := a.Cell(cr.ID)
	var s shown
	if cell == nil {
		s = shown{Symbol: "?", Word: t(lang, msgUnknown), Tone: toneUnknown}
	} else {
		s = show(cr, cell.Value, lang)
	}
	return td.Class("v-" + s.Tone).Body(
		app.A().Class("fact").Href(link("/app/"+a.ID+"#"+cr.ID)).DataSet("fact", a.ID+"/"+cr.ID).
			Aria("label", attr(cr.Label.In(lang)+", "+a.Name+": "+s.Word)).Body(
			app.If(s.Symbol != "", app.Span().Class("sym").Aria("hidden", "true").Text(s.Symbol)),
			app.Span().Class("word").Text(s.Word),
		),
	)
}

func groupLabel(cat *catalog.Catalog, id, lang string) string {
	if g := cat.Group(id); g != nil {
		return g.Label.In(lang)
	}
	return id
}
