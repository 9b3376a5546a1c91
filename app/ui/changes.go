package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/changes"
	"msgcompare/app/compare"
)

// ChangesPage is the change log at /changes: every dated change of the
// catalog, newest first, filtered by the apps and criteria parameters
// through a GET form, so that it works the same without JavaScript.
type ChangesPage struct {
	app.Compo
	page

	Catalog *catalog.Catalog

	state
	list []changes.Change // the changes the query keeps
}

func newChangesPage(c Config) app.Composer {
	p := &ChangesPage{Catalog: c.Catalog}
	p.self = p
	return p
}

func (p *ChangesPage) loadPage(ctx app.Context) {
	u, at := ctx.Page().URL(), pathsOf(ctx)
	p.loadURL(u, at)
	// The notes and sources of past values and verdicts are in the
	// evidence pack (the app renders this page offline, or after a tap).
	needEvidence(ctx, p.Catalog, &p.state, func() { p.loadURL(u, at) })
	setDocumentLang(ctx, p.lang)
	ctx.Page().SetTitle(t(p.lang, msgChangesTitle) + " · msgcompare")
}

func (p *ChangesPage) loadURL(u *url.URL, at paths) {
	p.load(p.Catalog, u, at)
	p.list = changes.Filter(changes.Extract(p.Catalog), p.query.Apps, p.query.Criteria)
}

// Render draws the filter form and the list.
func (p *ChangesPage) Render() app.UI {
	lang := p.lang
	return app.Div().DataSet("static", "").Body(frame(p.Catalog, &p.state, "/changes",
		app.H1().Text(t(lang, msgChangesTitle)),
		app.P().Text(t(lang, msgChangesIntro)),
		app.P().Body(
			app.A().Href(p.at.link("/changes.atom")).Type("application/atom+xml").Text(t(lang, msgFeed)),
			app.Text(" · "),
			app.A().Href(p.at.link("/api/changes.json")).Type("application/json").Text("JSON"),
		),
		p.filterForm(),
		app.P().ID("change-count").Attr("role", "status").Text(fmtMsg(lang, msgChangeCount, len(p.list))),
		changeList(p.Catalog, &p.state, p.list),
	))
}

// filterForm chooses a messenger and a criterion; the theme and language
// ride along as hidden inputs. Sent, it lands on the count of the list it
// changed (#change-count), not at the top of the page.
func (p *ChangesPage) filterForm() app.UI {
	lang, cat := p.lang, p.Catalog
	appOpts := []option{{"", t(lang, msgAllApps)}}
	for _, a := range compare.ByName(cat) {
		appOpts = append(appOpts, option{a.ID, a.Name})
	}
	critOpts := []option{{"", t(lang, msgAllCriteria)}}
	for _, cr := range cat.Criteria {
		critOpts = append(critOpts, option{cr.ID, cr.Label.In(lang.code)})
	}
	return app.Form().Class("changes-filter").Method("get").Action(p.at.link("/changes")+"#change-count").Body(
		hiddenState(keep(p.query)),
		selectField("changes-app", "apps", t(lang, msgMessenger), appOpts, p.query.Apps, lang),
		selectField("changes-criterion", "criteria", t(lang, msgCriterion), critOpts, p.query.Criteria, lang),
		app.Button().Type("submit").Text(t(lang, msgApply)),
	)
}

type option struct{ value, label string }

// selectField is a labelled select of opts with chosen selected; a URL
// that chose several keeps them as one extra option.
func selectField(id, name, label string, opts []option, chosen []string, lang locale) app.UI {
	current := strings.Join(chosen, ",")
	if len(chosen) > 1 {
		opts = append(opts[:1:1], append([]option{{current, fmtMsg(lang, msgSeveral, len(chosen))}}, opts[1:]...)...)
	}
	return app.Div().Body(
		app.Label().For(id).Text(label),
		app.Select().ID(id).Name(name).Body(app.Range(opts).Slice(func(i int) app.UI {
			o := app.Option().Value(attr(opts[i].value)).Text(opts[i].label)
			if opts[i].value == current {
				o = o.Selected(true) // never Selected(false): it prerenders as selected
			}
			return o
		})),
	)
}

// changeList is the list of changes, written as HTML (no controls; one
// parse in the browser). Each entry carries data-change (its stable id),
// data-app and, for a value change, data-criterion (docs/contract.md §6).
func changeList(cat *catalog.Catalog, s *state, list []changes.Change) app.UI {
	lang := s.lang
	if len(list) == 0 {
		return app.P().Text(t(lang, msgNoChanges))
	}
	var m markup
	m.open("ol", "class", "changes-list")
	for i := range list {
		writeChange(&m, cat, s, &list[i])
	}
	m.close("ol")
	return app.Raw(m.String())
}

func writeChange(m *markup, cat *catalog.Catalog, s *state, c *changes.Change) {
	lang := s.lang
	a := cat.App(c.App)
	if a == nil {
		return
	}
	attrs := []string{"id", "change-" + c.ID, "data-change", c.ID, "data-app", a.ID}
	if c.Kind == changes.Value {
		attrs = append(attrs, "data-criterion", c.Criterion)
	}
	m.open("li", attrs...)
	m.open("p")
	m.elem("time", formatDate(c.Date, lang), "class", "when", "datetime", c.Date)
	m.text(" ")
	m.open("a", "href", s.at.href("/app/"+a.ID, keep(s.query)))
	m.elem("bdi", a.Name)
	m.close("a")
	m.text(": " + changeSummary(cat, c, lang))
	m.close("p")
	if c.Note != "" {
		m.elem("p", c.Note, append([]string{"class", "note"}, enAttrs(lang)...)...)
	}
	if len(c.Sources) > 0 {
		m.open("p", "class", "sources")
		m.text(t(lang, msgSources) + ": ")
		for i, src := range c.Sources {
			if i > 0 {
				m.text(", ")
			}
			m.extLink(src, src)
		}
		m.close("p")
	}
	m.close("li")
}

// ChangeSummary says in one line of plain text what changed, such as
// "Forward secrecy: ✓ Yes → ✗ No" or "Privacy Guides: listed → removed".
// The page and the Atom feed share it.
func ChangeSummary(cat *catalog.Catalog, c *changes.Change, code string) string {
	return changeSummary(cat, c, localeOf(cat, code))
}

func changeSummary(cat *catalog.Catalog, c *changes.Change, lang locale) string {
	switch c.Kind {
	case changes.Value:
		cr := cat.Criterion(c.Criterion)
		if cr == nil {
			return c.Criterion
		}
		from, to := show(cr, c.FromValue, lang), show(cr, c.ToValue, lang)
		return lang.labelValue(cr.Label.In(lang.code), strings.TrimSpace(from.Symbol+" "+from.Word)+lang.arrow()+strings.TrimSpace(to.Symbol+" "+to.Word))
	case changes.Status:
		to, _ := c.To.(string)
		line := curatorName(c.Curator, lang) + ": "
		if from, ok := c.From.(string); ok {
			line += t(lang, "status_"+from) + lang.arrow()
		}
		return line + t(lang, "status_"+to)
	case changes.Discontinued:
		return t(lang, msgServiceEnded)
	case changes.Added:
		return t(lang, msgAddedToCatalog)
	}
	return string(c.Kind)
}
