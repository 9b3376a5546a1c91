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
					app.Strong().Text(ex.App.Name),
					app.Ul().Class("reasons").Body(
						app.If(ex.NoMatch, app.Li().Text(t(lang, msgNoMatch))),
						app.Range(ex.Failed).Slice(func(j int) app.UI {
							return failureView(cat, ex.Failed[j], lang)
						}),
					),
				)
			}),
		),
	)
}

func failureView(cat *catalog.Catalog, f compare.Failure, lang string) app.UI {
	have := show(f.Criterion, f.Value, lang)
	return app.Li().Body(
		app.Span().Aria("hidden", "true").Text("✗ "),
		app.Text(t(lang, msgNeeds)+" "+conditionLabel(cat, f.Condition, lang)+"; "+t(lang, msgHas)+": "),
		app.Span().Class("v-"+have.Tone).Text(have.Word),
	)
}

// noticeView reports ignored URL parameters (contract §3, §6). The values
// are rendered as text, never as markup.
func noticeView(notices []compare.Notice, lang string) app.UI {
	if len(notices) == 0 {
		return nil
	}
	return app.Div().Class("notice").DataSet("notice", "").Attr("role", "status").Body(
		app.P().Text(t(lang, msgNotice)),
		app.Ul().Body(app.Range(notices).Slice(func(i int) app.UI {
			return app.Li().Text(notices[i].String())
		})),
	)
}

func footerView(cat *catalog.Catalog, lang string) app.UI {
	return app.Footer().Class("footer").Body(
		app.P().Text(fmt.Sprintf(t(lang, msgData), cat.Version, cat.Updated)),
	)
}
