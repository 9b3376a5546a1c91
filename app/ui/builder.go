//go:build !js

package ui

import (
	"html"
	"net/url"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// Builder at /embed/builder lets a site operator choose the widget's
// messengers, criteria, preset, theme and language, see a live preview and
// copy the snippet. Its own URL carries the widget's query. It is a page
// of the server's (serverPage): each choice submits its GET form, which
// the server answers with the page for it; web/boot.js sizes the preview,
// copies the snippet and, when the server does not know its public
// address, writes the page's own into the snippets.
type Builder struct {
	app.Compo

	Catalog   *catalog.Catalog
	PublicURL string // the site's public address; see Config

	state
	site string // the site's address the snippet points to, without a final slash; "" when unknown
}

// OnPreRender loads the page on the server.
func (b *Builder) OnPreRender(ctx app.Context) { b.loadPage(ctx) }

func (b *Builder) loadPage(ctx app.Context) {
	b.loadURL(ctx.Page().URL(), pathsOf(ctx))
	setDocumentLang(ctx, b.lang)
	ctx.Page().SetTitle(t(b.lang, msgBuilderTitle))
}

func (b *Builder) loadURL(u *url.URL, at paths) {
	b.load(b.Catalog, u, at)
	// The shortest query that shows the same: a form sent before the app
	// runs lists every box ticked, and the snippet would freeze today's
	// lists (and grow to hundreds of characters).
	b.query.Shorten(b.Catalog)
	// Never the request's Host header: a stranger chooses it, and behind
	// a proxy it is not the public address anyway.
	b.site = strings.TrimSuffix(b.PublicURL, "/")
}

// widgetQuery is the part of the builder's query the widget takes.
func (b *Builder) widgetQuery() compare.Query {
	q := b.query
	q.View, q.Filters = "", false
	q.Widget.Fact, q.Widget.More = "", false
	return q
}

// siteOrPath is the address the snippets point to: the site's, or its
// path when the builder does not know it (snippet_host says so).
func (b *Builder) siteOrPath() string {
	if b.site != "" {
		return b.site
	}
	return string(b.at)
}

// embedURL is the widget's address, which WordPress, Ghost, Discourse
// and Drupal turn into the widget through oEmbed when it is pasted alone.
func (b *Builder) embedURL() string {
	return b.siteOrPath() + paths("").href("/embed", b.widgetQuery())
}

// snippet is the HTML a site pastes (docs/contract.md §5).
func (b *Builder) snippet() string {
	site := b.siteOrPath()
	return `<iframe src="` + html.EscapeString(b.embedURL()) + `"` + "\n" +
		`        title="` + html.EscapeString(t(b.lang, msgWidgetTitle)) + `" loading="lazy"` + "\n" +
		`        style="width:100%;border:0" data-msgcompare></iframe>` + "\n" +
		`<script src="` + html.EscapeString(site+"/embed.js") + `" async></script>`
}

// shortcode is the Hugo shortcode of docs/hugo for the same widget: each
// parameter of the widget's query as an attribute.
func (b *Builder) shortcode() string {
	vals, _ := url.ParseQuery(b.widgetQuery().Encode())
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var s strings.Builder
	s.WriteString("{{< msgcompare")
	for _, k := range keys {
		s.WriteString(" " + k + `="` + strings.ReplaceAll(vals.Get(k), `"`, "") + `"`)
	}
	s.WriteString(" >}}")
	return s.String()
}

// Render draws the options, the preview and the snippet.
func (b *Builder) Render() app.UI {
	lang := b.lang
	return serverPage(frame(b.Catalog, &b.state, "/embed/builder",
		app.H1().Text(t(lang, msgBuilderTitle)),
		app.P().Class("tagline").Text(t(lang, msgBuilderIntro)),
		app.Div().Class("builder").Body(
			b.optionsView(),
			app.Div().Class("builder-out").Body(
				app.H2().ID("snippet-title").Text(t(lang, msgSnippet)),
				// Raw: go-app writes a textarea's text as a value attribute,
				// which HTML ignores (and strconv.Quote would break).
				app.Raw(textarea(b.snippet(), "id", "snippet", "class", "snippet", "readonly", "", "rows", "5", "aria-labelledby", "snippet-title")),
				app.If(b.site == "", app.P().Class("hint").ID("snippet-host").Text(t(lang, msgSnippetHost))),
				app.Div().Class("form-actions").Body(
					app.Button().Type("button").ID("copy").DataSet("copied", attr(t(lang, msgCopied))).Text(t(lang, msgCopy)),
					app.Span().Attr("role", "status"),
				),
				codeBoxUI("paste-url", t(lang, msgPasteURL), b.embedURL(), 2),
				codeBoxUI("shortcode", t(lang, msgHugoShortcode), b.shortcode(), 2),
				badgesView(b.Catalog, b.siteOrPath(), b.query.Apps, b.query.Preset, lang),
				app.H2().Text(t(lang, msgPreview)),
				// Sized from the widget's messages by web/boot.js.
				app.IFrame().Class("preview").Src(b.at.href("/embed", b.widgetQuery())).Title(attr(t(lang, msgWidgetTitle))).
					Attr("data-msgcompare", ""),
			),
		),
	))
}

// optionsView is the widget's options as a GET form; sent, it lands on the
// snippet and preview it changed (#snippet-title), not at the top.
func (b *Builder) optionsView() app.UI {
	cat, lang, q := b.Catalog, b.lang, b.query
	presetOpts := []choice{{"", t(lang, msgNoPreset)}}
	for _, p := range cat.Presets {
		presetOpts = append(presetOpts, choice{p.ID, p.Label.In(lang.code)})
	}
	apps := compare.ByName(cat)
	shownCrits := q.Criteria
	if len(shownCrits) == 0 {
		shownCrits = compare.DefaultCriteria(cat, q)
	}
	return app.Form().Class("controls").Method("get").Action(b.at.link("/embed/builder")+"#snippet-title").Body(
		app.Div().Class("field").Body(
			app.Label().For("preset").Text(t(lang, msgPreset)),
			choiceSelect("preset", "preset", q.Preset, presetOpts, nil),
		),
		app.Div().Class("field").Body(
			app.Label().For("theme").Text(t(lang, msgTheme)),
			choiceSelect("theme", "theme", q.Theme, []choice{{"", t(lang, msgThemeAuto)}, {"light", t(lang, msgThemeLight)},
				{"dark", t(lang, msgThemeDark)}, {"contrast", t(lang, msgThemeContrast)}}, nil),
		),
		app.Div().Class("field").Body(
			app.Label().For("lang").Text(t(lang, msgLanguage)),
			choiceSelect("lang", "lang", q.Lang, langChoices(cat, lang), nil),
		),
		// Messengers are picked: none picked shows them all, and a few
		// picked show those, in the order picked.
		app.Details().Class("choose").Open(true).Body(
			app.Summary().Text(fmtMsg(lang, msgAppsPick, len(q.Apps))),
			app.Div().Class("choices").Body(app.Range(apps).Slice(func(i int) app.UI {
				a := apps[i]
				id := "app-" + a.ID
				return app.Div().Class("choice").Body(
					checkbox(id, "apps", a.ID, slices.Contains(q.Apps, a.ID), "", nil),
					app.Label().For(id).Text(a.Name),
				)
			})),
		),
		b.widgetOptions(),
		app.Details().Class("choose").Open(true).Body(
			app.Summary().Text(fmtMsg(lang, msgChooseCriteria, len(shownCrits), len(cat.Criteria))),
			app.Div().Class("choices").Body(app.Range(cat.Criteria).Slice(func(i int) app.UI {
				cr := &cat.Criteria[i]
				id := "crit-" + cr.ID
				return app.Div().Class("choice").Body(
					checkbox(id, "criteria", cr.ID, slices.Contains(shownCrits, cr.ID), "", nil),
					app.Label().For(id).Text(cr.Label.In(lang.code)),
				)
			})),
		),
		b.guideOptions(),
		hiddenState(b.formRest()),
		app.NoScript().Body(app.Button().Type("submit").Text(t(lang, msgApply))),
	)
}

// formRest is the part of the query the options form does not show.
func (b *Builder) formRest() compare.Query {
	q := b.query
	q.Preset, q.Theme, q.Lang, q.Apps, q.Criteria, q.Guide = "", "", "", nil, nil, nil
	q.Widget = compare.Widget{}
	return q
}

// widgetOptions are the widget's own options: its rows, its parts, and
// how it sits in the host's design.
func (b *Builder) widgetOptions() app.UI {
	lang, w := b.lang, b.query.Widget
	rows := []choice{{"", itoa(compare.DefaultRows)}}
	for n := 1; n <= compare.MaxRows; n++ {
		if n != compare.DefaultRows {
			rows = append(rows, choice{itoa(n), itoa(n)})
		}
	}
	rowsNow := ""
	if w.Rows > 0 && w.Rows != compare.DefaultRows {
		rowsNow = itoa(w.Rows)
	}
	bgs := []choice{{"", t(lang, msgBgPrefix+"theme")}, {"transparent", t(lang, msgBgPrefix+"transparent")}}
	var fonts []choice
	for _, f := range compare.Fonts {
		v := f
		if f == "system" {
			v = ""
		}
		fonts = append(fonts, choice{v, t(lang, msgFontPrefix+f)})
	}
	var parts []app.UI
	for _, p := range compare.Parts {
		id := "part-" + p
		parts = append(parts, app.Div().Class("choice").Body(
			checkbox(id, "show", p, w.Shows(p), "", nil),
			app.Label().For(id).Text(t(lang, msgPartPrefix+p)),
		))
	}
	return app.Div().Body(
		app.Div().Class("field").Body(
			app.Label().For("rows").Text(t(lang, msgRowsOption)),
			choiceSelect("rows", "rows", rowsNow, rows, nil),
		),
		app.FieldSet().Class("field").Body(
			app.Legend().Text(t(lang, msgPartsOption)),
			app.Div().Class("choices").Body(parts...),
			// Without the app, unticking both must still say "none".
			app.Input().Type("hidden").Name("show").Value("none"),
		),
		// The site's own colour, as #rrggbb; empty: the theme's.
		app.Div().Class("field").Body(
			app.Label().For("accent").Text(t(lang, msgAccentOption)),
			app.Input().Type("text").ID("accent").Name("accent").Value(attr(w.Accent)).Placeholder(attr(t(lang, msgAccentNone))).
				Attr("pattern", "#?[0-9a-fA-F]{3}([0-9a-fA-F]{3})?").Attr("dir", "ltr").Attr("size", "10"),
		),
		app.Div().Class("field").Body(
			app.Label().For("bg").Text(t(lang, msgBgOption)),
			choiceSelect("bg", "bg", w.Bg, bgs, nil),
		),
		app.Div().Class("field").Body(
			app.Label().For("font").Text(t(lang, msgFontOption)),
			choiceSelect("font", "font", w.Font, fonts, nil),
		),
	)
}

// guideOptions lets the operator preset answers to the guide: the widget
// then opens with the shortlist for them (for example a site for
// activists: no phone number, works without internet).
func (b *Builder) guideOptions() app.UI {
	cat, lang := b.Catalog, b.lang
	if len(cat.Guide) == 0 {
		return nil
	}
	var boxes []app.UI
	for i := range cat.Guide {
		qu := &cat.Guide[i]
		for j := range qu.Answers {
			a := &qu.Answers[j]
			g := compare.GuideAnswer{Question: qu.ID, Answer: a.ID}
			id := "bg-" + qu.ID + "-" + a.ID
			boxes = append(boxes, app.Div().Class("choice").Body(
				checkbox(id, "guide", g.String(), b.query.Answered(qu.ID, a.ID), "", nil),
				app.Label().For(id).Text(a.Label.In(lang.code)),
			))
		}
	}
	d := app.Details().Class("choose")
	if len(b.query.Guide) > 0 {
		d = d.Open(true) // never Open(false): it prerenders as open
	}
	return d.Body(
		app.Summary().Text(fmtMsg(lang, msgGuideOption, len(b.query.Guide))),
		app.Div().Class("choices").Body(boxes...),
	)
}

// langChoices offers every language of the catalog, each named in its own
// language, after the reader's browser's choice.
func langChoices(cat *catalog.Catalog, lang locale) []choice {
	opts := []choice{{"", t(lang, msgThemeAuto)}}
	for _, l := range cat.Locales {
		opts = append(opts, choice{l.Code, l.Name})
	}
	return opts
}

// textarea is a textarea holding text, as markup: go-app would write
// its text as a value attribute, which HTML ignores.
func textarea(text string, attrs ...string) string {
	var m markup
	m.elem("textarea", text, attrs...)
	return m.String()
}

// codeBoxUI is codeBox as a node of a go-app page.
func codeBoxUI(id, label, text string, rows int) app.UI {
	var m markup
	codeBox(&m, id, label, text, rows)
	return app.Raw(m.String())
}
