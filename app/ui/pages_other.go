//go:build !js

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// The pages only the server renders (serverPage), as the server routes
// them.
func aboutPage(cfg Config) app.Composer    { return &About{Catalog: cfg.Catalog} }
func curatorsPage(cfg Config) app.Composer { return &Curators{Catalog: cfg.Catalog} }
func builderPage(cfg Config) app.Composer {
	return &Builder{Catalog: cfg.Catalog, PublicURL: cfg.PublicURL}
}

// serverPage marks a page that only the server renders (the about page,
// the embed builder): text, links and GET forms that need no app, whose
// code the wasm does not carry. web/boot.js never starts the app on such
// a page (data-static="server"), and in the browser their routes load
// the server's page as a document (documentPage, pages_js.go).
func serverPage(page app.UI) app.UI {
	return app.Div().DataSet("static", "server").Body(page)
}
