package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// fact names one cell: a messenger and a criterion.
type fact struct{ app, criterion string }

// factPanel is the state and behaviour of the fact details panel, shared by
// the pages that show a matrix.
type factPanel struct {
	detail fact        // the fact whose details are open, if any
	page   app.Context // the page's context; the panel's own dies with it
	// The page's catalog and state, for the evidence the panel needs.
	cat   *catalog.Catalog
	state *state
}

// mount binds the panel to its page, once the page is in the DOM.
func (f *factPanel) mount(ctx app.Context, cat *catalog.Catalog, s *state) {
	f.page, f.cat, f.state = ctx, cat, s
}

// onFactClick opens the details of the fact whose cell was clicked. One
// handler on the table serves every cell; without the app, the cell's link
// leads to the messenger's page instead.
func (f *factPanel) onFactClick(ctx app.Context, e app.Event) {
	if e.Get("metaKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("shiftKey").Bool() {
		return
	}
	a := e.Get("target").Call("closest", "a[data-fact]")
	if !a.Truthy() {
		return
	}
	e.PreventDefault()
	id, crit, _ := strings.Cut(a.Get("dataset").Get("fact").String(), "/")
	f.open(fact{app: id, criterion: crit})
	needEvidence(ctx, f.cat, f.state)
	ctx.Defer(func(app.Context) { focus("#detail-title") })
	renderNow(ctx)
}

// onDetailClose closes the panel and returns the focus to the cell it was
// opened from. The focus moves after the render, on the page's context:
// the panel's context ends when the panel leaves the DOM.
func (f *factPanel) onDetailClose(ctx app.Context, e app.Event) {
	e.PreventDefault() // in the widget, the close control is a link for readers before the app runs
	closed := f.detail
	f.open(fact{})
	after := ctx
	if f.page != nil {
		after = f.page
	}
	after.Defer(func(app.Context) { focus(`a[data-fact="` + closed.app + "/" + closed.criterion + `"]`) })
	renderNow(ctx)
}

func (f *factPanel) onDetailKey(ctx app.Context, e app.Event) {
	if e.Get("key").String() == "Escape" {
		f.onDetailClose(ctx, e)
	}
}

// open shows the evidence of fact d (none: the zero fact). The widget
// keeps the open fact in its address, so that its links (made from it)
// and a reload show the same.
func (f *factPanel) open(d fact) {
	f.detail = d
	if f.state != nil && f.state.embedded {
		f.state.query.Widget.Fact = ""
		if d.app != "" {
			f.state.query.Widget.Fact = d.app + "/" + d.criterion
		}
	}
}

// view is the panel with one fact's evidence, opened from a cell.
func (f *factPanel) view(cat *catalog.Catalog, s *state) app.UI {
	lang := s.lang
	if f.detail.app == "" {
		return nil
	}
	a := cat.App(f.detail.app)
	cr := cat.Criterion(f.detail.criterion)
	if a == nil || cr == nil {
		return nil
	}
	lk := s.links()
	all := app.A().Href(lk.app(a.ID) + "#" + cr.ID).Text(fmtMsg(lang, msgAllFacts, a.Name))
	var closer app.UI = app.Button().Class("close").Type("button").Aria("label", attr(t(lang, msgClose))).OnClick(f.onDetailClose).Text("×")
	if s.embedded {
		// Links, so that they work before the app runs: the widget
		// without the fact, and the messenger's page in a new tab.
		q := s.query
		q.Widget.Fact = ""
		closer = app.A().Class("close").Href(s.at.href("/embed", q)).Aria("label", attr(t(lang, msgClose))).OnClick(f.onDetailClose).Text("×")
		all = all.Target("_blank").Rel("noopener")
	}
	return app.Div().Class("detail").ID("detail").Attr("role", "dialog").Aria("labelledby", "detail-title").
		OnKeyDown(f.onDetailKey).Body(
		app.Div().Class("detail-head").Body(
			app.H2().ID("detail-title").TabIndex(-1).Text(cr.Label.In(lang.code)+": "+a.Name),
			closer,
		),
		app.P().Class("criterion-desc").Text(cr.Description.In(lang.code)),
		factBody(factContextOf(cat, s), a, cr, a.Cell(cr.ID), lang),
		app.P().Body(all),
	)
}

// extLink opens another site in a new tab without telling it where the
// reader came from.
func extLink(url, text string) app.UI {
	return app.A().Href(attr(url)).Target("_blank").Rel("noopener noreferrer external").Text(text)
}
