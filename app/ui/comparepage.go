package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// MaxCompare is how many messengers fit side by side.
const MaxCompare = 4

// ComparePage puts 2 to 4 messengers side by side at /compare?apps=a,b,
// optionally with only the criteria where they differ.
type ComparePage struct {
	app.Compo
	page

	Catalog *catalog.Catalog
	// Today is the date prerendered facts age to (Config.Today).
	Today string

	state
}

func newComparePage(c Config) app.Composer {
	p := &ComparePage{Catalog: c.Catalog, Today: c.Today}
	p.self = p
	return p
}

func (p *ComparePage) loadPage(ctx app.Context) {
	p.loadURL(ctx.Page().URL(), pathsOf(ctx))
	p.today = today(p.Today)
	setDocumentLang(ctx, p.lang)
	needEvidence(ctx, p.Catalog, &p.state)
	ctx.Page().SetTitle(t(p.lang, msgNavCompare) + " · msgcompare")
}

// loadURL decodes the query like every page does (requirements, search
// and criteria apply here too), keeping at most MaxCompare messengers.
func (p *ComparePage) loadURL(u *url.URL, at paths) {
	p.load(p.Catalog, u, at)
	q := p.query
	q.View = ""
	if len(q.Apps) > MaxCompare {
		p.notices = append(p.notices, compare.Notice{Param: "apps", Value: strings.Join(q.Apps[MaxCompare:], ","),
			Reason: fmt.Sprintf("at most %d messengers side by side", MaxCompare), Code: compare.NoticeTooMany, Args: []any{MaxCompare}})
		q.Apps = q.Apps[:MaxCompare]
	}
	p.query = q
	// Side by side shows every criterion unless the reader chose some: two
	// to four messengers leave room for all of them.
	q.AllCriteria = true
	p.result = compare.Apply(p.Catalog, q)
}

// Render draws the pickers and, with two or more messengers, the table.
func (p *ComparePage) Render() app.UI {
	lang := p.lang
	return frame(p.Catalog, &p.state, "/compare",
		app.H1().Text(t(lang, msgNavCompare)),
		p.pickersView(),
		p.tableView(),
		app.If(len(p.query.Apps) >= 2, saveView(p.at, "/compare", p.query, lang)),
		app.If(len(p.query.Apps) >= 2, whyNotView(p.Catalog, &p.state)),
	)
}

// formRest is the part of the query the pickers form does not show.
func (p *ComparePage) formRest() compare.Query {
	q := p.query
	q.Apps, q.Diff = nil, false
	return q
}

// pickersView is a select per slot, plus "differences only". Without the
// app it is a GET form, which lands on the table it changed (#side-by-side).
func (p *ComparePage) pickersView() app.UI {
	lang := p.lang
	apps := compare.ByName(p.Catalog)
	opts := []choice{{"", "—"}}
	for _, a := range apps {
		opts = append(opts, choice{a.ID, a.Name})
	}
	slots := make([]app.UI, MaxCompare)
	for i := range slots {
		cur := ""
		if i < len(p.query.Apps) {
			cur = p.query.Apps[i]
		}
		id := fmt.Sprintf("slot%d", i+1)
		slots[i] = app.Div().Class("field").Body(
			app.Label().For(id).Text(fmtMsg(lang, msgSlot, i+1)),
			choiceSelect(id, "apps", cur, opts, p.onSlot(i)),
		)
	}
	return app.Form().Class("controls pickers").Method("get").Action(p.at.link("/compare")+"#side-by-side").OnSubmit(preventDefault).Body(
		app.Div().Class("control-row").Body(slots...),
		hiddenState(p.formRest()),
		app.Div().Class("field check").Body(
			checkbox("diff", "diff", "1", p.query.Diff, "", p.onDiff),
			app.Label().For("diff").Text(t(lang, msgDiff)),
		),
		app.NoScript().Body(app.Button().Type("submit").Text(t(lang, msgApply))),
	)
}

func (p *ComparePage) onSlot(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		id := ctx.JSSrc().Get("value").String()
		apps := make([]string, MaxCompare)
		copy(apps, p.query.Apps)
		apps[i] = id
		next := p.query
		next.Apps = nil
		for _, a := range apps {
			if a != "" {
				next.Apps = append(next.Apps, a)
			}
		}
		p.navigate(ctx, "/compare", next)
	}
}

func (p *ComparePage) onDiff(ctx app.Context, e app.Event) {
	next := p.query
	next.Diff = !next.Diff
	p.navigate(ctx, "/compare", next)
}

// tableView has the criteria as rows and the messengers as columns; each
// cell's evidence unfolds in place (details). Like the matrix, it is one
// HTML string: hundreds of nodes without a single control.
func (p *ComparePage) tableView() app.UI {
	lang, res := p.lang, p.result
	if len(p.query.Apps) < 2 {
		return app.P().Class("hint").ID("side-by-side").Text(t(lang, msgPickTwo))
	}
	if len(res.Kept) == 0 {
		return app.P().Class("hint").ID("side-by-side").Text(t(lang, msgNoneKept))
	}
	cols := strconv.Itoa(len(res.Kept) + 1)
	var m markup
	m.open("div", "class", "matrix-wrap compare-wrap", "id", "side-by-side", "role", "region", "aria-labelledby", "compare-caption")
	m.open("table", "class", "compare")
	m.open("caption", "id", "compare-caption")
	m.text(t(lang, msgCompareCaption) + " ")
	m.legend(lang)
	m.close("caption")
	m.open("thead")
	m.open("tr")
	m.elem("th", t(lang, msgCriterion), "scope", "col", "class", "corner")
	for _, row := range res.Kept {
		a := row.App
		m.open("th", "scope", "col", "data-app", a.ID)
		m.elem("a", a.Name, "href", p.at.href("/app/"+a.ID, keep(p.query)))
		m.close("th")
	}
	m.close("tr")
	m.close("thead")
	m.open("tbody")
	fc := factContextOf(p.Catalog, &p.state)
	fc.heading = "h2" // the table sits right under the page's h1
	group := ""
	for _, cr := range res.Criteria {
		if cr.Group != group {
			group = cr.Group
			m.open("tr", "class", "group-row")
			m.elem("th", groupLabel(p.Catalog, group, lang), "scope", "colgroup", "colspan", cols)
			m.close("tr")
		}
		writeCompareRow(&m, fc, cr, res.Kept, lang)
	}
	if len(res.Criteria) == 0 {
		m.open("tr")
		m.elem("td", t(lang, msgNoDifferences), "colspan", cols)
		m.close("tr")
	}
	m.close("tbody")
	m.close("table")
	m.close("div")
	return app.Raw(m.String())
}

func writeCompareRow(m *markup, fc factContext, cr *catalog.Criterion, kept []compare.Row, lang locale) {
	m.open("tr")
	m.elem("th", cr.Label.In(lang.code), "scope", "row", "title", cr.Description.In(lang.code))
	for _, row := range kept {
		a := row.App
		cell := a.Cell(cr.ID)
		s := showCell(cr, cell, lang)
		m.open("td", "class", "v-"+s.Tone, "data-app", a.ID, "data-criterion", cr.ID)
		m.open("details")
		m.open("summary")
		if s.Symbol != "" {
			m.elem("span", s.Symbol+" ", "class", "sym", "aria-hidden", "true")
		}
		m.elem("span", s.Word, s.Attrs...)
		m.close("summary")
		writeFactBody(m, fc, a, cr, cell, lang)
		m.close("details")
		m.close("td")
	}
	m.close("tr")
}
