// Package web embeds the browser assets (stylesheet, icons, scripts and the
// WebAssembly app that `make build` writes here), so that bin/serve runs
// from any working directory and a release is one file.
//
// The pattern is "*" rather than a list of names because app.wasm exists
// only after `make build`: a missing name would stop every build of this
// package (go vet ./... included), while "*" always matches at least this
// file. cmd/serve checks at start that app.wasm is present.
package web

import "embed"

// FS holds every file of web/ at the time bin/serve was compiled.
//
//go:embed *
var FS embed.FS
