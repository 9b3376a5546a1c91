package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"time"

	"msgcompare/app/ui"
)

// Page cache bounds: the matrix page is about 100 KB with its compressed
// variants, so the cache stays under 32 MB whatever the traffic. Those
// bytes include the pages being written to readers, however slow: when
// they alone fill the budget, a request for a page not in the cache waits
// up to pageWait for room, then gets 503 with Retry-After.
const (
	pageCacheItems = 512
	pageCacheBytes = 32 << 20
	pageWait       = 10 * time.Second
)

// renderSlots is how many pages render at once: rendering is CPU work
// (go-app's tree, minify, brotli), so more at once only adds the memory
// of each render in flight while they share the same cores.
func renderSlots() int { return max(2, runtime.GOMAXPROCS(0)) }

// ourViewport replaces go-app's, which forbids zooming.
const ourViewport = `width=device-width, initial-scale=1, viewport-fit=cover`

// renderHost is the Host every page is rendered for, whatever the
// request's: a Host header from a stranger has no business in a page (the
// builder's snippet takes Config.PublicURL, or location in the browser).
const renderHost = "localhost"

// notFoundRoute is the app's helpful not-found page, with links to every
// messenger. Every unknown path is answered with it and status 404.
const notFoundRoute = ui.NotFoundPath

// servePage serves a prerendered page from the cache, rendering it on a
// miss. Paths no route renders, and messengers the catalog does not have,
// get the not-found page.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	u, negotiated := s.withLang(r)
	if negotiated {
		addVary(w.Header(), "Accept-Language")
	}
	if !ui.IsPage(s.cat, u.Path) {
		s.serveNotFound(w, r)
		return
	}
	a, release, err := s.cachedPage(r.Context(), u.Path+"?"+u.RawQuery, u)
	defer release()
	if err != nil {
		serveBusy(w)
		return
	}
	if a == nil {
		s.serveNotFound(w, r)
		return
	}
	serveAsset(w, r, a, http.StatusOK)
}

// serveNotFound answers 404 with the not-found page in the reader's
// language and theme. It is cached under its own key, never under the
// requested path, so that unknown paths neither enter the cache as pages
// nor fill it.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request) {
	a, release, err := s.notFound(r)
	defer release()
	if err != nil {
		serveBusy(w)
		return
	}
	if a == nil {
		h := w.Header()
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Cache-Control", cacheRevalidate)
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("404 page not found\n"))
		return
	}
	serveAsset(w, r, a, http.StatusNotFound)
}

// serveBusy answers 503 when pages being written to readers hold the
// whole page cache and no room came free in time.
func serveBusy(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Retry-After", "10")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte("503 busy: try again in a few seconds\n"))
}

// cachedPage returns the page at u from the cache under key, rendering it
// on a miss, and the function that releases it once written.
func (s *Server) cachedPage(ctx context.Context, key string, u *url.URL) (*asset, func(), error) {
	ctx, cancel := context.WithTimeout(ctx, pageWait)
	defer cancel()
	return s.pageCache.get(ctx, key, func() *asset { return s.renderPage(u) })
}

// notFound renders the not-found page for r's lang and theme (the only
// parameters it honours), or returns nil when the app has no such page.
// The caller calls release once it has written the page.
func (s *Server) notFound(r *http.Request) (a *asset, release func(), err error) {
	q := url.Values{}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		u, _ := s.withLang(r)
		for _, k := range []string{"lang", "theme"} {
			if v := u.Query().Get(k); v != "" && len(v) <= 16 {
				q.Set(k, v)
			}
		}
	}
	u := &url.URL{Path: notFoundRoute, RawQuery: q.Encode()}
	return s.cachedPage(r.Context(), "\x00"+u.String(), u)
}

// renderPage asks go-app to prerender the page at u and fixes what go-app
// gets wrong for us (fixDocument). It returns nil when no route matches.
func (s *Server) renderPage(u *url.URL) *asset {
	s.renders <- struct{}{}
	defer func() { <-s.renders }()
	// A fresh GET: the render is shared by every waiter, so it must not
	// depend on (or die with) the client that asked first.
	req := httptest.NewRequestWithContext(context.Background(), http.MethodGet, "/", nil)
	req.URL = &url.URL{Path: u.Path, RawQuery: u.RawQuery}
	req.RequestURI = req.URL.RequestURI()
	req.Host = renderHost
	rec := httptest.NewRecorder()
	s.pages.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return nil
	}
	body, err := s.fixPage(rec.Body.Bytes(), u)
	if err != nil {
		panic(fmt.Errorf("page %s: %w", u.Path, err))
	}
	return s.cache.newAsset("text/html; charset=utf-8", body, pageLevels)
}

func (s *Server) fixPage(b []byte, u *url.URL) ([]byte, error) {
	b, err := s.fixDocument(b, s.headLinks(u))
	if err != nil {
		return nil, err
	}
	return minifyBytes(s.min, "text/html", b)
}
