// Package preview draws the picture of a page of msgcompare: a 1200 × 630
// PNG (or SVG) of what the view shows, the messengers it compares with
// their key facts, the guide's shortlist with its verdicts or a
// messenger's facts, and when those facts were verified, in the page's
// language (Persian shaped and right to left, Chinese in a CJK font, each
// language's digits). Link previews show it (og:image); the server serves
// it at /og/… and the static export writes it beside its pages.
//
// It computes the view with the code the page uses (app/compare's query,
// presets, guide and results, app/ui's words for facts and dates), and
// shapes its text with github.com/go-text/typesetting (HarfBuzz's port:
// Persian joined, bidirectional order) and draws it with
// golang.org/x/image/vector, in Noto fonts subset to the
// catalog's texts (fonts/, make fonts). It is server code: nothing of it
// is in the WebAssembly app. A Renderer holds its fonts and its cache; the
// package holds no state.
package preview

import (
	"bytes"
	"embed"
	"fmt"
	"image/png"
	"strings"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
	"msgcompare/app/ui"
)

//go:embed fonts/*.ttf fonts/*.otf
var fontFiles embed.FS

// Renderer draws the pictures of one catalog's pages and keeps the latest
// in a cache bounded by bytes. It is safe for concurrent use.
type Renderer struct {
	cat   *catalog.Catalog
	fonts *fonts
	cache *cache
}

// DefaultCacheBytes bounds a Renderer's cache: about 500 pictures.
const DefaultCacheBytes = 16 << 20

// New returns a renderer for cat whose cache holds at most cacheBytes of
// pictures (0: DefaultCacheBytes).
func New(cat *catalog.Catalog, cacheBytes int) (*Renderer, error) {
	f, err := loadFonts()
	if err != nil {
		return nil, err
	}
	if cacheBytes <= 0 {
		cacheBytes = DefaultCacheBytes
	}
	return &Renderer{cat: cat, fonts: f, cache: newCache(cacheBytes)}, nil
}

// Format is the kind of file a picture is written as.
type Format string

const (
	PNG Format = "png"
	SVG Format = "svg"
)

// Picture is one picture of a page: its page path ("/", "/compare",
// "/app/signal"), its language and the page's query, canonical (as
// compare.Encode writes it, without lang and theme).
type Picture struct {
	Page  string
	Lang  string
	Query string
}

// Picture returns the picture of the page at path for the raw query, in
// language lang (a tag of the catalog's; "" or unknown: English): the
// query is cleaned as the page cleans it, so that two addresses of the
// same view share one picture.
func (r *Renderer) Picture(path, lang, rawQuery string) (Picture, bool) {
	path = strings.TrimSuffix(path, "/")
	if path == "" {
		path = "/"
	}
	if !ui.IsPage(r.cat, path) {
		return Picture{}, false
	}
	if r.cat.Locale(lang) == nil {
		lang = catalog.SourceLang
	}
	pic := Picture{Page: path, Lang: lang}
	switch {
	case path == "/", path == "/compare", path == "/embed":
		// What the picture does not depend on (the language is the
		// picture's own) is left out of its address and cache key.
		q, _ := compare.Decode(rawQuery, r.cat)
		q.Lang, q.Theme, q.View, q.Filters = "", "", "", false
		if path == "/" {
			q.Shorten(r.cat)
		}
		pic.Query = q.Encode()
	}
	return pic, true
}

// Path is where the picture is served and exported, under the site's
// base: /og/<page>[.<lang>].png, where <page> is index for "/", and the
// language is left out for English, as the export names its pages
// (index.html, index.fa.html). The query follows it unchanged.
func (p Picture) Path(f Format) string {
	name := p.Page
	if name == "/" {
		name = "/index"
	}
	if p.Lang != catalog.SourceLang && p.Lang != "" {
		name += "." + p.Lang
	}
	return "/og" + name + "." + string(f)
}

// URL is Path with the query.
func (p Picture) URL(f Format) string {
	if p.Query == "" {
		return p.Path(f)
	}
	return p.Path(f) + "?" + p.Query
}

// ParsePath reads a path that Path wrote: the page, the language and the
// format. ok is false for any other path.
func (r *Renderer) ParsePath(p string) (page, lang string, f Format, ok bool) {
	rest, found := strings.CutPrefix(p, "/og/")
	if !found {
		return "", "", "", false
	}
	switch {
	case strings.HasSuffix(rest, ".png"):
		f, rest = PNG, strings.TrimSuffix(rest, ".png")
	case strings.HasSuffix(rest, ".svg"):
		f, rest = SVG, strings.TrimSuffix(rest, ".svg")
	default:
		return "", "", "", false
	}
	lang = catalog.SourceLang
	if i := strings.LastIndexByte(rest, '.'); i >= 0 {
		lang = rest[i+1:]
		rest = rest[:i]
		if lang == catalog.SourceLang || r.cat.Locale(lang) == nil {
			return "", "", "", false
		}
	}
	page = "/" + rest
	if rest == "index" {
		page = "/"
	}
	if !ui.IsPage(r.cat, page) {
		return "", "", "", false
	}
	return page, lang, f, true
}

// Alt describes the picture in its language (og:image:alt).
func (r *Renderer) Alt(p Picture) string {
	return newView(r.cat, p.Page, p.Lang, p.Query).alt()
}

// Render returns the picture as f, from the cache or drawn now.
func (r *Renderer) Render(p Picture, f Format) ([]byte, error) {
	key := string(f) + " " + p.URL(f)
	if b, ok := r.cache.get(key); ok {
		return b, nil
	}
	b, err := r.draw(p, f)
	if err != nil {
		return nil, err
	}
	r.cache.put(key, b)
	return b, nil
}

func (r *Renderer) draw(p Picture, f Format) ([]byte, error) {
	v := newView(r.cat, p.Page, p.Lang, p.Query)
	sc := v.draw(r.fonts)
	switch f {
	case PNG:
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, sc.image(Width, Height)); err != nil {
			return nil, fmt.Errorf("preview: %w", err)
		}
		return buf.Bytes(), nil
	case SVG:
		return sc.svg(Width, Height, v.alt()), nil
	}
	return nil, fmt.Errorf("preview: no format %q", f)
}
