package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
)

// Page cache bounds: the matrix page is about 100 KB with its compressed
// variants, so the cache stays under 32 MB whatever the traffic.
const (
	pageCacheItems = 512
	pageCacheBytes = 32 << 20
)

const (
	goappViewport = `width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover`
	ourViewport   = `width=device-width, initial-scale=1, viewport-fit=cover`
)

// ogURL matches go-app's og:url tag, which holds the request's Host header
// and always the http scheme: wrong behind TLS, and a Host header from a
// stranger has no business in a page.
// go-app writes attributes in map order, so either may come first.
var ogURL = regexp.MustCompile(`<meta [^>]*property="og:url"[^>]*>`)

// goappLoader matches go-app's full-screen loader (an icon without alt
// text and a progress label). Our loader (web/boot.js) needs none: the
// prerendered page is usable as it is, and a failure shows the page's own
// notice.
var goappLoader = regexp.MustCompile(`(?s)<aside [^>]*id="app-wasm-loader".*?</aside>`)

// servePage serves a prerendered page from the cache, rendering it on a
// miss. Unknown paths get a plain 404.
func (s *server) servePage(w http.ResponseWriter, r *http.Request) {
	u, negotiated := withLang(r)
	if negotiated {
		addVary(w.Header(), "Accept-Language")
	}
	key := r.Host + "\x00" + u.Path + "?" + u.RawQuery
	a := s.pageCache.get(key, func() *asset {
		rr := r.Clone(r.Context())
		rr.URL = u
		return s.renderPage(rr)
	})
	if a == nil {
		notFound(w)
		return
	}
	serveAsset(w, r, a)
}

// renderPage asks go-app to prerender the page for r's URL and fixes what
// go-app gets wrong for us: a viewport that forbids zooming, and og:url.
// It returns nil when no route matches.
func (s *server) renderPage(r *http.Request) *asset {
	// A clean GET: go-app answers If-None-Match with its own ETag, and the
	// render is shared by every waiter, so it must not die with this client.
	req := r.Clone(context.Background())
	req.Method = http.MethodGet
	req.Header = http.Header{}
	req.Body = http.NoBody
	rec := httptest.NewRecorder()
	s.pages.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return nil
	}
	body, err := s.fixPage(rec.Body.Bytes())
	if err != nil {
		panic(fmt.Errorf("page %s: %w", r.URL.Path, err))
	}
	return newAsset("text/html; charset=utf-8", body, pageLevels)
}

func (s *server) fixPage(b []byte) ([]byte, error) {
	b = bytes.Replace(b, []byte(goappViewport), []byte(ourViewport), 1)
	b = ogURL.ReplaceAll(b, nil)
	b = goappLoader.ReplaceAll(b, nil)
	return minifyBytes(s.min, "text/html", b)
}

func notFound(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", cacheRevalidate)
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte("404 page not found\n"))
}
