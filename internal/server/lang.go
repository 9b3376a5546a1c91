package server

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"strings"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
	"msgcompare/app/ui"
)

// withLang returns r's URL as the page should be prerendered: when the
// address names no language, the reader's Accept-Language chooses one
// (catalog.Negotiate). The second result says whether the header mattered
// (the response then varies by it).
func (s *Server) withLang(r *http.Request) (*url.URL, bool) {
	u := *r.URL
	if u.Query().Has("lang") {
		return &u, false
	}
	if lang := s.cat.Negotiate(r.Header.Get("Accept-Language")); lang != "" && lang != catalog.SourceLang {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += "lang=" + url.QueryEscape(lang)
	}
	return &u, true
}

// headLinks are the page's <link rel="canonical"> and <link
// rel="alternate" hreflang> lines: the same view in every language, and
// without a language for readers whose language the site does not have
// (x-default). Both write the view as its permalink (compare's Encode; on
// the home page, Shorten, since its no-JS form sends every checkbox). A
// page whose address has a parameter it ignores (with a notice) has no
// canonical link. Search engines want absolute links: under -public-url
// they are; without it they are paths of the site, since the Host header
// is not ours to trust. Not-found pages have none.
func (s *Server) headLinks(u *url.URL) []byte {
	if !ui.IsPage(s.cat, u.Path) {
		return nil
	}
	q, notices := compare.Decode(u.RawQuery, s.cat)
	// /about/ is the page /about (as nginx serves about/index.html for
	// both): one canonical address, without the slash.
	p := strings.TrimSuffix(u.Path, "/")
	if p == "" {
		q.Shorten(s.cat)
		p = "/"
	}
	href := func(q compare.Query) string {
		h := s.base + p
		if s.publicURL != "" {
			h = s.publicURL + p
		}
		if enc := q.Encode(); enc != "" {
			h += "?" + enc
		}
		return html.EscapeString(h)
	}
	var b bytes.Buffer
	if len(notices) == 0 {
		b.WriteString(`<link rel="canonical" href="` + href(q) + `">`)
	}
	for _, l := range s.cat.Locales {
		q.Lang = l.Code
		b.WriteString(`<link rel="alternate" hreflang="` + l.Code + `" href="` + href(q) + `">`)
	}
	q.Lang = ""
	b.WriteString(`<link rel="alternate" hreflang="x-default" href="` + href(q) + `">`)
	b.WriteString(s.oEmbedLink(u))
	b.WriteString(s.previewMeta(u))
	return b.Bytes()
}
