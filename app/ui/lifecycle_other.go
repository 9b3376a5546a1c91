//go:build !js

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// OnPreRender loads the page for the request's address before the server
// renders it. The browser has the rest of the lifecycle (lifecycle_js.go).
func (p *page) OnPreRender(ctx app.Context) { p.self.loadPage(ctx) }
