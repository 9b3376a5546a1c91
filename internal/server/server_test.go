package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/data"
	"msgcompare/web"
)

// testCache is shared by every server the tests build: each compresses a
// body once per process rather than once per test, and quickly (bin/serve's
// own levels are what the end-to-end tests download).
var testCache = &CompressionCache{Quick: true}

// sharedServer is the server most tests read from: it is safe for
// concurrent use, so one is enough.
var sharedServer = sync.OnceValues(func() (*Server, error) { return build(Config{}) })

// newTestServer returns the server as bin/serve builds it: the real
// catalog and the web/ files embedded at compile time (`make build` puts
// app.wasm there first).
func newTestServer(t testing.TB) *Server {
	t.Helper()
	s, err := sharedServer()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newTestServerWith builds a server of its own, with the real catalog
// and, if unset, the embedded web/.
func newTestServerWith(t testing.TB, cfg Config) *Server {
	t.Helper()
	s, err := build(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// build builds a server with the real catalog and, unless cfg says
// otherwise, web/ with a tiny stand-in for the wasm (smallWeb): the server's
// tests run on a fresh clone, before make build. The tests of the real
// embedded files use realWeb.
func build(cfg Config) (*Server, error) {
	if cfg.Web == nil {
		cfg.Web = smallWeb()
	}
	if _, err := fs.Stat(cfg.Web, "app.wasm"); err != nil {
		return nil, fmt.Errorf("web/app.wasm is missing: run `make build` first (%v)", err)
	}
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		return nil, err
	}
	cfg.Catalog = cat
	cfg.Cache = testCache
	return New(cfg)
}

// realWeb is web/ as bin/serve embeds it, with the wasm make build wrote;
// a test of those files skips without it (and fails under CI=true, where
// make test builds first).
func realWeb(t testing.TB) fs.FS {
	t.Helper()
	if _, err := fs.Stat(web.FS, "app.wasm"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("web/app.wasm is missing: make test builds it first (%v)", err)
		}
		t.Skipf("web/app.wasm is missing: run make build for this test (%v)", err)
	}
	return web.FS
}

func get(t *testing.T, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestPrerenderedHomeNamesTheSeedMessengers(t *testing.T) {
	s := newTestServer(t)
	res, body := get(t, s, "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / = %d", res.StatusCode)
	}
	for _, want := range []string{"Signal", "Element", "Session", "Briar", `data-app="signal"`, `data-criterion="forward_secrecy"`, `data-require="forward_secrecy"`} {
		if !strings.Contains(body, want) {
			t.Errorf("prerendered / lacks %q", want)
		}
	}
	if strings.Contains(body, `checked="false"`) {
		t.Error(`prerendered / has checked="false", which HTML reads as checked`)
	}
	if strings.Contains(body, "user-scalable=0") {
		t.Error("the viewport forbids zooming")
	}
}

func TestPrerenderedRequirementExcludesWithReason(t *testing.T) {
	s := newTestServer(t)
	_, body := get(t, s, "/?require=forward_secrecy")
	// go-app writes attributes in map order and the minifier may drop
	// quotes, so the checks look at whole tags.
	if regexp.MustCompile(`<tr[^>]*data-app="?session[" >]`).MatchString(body) {
		t.Error("session is still a matrix row although it lacks forward secrecy")
	}
	if !regexp.MustCompile(`data-excluded="?session[" >]`).MatchString(body) {
		t.Error("session is not in the why-not list")
	}
	control := regexp.MustCompile(`<input[^>]*data-require="?forward_secrecy[" >][^>]*>`).FindString(body)
	if !regexp.MustCompile(`\schecked[\s>=]`).MatchString(control) {
		t.Errorf("the forward secrecy control is not checked: %s", control)
	}
}

func TestMalformedParametersGiveAnEscapedNotice(t *testing.T) {
	s := newTestServer(t)
	res, body := get(t, s, "/?require=%3Cscript%3Ealert(1)%3C/script%3E&apps=signal,nope&bogus=1&q=%ff")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if !strings.Contains(body, "data-notice") {
		t.Error("no data-notice for malformed parameters")
	}
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("a parameter was reflected unescaped")
	}
}

func TestCatalogJSON(t *testing.T) {
	s := newTestServer(t)
	res, body := get(t, s, "/api/catalog.json")
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	var doc struct {
		Version  string `json:"version"`
		Updated  string `json:"updated"`
		License  string `json:"license"`
		Criteria []struct {
			ID string `json:"id"`
		} `json:"criteria"`
		Apps []struct {
			ID     string                     `json:"id"`
			Values map[string]json.RawMessage `json:"values"`
		} `json:"apps"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version == "" || doc.Updated == "" || doc.License == "" {
		t.Errorf("version %q, updated %q, license %q: all must be set", doc.Version, doc.Updated, doc.License)
	}
	ids := map[string]bool{}
	for _, a := range doc.Apps {
		ids[a.ID] = true
	}
	for _, want := range []string{"signal", "element", "session", "briar"} {
		if !ids[want] {
			t.Errorf("catalog.json lacks %s", want)
		}
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s := newTestServer(t)
	for _, path := range []string{"/", "/api/catalog.json", "/web/app.css", "/app.js", "/nope"} {
		res, _ := get(t, s, path)
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"} {
			if res.Header.Get(h) == "" {
				t.Errorf("%s: no %s header", path, h)
			}
		}
		if res.Header.Get("Set-Cookie") != "" {
			t.Errorf("%s sets a cookie", path)
		}
	}
}

// TestNoGoappLoader: go-app's full-screen loader (an img without alt over
// the prerendered page) is gone; the page is usable as it is.
func TestNoGoappLoader(t *testing.T) {
	s := newTestServer(t)
	for _, p := range []string{"/", "/embed", "/app/signal"} {
		if _, body := get(t, s, p); strings.Contains(body, "app-wasm-loader") {
			t.Errorf("%s still has go-app's loader", p)
		}
	}
}

// TestConcurrentSearches renders distinct searches at once, as a crawler
// would: under the race detector (make test), a search that writes into
// the shared catalog fails here.
func TestConcurrentSearches(t *testing.T) {
	s := newTestServer(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, q := range []string{"tor", "signal", "ios", "matrix"} {
				res, _ := get(t, s, "/?q="+q+"&require=platforms:ios&n="+itoa(i))
				if res.StatusCode != http.StatusOK {
					t.Errorf("GET /?q=%s = %d", q, res.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
}

// TestEvidencePackFitsTheWasmsCatalog follows what the browser does: the
// loader's configuration (/app.js) names the evidence pack's URL, the
// server answers it as an immutable file that the service worker caches
// for offline use, and it completes the catalog the wasm carries
// (data/catalog.bin) into the one the server renders from.
func TestEvidencePackFitsTheWasmsCatalog(t *testing.T) {
	s := newTestServer(t)
	_, js := get(t, s, "/app.js") // minified: {…,evidence:"/web/…",…}
	m := regexp.MustCompile(`\bevidence:"(/web/evidence\.bin\?v=[0-9a-f]+)"`).FindStringSubmatch(js)
	if m == nil {
		t.Fatalf("the loader's configuration names no evidence pack: %.300s", js)
	}
	url := m[1]
	res, body := get(t, s, url)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("%s: status %d, Cache-Control %q, want 200 and immutable", url, res.StatusCode, res.Header.Get("Cache-Control"))
	}
	if _, sw := get(t, s, "/app-worker.js"); !strings.Contains(sw, url) {
		t.Error("the service worker does not cache the evidence pack: facts opened offline would have no sources")
	}
	abridged, err := catalog.ReadBinary(data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	if err := catalog.ReadEvidence(abridged, []byte(body)); err != nil {
		t.Fatalf("the served pack does not fit the wasm's catalog: %v", err)
	}
	full, _ := catalog.Load(data.FS, catalog.Options{})
	for i, a := range full.Apps {
		for id, want := range a.Values {
			if got := abridged.Apps[i].Values[id]; got.Note != want.Note || strings.Join(got.Sources, " ") != strings.Join(want.Sources, " ") {
				t.Fatalf("%s/%s: the pack gives another note or other sources than the data", a.ID, id)
			}
		}
	}
}

// TestTheRealWasm serves web/ as bin/serve embeds it: the wasm make build
// wrote, with the brotli copy made at build time for readers who accept
// it, and its size for go-app's progress.
func TestTheRealWasm(t *testing.T) {
	s := newTestServerWith(t, Config{Web: realWeb(t)})
	wasm, _ := fs.ReadFile(web.FS, "app.wasm")
	br, brErr := fs.ReadFile(web.FS, "app.wasm.br")
	req := httptest.NewRequest(http.MethodGet, s.webURL("app.wasm"), nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	res := rec.Result()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/wasm" || res.Header.Get("Cache-Control") != cacheImmutable {
		t.Fatalf("GET the wasm = %d %q %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Cache-Control"))
	}
	if got := res.Header.Get("X-Wasm-Content-Length"); got != strconv.Itoa(len(wasm)) {
		t.Errorf("X-Wasm-Content-Length %s, want %d", got, len(wasm))
	}
	if brErr == nil && (res.Header.Get("Content-Encoding") != "br" || !bytes.Equal(rec.Body.Bytes(), br)) {
		t.Errorf("the wasm for a reader who accepts brotli: %q, %d bytes, want web/app.wasm.br's %d", res.Header.Get("Content-Encoding"), rec.Body.Len(), len(br))
	}
}
