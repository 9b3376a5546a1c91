package server

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"regexp"

	"msgcompare/app/catalog"
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

// htmlLang finds the language go-app wrote on the document (the page's
// SetLang).
var htmlLang = regexp.MustCompile(`<html lang="?([A-Za-z-]+)"?`)

// withDirection adds dir="rtl" to the document of a page in a language
// written right to left; the browser app sets it on the same element when
// it renders (ui's direction), so the two agree.
func (s *Server) withDirection(b []byte) []byte {
	m := htmlLang.FindSubmatchIndex(b)
	if m == nil {
		return b
	}
	loc := s.cat.Locale(string(b[m[2]:m[3]]))
	if loc == nil || loc.Dir != "rtl" {
		return b
	}
	return append(b[:m[1]:m[1]], append([]byte(` dir="rtl"`), b[m[1]:]...)...)
}

// alternates are the <link rel="alternate" hreflang> lines of the page at
// u: the same view in every language, and without a language for readers
// whose language the site does not have (x-default). Search engines want
// them absolute: under -public-url they are; without it they are paths of
// the site, since the Host header is not ours to trust. Not-found pages
// have none.
func (s *Server) alternates(u *url.URL) []byte {
	if !ui.IsPage(s.cat, u.Path) {
		return nil
	}
	var b bytes.Buffer
	link := func(hreflang, lang string) {
		q := u.Query()
		q.Del("lang")
		if lang != "" {
			q.Set("lang", lang)
		}
		href := s.base + u.Path
		if s.publicURL != "" {
			href = s.publicURL + u.Path
		}
		if enc := q.Encode(); enc != "" {
			href += "?" + enc
		}
		b.WriteString(`<link rel="alternate" hreflang="` + hreflang + `" href="` + html.EscapeString(href) + `">`)
	}
	for _, l := range s.cat.Locales {
		link(l.Code, l.Code)
	}
	link("x-default", "")
	return b.Bytes()
}
