package main

import (
	"fmt"
	"log"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"github.com/tdewolff/minify/v2"

	"msgcompare/app/catalog"
)

// server routes requests to the API, the app's pages and its assets, and
// sets the privacy and security headers on every response. Every file is
// minified and compressed once, at start; pages are prerendered on first
// request and kept in a bounded cache.
type server struct {
	cat       *catalog.Catalog
	assets    map[string]*asset // by URL path, without prefix
	pages     *app.Handler
	pageCache *pageCache
	pagePaths []string // ui.Paths: what the export prerenders
	headers   headerPolicy
	min       *minify.M
	version   string
}

// goappPaths are URLs go-app's handler answers by itself in ways we do not
// want (a proxy fetch to the server's own /web/, an alias, a 404 with its
// own headers). Whatever of them we serve is in assets; the rest is 404.
var goappPaths = map[string]bool{
	"/goapp.js": true, "/manifest.json": true, "/app.wasm": true, "/goapp.wasm": true,
	"/robots.txt": true, "/sitemap.xml": true, "/ads.txt": true,
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			log.Printf("panic serving %q: %v", r.URL.Path, v)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	p := r.URL.Path
	s.headers.set(w.Header(), p)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !cleanPath(p) {
		notFound(w)
		return
	}
	if a, ok := s.assets[p]; ok {
		if strings.HasPrefix(p, "/api/") || p == "/web/app.wasm" {
			// Open data: any site may read it (no credentials involved).
			// The wasm too: in a sandboxed iframe the widget's origin is
			// "null", and its fetch of app.wasm is then cross-origin.
			w.Header().Set("Access-Control-Allow-Origin", "*")
		}
		serveAsset(w, r, a)
		return
	}
	if goappPaths[p] || strings.HasPrefix(p, "/web/") || strings.HasPrefix(p, "/api/") {
		notFound(w)
		return
	}
	s.servePage(w, r)
}

// cleanPath rejects what no route ever has: traversal segments, doubled
// slashes, backslashes, NUL and invalid UTF-8. They get a 404 rather than
// the redirect net/http would send, since there is nothing to redirect to.
func cleanPath(p string) bool {
	if !strings.HasPrefix(p, "/") || !utf8.ValidString(p) || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	c := path.Clean(p)
	return c == p || c+"/" == p
}

// String describes the server for the start-up log.
func (s *server) String() string {
	n := 0
	for _, a := range s.assets {
		n += len(a.body)
	}
	return fmt.Sprintf("version %s, %d files (%d KB minified), %d pages", s.version, len(s.assets), n>>10, len(s.pagePaths))
}
