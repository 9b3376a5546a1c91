package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// Embed is the compact widget at /embed that other sites put in an iframe.
// It takes every URL parameter of the full comparison, tells its parent
// its height (msgcompare:resize) and when it is interactive
// (msgcompare:ready), and sends nothing else out of the frame.
type Embed struct {
	app.Compo

	Catalog *catalog.Catalog
	// Today is the date prerendered facts age to (Config.Today).
	Today string

	state
	factPanel
}

// OnInit loads the state before the first client render.
func (e *Embed) OnInit() {
	if app.IsClient {
		e.load(e.Catalog, app.Window().URL(), clientPaths())
	}
}

// OnPreRender loads the page on the server.
func (e *Embed) OnPreRender(ctx app.Context) { e.loadPage(ctx) }

// OnNav reloads when the URL changes.
func (e *Embed) OnNav(ctx app.Context) {
	e.loadPage(ctx)
}

// OnMount announces readiness. web/boot.js reports the height, from the
// first paint on, whether the app runs or not.
func (e *Embed) OnMount(ctx app.Context) {
	e.mount(ctx, e.Catalog, &e.state)
	ctx.Defer(func(app.Context) {
		patchMatrix(&e.state)
		markReady()
		postToParent(map[string]any{"type": "msgcompare:ready"})
	})
}

func (e *Embed) loadPage(ctx app.Context) {
	e.load(e.Catalog, ctx.Page().URL(), pathsOf(ctx))
	e.today = today(e.Today)
	e.detail = fact{}
	setDocumentLang(ctx, e.lang)
	ctx.Page().SetTitle(t(e.lang, msgTitle))
	if app.IsClient {
		ctx.Defer(func(app.Context) { patchMatrix(&e.state) })
	}
}

// Render draws the widget: compact controls, the matrix and the reasons.
func (e *Embed) Render() app.UI {
	lang := e.lang
	theme := e.query.Theme
	if theme == "" {
		theme = "auto"
	}
	// One main landmark holds everything: the frame is a page of its own
	// for screen readers, and content outside landmarks is easy to miss.
	return app.Div().Class("page embed").DataSet("theme", theme).Lang(lang.code).Dir(lang.dir).Body(app.Main().ID("main").Body(
		noticeView(e.notices, lang),
		bootFailedView(lang),
		app.Div().Class("embed-head").Body(
			app.A().Class("brand").Href(e.at.href("/", e.query)).Target("_blank").Rel("noopener").
				Text(t(lang, msgOpenFull)),
			countView(e.result, lang),
		),
		// With guide answers in its address (chosen in the builder), the
		// widget opens with the guide's shortlist for them.
		shortlistView(e.Catalog, &e.state),
		e.togglesView(),
		matrixView(e.Catalog, &e.state, e.onFactClick),
		e.factPanel.view(e.Catalog, &e.state),
		whyNotView(e.Catalog, &e.state),
	))
}

// togglesView offers the requirements for the bool criteria the widget
// shows, so readers can filter inside the frame.
func (e *Embed) togglesView() app.UI {
	var controls []app.UI
	for _, cr := range e.result.Criteria {
		if cr.Type != catalog.Bool {
			continue
		}
		controls = append(controls, requirementControl(e.Catalog, cr, e.query, e.lang, e.onToggle))
	}
	if len(controls) == 0 {
		return nil
	}
	return app.Form().Class("embed-filters").Method("get").Action(e.at.link("/embed")).OnSubmit(preventDefault).Body(
		app.FieldSet().Body(
			app.Legend().Text(t(e.lang, msgRequirements)),
			app.Div().Class("toggles").Body(controls...),
		),
		hiddenState(e.formRest()),
		app.NoScript().Body(app.Button().Type("submit").Text(t(e.lang, msgApply))),
	)
}

// formRest is the part of the query the filters form does not show: all
// but the requirement toggles.
func (e *Embed) formRest() compare.Query {
	q := e.query
	q.Require = withoutToggles(q.Require, boolCriteria(e.result.Criteria))
	return q
}

func (e *Embed) onToggle(c catalog.Condition) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		e.detail = fact{}
		e.apply(ctx, e.Catalog, e.query.Toggle(c), true)
	}
}

// postToParent sends one of the two embed messages to the host page. The
// target origin is "*": the messages carry nothing private, and the
// widget cannot know which site embeds it.
func postToParent(msg map[string]any) {
	win := app.Window()
	parent := win.Get("parent")
	if !parent.Truthy() || parent.Equal(win.JSValue()) {
		return
	}
	parent.Call("postMessage", msg, "*")
}
