//go:build js

package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// OnInit loads the state from the address bar before the first render.
// The server has none: it loads the page in OnPreRender
// (lifecycle_other.go).
func (p *page) OnInit() { p.self.loadURL(app.Window().URL(), clientPaths()) }

// OnNav loads the page whenever the address changes, back and forward too.
func (p *page) OnNav(ctx app.Context) { p.self.loadPage(ctx) }

// OnMount marks the app ready once the page's first render is in the DOM,
// after what the page does of its own.
func (p *page) OnMount(ctx app.Context) {
	p.self.mounted(ctx)
	ctx.Defer(func(app.Context) { markReady() })
}

// clientPaths is pathsOf before the first render, when there is no
// context yet: go-app's environment in the browser.
func clientPaths() paths {
	return paths(strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/"))
}
