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
	// The shortest query that shows the same: a form sent before the app
	// runs lists every box ticked, and the snippet would freeze today's
	// lists (and grow to hundreds of characters).
	b.query.Shorten(b.Catalog)
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

// codeBox is a read-only text to copy, with its label.
func codeBox(id, label, text string, rows int) app.UI {
	// Raw: go-app writes a textarea's text as a value attribute, which
	// HTML ignores (and strconv.Quote would break).
	return app.Div().Class("code-box").Body(
		app.Label().For(id).Text(label),
		app.Raw(`<textarea id="`+id+`" class="snippet" readonly rows="`+itoa(rows)+`">`+html.EscapeString(text)+`</textarea>`),
	)
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
				app.Raw(`<textarea id="snippet" class="snippet" readonly rows="5" aria-labelledby="snippet-title">`+
					html.EscapeString(b.snippet())+`</textarea>`),
				app.If(b.site == "", app.P().Class("hint").ID("snippet-host").Text(t(lang, msgSnippetHost))),
				app.Div().Class("form-actions").Body(
					app.Button().Type("button").ID("copy").OnClick(b.onCopy).Text(t(lang, msgCopy)),
					app.Span().Attr("role", "status").Text(map[bool]string{true: t(lang, msgCopied)}[b.copied]),
				),
				codeBox("paste-url", t(lang, msgPasteURL), b.embedURL(), 2),
				codeBox("shortcode", t(lang, msgHugoShortcode), b.shortcode(), 2),
				app.H2().Text(t(lang, msgPreview)),
				// Sized from the widget's messages by web/boot.js before the
				// app runs, and by OnMount after.
				app.IFrame().Class("preview").Src(b.at.href("/embed", b.widgetQuery())).Title(attr(t(lang, msgWidgetTitle))).
					Attr("data-msgcompare", ""),
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
		// Messengers are picked: none picked shows them all, and a few
		// picked show those, in the order picked.
		app.Details().Class("choose").Open(true).Body(
			app.Summary().Text(fmtMsg(lang, msgAppsPick, len(q.Apps))),
			app.Div().Class("choices").Body(app.Range(apps).Slice(func(i int) app.UI {
				a := apps[i]
				id := "app-" + a.ID
				return app.Div().Class("choice").Body(
					checkbox(id, "apps", a.ID, slices.Contains(q.Apps, a.ID), "", b.onApp(a.ID)),
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
	q.Widget = compare.Widget{}
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
		next := b.query
		if slices.Contains(next.Apps, id) {
			next.Apps = slices.DeleteFunc(slices.Clone(next.Apps), func(s string) bool { return s == id })
		} else {
			next.Apps = append(slices.Clone(next.Apps), id)
		}
		b.navigate(ctx, "/embed/builder", next)
	}
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
			checkbox(id, "show", p, w.Shows(p), "", b.onPart(p)),
			app.Label().For(id).Text(t(lang, msgPartPrefix+p)),
		))
	}
	return app.Div().Body(
		app.Div().Class("field").Body(
			app.Label().For("rows").Text(t(lang, msgRowsOption)),
			choiceSelect("rows", "rows", rowsNow, rows, b.onWidget("rows")),
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
				Attr("pattern", "#?[0-9a-fA-F]{3}([0-9a-fA-F]{3})?").Attr("dir", "ltr").Attr("size", "10").OnChange(b.onWidget("accent")),
		),
		app.Div().Class("field").Body(
			app.Label().For("bg").Text(t(lang, msgBgOption)),
			choiceSelect("bg", "bg", w.Bg, bgs, b.onWidget("bg")),
		),
		app.Div().Class("field").Body(
			app.Label().For("font").Text(t(lang, msgFontOption)),
			choiceSelect("font", "font", w.Font, fonts, b.onWidget("font")),
		),
	)
}

// onWidget sets one of the widget's single-valued options from a select,
// read as the address would carry it.
func (b *Builder) onWidget(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v := ctx.JSSrc().Get("value").String()
		next := b.query
		w := compare.Widget{}
		if v != "" {
			q, _ := compare.Decode(name+"="+url.QueryEscape(v), b.Catalog)
			w = q.Widget
		}
		switch name {
		case "rows":
			next.Widget.Rows = w.Rows
		case "accent":
			next.Widget.Accent = w.Accent
		case "bg":
			next.Widget.Bg = w.Bg
		case "font":
			next.Widget.Font = w.Font
		}
		b.navigate(ctx, "/embed/builder", next)
	}
}

// onPart shows or hides one part of the widget.
func (b *Builder) onPart(p string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		next := b.query
		var show []string
		for _, q := range compare.Parts {
			if (q == p) != b.query.Widget.Shows(q) {
				show = append(show, q)
			}
		}
		next.Widget.Show = append([]string{}, show...)
		if len(show) == len(compare.Parts) {
			next.Widget.Show = nil
		}
		b.navigate(ctx, "/embed/builder", next)
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
