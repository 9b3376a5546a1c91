// Package ui is the user interface: go-app components that render a
// compare.Result. It holds no comparison logic of its own; the same
// components render on the server (prerendering) and in the browser.
package ui

import (
	"regexp"
	"sort"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// Config is what the pages need beyond their URL: the catalog, and the
// site's public address for the embed snippet.
type Config struct {
	Catalog *catalog.Catalog
	// PublicURL is where readers reach the site, such as
	// "https://example.org/tools/msgcompare/"; "" when the server does not
	// know it (the snippet then says so, and the browser fills it in
	// from its own address).
	PublicURL string
	// Today (YYYY-MM-DD) is the date the server's prerendered pages count
	// facts' ages to, such as the build's or the export's date; "" for
	// the server's clock. The browser always uses the reader's clock.
	Today string
}

// NotFoundPath is the page that answers an address the site does not have;
// the static export writes it as 404.html.
const NotFoundPath = "/404"

// sitePage is one row of the site's page table. The routes, the
// navigation, the static export's paths, the server's list of pages and
// the service worker's pattern of page addresses all derive from it, so a
// page added here is everywhere it has to be.
type sitePage struct {
	// path is the page's address, or for a page per messenger the
	// prefix its id follows ("/app/").
	path string
	// perApp marks a page per messenger: path + the id of an app of the
	// catalog.
	perApp bool
	// nav is the text key of the page's link in the navigation, in the
	// table's order; "" for a page the navigation does not link.
	nav string
	// compo makes a new component of the page: go-app makes one for
	// each navigation to the page.
	compo func(Config) app.Composer
}

// sitePages is the page table.
func sitePages() []sitePage {
	return []sitePage{
		{path: "/", nav: msgNavHome, compo: newHome},
		{path: "/compare", nav: msgNavCompare, compo: newComparePage},
		{path: "/changes", nav: msgNavChanges, compo: newChangesPage},
		{path: "/about", nav: msgNavAbout, compo: aboutPage},
		{path: "/embed", compo: newEmbed},
		{path: "/embed/builder", nav: msgNavEmbed, compo: builderPage},
		{path: "/curators", compo: curatorsPage},
		{path: "/app/", perApp: true, compo: newAppPage},
	}
}

// appIDPattern is what a messenger's id may be in an address (catalog ids
// are lowercase letters, digits and dashes).
const appIDPattern = `[a-z0-9_-]+`

// pattern is the page's address as a regular expression without anchors,
// in the syntax Go and JavaScript share; every page also answers with a
// trailing slash: static hosts such as python's http.server redirect
// /about to /about/ (a directory).
func (p sitePage) pattern() string {
	if p.perApp {
		return regexp.QuoteMeta(p.path) + appIDPattern + "/?"
	}
	return regexp.QuoteMeta(strings.TrimSuffix(p.path, "/")) + "/?"
}

// Routes registers every page of the app. Both cmd/wasm and cmd/serve call
// it, so that the server prerenders exactly what the browser runs. go-app's
// router is one per process: call it once.
func Routes(cfg Config) {
	for _, p := range sitePages() {
		app.RouteWithRegexpFunc("^"+p.pattern()+"$", func() app.Composer { return p.compo(cfg) })
	}
	// Last, so that it only takes what no page matched: in the browser, an
	// unknown address (the export's 404.html) shows the same page as the
	// server's 404.
	app.RouteWithRegexpFunc("^/", func() app.Composer { return newNotFound(cfg) })
}

// PagePattern is a regular expression, in the syntax Go and JavaScript
// share, that matches the address of every page (without the site's
// prefix), the address of any messenger's page included: the service
// worker answers such an address offline from the cached app.
func PagePattern() string {
	var alts []string
	for _, p := range sitePages() {
		alts = append(alts, p.pattern())
	}
	return "^(?:" + strings.Join(alts, "|") + ")$"
}

// IsPage reports whether path (without the site's prefix) is a page of the
// site: a route, and for a page per messenger an app of the catalog. The
// server answers every other path with the not-found page and status 404.
func IsPage(cat *catalog.Catalog, path string) bool {
	if path == "/" {
		return true
	}
	path = strings.TrimSuffix(path, "/")
	if path == "" || strings.HasSuffix(path, "/") {
		return false
	}
	for _, p := range sitePages() {
		if !p.perApp && path == p.path {
			return true
		}
		if id, ok := strings.CutPrefix(path, p.path); ok && p.perApp {
			return cat.App(id) != nil
		}
	}
	return false
}

// Paths lists every page to prerender, for the static export and for
// checks that walk all routes. Query-string views are not listed: the
// export serves them from the same page.
func Paths(cat *catalog.Catalog) []string {
	ids := make([]string, 0, len(cat.Apps))
	for _, a := range cat.Apps {
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	var paths []string
	for _, p := range sitePages() {
		if !p.perApp {
			paths = append(paths, p.path)
			continue
		}
		for _, id := range ids {
			paths = append(paths, p.path+id)
		}
	}
	return paths
}
