package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// NotFound is the page for every address that is not a page of the site,
// /app/<unknown id> included: it says so and links to every messenger, so
// that a mistyped or outdated link still leads somewhere useful. The server
// answers it with status 404; the static export writes it as 404.html.
type NotFound struct {
	app.Compo
	page

	Catalog *catalog.Catalog

	state
}

func newNotFound(c Config) app.Composer {
	p := &NotFound{Catalog: c.Catalog}
	p.self = p
	return p
}

func (p *NotFound) loadURL(u *url.URL, at paths) { p.load(p.Catalog, u, at) }

func (p *NotFound) loadPage(ctx app.Context) {
	p.loadURL(ctx.Page().URL(), pathsOf(ctx))
	setDocumentLang(ctx, p.lang)
	ctx.Page().SetTitle(t(p.lang, msgPageNotFound) + " · msgcompare")
}

// Render draws the page.
func (p *NotFound) Render() app.UI {
	// data-static: a page of links, which web/boot.js does not start the app for.
	return app.Div().DataSet("static", "").Body(
		frame(p.Catalog, &p.state, "/404", notFoundBody(p.Catalog, &p.state, t(p.lang, msgPageNotFound))...),
	)
}

// notFoundBody is the heading, a way back and the list of every messenger.
func notFoundBody(cat *catalog.Catalog, s *state, headline string) []app.UI {
	lang, keepQ := s.lang, keep(s.query)
	apps := compare.ByName(cat)
	return []app.UI{
		app.H1().Text(headline),
		app.P().Body(app.A().Href(s.at.href("/", keepQ)).Text(t(lang, msgBack))),
		app.H2().ID("all-messengers").Text(t(lang, msgAllMessengers)),
		app.Ul().Class("app-list").Aria("labelledby", "all-messengers").Body(app.Range(apps).Slice(func(i int) app.UI {
			return app.Li().Body(app.A().Href(s.at.href("/app/"+apps[i].ID, keepQ)).Text(apps[i].Name))
		})),
	}
}
