//go:build !wasm

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// The pages only the server renders (serverPage), as the server routes
// them.
func aboutPage(cfg Config) func() app.Composer {
	return func() app.Composer { return &About{Catalog: cfg.Catalog} }
}

func builderPage(cfg Config) func() app.Composer {
	return func() app.Composer { return &Builder{Catalog: cfg.Catalog, PublicURL: cfg.PublicURL} }
}
