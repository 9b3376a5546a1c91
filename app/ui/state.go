package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// state is what every page derives from its URL: the decoded query, the
// notices about ignored parameters, the comparison result and the language.
// Pages load it in their shared lifecycle (page), with the site's path
// prefix for the links they render.
type state struct {
	query   compare.Query
	notices []compare.Notice
	result  compare.Result
	guide   compare.Shortlist
	lang    locale
	today   string // YYYY-MM-DD, what facts' ages count to (see today)
	at      paths
	matrix  matrixDOM // the browser's matrix, on the pages that show one
	// evidenceFailed says why the facts' notes and sources did not come
	// the last time this page asked (needEvidence): the message key, ""
	// when they came or are on their way.
	evidenceFailed string
	// embedded: the page is the widget, whose links must keep its frame
	// (links).
	embedded bool
}

func (s *state) load(cat *catalog.Catalog, u *url.URL, at paths) {
	s.at = at
	s.today = today("")
	s.query, s.notices = compare.Decode(u.RawQuery, cat)
	s.result = compare.Apply(cat, s.query)
	s.guide = compare.Guide(cat, s.query)
	s.lang = localeOf(cat, pageLang(cat, s.query))
}

// pageLang is the language a page renders in: the address's lang=, else
// (in the browser) the reader's browser languages.
func pageLang(cat *catalog.Catalog, q compare.Query) string {
	if q.Lang != "" {
		return q.Lang
	}
	return browserLang(cat)
}

// paths is the path prefix the site is served under ("" at the root, for
// example "/tools/msgcompare" under a sub-path). Each page reads it from
// go-app's handler when it loads (pathsOf), so that two servers with
// different prefixes in one process each render their own links.
type paths string

// pathsOf asks go-app where the site's static files live, which is under
// the same prefix as its pages: the server's handler on the server, the
// loader's environment in the browser.
func pathsOf(ctx app.Context) paths {
	const probe = "/web/p"
	return paths(strings.TrimSuffix(strings.TrimSuffix(ctx.ResolveStaticResource(probe), probe), "/"))
}

// link returns an absolute path of the site under its prefix.
func (p paths) link(path string) string {
	return string(p) + path
}

// href is a link to path with query q, under the site's prefix.
func (p paths) href(path string, q compare.Query) string {
	if enc := q.Encode(); enc != "" {
		return p.link(path) + "?" + enc
	}
	return p.link(path)
}

// navigate moves to path with query q, adding a history entry, so that
// the back button returns to the previous state.
func (s *state) navigate(ctx app.Context, path string, q compare.Query) {
	u := *ctx.Page().URL()
	u.Path, u.RawQuery, u.Fragment = s.at.link(path), q.Encode(), ""
	ctx.NavigateTo(&u)
}

// apply shows query q in place: the state changes without remounting the
// page, and the address bar gets the new permalink, as a new history entry
// (push) or replacing the current one. go-app learns the URL through
// ReplaceURL, so that back and forward (which it handles) reload the state.
func (s *state) apply(ctx app.Context, cat *catalog.Catalog, q compare.Query, push bool) {
	s.query, s.notices = q, nil
	s.result = compare.Apply(cat, q)
	s.guide = compare.Guide(cat, q)
	u := *ctx.Page().URL()
	u.RawQuery, u.Fragment = q.Encode(), ""
	// The page renders in the click's own task (renderNow), and the rows
	// are patched after that render, on the table it leaves (a new one
	// when the columns changed). The address follows in a task of its
	// own: a history call can take milliseconds in Chromium, and the
	// reader sees the result first.
	ctx.Defer(func(ctx app.Context) {
		patchMatrix(s)
		nextTask(func() {
			if push {
				pushHistory(u.String())
			}
			ctx.Page().ReplaceURL(&u)
		})
	})
	renderNow(ctx)
}

// renderNow renders the page's changes in the current task, not at
// go-app's next frame: its engine renders on a timer which, after a
// pause, fires a frame (8 ms) after the first event, so a click would
// wait that long for its result. Once the event handler has returned
// (and go-app has marked the page for update), the engine runs a
// dispatch that renders the pending updates at once, through
// app.ClientDispatcher's Consume: one render, not a second at the timer.
// Consume first waits for every ctx.Async goroutine, so the pages start
// none (their background work is a plain goroutine that dispatches its
// result).
func renderNow(ctx app.Context) {
	d, ok := ctx.Dispatcher().(app.ClientDispatcher)
	if !ok {
		return
	}
	d.Dispatch(app.Dispatch{Mode: app.Next, Source: ctx.Src(), Function: func(app.Context) { d.Consume() }})
}

// keep returns the query reduced to what carries over between pages: the
// reader's theme and language.
func keep(q compare.Query) compare.Query {
	return compare.Query{Theme: q.Theme, Lang: q.Lang}
}
