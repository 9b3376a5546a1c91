// Package ui is the user interface: go-app components that render a
// compare.Result. It holds no comparison logic of its own; the same
// components render on the server (prerendering) and in the browser.
package ui

import (
	"sort"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// Routes registers every page of the app. Both cmd/wasm and cmd/serve call
// it, so that the server prerenders exactly what the browser runs.
func Routes(cat *catalog.Catalog) {
	// Every page also answers with a trailing slash: static hosts such as
	// python's http.server redirect /about to /about/ (a directory).
	app.RouteFunc("/", func() app.Composer { return &Home{Catalog: cat} })
	app.RouteWithRegexpFunc("^/app/[a-z0-9_-]+/?$", func() app.Composer { return &AppPage{Catalog: cat} })
	app.RouteWithRegexpFunc("^/compare/?$", func() app.Composer { return &ComparePage{Catalog: cat} })
	app.RouteWithRegexpFunc("^/about/?$", func() app.Composer { return &About{Catalog: cat} })
	app.RouteWithRegexpFunc("^/embed/?$", func() app.Composer { return &Embed{Catalog: cat} })
	app.RouteWithRegexpFunc("^/embed/builder/?$", func() app.Composer { return &Builder{Catalog: cat} })
}

// Paths lists every page to prerender, for the static export and for
// checks that walk all routes. Query-string views are not listed: the
// export serves them from the same page.
func Paths(cat *catalog.Catalog) []string {
	paths := []string{"/", "/compare", "/about", "/embed", "/embed/builder"}
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

// withPreset returns q with preset id.
func withPreset(q compare.Query, id string) compare.Query {
	q.Preset = id
	return q
}
