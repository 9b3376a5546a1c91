package server

import (
	"fmt"
	"net/url"
	"sort"

	"msgcompare/app/ui"
)

// File is one response as the static export writes it: the identity body
// and the brotli and gzip variants (nil when they do not pay).
type File struct {
	Path        string // URL path without the site's base, e.g. /web/app.css
	ContentType string
	Body        []byte
	Brotli      []byte
	Gzip        []byte
}

func (a *asset) file(p string) File {
	return File{Path: p, ContentType: a.contentType, Body: a.body, Brotli: a.br, Gzip: a.gz}
}

// Files returns every fixed file the server holds (web/, go-app's files,
// the manifest, embed.js, the API), sorted by path.
func (s *Server) Files() []File {
	out := make([]File, 0, len(s.assets))
	for p, a := range s.assets {
		out = append(out, a.file(p))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// PagePaths lists every page to prerender (ui.Paths).
func (s *Server) PagePaths() []string { return append([]string(nil), s.pagePaths...) }

// RenderPage prerenders the page at path (no query) as the server would
// serve it to a reader whose language is English.
func (s *Server) RenderPage(path string) (File, error) {
	if !ui.IsPage(s.cat, path) {
		return File{}, fmt.Errorf("page %s: not a page of the site", path)
	}
	a := s.renderPage(&url.URL{Path: path})
	if a == nil {
		return File{}, fmt.Errorf("page %s: no route renders it", path)
	}
	return a.file(path), nil
}

// NotFoundPage prerenders the helpful not-found page that every unknown
// path is answered with.
func (s *Server) NotFoundPage() (File, error) {
	a := s.renderPage(&url.URL{Path: notFoundRoute})
	if a == nil {
		return File{}, fmt.Errorf("page %s: no route renders it", notFoundRoute)
	}
	return a.file(notFoundRoute), nil
}
