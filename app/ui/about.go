//go:build !js

package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// About explains the method, defines every criterion and preset, and
// states the data licence and how to contribute. It is a page of the
// server's (serverPage): text and links, which the wasm need not carry.
type About struct {
	app.Compo

	Catalog *catalog.Catalog

	state
}

// OnPreRender loads the page on the server.
func (p *About) OnPreRender(ctx app.Context) { p.loadPage(ctx) }

func (p *About) loadPage(ctx app.Context) {
	p.load(p.Catalog, ctx.Page().URL(), pathsOf(ctx))
	setDocumentLang(ctx, p.lang)
	ctx.Page().SetTitle(t(p.lang, msgNavAbout) + " · msgcompare")
}

// Render draws the page.
func (p *About) Render() app.UI {
	lang, cat := p.lang, p.Catalog
	paras := aboutParagraphs(lang)
	return serverPage(frame(cat, &p.state, "/about",
		app.H1().Text(t(lang, msgAboutTitle)),
		app.Range(paras).Slice(func(i int) app.UI {
			return app.P().Text(paras[i])
		}),
		app.P().Body(app.A().Href(p.at.href("/curators", keep(p.query))).Text(t(lang, msgCuratorsLink))),
		app.H2().ID("criteria").Text(t(lang, msgCriteriaTitle)),
		app.Range(cat.Groups).Slice(func(i int) app.UI {
			return criteriaDefinitions(cat, cat.Groups[i], lang)
		}),
		app.H2().ID("presets").Text(t(lang, msgPresetsTitle)),
		app.Dl().Class("definitions").Body(
			app.Range(cat.Presets).Slice(func(i int) app.UI {
				pr := cat.Presets[i]
				return app.Div().Body(
					app.Dt().Body(app.A().Href(p.at.href("/", withPreset(keep(p.query), pr.ID))).Text(pr.Label.In(lang.code))),
					app.Dd().Body(
						app.P().Text(pr.Description.In(lang.code)),
						app.P().Body(app.Code().Text("require="+pr.Require)),
						app.If(pr.Rationale != nil, app.P().Text(pr.Rationale.In(lang.code))),
						app.If(pr.Source != "", app.P().Body(extLink(pr.Source, t(lang, msgSource)))),
					),
				)
			}),
		),
		app.H2().ID("licence").Text(t(lang, msgLicenceTitle)),
		app.P().Body(
			app.Text(t(lang, msgLicenceText)+" "),
			app.A().Href(p.at.link("/api/catalog.json")).Text("catalog.json"),
			app.Text(", "),
			app.A().Href(p.at.link("/api/catalog.csv")).Text("catalog.csv"),
			app.Text(", "),
			app.A().Href(p.at.link("/api/catalog.schema.json")).Text("catalog.schema.json"),
			app.Text("."),
		),
		app.H2().ID("contribute").Text(t(lang, msgContributeTitle)),
		app.P().Text(t(lang, msgContributeText)),
	))
}

func criteriaDefinitions(cat *catalog.Catalog, g catalog.Group, lang locale) app.UI {
	var items []app.UI
	for i := range cat.Criteria {
		cr := &cat.Criteria[i]
		if cr.Group != g.ID {
			continue
		}
		var values string
		if len(cr.Values) > 0 {
			labels := make([]string, len(cr.Values))
			for j, v := range cr.Values {
				labels[j] = cr.ValueLabel(v, lang.code)
			}
			values = lang.list(labels)
		}
		items = append(items, app.Div().ID("def-"+cr.ID).Body(
			app.Dt().Body(app.Text(cr.Label.In(lang.code)+" "), app.Code().Text(cr.ID)),
			app.Dd().Body(
				app.Text(cr.Description.In(lang.code)),
				app.If(values != "", app.Br()),
				app.If(values != "", app.Small().Text(values)),
			),
		))
	}
	return app.Section().Aria("labelledby", "about-"+g.ID).Body(
		app.H3().ID("about-"+g.ID).Text(g.Label.In(lang.code)),
		app.Dl().Class("definitions").Body(items...),
	)
}

// aboutParagraphs is the methodology in the reader's language.
func aboutParagraphs(l locale) []string {
	var ps []string
	for i := 1; ; i++ {
		p := t(l, msgAbout+strconv.Itoa(i))
		if p == "" {
			return ps
		}
		ps = append(ps, p)
	}
}

// withPreset returns q with preset id.
func withPreset(q compare.Query, id string) compare.Query {
	q.Preset = id
	return q
}
