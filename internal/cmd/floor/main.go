// Command floor is the smallest go-app v9 page there is: one <h1>, served by
// go-app's own app.Handler with its default loader, and nothing of
// msgcompare. make bench Lighthouses it in the same run as our pages, so
// that docs/benchmarks.md shows what any go-app page costs on the machine
// that took the figures (issue 11): absolute figures move from machine to
// machine, the distance to this floor much less. It exists only to be
// measured.
//
// Like any go-app app it is one package built twice, as our wasm is: for
// the browser (GOOS=js GOARCH=wasm, where main never returns from
// app.RunWhenOnBrowser) and natively, for the server (server.go):
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -gcflags=all=-l -o bin/floor/web/app.wasm ./internal/cmd/floor
//	brotli -q 11 -f bin/floor/web/app.wasm
//	go build -trimpath -o bin/floor/serve ./internal/cmd/floor
//	bin/floor/serve -addr 127.0.0.1:8001 -dir bin/floor
//
// `make floor` runs the three builds.
package main

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// heading is the floor's whole user interface.
type heading struct{ app.Compo }

func (*heading) Render() app.UI { return app.H1().Text("go-app floor") }

// routes registers the one page, for the browser and the server alike.
func routes() {
	app.RouteFunc("/", func() app.Composer { return &heading{} })
}

func main() {
	routes()
	app.RunWhenOnBrowser()
	serveMain()
}
