package server

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestUnknownPathsGetTheNotFoundPage: a messenger the catalog lacks and a
// path no route has answer 404 with the page that links to every
// messenger, and neither enters the page cache under its own path, so
// that a stream of them cannot fill it.
func TestUnknownPathsGetTheNotFoundPage(t *testing.T) {
	s := newTestServerWith(t, Config{})
	for _, p := range []string{"/app/doesnotexist", "/app/doesnotexist/", "/nope", "/app/signal/extra", "/embed/nope", "/web/nope.css", "/api/nope.json"} {
		for range 2 {
			res, body := get(t, s, p)
			if res.StatusCode != http.StatusNotFound {
				t.Fatalf("GET %s = %d, want 404", p, res.StatusCode)
			}
			if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("GET %s: Content-Type %q, want the HTML page", p, ct)
			}
			if res.Header.Get("ETag") != "" || res.Header.Get("Cache-Control") != cacheRevalidate {
				t.Errorf("GET %s: ETag %q, Cache-Control %q; a 404 is revalidated and has no ETag", p, res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
			}
			for _, a := range s.cat.Apps {
				if !regexp.MustCompile(`href="?/app/` + a.ID + `[" >?]`).MatchString(body) {
					t.Errorf("GET %s: the 404 page has no link to /app/%s", p, a.ID)
				}
			}
		}
	}
	for i := range 50 {
		get(t, s, "/app/nope"+itoa(i))
	}
	s.pageCache.mu.Lock()
	defer s.pageCache.mu.Unlock()
	for k := range s.pageCache.items {
		if strings.Contains(k, "nope") || strings.Contains(k, "doesnotexist") {
			t.Errorf("the page cache holds %q", k)
		}
	}
	if n := len(s.pageCache.items); n > 2 {
		t.Errorf("the page cache holds %d entries after unknown paths, want the not-found page only", n)
	}
}

// TestNotFoundPageFollowsTheLanguage: the not-found page speaks the
// reader's language, from lang= or Accept-Language.
func TestNotFoundPageFollowsTheLanguage(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct{ target, accept, want string }{
		{"/nope?lang=de", "", "de"},
		{"/nope", "de-DE", "de"},
		{"/nope", "", "en"},
	} {
		rec := newRecorderRequest(t, s, tc.target, tc.accept)
		if rec.Code != 404 || !regexp.MustCompile(`<html[^>]* lang="?`+tc.want+`[" >]`).MatchString(rec.Body.String()) {
			t.Errorf("GET %s (Accept-Language %q) = %d, want 404 in %s", tc.target, tc.accept, rec.Code, tc.want)
		}
	}
}

func TestCleanBase(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"", "", ""},
		{"/", "", ""},
		{"/tools/msgcompare/", "/tools/msgcompare", ""},
		{"/tools/msgcompare", "/tools/msgcompare", ""},
		{"/x", "/x", ""},
		{"tools/", "", "expected an absolute path"},
		{"//x/", "", "expected a clean path"},
		{"/a/../b", "", "expected a clean path"},
		{"/a/./b", "", "expected a clean path"},
		{"/a b/", "", "is not allowed"},
		{`/a"b/`, "", "is not allowed"},
		{"/a?b", "", "is not allowed"},
	} {
		got, err := CleanBase(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CleanBase(%q) = %q, %v; want an error with %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("CleanBase(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestCleanPublicURL(t *testing.T) {
	for _, tc := range []struct{ in, base, want, err string }{
		{"https://example.org", "", "https://example.org/", ""},
		{"https://example.org/", "", "https://example.org/", ""},
		{"http://127.0.0.1:8000/", "", "http://127.0.0.1:8000/", ""},
		{"https://example.org/tools/msgcompare", "/tools/msgcompare", "https://example.org/tools/msgcompare/", ""},
		{"https://example.org/tools/", "", "", "is not the site's base /"},
		{"https://example.org/", "/tools", "", "is not the site's base /tools/"},
		{"example.org", "", "", "absolute http or https"},
		{"//example.org/", "", "", "absolute http or https"},
		{"ftp://example.org/", "", "", "absolute http or https"},
		{"javascript:alert(1)", "", "", "absolute http or https"},
		{"https:///x", "", "", "absolute http or https"},
		{"https://u:p@example.org/", "", "", "no user, query or fragment"},
		{"https://example.org/?x=1", "", "", "no user, query or fragment"},
		{"https://example.org/#top", "", "", "no user, query or fragment"},
		{"https://exa mple.org/", "", "", "-public-url"},
	} {
		got, err := CleanPublicURL(tc.in, tc.base)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CleanPublicURL(%q, %q) = %q, %v; want an error with %q", tc.in, tc.base, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("CleanPublicURL(%q, %q) = %q, %v; want %q", tc.in, tc.base, got, err, tc.want)
		}
	}
}

// TestPrefixJoinsWithOneSlash: at the root ("" or "/"), every URL of the
// page and of go-app's files starts with one slash: "//web/app.wasm" is a
// request to the host "web".
func TestPrefixJoinsWithOneSlash(t *testing.T) {
	s := newTestServerWith(t, Config{Base: "/", Export: true})
	for _, p := range []string{"/", "/app.js", "/app-worker.js", "/manifest.webmanifest"} {
		_, body := get(t, s, p)
		if m := regexp.MustCompile(`["'(]//[a-z]`).FindString(body); m != "" {
			t.Errorf("%s has a protocol-relative URL (%s…)", p, m)
		}
	}
	_, js := get(t, s, "/app.js")
	if !strings.Contains(js, `"/web/app.wasm?v=`) {
		t.Error(`app.js does not load "/web/app.wasm?v=…"`)
	}
}

// TestTwoServersKeepTheirOwnBase: servers are values; one built for a
// sub-path does not change the links of one at the root.
func TestTwoServersKeepTheirOwnBase(t *testing.T) {
	root := newTestServerWith(t, Config{})
	sub := newTestServerWith(t, Config{Base: "/x/y/", Export: true})
	_, page := get(t, root, "/")
	if strings.Contains(page, `/x/y/`) {
		t.Error("the root server's page links under /x/y/ after a server for /x/y/ was built")
	}
	if !regexp.MustCompile(`href="?/about[" >?]`).MatchString(page) {
		t.Error("the root server's page has no link to /about")
	}
	_, subPage := get(t, sub, "/")
	if !strings.Contains(subPage, `/x/y/about`) {
		t.Error("the sub-path server's page does not link to /x/y/about")
	}
}
