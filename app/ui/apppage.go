package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// AppPage is one messenger at /app/{id}: every criterion with its value,
// sources, verified date and history, and the curators' verdicts.
type AppPage struct {
	app.Compo
	page

	Catalog *catalog.Catalog
	// Today is the date prerendered facts age to (Config.Today).
	Today string
	// PublicURL is the site's address for the badge's snippets (Config).
	PublicURL string

	state
	id string
}

func newAppPage(c Config) app.Composer {
	p := &AppPage{Catalog: c.Catalog, Today: c.Today, PublicURL: c.PublicURL}
	p.self = p
	return p
}

func (p *AppPage) loadPage(ctx app.Context) {
	p.loadURL(ctx.Page().URL(), pathsOf(ctx))
	p.today = today(p.Today)
	setDocumentLang(ctx, p.lang)
	needEvidence(ctx, p.Catalog, &p.state)
	if a := p.Catalog.App(p.id); a != nil {
		ctx.Page().SetTitle(a.Name + " · msgcompare")
		ctx.Page().SetDescription(a.Summary.In(p.lang.code))
	}
}

func (p *AppPage) loadURL(u *url.URL, at paths) {
	p.load(p.Catalog, u, at)
	p.id = appIDFromPath(u.Path)
}

// partnerQuery opens the side by side of messenger id and a likely
// counterpart, in the reader's theme and language.
func (p *AppPage) partnerQuery(id string) compare.Query {
	q := keep(p.query)
	q.Apps = []string{id, suggestPartner(id)}
	return q
}

// Render draws the messenger's page, or a not-found message.
func (p *AppPage) Render() app.UI {
	lang := p.lang
	a := p.Catalog.App(p.id)
	if a == nil {
		return frame(p.Catalog, &p.state, "/app", notFoundBody(p.Catalog, &p.state, t(lang, msgNotFound))...)
	}
	return frame(p.Catalog, &p.state, "/app/"+a.ID,
		app.H1().Body(
			app.Text(a.Name),
			app.If(a.Discontinued != nil, app.Span().Class("badge").Text(t(lang, msgDiscontinued))),
		),
		app.P().Class("tagline").Body(l10nText(lang, a.Summary)),
		app.P().Class("app-links").Body(
			extLink(a.Homepage, t(lang, msgHomepage)),
			app.Text(" · "),
			app.A().Href(p.at.href("/compare", p.partnerQuery(a.ID))).Text(t(lang, msgCompareWith)),
		),
		discontinuedView(a.Discontinued, lang),
		statusView(a, p.at.href("/curators", keep(p.query)), lang),
		app.P().Class("legend-line").Body(app.Raw(legendHTML(lang))),
		app.Range(p.Catalog.Groups).Slice(func(i int) app.UI {
			return groupFacts(factContextOf(p.Catalog, &p.state), p.Catalog, a, p.Catalog.Groups[i], lang)
		}),
		badgeView(p.at, strings.TrimSuffix(p.PublicURL, "/"), a, lang),
	)
}

func groupFacts(fc factContext, cat *catalog.Catalog, a *catalog.App, g catalog.Group, lang locale) app.UI {
	var m markup
	m.open("section", "class", "fact-group", "data-app", a.ID, "aria-labelledby", "g-"+g.ID)
	m.elem("h2", g.Label.In(lang.code), "id", "g-"+g.ID)
	m.open("div", "class", "fact-grid")
	for i := range cat.Criteria {
		cr := &cat.Criteria[i]
		if cr.Group != g.ID {
			continue
		}
		m.open("section", "class", "fact-item", "id", cr.ID, "data-criterion", cr.ID)
		m.elem("h3", cr.Label.In(lang.code), "title", cr.Description.In(lang.code))
		writeFactBody(&m, fc, a, cr, a.Cell(cr.ID), lang)
		m.close("section")
	}
	m.close("div")
	m.close("section")
	return app.Raw(m.String())
}

func discontinuedView(d *catalog.Discontinued, lang locale) app.UI {
	if d == nil {
		return nil
	}
	var m markup
	m.open("p", "class", "notice")
	m.text(fmtMsg(lang, msgDiscontinuedOn, formatDate(d.Date, lang)) + " ")
	if d.Note != "" {
		m.elem("span", d.Note, enAttrs(lang)...)
	}
	m.text(" ")
	m.extLink(d.Source, t(lang, msgSource))
	m.close("p")
	return app.Raw(m.String())
}

// statusView is the curators' verdicts: where each stands now and
// whether they agree (with a link to all messengers side by side), then
// every verdict over time, newest first.
func statusView(a *catalog.App, curatorsHref string, lang locale) app.UI {
	list := a.Status
	if len(list) == 0 {
		return nil
	}
	current := a.CurrentVerdicts()
	agreement := catalog.Agreement(current)
	var m markup
	m.open("section", "class", "status", "aria-labelledby", "status-title")
	m.elem("h2", t(lang, msgStatusTitle), "id", "status-title")
	m.open("p", "class", "stance", "data-agreement", agreement)
	for i, v := range current {
		if i > 0 {
			m.text(" · ")
		}
		sym, tone := verdictMark(v.Status)
		m.open("span", "class", "v-"+tone)
		m.elem("span", sym+" ", "class", "sym", "aria-hidden", "true")
		m.text(curatorName(v.Curator, lang) + ": " + t(lang, "status_"+v.Status))
		m.close("span")
	}
	if agreement != catalog.AgreeSingle {
		m.text(" — ")
		m.open("strong")
		m.elem("span", agreementMark(agreement)+" ", "class", "sym", "aria-hidden", "true")
		m.text(t(lang, msgAgreePrefix+agreement))
		m.close("strong")
	}
	m.close("p")
	m.open("p")
	m.elem("a", t(lang, msgCuratorsLink), "href", curatorsHref)
	m.close("p")
	m.open("ol", "reversed", "")
	for i := len(list) - 1; i >= 0; i-- {
		s := list[i]
		m.open("li")
		m.elem("strong", formatDate(s.Since, lang)+" · "+curatorName(s.Curator, lang)+": "+t(lang, "status_"+s.Status))
		m.text(" — ")
		if s.Reason != "" {
			m.elem("span", s.Reason, enAttrs(lang)...)
		}
		if s.Source != "" {
			m.text(" ")
			m.extLink(s.Source, t(lang, msgSource))
		}
		m.close("li")
	}
	m.close("ol")
	m.close("section")
	return app.Raw(m.String())
}

// verdictMark is a verdict's mark and tone: ✓ for, ✗ against, • listed.
func verdictMark(status string) (sym, tone string) {
	switch catalog.Leaning(status) {
	case 1:
		return "✓", "good"
	case -1:
		return "✗", "bad"
	}
	return "•", "neutral"
}

// agreementMark is the symbol of how curators' verdicts relate.
func agreementMark(agreement string) string {
	switch agreement {
	case catalog.AgreeAll:
		return "="
	case catalog.AgreeDisagree:
		return "≠"
	case catalog.AgreePartly:
		return "≈"
	}
	return "·"
}

// curatorName is a curator's display name in the reader's language
// (ui.json's curator_<id>), or its id when no language names it.
func curatorName(id string, lang locale) string {
	if s := t(lang, msgCuratorPrefix+id); s != "" {
		return s
	}
	return id
}

// suggestPartner picks a messenger to compare with: Signal, or Briar for
// Signal itself.
func suggestPartner(id string) string {
	if id == "signal" {
		return "briar"
	}
	return "signal"
}

// appIDFromPath returns the id of /app/{id}.
func appIDFromPath(path string) string {
	if i := strings.LastIndex(path, "/app/"); i >= 0 {
		path = path[i+len("/app/"):]
	}
	return strings.Trim(path, "/")
}
