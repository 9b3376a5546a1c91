//go:build !js

package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// Curators puts the curators' current verdicts side by side, one row per
// messenger they judge, with whether they agree, and then, for each
// messenger they disagree on, every curator's verdict with its date,
// reason and source. It is a page of the server's (serverPage): the
// reasons are in the full catalog the server holds, and the wasm need not
// carry the page.
type Curators struct {
	app.Compo

	Catalog *catalog.Catalog

	state
}

// OnPreRender loads the page on the server.
func (p *Curators) OnPreRender(ctx app.Context) { p.loadPage(ctx) }

func (p *Curators) loadPage(ctx app.Context) {
	p.load(p.Catalog, ctx.Page().URL(), pathsOf(ctx))
	setDocumentLang(ctx, p.lang)
	ctx.Page().SetTitle(t(p.lang, msgCuratorsTitle) + " · msgcompare")
}

// curatorRow is one messenger's current verdicts, by curator.
type curatorRow struct {
	app       *catalog.App
	verdicts  map[string]catalog.Status
	agreement string
}

// Render draws the page.
func (p *Curators) Render() app.UI {
	lang, cat := p.lang, p.Catalog
	curators := cat.Curators()
	var rows []curatorRow
	counts := map[string]int{}
	for i := range cat.Apps {
		a := &cat.Apps[i]
		current := a.CurrentVerdicts()
		if len(current) == 0 {
			continue
		}
		r := curatorRow{app: a, verdicts: map[string]catalog.Status{}, agreement: catalog.Agreement(current)}
		for _, v := range current {
			r.verdicts[v.Curator] = v
		}
		counts[r.agreement]++
		rows = append(rows, r)
	}
	head := []app.UI{app.Th().Scope("col").Text(t(lang, msgMessenger))}
	for _, c := range curators {
		head = append(head, app.Th().Scope("col").Text(curatorName(c, lang)))
	}
	head = append(head, app.Th().Scope("col").Text(t(lang, msgAgreement)))
	var body, disagreements []app.UI
	for _, r := range rows {
		cells := []app.UI{app.Th().Scope("row").Body(app.A().Href(p.at.href("/app/"+r.app.ID, keep(p.query)) + "#status-title").Text(r.app.Name))}
		for _, c := range curators {
			cells = append(cells, verdictCell(r.verdicts, c, lang))
		}
		cells = append(cells, agreementCell(r.agreement, lang))
		body = append(body, app.Tr().DataSet("app", r.app.ID).DataSet("agreement", r.agreement).Body(cells...))
		if r.agreement == catalog.AgreeDisagree {
			disagreements = append(disagreements, p.disagreement(r, curators))
		}
	}
	return serverPage(frame(cat, &p.state, "/curators",
		app.H1().Text(t(lang, msgCuratorsTitle)),
		app.P().Text(t(lang, msgCuratorsIntro)),
		app.P().Class("curators-summary").Text(fmtMsg(lang, msgCuratorsSummary,
			lang.num(counts[catalog.AgreeAll]), lang.num(counts[catalog.AgreeDisagree]),
			lang.num(counts[catalog.AgreePartly]), lang.num(counts[catalog.AgreeSingle]))),
		app.Div().Class("table-scroll").ID("curators-table").TabIndex(0).Attr("role", "region").Aria("labelledby", "curators-caption").Body(
			app.Table().Class("curators").Body(
				app.Caption().ID("curators-caption").Text(t(lang, msgCuratorsCaption)),
				app.THead().Body(app.Tr().Body(head...)),
				app.TBody().Body(body...),
			),
		),
		app.If(len(disagreements) > 0,
			app.H2().ID("disagreements").Text(t(lang, msgCuratorsDisagree)),
		),
		app.Range(disagreements).Slice(func(i int) app.UI { return disagreements[i] }),
	))
}

// disagreement is one messenger the curators disagree on: each one's
// verdict, date, reason (in English, the data's language) and source.
func (p *Curators) disagreement(r curatorRow, curators []string) app.UI {
	lang := p.lang
	var items []app.UI
	for _, c := range curators {
		v, ok := r.verdicts[c]
		if !ok {
			continue
		}
		sym, tone := verdictMark(v.Status)
		items = append(items, app.Li().Body(
			app.Strong().Class("v-"+tone).Body(
				app.Span().Class("sym").Aria("hidden", "true").Text(sym+" "),
				app.Text(curatorName(c, lang)+": "+t(lang, "status_"+v.Status)+" ("+formatDate(v.Since, lang)+")"),
			),
			app.If(v.Reason != "", app.Text(" — "), enText(lang, v.Reason)),
			app.If(v.Source != "", app.Text(" "), extLink(v.Source, t(lang, msgSource))),
		))
	}
	return app.Section().Class("disagreement").Aria("labelledby", "disagree-"+r.app.ID).Body(
		app.H3().ID("disagree-"+r.app.ID).Body(app.A().Href(p.at.href("/app/"+r.app.ID, keep(p.query))).Text(r.app.Name)),
		app.Ul().Body(items...),
	)
}

// verdictCell is a curator's current verdict in the table: a mark (not
// colour alone), the verdict in words and its date; "not covered" when
// the curator does not judge the messenger.
func verdictCell(verdicts map[string]catalog.Status, curator string, lang locale) app.UI {
	v, ok := verdicts[curator]
	if !ok {
		return app.Td().Class("v-none").Text("— " + t(lang, msgNotCovered))
	}
	sym, tone := verdictMark(v.Status)
	return app.Td().Class("v-"+tone).Body(
		app.Span().Class("sym").Aria("hidden", "true").Text(sym+" "),
		app.Text(t(lang, "status_"+v.Status)+" "),
		app.Small().Text("("+formatDate(v.Since, lang)+")"),
	)
}

// agreementCell says whether the curators agree, with a mark.
func agreementCell(agreement string, lang locale) app.UI {
	sym := map[string]string{catalog.AgreeAll: "=", catalog.AgreeDisagree: "≠", catalog.AgreePartly: "≈", catalog.AgreeSingle: "·"}[agreement]
	return app.Td().Class("agreement agreement-"+agreement).Body(
		app.Span().Class("sym").Aria("hidden", "true").Text(sym+" "),
		app.Text(t(lang, msgAgreePrefix+agreement)),
	)
}
