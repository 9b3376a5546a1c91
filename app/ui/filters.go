package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// filtersView is the form of requirement controls, one per bool criterion,
// grouped. Without JavaScript it is a plain GET form; with the app, each
// change navigates at once.
func (h *Home) filtersView(lang string) app.UI {
	cat := h.Catalog
	return app.Form().Class("filters").Method("get").Action(".").Body(
		app.H2().ID("filters-title").Text(t(lang, msgRequirements)),
		app.Range(cat.Groups).Slice(func(i int) app.UI {
			g := cat.Groups[i]
			var controls []app.UI
			for j := range cat.Criteria {
				cr := &cat.Criteria[j]
				if cr.Group == g.ID && cr.Type == catalog.Bool {
					controls = append(controls, h.toggleView(cr, lang))
				}
			}
			if len(controls) == 0 {
				return nil
			}
			return app.FieldSet().Class("group").Body(
				app.Legend().Text(g.Label.In(lang)),
				app.Div().Class("toggles").Body(controls...),
			)
		}),
		app.Div().Class("filter-actions").Body(
			app.NoScript().Body(
				app.Button().Type("submit").Text(t(lang, msgApply)),
			),
			app.If(len(h.query.Require) > 0 || h.query.Preset != "",
				app.A().Class("clear").Href("?"+h.cleared().Encode()).
					OnClick(h.onClear).Text(t(lang, msgClear)),
			),
		),
	)
}

// toggleView is one requirement control: a checkbox that carries its
// condition in data-require (contract §6).
func (h *Home) toggleView(cr *catalog.Criterion, lang string) app.UI {
	c := toggleCondition(cr)
	cond := c.String()
	on := h.query.Requires(cond)
	id := "req-" + cr.ID
	input := app.Input().Type("checkbox").ID(id).Name("require").Value(cond).
		DataSet("require", cond).
		OnChange(h.onToggle(c))
	// A false "checked" must not reach the prerendered HTML: there it
	// would read as checked. In the browser it is the live property.
	if on || app.IsClient {
		input = input.Checked(on)
	}
	return app.Label().Class("toggle").For(id).Title(cr.Description.In(lang)).Body(
		input,
		app.Span().Text(conditionLabel(h.Catalog, c, lang)),
	)
}
