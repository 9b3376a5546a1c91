package ui

import (
	"net/url"
	"strconv"

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
	page

	Catalog *catalog.Catalog
	// Today is the date prerendered facts age to (Config.Today).
	Today string

	state
	factPanel
}

func newEmbed(c Config) app.Composer {
	e := &Embed{Catalog: c.Catalog, Today: c.Today}
	e.self = e
	return e
}

func (e *Embed) loadURL(u *url.URL, at paths) {
	e.embedded = true
	e.load(e.Catalog, u, at)
	e.detail = openFact(e.query)
}

func (e *Embed) loadPage(ctx app.Context) {
	e.loadURL(ctx.Page().URL(), pathsOf(ctx))
	e.today = today(e.Today)
	setDocumentLang(ctx, e.lang)
	ctx.Page().SetTitle(t(e.lang, msgTitle))
	ctx.Defer(func(app.Context) { patchMatrix(&e.state) })
}

// mounted binds the fact panel, fetches the evidence of the fact the
// address opens, arranges the matrix's rows and tells the host page the
// widget is interactive. web/boot.js reports the height, from the first
// paint on, whether the app runs or not.
func (e *Embed) mounted(ctx app.Context) {
	e.mount(ctx, e.Catalog, &e.state)
	if e.detail.app != "" {
		needEvidence(ctx, e.Catalog, &e.state)
	}
	ctx.Defer(func(app.Context) {
		patchMatrix(&e.state)
		postToParent(map[string]any{"type": "msgcompare:ready"})
	})
}

// openFact is the fact the widget's address opens (fact=), if any.
func openFact(q compare.Query) fact {
	id, crit := q.Widget.OpenFact()
	return fact{app: id, criterion: crit}
}

// Render draws the widget, compact by default: the table's first rows
// with "show all", the requirement controls and the "why not?" list as
// disclosures the reader opens; the operator chooses the parts (show=),
// the rows (rows=) and how the frame looks (accent=, bg=, font=).
func (e *Embed) Render() app.UI {
	lang := e.lang
	w := e.query.Widget
	theme := e.query.Theme
	if theme == "" {
		theme = "auto"
	}
	// web/boot.js shows the link-blocked text where the host's sandbox lets
	// the widget open no new tab.
	page := app.Div().Class("page embed").DataSet("theme", theme).Lang(lang.code).Dir(lang.dir).
		DataSet("link-blocked", attr(t(lang, msgLinkBlocked)))
	if w.Bg != "" {
		page = page.DataSet("bg", w.Bg)
	}
	if w.Font != "" {
		page = page.DataSet("font", w.Font)
	}
	if w.Accent != "" {
		// Applied by web/boot.js (the policy allows no inline style),
		// where it keeps the text's contrast.
		page = page.DataSet("accent", w.Accent)
	}
	full := e.query
	full.Widget = compare.Widget{} // the full comparison has no widget options
	// One main landmark holds everything: the frame is a page of its own
	// for screen readers, and content outside landmarks is easy to miss.
	return page.Body(app.Main().ID("main").Body(
		// The frame's own heading, for screen readers; the host page has
		// the visible one.
		app.H1().Class("visually-hidden").Text(t(lang, msgTitle)),
		noticeView(e.notices, lang),
		bootFailedView(lang),
		app.Div().Class("embed-head").Body(
			app.A().Class("brand").Href(e.at.href("/", full)).Target("_blank").Rel("noopener").
				Text(t(lang, msgOpenFull)),
			countView(e.result, lang),
		),
		// With guide answers in its address (chosen in the builder), the
		// widget opens with the guide's shortlist for them.
		shortlistView(e.Catalog, &e.state),
		e.togglesView(),
		app.Div().Class("rows-host "+rowsClass(w.RowLimit(), len(e.result.Kept))).Body(
			matrixView(e.Catalog, &e.state, e.onFactClick),
		),
		e.moreView(),
		e.factPanel.view(e.Catalog, &e.state),
		e.whyNotPart(),
		saveView(e.at, "/embed", e.query, lang),
	))
}

// rowsClass hides the rows after the first limit (0: none hidden) when
// there are more: a stylesheet rule per limit (web/app.css), so that the
// rows the app moves keep the rule.
func rowsClass(limit, kept int) string {
	if limit == 0 || kept <= limit {
		return ""
	}
	return "rows-" + strconv.Itoa(limit)
}

// moreView is "show all" under a table cut to its first rows, and "show
// fewer" once the reader has asked for all: links to the same widget,
// which the app follows in place.
func (e *Embed) moreView() app.UI {
	kept := len(e.result.Kept)
	if kept <= e.query.Widget.FirstRows() {
		return nil
	}
	q := e.query
	q.Widget.Fact = ""
	q.Widget.More = !q.Widget.More
	text := t(e.lang, msgShowFewer)
	if q.Widget.More {
		text = fmtMsg(e.lang, msgShowAll, kept)
	}
	return app.P().Class("more-rows").Body(app.A().Href(e.at.href("/embed", q)).OnClick(e.onMore(q)).Text(text))
}

func (e *Embed) onMore(q compare.Query) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		ev.PreventDefault()
		e.detail = fact{}
		e.apply(ctx, e.Catalog, q, true)
	}
}

// whyNotPart is the "why not?" list, closed until the reader opens it.
func (e *Embed) whyNotPart() app.UI {
	if !e.query.Widget.Shows(compare.PartWhyNot) || len(e.result.Excluded) == 0 {
		return nil
	}
	return app.Details().Class("part why-not-part").ID("why-not-part").Body(
		app.Summary().Text(t(e.lang, msgWhyNot)+" ("+e.lang.num(len(e.result.Excluded))+")"),
		// A reason's value opens its fact in place, as the table's do.
		app.Div().OnClick(e.onFactClick).Body(whyNotView(e.Catalog, &e.state)),
	)
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
	if len(controls) == 0 || !e.query.Widget.Shows(compare.PartFilters) {
		return nil
	}
	on := len(e.query.Require) - len(e.formRest().Require)
	summary := t(e.lang, msgRequirements)
	if on > 0 {
		summary += " (" + e.lang.num(on) + ")"
	}
	// Open while one of its requirements is on, so that the reader sees
	// what filters the table.
	part := app.Details().Class("part filters-part").ID("filters-part")
	if on > 0 {
		part = part.Open(true) // Open(false) would prerender open="false", which is open
	}
	return part.Body(
		app.Summary().Text(summary),
		app.Form().Class("embed-filters").Method("get").Action(e.at.link("/embed")).OnSubmit(preventDefault).Body(
			app.FieldSet().Body(
				app.Legend().Class("visually-hidden").Text(t(e.lang, msgRequirements)),
				app.Div().Class("toggles").Body(controls...),
			),
			hiddenState(e.formRest()),
			app.NoScript().Body(app.Button().Type("submit").Text(t(e.lang, msgApply))),
		),
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
