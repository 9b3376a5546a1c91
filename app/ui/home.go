package ui

import (
	"strings"

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

	Catalog *catalog.Catalog

	state
	detail fact // the fact whose details are open, if any
}

// fact names one cell: a messenger and a criterion.
type fact struct{ app, criterion string }

// OnInit loads the state from the address bar before the first client-side
// render, so that the page does not flash empty over the prerendered one.
func (h *Home) OnInit() {
	if app.IsClient {
		h.load(h.Catalog, app.Window().URL())
	}
}

// OnPreRender loads the state from the request URL on the server.
func (h *Home) OnPreRender(ctx app.Context) { h.loadPage(ctx) }

// OnNav reloads the state whenever the URL changes, back and forward too.
func (h *Home) OnNav(ctx app.Context) { h.loadPage(ctx) }

// OnMount marks the app ready once the first client render is in the DOM.
func (h *Home) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { markReady() })
}

func (h *Home) loadPage(ctx app.Context) {
	h.load(h.Catalog, ctx.Page().URL())
	h.detail = fact{}
	ctx.Page().SetLang(h.lang)
	ctx.Page().SetTitle(t(h.lang, msgTitle))
}

// set shows query q: as a new history entry (push) or, while the reader
// types, by replacing the current one.
func (h *Home) set(ctx app.Context, q compare.Query, push bool) {
	if push {
		navigate(ctx, "/", q)
		return
	}
	h.query = q
	h.result = compare.Apply(h.Catalog, q)
	replaceURL(ctx, q)
}

// Render draws the page from the loaded state; it computes nothing.
func (h *Home) Render() app.UI {
	return frame(h.Catalog, &h.state, "/",
		app.H1().Text(t(h.lang, msgHeadline)),
		app.P().Class("tagline").Text(t(h.lang, msgTagline)),
		app.Div().Class("layout").Body(
			h.controlsView(),
			app.Div().Class("results").Body(
				countView(h.result, h.lang),
				h.matrixView(),
				whyNotView(h.Catalog, h.result, h.lang),
			),
		),
		h.detailView(),
	)
}

// onFactClick opens the details of the fact whose cell was clicked. One
// handler on the table serves every cell; without the app, the cell's link
// leads to the messenger's page instead.
func (h *Home) onFactClick(ctx app.Context, e app.Event) {
	if e.Get("metaKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("shiftKey").Bool() {
		return
	}
	a := e.Get("target").Call("closest", "a[data-fact]")
	if !a.Truthy() {
		return
	}
	e.PreventDefault()
	id, crit, _ := strings.Cut(a.Get("dataset").Get("fact").String(), "/")
	h.detail = fact{app: id, criterion: crit}
	ctx.Defer(func(app.Context) { focus("#detail-title") })
}

func (h *Home) onDetailClose(ctx app.Context, e app.Event) {
	closed := h.detail
	h.detail = fact{}
	ctx.Defer(func(app.Context) { focus(`a[data-fact="` + closed.app + "/" + closed.criterion + `"]`) })
}

func (h *Home) onDetailKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" {
		h.onDetailClose(ctx, e)
	}
}

// focus moves the keyboard focus to the first element matching selector.
func focus(selector string) {
	if el := app.Window().Get("document").Call("querySelector", selector); el.Truthy() {
		el.Call("focus")
	}
}
