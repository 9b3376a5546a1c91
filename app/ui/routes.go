// Package ui is the user interface: go-app components that render a
// compare.Result. It holds no comparison logic of its own; the same
// components render on the server (prerendering) and in the browser.
package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// Routes registers every page of the app. Both cmd/wasm and cmd/serve call
// it, so that the server prerenders exactly what the browser runs.
func Routes(cat *catalog.Catalog) {
	app.RouteFunc("/", func() app.Composer { return &Home{Catalog: cat} })
}

// Paths lists every page to prerender, for the static export and for
// checks that walk all routes. Query-string views are not listed: the
// export serves them from the same page.
func Paths(cat *catalog.Catalog) []string {
	return []string{"/"}
}

// markReady tells automated checks that the WebAssembly app has booted and
// rendered (contract §6).
func markReady() {
	if app.IsClient {
		app.Window().Get("document").Get("documentElement").Get("dataset").Set("wasm", "ready")
	}
}
