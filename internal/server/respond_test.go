package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
)

// request sends one request with headers given as "Name: value" pairs.
func request(t *testing.T, h http.Handler, method, target string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for _, kv := range headers {
		k, v, _ := strings.Cut(kv, ": ")
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, body
}

func decode(t *testing.T, enc string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	default:
		return b
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return out
}

var servedPaths = []string{"/", "/about", "/app/signal", "/app.js", "/app-worker.js", "/wasm_exec.js", "/app.css",
	"/manifest.webmanifest", "/web/app.css", "/web/app.wasm", "/web/icon.svg", "/web/icon-192.png",
	"/embed.js", "/web/storage-guard.js", "/api/catalog.json", "/api/catalog.schema.json", "/api/catalog.csv", "/robots.txt"}

func TestEveryEncodingHasTheRightLengthAndContent(t *testing.T) {
	s := newTestServer(t)
	for _, p := range servedPaths {
		_, plain := request(t, s, "GET", p)
		for _, ae := range []string{"", "gzip", "br", "gzip, deflate, br"} {
			res, body := request(t, s, "GET", p, "Accept-Encoding: "+ae)
			if res.StatusCode != 200 {
				t.Errorf("GET %s (Accept-Encoding %q) = %d", p, ae, res.StatusCode)
				continue
			}
			if cl := res.Header.Get("Content-Length"); cl != itoa(len(body)) {
				t.Errorf("GET %s (%q): Content-Length %s, body %d bytes", p, ae, cl, len(body))
			}
			enc := res.Header.Get("Content-Encoding")
			if ae == "" && enc != "" {
				t.Errorf("GET %s without Accept-Encoding came as %s", p, enc)
			}
			if !bytes.Equal(decode(t, enc, body), plain) {
				t.Errorf("GET %s as %q does not decode to the identity body", p, enc)
			}
			if enc != "" && !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("GET %s as %s has no Vary: Accept-Encoding", p, enc)
			}
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestTextResponsesAreMinified(t *testing.T) {
	s := newTestServer(t)
	for _, p := range []string{"/", "/about", "/app.js", "/app-worker.js", "/web/app.css", "/embed.js", "/manifest.webmanifest", "/api/catalog.json", "/api/catalog.schema.json"} {
		_, body := request(t, s, "GET", p)
		if n := bytes.Count(body, []byte("\n  ")); n > 0 {
			t.Errorf("%s has %d indented lines: not minified", p, n)
		}
	}
}

func TestConditionalRequestsAndHEAD(t *testing.T) {
	s := newTestServer(t)
	for _, p := range []string{"/", "/web/app.wasm", "/app.js", "/api/catalog.json"} {
		res, body := request(t, s, "GET", p, "Accept-Encoding: br")
		etag := res.Header.Get("ETag")
		if etag == "" {
			t.Fatalf("%s has no ETag", p)
		}
		for _, inm := range []string{etag, "W/" + etag, `"x", ` + etag, strings.Replace(etag, "-br", "-gz", 1), "*"} {
			res2, b2 := request(t, s, "GET", p, "If-None-Match: "+inm)
			if res2.StatusCode != http.StatusNotModified || len(b2) != 0 {
				t.Errorf("%s with If-None-Match %s = %d (%d bytes), want 304 and no body", p, inm, res2.StatusCode, len(b2))
			}
		}
		if res3, _ := request(t, s, "GET", p, `If-None-Match: "other"`); res3.StatusCode != 200 {
			t.Errorf("%s with a stale ETag = %d, want 200", p, res3.StatusCode)
		}
		head, hb := request(t, s, "HEAD", p, "Accept-Encoding: br")
		if head.StatusCode != 200 || len(hb) != 0 || head.Header.Get("Content-Length") != itoa(len(body)) {
			t.Errorf("HEAD %s = %d, %d bytes, Content-Length %s; want 200, none, %d", p, head.StatusCode, len(hb), head.Header.Get("Content-Length"), len(body))
		}
	}
}

func TestOtherMethodsAre405WithAllow(t *testing.T) {
	s := newTestServer(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"} {
		res, _ := request(t, s, m, "/")
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s / = %d, Allow %q; want 405, GET, HEAD", m, res.StatusCode, res.Header.Get("Allow"))
		}
	}
}

func TestTraversalAndPrivateFilesAre404(t *testing.T) {
	s := newTestServer(t)
	for _, p := range []string{"/../etc/passwd", "/web/../server.go", "/web/%2e%2e/web.go", "/web/web.go", "/web/..%2fweb.go",
		"/web/app.css/..", "//web/app.css", "/web\\app.css", "/%00", "/web/%ff", "/nope", "/web/nope.css", "/api/nope.json",
		"/sitemap.xml", "/ads.txt", "/app.wasm", "/goapp.js", "/manifest.json", "/app/signal/../../etc", "//", "///about"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = mustUnescape(t, p)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, rec.Code)
		}
	}
}

func mustUnescape(t *testing.T, p string) string {
	t.Helper()
	req, err := http.NewRequest("GET", "http://x"+p, nil)
	if err != nil {
		return p
	}
	return req.URL.Path
}

func TestCacheHeaders(t *testing.T) {
	s := newTestServer(t)
	immutable := regexp.MustCompile(`/web/[a-z0-9.-]+\?v=[0-9a-f]+`)
	_, page := request(t, s, "GET", "/")
	urls := immutable.FindAllString(string(page), -1)
	if len(urls) < 3 {
		t.Fatalf("the page names %d versioned assets (%v), want the stylesheet, script and icons", len(urls), urls)
	}
	for _, u := range urls {
		res, _ := request(t, s, "GET", u)
		if cc := res.Header.Get("Cache-Control"); cc != cacheImmutable {
			t.Errorf("%s: Cache-Control %q, want %q", u, cc, cacheImmutable)
		}
	}
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/web/app.css", "/web/app.css?v=old", "/embed.js", "/api/catalog.json"} {
		res, _ := request(t, s, "GET", p)
		if cc := res.Header.Get("Cache-Control"); cc != cacheRevalidate {
			t.Errorf("%s: Cache-Control %q, want %q", p, cc, cacheRevalidate)
		}
	}
}

func TestContentTypes(t *testing.T) {
	s := newTestServer(t)
	for p, want := range map[string]string{
		"/":                        "text/html; charset=utf-8",
		"/app.js":                  "text/javascript; charset=utf-8",
		"/embed.js":                "text/javascript; charset=utf-8",
		"/web/app.wasm":            "application/wasm",
		"/manifest.webmanifest":    "application/manifest+json",
		"/api/catalog.schema.json": "application/schema+json",
		"/api/catalog.csv":         "text/csv; charset=utf-8",
		"/web/icon.svg":            "image/svg+xml",
	} {
		if res, _ := request(t, s, "GET", p); res.Header.Get("Content-Type") != want {
			t.Errorf("%s: Content-Type %q, want %q", p, res.Header.Get("Content-Type"), want)
		}
	}
}

func TestFrameAncestorsAndOpenerPolicyPerRoute(t *testing.T) {
	s := newTestServerWith(t, Config{FrameAncestors: "https://example.org https://*.example.net"})
	for _, tc := range []struct {
		path, frame string
		coop        bool
	}{
		{"/", "frame-ancestors 'self'", true},
		{"/about", "frame-ancestors 'self'", true},
		{"/embed", "frame-ancestors https://example.org https://*.example.net", false},
		{"/embed/builder", "frame-ancestors https://example.org https://*.example.net", false},
		{"/embed.js", "frame-ancestors 'self'", true},
		{"/embedded", "frame-ancestors 'self'", true},
	} {
		res, _ := request(t, s, "GET", tc.path)
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.HasSuffix(csp, tc.frame) || !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval';") {
			t.Errorf("%s: CSP %q, want it to end in %q", tc.path, csp, tc.frame)
		}
		if got := res.Header.Get("Cross-Origin-Opener-Policy") != ""; got != tc.coop {
			t.Errorf("%s: Cross-Origin-Opener-Policy set = %v, want %v", tc.path, got, tc.coop)
		}
	}
	if _, err := NewHeaderPolicy("'self'; script-src *"); err == nil {
		t.Error("-frame-ancestors with ';' was accepted")
	}
}

func TestPagesHaveNoInlineScriptOrStyleAndNoHostReflection(t *testing.T) {
	s := newTestServer(t)
	res, body := request(t, s, "GET", "/?q=x", "Host: evil.example")
	if res.StatusCode != 200 {
		t.Fatal(res.StatusCode)
	}
	for _, m := range regexp.MustCompile(`<script[^>]*>`).FindAllString(string(body), -1) {
		if !strings.Contains(m, "src=") {
			t.Errorf("inline script: %s", m)
		}
	}
	if bytes.Contains(body, []byte("<style")) {
		t.Error("inline <style> element")
	}
	if bytes.Contains(body, []byte("evil.example")) {
		t.Error("the Host header is reflected in the page")
	}
}

func TestManifestIsLocalAndComplete(t *testing.T) {
	s := newTestServer(t)
	_, body := request(t, s, "GET", "/manifest.webmanifest")
	var m struct {
		Name, ShortName, StartURL, Scope, ThemeColor, BackgroundColor string
		Icons                                                         []struct{ Src, Sizes, Type, Purpose string }
	}
	if err := json.Unmarshal(bytes.ReplaceAll(bytes.ReplaceAll(body, []byte("_url"), []byte("URL")), []byte("_color"), []byte("Color")), &m); err != nil {
		t.Fatal(err)
	}
	var short struct {
		ShortName string `json:"short_name"`
	}
	json.Unmarshal(body, &short)
	if m.Name == "" || short.ShortName == "" || m.StartURL != "/" || m.Scope != "/" || m.ThemeColor == "" || m.BackgroundColor == "" {
		t.Errorf("manifest incomplete: %s", body)
	}
	maskable := false
	for _, ic := range m.Icons {
		maskable = maskable || ic.Purpose == "maskable"
		if res, _ := request(t, s, "GET", ic.Src); res.StatusCode != 200 || !strings.HasPrefix(ic.Src, "/web/") {
			t.Errorf("icon %s: %d", ic.Src, res.StatusCode)
		}
	}
	if !maskable {
		t.Error("no maskable icon")
	}
}

func TestServiceWorkerCachesOnlyLocalFilesThatExist(t *testing.T) {
	s := newTestServer(t)
	_, body := request(t, s, "GET", "/app-worker.js")
	m := regexp.MustCompile(`resourcesToCache=(\[[^\]]*\])`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("no resourcesToCache in %s", body)
	}
	var list []string
	if err := json.Unmarshal(m[1], &list); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/", "/app.js", "/wasm_exec.js", "/manifest.webmanifest", "/about"} {
		if !contains(list, want) {
			t.Errorf("the worker does not cache %s", want)
		}
	}
	for _, u := range list {
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
			t.Errorf("the worker caches a remote URL: %s", u)
		} else if res, _ := request(t, s, "GET", u); res.StatusCode != 200 {
			t.Errorf("the worker caches %s, which is %d", u, res.StatusCode)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestVersionFollowsTheContent(t *testing.T) {
	a := newTestServer(t)
	b := newTestServer(t)
	if a.version != b.version {
		t.Errorf("same content, versions %s and %s", a.version, b.version)
	}
	changed := smallWeb() // what newTestServer serves
	changed["app.css"] = &fstest.MapFile{Data: append(changed["app.css"].Data, []byte("\nhtml{--v:2}")...)}
	c := newTestServerWith(t, Config{Web: changed})
	if c.version == a.version {
		t.Error("a changed stylesheet kept the version")
	}
	_, worker := request(t, c, "GET", "/app-worker.js")
	if !bytes.Contains(worker, []byte(c.version)) {
		t.Error("the worker does not carry the version")
	}
}

func TestPageCacheIsBounded(t *testing.T) {
	c := newPageCache(8, 1<<20)
	for i := 0; i < 100; i++ {
		_, release, _ := c.get(context.Background(), itoa(i), func() *asset { return &asset{body: make([]byte, 1000)} })
		release()
	}
	if n, b := c.size(); n > 8 || b > 8*1100 {
		t.Errorf("after 100 pages: %d entries, %d bytes; want at most 8", n, b)
	}
	c = newPageCache(100, 5000)
	for i := 0; i < 100; i++ {
		_, release, _ := c.get(context.Background(), itoa(i), func() *asset { return &asset{body: make([]byte, 1000)} })
		release()
	}
	if _, b := c.size(); b > 5000 {
		t.Errorf("cache holds %d bytes, bound 5000", b)
	}
	if a, _, _ := c.get(context.Background(), "x", func() *asset { return nil }); a != nil {
		t.Error("a nil render was cached")
	}
	if n, _ := c.size(); n > 5 {
		t.Errorf("%d entries", n)
	}
}
