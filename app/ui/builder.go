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
// copy the snippet. Its own URL carries the widget's query.
type Builder struct {
	app.Compo

	Catalog   *catalog.Catalog
	PublicURL string // the site's public address; see Config

	state
	site   string // the site's address the snippet points to, without a final slash; "" when unknown
	copied bool
	stop   func()
}

// OnInit loads the state before the first client render.
func (b *Builder) OnInit() {
	if app.IsClient {
		b.loadURL(app.Window().URL(), clientPaths())
	}
}

// OnPreRender loads the page on the server.
func (b *Builder) OnPreRender(ctx app.Context) { b.loadPage(ctx) }

// OnNav reloads when the URL changes.
func (b *Builder) OnNav(ctx app.Context) { b.loadPage(ctx) }

// OnMount marks the app ready and sizes the preview from the widget's
// resize messages, as embed.js does on other sites.
func (b *Builder) OnMount(ctx app.Context) {
	ctx.Defer(func(app.Context) { markReady() })
	b.stop = app.Window().AddEventListener("message", func(ctx app.Context, e app.Event) {
		frame := app.Window().Get("document").Call("querySelector", "iframe.preview")
		data := e.Get("data")
		if !frame.Truthy() || !e.Get("source").Equal(frame.Get("contentWindow")) || data.Type() != app.TypeObject {
			return
		}
		if data.Get("type").String() == "msgcompare:resize" && data.Get("height").Type() == app.TypeNumber {
			if h := data.Get("height").Int(); h > 0 && h < 100000 {
				frame.Get("style").Set("height", itoa(h)+"px")
			}
		}
	})
}

// OnDismount stops listening.
func (b *Builder) OnDismount() {
	if b.stop != nil {
		b.stop()
	}
}

func (b *Builder) loadPage(ctx app.Context) {
	b.loadURL(ctx.Page().URL(), pathsOf(ctx))
	b.copied = false
	setDocumentLang(ctx, b.lang)
	ctx.Page().SetTitle(t(b.lang, msgBuilderTitle))
}

func (b *Builder) loadURL(u *url.URL, at paths) {
	b.load(b.Catalog, u, at)
	// Never the request's Host header: a stranger chooses it, and behind
	// a proxy it is not the public address anyway.
	b.site = strings.TrimSuffix(b.PublicURL, "/")
	if app.IsClient {
		b.site = app.Window().Get("location").Get("origin").String() + string(at)
	}
}

// widgetQuery is the part of the builder's query the widget takes.
func (b *Builder) widgetQuery() compare.Query {
	q := b.query
	q.View = ""
	return q
}

// snippet is the HTML a site pastes (contract §5).
func (b *Builder) snippet() string {
	site := b.site
	if site == "" {
		site = string(b.at)
	}
	src := site + paths("").href("/embed", b.widgetQuery())
	return `<iframe src="` + html.EscapeString(src) + `"` + "\n" +
		`        title="` + html.EscapeString(t(b.lang, msgWidgetTitle)) + `" loading="lazy"` + "\n" +
		`        style="width:100%;border:0" data-msgcompare></iframe>` + "\n" +
		`<script src="` + html.EscapeString(site+"/embed.js") + `" async></script>`
}

// Render draws the options, the preview and the snippet.
func (b *Builder) Render() app.UI {
	lang := b.lang
	return frame(b.Catalog, &b.state, "/embed/builder",
		app.H1().Text(t(lang, msgBuilderTitle)),
		app.P().Class("tagline").Text(t(lang, msgBuilderIntro)),
		app.Div().Class("builder").Body(
			b.optionsView(),
			app.Div().Class("builder-out").Body(
				app.H2().ID("snippet-title").Text(t(lang, msgSnippet)),
				// Raw: go-app writes a textarea's text as a value attribute,
				// which HTML ignores (and strconv.Quote would break).
				app.Raw(`<textarea id="snippet" readonly rows="5" aria-labelledby="snippet-title">`+
					html.EscapeString(b.snippet())+`</textarea>`),
				app.If(b.site == "", app.P().Class("hint").ID("snippet-host").Text(t(lang, msgSnippetHost))),
				app.Div().Class("form-actions").Body(
					app.Button().Type("button").ID("copy").OnClick(b.onCopy).Text(t(lang, msgCopy)),
					app.Span().Attr("role", "status").Text(map[bool]string{true: t(lang, msgCopied)}[b.copied]),
				),
				app.H2().Text(t(lang, msgPreview)),
				app.IFrame().Class("preview").Src(b.at.href("/embed", b.widgetQuery())).Title(attr(t(lang, msgWidgetTitle))).
					Attr("data-msgcompare", "").Attr("loading", "lazy"),
			),
		),
	)
}

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
	return app.Form().Class("controls").Method("get").Action(b.at.link("/embed/builder")).OnSubmit(preventDefault).Body(
		app.Div().Class("field").Body(
			app.Label().For("preset").Text(t(lang, msgPreset)),
			choiceSelect("preset", "preset", q.Preset, presetOpts, b.onField("preset")),
		),
		app.Div().Class("field").Body(
			app.Label().For("theme").Text(t(lang, msgTheme)),
			choiceSelect("theme", "theme", q.Theme, []choice{{"", t(lang, msgThemeAuto)}, {"light", t(lang, msgThemeLight)},
				{"dark", t(lang, msgThemeDark)}, {"contrast", t(lang, msgThemeContrast)}}, b.onField("theme")),
		),
		app.Div().Class("field").Body(
			app.Label().For("lang").Text(t(lang, msgLanguage)),
			choiceSelect("lang", "lang", q.Lang, langChoices(cat, lang), b.onField("lang")),
		),
		app.Details().Class("choose").Open(true).Body(
			app.Summary().Text(fmtMsg(lang, msgChooseApps, countOr(len(q.Apps), len(cat.Apps)), len(cat.Apps))),
			app.Div().Class("choices").Body(app.Range(apps).Slice(func(i int) app.UI {
				a := apps[i]
				id := "app-" + a.ID
				return app.Div().Class("choice").Body(
					checkbox(id, "apps", a.ID, len(q.Apps) == 0 || slices.Contains(q.Apps, a.ID), "", b.onApp(a.ID)),
					app.Label().For(id).Text(a.Name),
				)
			})),
		),
		app.Details().Class("choose").Open(true).Body(
			app.Summary().Text(fmtMsg(lang, msgChooseCriteria, len(shownCrits), len(cat.Criteria))),
			app.Div().Class("choices").Body(app.Range(cat.Criteria).Slice(func(i int) app.UI {
				cr := &cat.Criteria[i]
				id := "crit-" + cr.ID
				return app.Div().Class("choice").Body(
					checkbox(id, "criteria", cr.ID, slices.Contains(shownCrits, cr.ID), "", b.onCriterion(cr.ID)),
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
	return q
}

// onField sets a single-valued option from a select.
func (b *Builder) onField(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		next := b.query
		switch name {
		case "preset":
			next.Preset = v
		case "theme":
			next.Theme = v
		case "lang":
			next.Lang = v
		}
		b.navigate(ctx, "/embed/builder", next)
	}
}

func (b *Builder) onApp(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		b.navigate(ctx, "/embed/builder", toggleApp(b.Catalog, b.query, id))
	}
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
				checkbox(id, "guide", g.String(), b.query.Answered(qu.ID, a.ID), "", b.onAnswer(g)),
				app.Label().For(id).Text(a.Label.In(lang.code)),
			))
		}
	}
	d := app.Details().Class("choose")
	if len(b.query.Guide) > 0 || app.IsClient {
		// Only ever true on the server: a prerendered open="false" opens it.
		d = d.Open(len(b.query.Guide) > 0)
	}
	return d.Body(
		app.Summary().Text(fmtMsg(lang, msgGuideOption, len(b.query.Guide))),
		app.Div().Class("choices").Body(boxes...),
	)
}

func (b *Builder) onAnswer(g compare.GuideAnswer) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		b.navigate(ctx, "/embed/builder", b.query.ToggleAnswer(g))
	}
}

func (b *Builder) onCriterion(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		b.navigate(ctx, "/embed/builder", toggleCriterion(b.Catalog, b.query, id))
	}
}

// onCopy puts the snippet on the clipboard, or selects it where the
// clipboard is not available or not allowed (the reader can then copy it).
func (b *Builder) onCopy(ctx app.Context, e app.Event) {
	selectSnippet := func() {
		if el := app.Window().GetElementByID("snippet"); el.Truthy() {
			el.Call("select")
		}
	}
	b.copied = true
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		selectSnippet()
		return
	}
	var done, failed app.Func
	release := func() { done.Release(); failed.Release() }
	done = app.FuncOf(func(app.Value, []app.Value) any { release(); return nil })
	failed = app.FuncOf(func(app.Value, []app.Value) any { selectSnippet(); release(); return nil })
	clip.Call("writeText", b.snippet()).Call("then", done, failed)
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
