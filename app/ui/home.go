package ui

import (
	"fmt"
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// Home is the full comparison at "/": presets, search, sort, requirement
// controls, the matrix of kept messengers and the reasons for the others.
// Its state is the URL's query, so every view is a permalink and the back
// button walks through the states.
type Home struct {
	app.Compo
	page

	Catalog *catalog.Catalog
	// Today is the date prerendered facts age to (Config.Today).
	Today string

	state
	factPanel
	open map[string]bool // choice lists the reader opened
}

func newHome(c Config) app.Composer {
	h := &Home{Catalog: c.Catalog, Today: c.Today}
	h.self = h
	return h
}

func (h *Home) loadURL(u *url.URL, at paths) { h.load(h.Catalog, u, at) }

func (h *Home) loadPage(ctx app.Context) {
	h.loadURL(ctx.Page().URL(), pathsOf(ctx))
	// The no-JS form sends every checkbox; the permalinks say it in short.
	h.query.Shorten(h.Catalog)
	h.today = today(h.Today)
	h.detail = fact{}
	setDocumentLang(ctx, h.lang)
	ctx.Page().SetTitle(t(h.lang, msgTitle))
	ctx.Defer(func(app.Context) { patchMatrix(&h.state) })
}

// mounted binds the fact panel and arranges the matrix's rows, and
// fetches the evidence once the browser is idle.
func (h *Home) mounted(ctx app.Context) {
	h.mount(ctx, h.Catalog, &h.state)
	ctx.Defer(func(app.Context) { patchMatrix(&h.state) })
	prefetchEvidence(ctx, h.Catalog)
}

// set shows query q: as a new history entry (push) or, while the reader
// types, by replacing the current one.
func (h *Home) set(ctx app.Context, q compare.Query, push bool) {
	h.detail = fact{}
	h.apply(ctx, h.Catalog, q, push)
}

// filtersToggle opens and closes the filter panel on narrow screens, where
// the guide and the results come first. It is a link: the panel's state is
// in the URL (filters=1) like everything else, and it works without the app.
func (h *Home) filtersToggle() app.UI {
	q := h.query
	q.Filters = !q.Filters
	n := len(h.query.Require)
	if h.query.Preset != "" {
		n++
	}
	return app.A().Class("filters-toggle").Href(h.at.href("/", q)).Aria("expanded", fmt.Sprint(h.query.Filters)).
		Aria("controls", "controls").Text(fmtMsg(h.lang, msgFilters, n))
}

func (h *Home) layoutClass() string {
	if h.query.Filters {
		return "layout filters-open"
	}
	return "layout"
}

// Render draws the page from the loaded state; it computes nothing.
func (h *Home) Render() app.UI {
	return frame(h.Catalog, &h.state, "/",
		app.H1().Text(t(h.lang, msgHeadline)),
		app.P().Class("tagline").Text(t(h.lang, msgTagline)),
		h.guideView(),
		app.A().Class("jump").Href("#count").Text(fmtMsg(h.lang, msgJump, len(h.result.Kept))),
		h.filtersToggle(),
		app.Div().Class(h.layoutClass()).Body(
			h.controlsView(),
			app.Div().Class("results").Body(
				countView(h.result, h.lang),
				matrixView(h.Catalog, &h.state, h.onFactClick),
				whyNotView(h.Catalog, &h.state),
			),
		),
		h.factPanel.view(h.Catalog, &h.state),
	)
}
