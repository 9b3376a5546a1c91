//go:build js

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// The pages only the server renders (serverPage), as the app routes them:
// a link from another page to one loads the server's page as a document
// (from the service worker's cache offline), in place of the history
// entry go-app has just added for it. The app never runs on such a page
// itself (web/boot.js), so this never reloads the page it is on.
func aboutPage(Config) app.Composer    { return &documentPage{} }
func builderPage(Config) app.Composer  { return &documentPage{} }
func curatorsPage(Config) app.Composer { return &documentPage{} }

// documentPage loads its address as a document.
type documentPage struct{ app.Compo }

// OnNav replaces the entry go-app added with the server's page.
func (p *documentPage) OnNav(ctx app.Context) {
	app.Window().Get("location").Call("replace", ctx.Page().URL().String())
}

// Render is empty for the moment before the document loads.
func (p *documentPage) Render() app.UI { return app.Div() }
