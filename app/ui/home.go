package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// Home is the full comparison at "/": requirement controls, the matrix of
// kept messengers and the list of excluded ones with their reasons. Its
// whole state is the URL's query, so every view is a permalink.
type Home struct {
	app.Compo

	Catalog *catalog.Catalog

	query   compare.Query
	notices []compare.Notice
	result  compare.Result
}

// OnInit loads the state from the address bar before the first client-side
// render, so that the page does not flash empty over the prerendered one.
func (h *Home) OnInit() {
	if app.IsClient {
		h.load(app.Window().URL())
	}
}

// OnPreRender loads the state from the request URL on the server.
func (h *Home) OnPreRender(ctx app.Context) { h.load(ctx.Page().URL()) }

// OnNav reloads the state whenever the URL changes, including back and
// forward.
func (h *Home) OnNav(ctx app.Context) { h.load(ctx.Page().URL()) }

// OnMount marks the app ready once the first client render is in the DOM.
func (h *Home) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { markReady() })
}

func (h *Home) load(u *url.URL) {
	h.query, h.notices = compare.Decode(u.RawQuery, h.Catalog)
	h.result = compare.Apply(h.Catalog, h.query)
}

func (h *Home) lang() string {
	if h.query.Lang != "" {
		return h.query.Lang
	}
	return "en"
}

// navigate moves to the view of query q, adding a history entry.
func (h *Home) navigate(ctx app.Context, q compare.Query) {
	u := *ctx.Page().URL()
	u.RawQuery = q.Encode()
	ctx.NavigateTo(&u)
}

// onToggle flips the requirement a control stands for.
func (h *Home) onToggle(c catalog.Condition) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		e.PreventDefault()
		h.navigate(ctx, h.query.Toggle(c))
	}
}

func (h *Home) onClear(ctx app.Context, e app.Event) {
	e.PreventDefault()
	h.navigate(ctx, h.cleared())
}

// cleared is the current view without any requirement or preset.
func (h *Home) cleared() compare.Query {
	q := h.query
	q.Require, q.Preset = nil, ""
	return q
}

// Render draws the page from the loaded state; it computes nothing.
func (h *Home) Render() app.UI {
	lang := h.lang()
	return app.Div().Class("page").Body(
		app.Header().Class("masthead").Body(
			app.H1().Text("msgcompare"),
			app.P().Class("tagline").Text(t(lang, msgTagline)),
		),
		noticeView(h.notices, lang),
		app.Main().ID("main").Body(
			h.filtersView(lang),
			countView(h.Catalog, h.result, lang),
			matrixView(h.Catalog, h.result, lang),
			whyNotView(h.Catalog, h.result, lang),
		),
		footerView(h.Catalog, lang),
	)
}
