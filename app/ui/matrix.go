package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// countView states the result in one sentence; a live region, so screen
// readers hear it change.
func countView(cat *catalog.Catalog, res compare.Result, lang string) app.UI {
	total := len(res.Kept) + len(res.Excluded)
	text := fmt.Sprintf(t(lang, msgCount), len(res.Kept), total, len(res.Conditions))
	if len(res.Kept) == 0 && total > 0 {
		text += " " + t(lang, msgNoneKept)
	}
	return app.P().Class("count").Aria("live", "polite").Attr("role", "status").Text(text)
}

// matrixView is the table of kept messengers (columns) by criteria (rows,
// grouped). Every cell carries data-app and data-criterion (contract §6).
func matrixView(cat *catalog.Catalog, res compare.Result, lang string) app.UI {
	if len(res.Kept) == 0 {
		return nil
	}
	var rows []app.UI
	group := ""
	for _, cr := range res.Criteria {
		if cr.Group != group {
			group = cr.Group
			rows = append(rows, app.Tr().Class("group-row").Body(
				app.Th().Scope("colgroup").ColSpan(len(res.Kept)+1).Text(groupLabel(cat, group, lang)),
			))
		}
		rows = append(rows, criterionRow(cr, res.Kept, lang))
	}
	return app.Div().Class("matrix-wrap").TabIndex(0).Aria("labelledby", "matrix-caption").Body(
		app.Table().Class("matrix").Body(
			app.Caption().ID("matrix-caption").Text(t(lang, msgMatrixCaption)),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Class("corner").Text(t(lang, msgCriterion)),
				app.Range(res.Kept).Slice(func(i int) app.UI {
					a := res.Kept[i].App
					return app.Th().Scope("col").DataSet("app", a.ID).Body(
						app.A().Href(a.Homepage).Rel("noopener").Target("_blank").Text(a.Name),
						app.If(a.Discontinued != nil, app.Small().Text(" ("+t(lang, msgDiscontinued)+")")),
					)
				}),
			)),
			app.TBody().Body(rows...),
		),
	)
}

func criterionRow(cr *catalog.Criterion, kept []compare.Row, lang string) app.UI {
	return app.Tr().Body(
		app.Th().Scope("row").Title(cr.Description.In(lang)).Text(cr.Label.In(lang)),
		app.Range(kept).Slice(func(i int) app.UI {
			a := kept[i].App
			return cellView(cr, a, lang)
		}),
	)
}

// cellView shows one fact as symbol and word, with its note and first
// source at hand.
func cellView(cr *catalog.Criterion, a *catalog.App, lang string) app.UI {
	td := app.Td().DataSet("app", a.ID).DataSet("criterion", cr.ID)
	cell := a.Cell(cr.ID)
	if cell == nil {
		return td.Class("v-unknown").Text("? " + t(lang, msgUnknown))
	}
	s := show(cr, cell.Value, lang)
	title := cell.Note
	if title != "" {
		title += " "
	}
	title += fmt.Sprintf("(%s)", fmt.Sprintf(t(lang, msgVerified), cell.Verified))
	var src app.UI
	if len(cell.Sources) > 0 {
		src = app.A().Class("src").Href(cell.Sources[0]).Rel("noopener noreferrer").Target("_blank").
			Aria("label", t(lang, msgSources)+": "+cr.Label.In(lang)+", "+a.Name).Text("↗")
	}
	return td.Class("v-"+s.Tone).Title(title).Body(
		app.If(s.Symbol != "", app.Span().Class("sym").Aria("hidden", "true").Text(s.Symbol+" ")),
		app.Span().Text(s.Word),
		src,
	)
}

func groupLabel(cat *catalog.Catalog, id, lang string) string {
	if g := cat.Group(id); g != nil {
		return g.Label.In(lang)
	}
	return id
}
