// Command wasm is the browser side of msgcompare: it decodes the embedded
// catalog, registers the pages and runs the go-app engine. Build it with
// GOOS=js GOARCH=wasm; it carries no server code, and no JSON decoder or
// validation for the catalog: data/catalog.bin holds the facts the server
// validated, in a compact form that decodes in milliseconds.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/ui"
	"msgcompare/data"
)

func main() {
	cat, err := catalog.ReadBinary(data.Binary)
	if err != nil {
		panic(err)
	}
	ui.Routes(ui.Config{Catalog: cat})
	// Let the browser paint and handle input between the start of the Go
	// runtime with the catalog and go-app's first render: two shorter
	// tasks instead of one long one.
	yield()
	app.RunWhenOnBrowser()
}

// yield returns after the browser has run its event loop once: the Go
// program waits on a timer callback, and while it waits the page's thread
// is free.
func yield() {
	done := make(chan struct{})
	var f app.Func
	f = app.FuncOf(func(app.Value, []app.Value) any {
		f.Release()
		close(done)
		return nil
	})
	app.Window().Call("setTimeout", f, 0)
	<-done
}
