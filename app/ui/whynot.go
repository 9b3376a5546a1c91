package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// whyNotView lists the excluded messengers with the conditions each fails
// and the value it has instead. Entries carry data-excluded (contract §6).
func whyNotView(cat *catalog.Catalog, res compare.Result, lang string) app.UI {
	if len(res.Excluded) == 0 {
		return nil
	}
	return app.Section().Class("why-not").Aria("labelledby", "why-not-title").Body(
		app.H2().ID("why-not-title").Text(t(lang, msgWhyNot)),
		app.P().Text(t(lang, msgWhyNotIntro)),
		app.Ul().Body(
			app.Range(res.Excluded).Slice(func(i int) app.UI {
				ex := res.Excluded[i]
				return app.Li().DataSet("excluded", ex.App.ID).Body(
					app.Div().Class("why-head").Body(
						app.A().Href(link("/app/"+ex.App.ID)).Text(ex.App.Name),
						scoreView(ex.Score, len(res.Conditions), lang),
					),
					app.Ul().Class("reasons").Body(
						app.If(ex.NoMatch, app.Li().Text(t(lang, msgNoMatch))),
						app.Range(ex.Failed).Slice(func(j int) app.UI {
							return failureView(cat, ex.App, ex.Failed[j], lang)
						}),
					),
				)
			}),
		),
	)
}

func failureView(cat *catalog.Catalog, a *catalog.App, f compare.Failure, lang string) app.UI {
	have := show(f.Criterion, f.Value, lang)
	return app.Li().Body(
		app.Span().Class("sym v-bad").Aria("hidden", "true").Text("✗ "),
		app.Text(fmt.Sprintf(t(lang, msgFails), conditionLabel(cat, f.Condition, lang))+" "),
		app.A().Href(link("/app/"+a.ID+"#"+f.Criterion.ID)).Class("v-"+have.Tone).Text(have.Word),
	)
}
