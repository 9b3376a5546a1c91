package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/calendar"
	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// frame is the layout every full page shares: skip link, masthead with
// navigation, the notice about ignored parameters, the content and the
// footer. The theme is an attribute of the outermost element so that the
// prerendered page already has it.
func frame(cat *catalog.Catalog, s *state, current string, content ...app.UI) app.UI {
	lang := s.lang
	theme := s.query.Theme
	if theme == "" {
		theme = "auto"
	}
	at, base := s.at, keep(s.query)
	return app.Div().Class("page").DataSet("theme", theme).Lang(lang.code).Dir(lang.dir).Body(
		app.A().Class("skip").Href("#main").Text(t(lang, msgSkip)),
		app.Header().Class("masthead").Body(
			app.A().Class("brand").Href(at.href("/", base)).Text("msgcompare"),
			app.Nav().Aria("label", attr(t(lang, msgNavLabel))).Body(navLinks(at, base, current, lang)...),
			langSwitch(cat, at, current, s.query, lang),
			themeSwitch(at, current, s.query, lang),
		),
		noticeView(s.notices, lang),
		bootFailedView(lang),
		app.Main().ID("main").TabIndex(-1).Body(content...),
		footerView(cat, s),
	)
}

// navLinks links the pages of the page table that have a navigation text.
func navLinks(at paths, base compare.Query, current string, lang locale) []app.UI {
	var links []app.UI
	for _, p := range sitePages() {
		if p.nav != "" {
			links = append(links, navLink(at.href(p.path, base), t(lang, p.nav), current == p.path))
		}
	}
	return links
}

func navLink(href, text string, current bool) app.UI {
	a := app.A().Href(href).Text(text)
	if current {
		a = a.Aria("current", "page")
	}
	return a
}

// langSwitch links the same view in every other language, each name in
// its own language and script: a menu that works without JavaScript.
func langSwitch(cat *catalog.Catalog, at paths, path string, q compare.Query, lang locale) app.UI {
	var items []app.UI
	current := lang.code
	for _, l := range cat.Locales {
		if l.Code == lang.code {
			current = l.Name
			continue
		}
		other := q
		other.Lang = l.Code
		items = append(items, app.Li().Body(
			app.A().Href(at.href(path, other)).Lang(l.Code).Dir(l.Dir).Attr("hreflang", l.Code).Text(l.Name),
		))
	}
	return app.Details().Class("lang-switch").Body(
		app.Summary().Text(lang.labelValue(t(lang, msgLanguage), current)),
		app.Ul().Body(items...),
	)
}

// themes are the values of the theme parameter (docs/contract.md §3) with
// their names, in the switch's order; "" is auto, the system's.
var themes = []struct{ param, msg string }{
	{"", msgThemeAuto}, {"light", msgThemeLight}, {"dark", msgThemeDark}, {"contrast", msgThemeContrast},
}

// themeSwitch links the same view in every theme: a menu that works
// without JavaScript, like the language menu. web/boot.js remembers the
// reader's choice (data-theme-choice) where storage is allowed and puts it
// in the address of a page opened without one.
func themeSwitch(at paths, path string, q compare.Query, lang locale) app.UI {
	cur := q.Theme
	if cur == "auto" {
		cur = ""
	}
	var items []app.UI
	name := ""
	for _, th := range themes {
		other := q
		other.Theme = th.param
		a := app.A().Href(at.href(path, other)).DataSet("theme-choice", themeOrAuto(th.param)).Text(t(lang, th.msg))
		if th.param == cur {
			name = t(lang, th.msg)
			a = a.Aria("current", "page") // go-app writes "true" as a bare attribute, which reads as false
		}
		items = append(items, app.Li().Body(a))
	}
	// On a phone the label is for screen readers only, so that both menus
	// share a line; a symbol says what the menu is (web/app.css).
	pre, post, _ := strings.Cut(lang.labelValue(t(lang, msgTheme), "\x00"), "\x00")
	return app.Details().Class("theme-switch").Body(
		app.Summary().Body(
			app.Span().Class("theme-label").Text(pre),
			app.Span().Class("theme-name").Text(name),
			app.If(post != "", app.Text(post)),
		),
		app.Ul().Body(items...),
	)
}

func themeOrAuto(theme string) string {
	if theme == "" {
		return "auto"
	}
	return theme
}

// noticeView reports ignored URL parameters (docs/contract.md §3, §6).
// Values are rendered as text, never as markup.
func noticeView(notices []compare.Notice, lang locale) app.UI {
	if len(notices) == 0 {
		return nil
	}
	return app.Div().Class("notice").DataSet("notice", "").Attr("role", "status").Body(
		app.P().Text(t(lang, msgNotice)),
		app.Ul().Body(app.Range(notices).Slice(func(i int) app.UI {
			n := notices[i]
			return app.Li().Text(fmtMsg(lang, msgNoticeIgnored, n.Param, n.Value, fmtMsg(lang, msgNoticePrefix+n.Code, n.Args...)))
		})),
	)
}

func footerView(cat *catalog.Catalog, s *state) app.UI {
	at, lang := s.at, s.lang
	var m markup
	m.open("footer", "class", "footer")
	m.open("p")
	m.text(fmtMsg(lang, msgData, cat.Version, formatDate(cat.Updated, lang)) + " ")
	m.elem("a", "JSON", "href", at.link("/api/catalog.json"))
	m.text(" · ")
	m.elem("a", "CSV", "href", at.link("/api/catalog.csv"))
	m.text(" · ")
	m.elem("a", t(lang, msgNavAbout), "href", at.href("/about", keep(s.query)))
	m.close("p")
	if lang.code != catalog.SourceLang {
		m.elem("p", t(lang, msgNotesInEnglish))
	}
	m.close("footer")
	return app.Raw(m.String())
}

// formatDate writes a YYYY-MM-DD date the way lang reads dates: in its
// calendar, words and digits.
func formatDate(d string, lang locale) string {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return d
	}
	y, err1 := strconv.Atoi(d[0:4])
	m, err2 := strconv.Atoi(d[5:7])
	day, err3 := strconv.Atoi(d[8:10])
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 {
		return d
	}
	if t(lang, catalog.MsgCalendar) == calendar.Persian {
		y, m, day = calendar.ToPersian(y, m, day)
	}
	return lang.sprintf(t(lang, msgDateFormat), y, ownWord(t(lang, msgMonth+itoa(m))), day)
}
