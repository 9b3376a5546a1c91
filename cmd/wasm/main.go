// Command wasm is the browser side of msgcompare: it loads the embedded
// catalog, registers the pages and runs the go-app engine. Build it with
// GOOS=js GOARCH=wasm; it carries no server code.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/ui"
	"msgcompare/data"
)

func main() {
	// No Today: a visitor's clock must not reject the catalog. The server
	// and the tests validate dates.
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		panic(err)
	}
	ui.Routes(ui.Config{Catalog: cat})
	app.RunWhenOnBrowser()
}
