//go:build js

package main

// serveMain is never reached in the browser: app.RunWhenOnBrowser does not
// return there. It exists so that the wasm build carries no server.
func serveMain() {}
