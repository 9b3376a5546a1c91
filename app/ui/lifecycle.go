package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// page is the lifecycle every page of the app shares; each embeds it,
// and go-app calls the methods it promotes. In the browser
// (lifecycle_js.go) the page loads its state from the address bar before
// the first render (OnInit), so that it does not flash empty over the
// prerendered one, loads it again whenever the address changes, back and
// forward too (OnNav), and once it is in the DOM tells automated checks
// that the app is ready (OnMount). The server (lifecycle_other.go) loads
// it before it prerenders (OnPreRender). What differs from page to page
// is in self, which the page's constructor sets to the page itself.
type page struct {
	self pageLoader
}

// pageLoader is what a page does of its own in the shared lifecycle.
type pageLoader interface {
	// loadURL loads the state from address u, with the site under
	// prefix at, before there is a context (OnInit).
	loadURL(u *url.URL, at paths)
	// loadPage loads the page for ctx's address: loadURL, and what
	// needs the context (the title, the document's language).
	loadPage(ctx app.Context)
	// mounted does what the page does once it is in the DOM, before
	// markReady.
	mounted(ctx app.Context)
}

// mounted does nothing: the page that needs more once it is in the DOM
// has a mounted of its own, which takes the place of this one.
func (*page) mounted(app.Context) {}
