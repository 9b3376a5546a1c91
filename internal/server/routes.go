package server

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/ui"
)

// registerRoutes registers the app's pages with go-app's router, which is
// process-wide.
//
// Temporary shim: until app/ui takes a ui.Config (base path per render,
// the public URL for the builder, a /404 route), this calls the old
// ui.SetBase and ui.Routes(cat) and registers a bare /404 page. The merge
// of main replaces the body with
// ui.Routes(ui.Config{Catalog: cat, PublicURL: publicURL}) and deletes
// notFoundShim.
func registerRoutes(cat *catalog.Catalog, base, publicURL string) {
	_ = publicURL
	ui.SetBase(base)
	ui.Routes(cat)
	app.RouteFunc(notFoundRoute, func() app.Composer { return &notFoundShim{cat: cat, base: base} })
}

// notFoundShim stands in for the UI's not-found page until main's lands.
type notFoundShim struct {
	app.Compo
	cat  *catalog.Catalog
	base string
}

func (n *notFoundShim) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("Page not found"),
		app.Ul().Body(app.Range(n.cat.Apps).Slice(func(i int) app.UI {
			a := n.cat.Apps[i]
			return app.Li().Body(app.A().Href(n.base + "/app/" + a.ID).Text(a.Name))
		})),
	)
}
