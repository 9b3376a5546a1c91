// Package ui is the user interface: go-app components that render a
// compare.Result. It holds no comparison logic of its own; the same
// components render on the server (prerendering) and in the browser.
package ui

import (
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

// Routes registers every page of the app. Both cmd/wasm and cmd/serve call
// it, so that the server prerenders exactly what the browser runs. go-app's
// router is one per process: call it once.
func Routes(cfg Config) {
	cat, day := cfg.Catalog, cfg.Today
	// Every page also answers with a trailing slash: static hosts such as
	// python's http.server redirect /about to /about/ (a directory).
	app.RouteFunc("/", func() app.Composer { return &Home{Catalog: cat, Today: day} })
	app.RouteWithRegexpFunc("^/app/[a-z0-9_-]+/?$", func() app.Composer { return &AppPage{Catalog: cat, Today: day, PublicURL: cfg.PublicURL} })
	app.RouteWithRegexpFunc("^/compare/?$", func() app.Composer { return &ComparePage{Catalog: cat, Today: day} })
	app.RouteWithRegexpFunc("^/changes/?$", func() app.Composer { return &ChangesPage{Catalog: cat} })
	app.RouteWithRegexpFunc("^/about/?$", aboutPage(cfg))
	app.RouteWithRegexpFunc("^/embed/?$", func() app.Composer { return &Embed{Catalog: cat, Today: day} })
	app.RouteWithRegexpFunc("^/embed/builder/?$", builderPage(cfg))
	// Last, so that it only takes what no page matched: in the browser, an
	// unknown address (the export's 404.html) shows the same page as the
	// server's 404.
	app.RouteWithRegexpFunc("^/", func() app.Composer { return &NotFound{Catalog: cat} })
}

// IsPage reports whether path (without the site's prefix) is a page of the
// site: a route, and for /app/{id} a messenger of the catalog. The server
// answers every other path with the not-found page and status 404.
func IsPage(cat *catalog.Catalog, path string) bool {
	if p := strings.TrimSuffix(path, "/"); p != "" {
		path = p
	}
	switch path {
	case "/", "/compare", "/changes", "/about", "/embed", "/embed/builder":
		return true
	}
	if id, ok := strings.CutPrefix(path, "/app/"); ok {
		return cat.App(id) != nil
	}
	return false
}

// Paths lists every page to prerender, for the static export and for
// checks that walk all routes. Query-string views are not listed: the
// export serves them from the same page.
func Paths(cat *catalog.Catalog) []string {
	paths := []string{"/", "/compare", "/changes", "/about", "/embed", "/embed/builder"}
	ids := make([]string, 0, len(cat.Apps))
	for _, a := range cat.Apps {
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	for _, id := range ids {
		paths = append(paths, "/app/"+id)
	}
	return paths
}
