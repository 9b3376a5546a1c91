package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"msgcompare/app/changes"
)

// TestChangesRoutes serves the page, the feed and the open data with their
// media types, revalidated by ETag; the page lists every change of the
// real catalog, and the feed one entry for each.
func TestChangesRoutes(t *testing.T) {
	s := newTestServer(t)
	want := len(changes.Extract(s.cat))
	for _, tt := range []struct{ path, ctype string }{
		{"/changes", "text/html"},
		{"/changes.atom", "application/atom+xml"},
		{"/api/changes.json", "application/json"},
		{"/api/changes.schema.json", "application/schema+json"},
	} {
		res, body := get(t, s, tt.path)
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) {
			t.Errorf("GET %s = %d %s, want 200 %s", tt.path, res.StatusCode, res.Header.Get("Content-Type"), tt.ctype)
			continue
		}
		if tt.path != "/changes" && (res.Header.Get("ETag") == "" || res.Header.Get("Cache-Control") != cacheRevalidate) {
			t.Errorf("GET %s: ETag %q, Cache-Control %q: want revalidation", tt.path, res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
		}
		var got int
		switch tt.path {
		case "/changes":
			got = strings.Count(body, "data-change=")
		case "/changes.atom":
			got = strings.Count(body, "<entry>")
		case "/api/changes.json":
			var doc struct{ Changes []json.RawMessage }
			json.Unmarshal([]byte(body), &doc)
			got = len(doc.Changes)
		default:
			continue
		}
		if got != want {
			t.Errorf("GET %s lists %d changes, want %d", tt.path, got, want)
		}
	}
}

// TestChangesFeedIgnoresTheHostHeader: without a public URL the links are
// relative to the site's root, whatever Host a request claims.
func TestChangesFeedIgnoresTheHostHeader(t *testing.T) {
	s := newTestServer(t)
	req := httptest.NewRequest(http.MethodGet, "/changes.atom", nil)
	req.Host = "evil.example"
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if body := rec.Body.String(); strings.Contains(body, "evil.example") || !strings.Contains(body, `href="/changes"`) {
		t.Error("the feed's links depend on the Host header or are not relative to the site's root")
	}
}

func TestChangesFilteredPage(t *testing.T) {
	s := newTestServer(t)
	_, body := get(t, s, "/changes?apps=session&criteria=forward_secrecy&lang=de")
	if strings.Contains(body, `data-app="signal"`) || !strings.Contains(body, `data-criterion="forward_secrecy"`) {
		t.Error("/changes?apps=session&criteria=forward_secrecy shows other changes, or none")
	}
	if !strings.Contains(body, `lang="de"`) {
		t.Error("the filtered page is not in German")
	}
}
