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
	// Version is the hash that a URL of the file names in ?v= (see
	// webURL) when such a URL is cached for a year; "" for the others.
	Version string
}

func (a *asset) file(p string) File {
	f := File{Path: p, ContentType: a.contentType, Body: a.body, Brotli: a.br, Gzip: a.gz}
	if a.immutable {
		f.Version = a.hash
	}
	return f
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

// Langs lists the site's languages, English first (catalog.Langs).
func (s *Server) Langs() []string { return s.cat.Langs() }

// RenderPage prerenders the page at path (no query) in language lang (a
// tag of the catalog's; "" for the page without lang=, in English), as
// the server would serve it.
func (s *Server) RenderPage(path, lang string) (File, error) {
	if !ui.IsPage(s.cat, path) {
		return File{}, fmt.Errorf("page %s: not a page of the site", path)
	}
	u := &url.URL{Path: path}
	if lang != "" {
		if s.cat.Locale(lang) == nil {
			return File{}, fmt.Errorf("page %s: no language %q", path, lang)
		}
		u.RawQuery = "lang=" + url.QueryEscape(lang)
	}
	a := s.renderPage(u)
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
