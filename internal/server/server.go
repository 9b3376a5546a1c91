// Package server serves msgcompare: the prerendered pages, the WebAssembly
// app, its assets and the open data API, each minified and compressed once,
// with the privacy and security headers of HeaderPolicy. It holds no
// package-level state: everything a server needs travels in its Config,
// so that servers with different options can live in one process.
package server

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
	"msgcompare/internal/preview"
)

// Server routes requests to the API, the app's pages and its assets, and
// sets the privacy and security headers on every response. Every file is
// minified and compressed once, at start; pages are prerendered on first
// request and kept in a bounded cache.
type Server struct {
	cat       *catalog.Catalog
	base      string            // "" at the root, else "/sub/path"
	publicURL string            // Config.PublicURL without its last "/", or ""
	assets    map[string]*asset // by URL path, without prefix
	pages     *app.Handler
	pageCache *pageCache
	renders   chan struct{} // a slot per page rendering (renderSlots)
	pagePaths []string      // ui.Paths: what the export prerenders
	previews  *preview.Renderer
	headers   HeaderPolicy
	min       *minify.M
	cache     *CompressionCache
	version   string
}

// isGoappPath reports the URLs go-app's handler answers by itself in ways
// we do not want (a proxy fetch to the server's own /web/, an alias, a 404
// with its own headers). Whatever of them we serve is in assets; the rest
// is 404.
func isGoappPath(p string) bool {
	switch p {
	case "/goapp.js", "/manifest.json", "/app.wasm", "/goapp.wasm", "/robots.txt", "/sitemap.xml", "/ads.txt":
		return true
	}
	return false
}

// ServeHTTP answers GET and HEAD; every other method gets 405.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
		s.serveNotFound(w, r)
		return
	}
	if p == "/oembed" {
		s.serveOEmbed(w, r)
		return
	}
	if strings.HasPrefix(p, "/og/") {
		s.servePreview(w, r)
		return
	}
	if strings.HasPrefix(p, "/badge/") {
		s.serveBadge(w, r)
		return
	}
	if a, ok := s.assets[p]; ok {
		serveAsset(w, r, a, http.StatusOK)
		return
	}
	if isGoappPath(p) || strings.HasPrefix(p, "/web/") || strings.HasPrefix(p, "/api/") {
		s.serveNotFound(w, r)
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
	return c == p || c != "/" && c+"/" == p // "//" is no page
}

// Version is the content version: a hash of everything browsers cache.
func (s *Server) Version() string { return s.version }

// Headers is the server's header policy.
func (s *Server) Headers() HeaderPolicy { return s.headers }

// String describes the server for the start-up log.
func (s *Server) String() string {
	n := 0
	for _, a := range s.assets {
		n += len(a.body)
	}
	return fmt.Sprintf("version %s, %d files (%d KB minified), %d pages", s.version, len(s.assets), n>>10, len(s.pagePaths))
}
