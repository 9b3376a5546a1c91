package e2e

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"msgcompare/internal/server"
)

// TestUnknownPathsAre404WithLinksToEveryMessenger asks bin/serve, and
// nginx serving the export, for paths that are no page: each answers 404
// with the helpful page that links to every messenger, twice (a 404 is
// never cached as a page), and a real messenger's page still answers 200.
func TestUnknownPathsAre404WithLinksToEveryMessenger(t *testing.T) {
	t.Parallel()
	cat := realCatalog(t)
	live := startServe(t)
	origins := map[string]string{"bin/serve": live.URL}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil || os.Getenv("CI") == "true" {
		origins["nginx"] = startStatic(t, "nginx", sharedExportTo(t, ""), "").url
	}
	for name, origin := range origins {
		for _, p := range []string{"/app/doesnotexist", "/app/doesnotexist", "/nope", "/app/signal/x", "/embed/nope"} {
			res, body := fetch(t, origin+p)
			if res.StatusCode != 404 {
				t.Errorf("%s: GET %s = %d, want 404", name, p, res.StatusCode)
				continue
			}
			for _, a := range cat.Apps {
				if !regexp.MustCompile(`href="?/app/` + a.ID + `[" >?]`).MatchString(body) {
					t.Errorf("%s: the 404 page of %s has no link to /app/%s", name, p, a.ID)
					break
				}
			}
		}
		if res, _ := fetch(t, origin+"/app/signal"); res.StatusCode != 200 {
			t.Errorf("%s: GET /app/signal = %d", name, res.StatusCode)
		}
	}
}

// TestNginxSendsTheServersHeaders compares, path by path, the headers of
// bin/serve with those of nginx serving the export with docs/nginx.conf:
// the privacy and security headers, CORS, caching (also for a ?v= that
// is not the file's: a rollback must not pin a wrong file for a year) and
// media types must be the same, and so must the language a reader's
// Accept-Language picks. nginx also serves the operator's /.well-known/
// files, which a re-export keeps.
func TestNginxSendsTheServersHeaders(t *testing.T) {
	t.Parallel()
	live := startServe(t)
	root := exportTo(t, "")
	acme := filepath.Join(root, ".well-known", "acme-challenge", "token-1")
	os.MkdirAll(filepath.Dir(acme), 0o755)
	os.WriteFile(acme, []byte("token-1.key"), 0o644)
	runServe(t, "-export", root) // the operator's file survives a new export
	ngx := startStatic(t, "nginx", root, "")
	_, appJS := fetch(t, live.URL+"/app.js")
	wasm := regexp.MustCompile(`/web/app\.wasm\?v=[0-9a-f]+`).FindString(appJS)
	_, page := fetch(t, live.URL+"/?lang=fa")
	css := regexp.MustCompile(`/web/app\.css\?v=[0-9a-f]+`).FindString(page)
	pack := regexp.MustCompile(`/web/lang/fa\.bin\?v=[0-9a-f]+`).FindString(page + appJS)
	if wasm == "" || css == "" {
		t.Fatalf("no versioned wasm (%q) or stylesheet (%q)", wasm, css)
	}
	paths := []string{"/", "/about", "/app/signal", "/compare", "/embed", "/embed/builder", wasm, "/web/app.wasm", css,
		"/web/app.wasm?v=0123456789abcdef", "/web/app.css?v=0123456789abcdef", css + "0", "/web/app.css?v=", "/web/app.css?v=../../x",
		"/web/icon.svg", "/web/icon.svg?v=0123456789abcdef", "/web/lang/fa.bin?v=0123456789abcdef", "/web/evidence.bin",
		"/app.js", "/app-worker.js", "/embed.js", "/manifest.webmanifest", "/api/catalog.json",
		"/api/catalog.csv", "/api/catalog.schema.json", "/changes.atom", "/robots.txt", "/nope", "/app/doesnotexist",
		"/.well-known/acme-challenge/nope", "/.msgcompare-export", "/web/.app.css"}
	if pack != "" {
		paths = append(paths, pack)
	}
	names := append(server.PolicyHeaders(), "Cache-Control", "Content-Type", "Content-Encoding")
	for _, p := range paths {
		want, _ := fetch(t, live.URL+p, "Accept-Encoding: br, gzip")
		got, _ := fetch(t, ngx.url+p, "Accept-Encoding: br, gzip")
		if got.StatusCode != want.StatusCode {
			t.Errorf("%s: nginx %d, bin/serve %d", p, got.StatusCode, want.StatusCode)
		}
		for _, h := range names {
			if g, w := got.Header.Get(h), want.Header.Get(h); g != w {
				t.Errorf("%s: nginx sends %s %q, bin/serve %q", p, h, g, w)
			}
		}
	}
	if res, body := fetch(t, ngx.url+"/.well-known/acme-challenge/token-1"); res.StatusCode != 200 || body != "token-1.key" {
		t.Errorf("nginx: the ACME challenge = %d %q, want 200 token-1.key", res.StatusCode, body)
	}

	htmlLang := regexp.MustCompile(`<html[^>]*\blang="?([A-Za-z-]+)`)
	for _, accept := range []string{"de;q=0, fr", "de;Q=0.1", "DE;Q=0.1, en;q=0.05", "de;level=1;q=0.4, fa;q=0.3",
		"it, de;q=0.8", "en;q=0, ru", "de;q=0.000, es", "de;q=1.001, es", "de;q=abc, fa;q=0.1", "de;q=0.1234, fa;q=0.1",
		"es;q=0", "x-pig, ru-RU", " , pt", "zh-TW, zh;q=0.5", "zh-TW,en;q=0.1", "en-US,en;q=0.9,de;q=0.8",
		"fa-IR,fa;q=0.9,en-US;q=0.8,en;q=0.7", "de-1996-AT;q=0.9", "*"} {
		_, want := fetch(t, live.URL+"/about", "Accept-Language: "+accept)
		_, got := fetch(t, ngx.url+"/about", "Accept-Language: "+accept)
		w, g := htmlLang.FindStringSubmatch(want), htmlLang.FindStringSubmatch(got)
		if w == nil || g == nil || w[1] != g[1] {
			t.Errorf("Accept-Language %q: nginx answers %v, bin/serve %v", accept, g, w)
		}
	}
}

// TestSandboxedWidgetFromNginx embeds the widget of the export, served by
// nginx, in a strict page of another site, in an iframe with
// sandbox="allow-scripts": its origin is "null", so its wasm fetch is
// cross-origin. It must boot, size its iframe and filter.
func TestSandboxedWidgetFromNginx(t *testing.T) {
	t.Parallel()
	b := newBrowser(t, 1280, 900)
	ngx := startStatic(t, "nginx", sharedExportTo(t, ""), "")
	host := hostPage(t, ngx.url, `sandbox="allow-scripts"`, 1)
	b.run(t, "open the host page", chromedp.Navigate(crossSite(host.URL)+"/"),
		waitFor(frameHeight("w1")+" > 150"), wakeFrame("w1"),
		waitFor(`document.getElementById("w1").hasAttribute("data-msgcompare-ready")`))
	before := eval[float64](t, b, frameHeight("w1"))
	fx := eval[float64](t, b, `document.getElementById("w1").getBoundingClientRect().x`)
	fy := eval[float64](t, b, `document.getElementById("w1").getBoundingClientRect().y`)
	ctl := startServe(t) // where the control sits in a widget that wide
	b2 := newBrowser(t, 1264, 900)
	b2.run(t, "measure the widget alone", chromedp.Navigate(ctl.URL+widgetQuery), waitReady())
	sx := eval[float64](t, b2, `document.querySelector('#filters-part > summary').getBoundingClientRect().x + 20`)
	sy := eval[float64](t, b2, `(() => { const r = document.querySelector('#filters-part > summary').getBoundingClientRect(); return r.y + r.height/2; })()`)
	b2.run(t, "open its requirements", chromedp.Evaluate[chromedp.Void](`document.getElementById("filters-part").open = true`))
	x := eval[float64](t, b2, `(() => { const r = document.querySelector('[data-require="forward_secrecy"]').getBoundingClientRect(); return r.x + r.width/2; })()`)
	y := eval[float64](t, b2, `(() => { const r = document.querySelector('[data-require="forward_secrecy"]').getBoundingClientRect(); return r.y + r.height/2; })()`)
	b.run(t, "open the requirements inside the widget", chromedp.MouseClickXY(fx+sx, fy+sy),
		waitFor(fmt.Sprintf("%s !== %v", frameHeight("w1"), before)))
	before = eval[float64](t, b, frameHeight("w1"))
	b.run(t, "require forward secrecy inside the widget", chromedp.MouseClickXY(fx+x, fy+y),
		waitFor(fmt.Sprintf("%s !== %v", frameHeight("w1"), before)))
	b.checkClean(t, ngx.url, crossSite(host.URL))
}

// listFiles lists every file under dir, relative, sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// dropText removes one key from a language's texts file.
func dropText(t *testing.T, name, key string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var texts map[string]string
	if err := json.Unmarshal(b, &texts); err != nil {
		t.Fatal(err)
	}
	delete(texts, key)
	if b, err = json.Marshal(texts); err == nil {
		err = os.WriteFile(name, b, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestReExportHoldsExactlyTheCurrentSite exports the real catalog, then
// exports into the same folder a catalog without one messenger: the
// folder must hold exactly what a fresh export of that catalog holds (no
// stale page, .br or .gz of the messenger that left). A folder that is not
// an export is refused and left alone.
func TestReExportHoldsExactlyTheCurrentSite(t *testing.T) {
	t.Parallel()
	dir := exportSite(t)
	if _, err := os.Stat(filepath.Join(dir, "app", "wickr", "index.html.br")); err != nil {
		t.Fatalf("the first export lacks wickr's page: %v", err)
	}
	fewer := t.TempDir()
	os.CopyFS(fewer, os.DirFS(filepath.Join(repoRoot, "data")))
	// A maintainer removes the messenger's file and its summary in every
	// language (a text English no longer has fails validation).
	os.Remove(filepath.Join(fewer, "apps", "wickr.json"))
	langs, _ := filepath.Glob(filepath.Join(fewer, "locales", "*", "catalog.json"))
	for _, f := range langs {
		dropText(t, f, "app.wickr.summary")
	}
	for _, f := range []string{"data.go", "data_test.go"} {
		os.Remove(filepath.Join(fewer, f))
	}
	runServe(t, "-export", dir, "-data", fewer)
	fresh := exportSite(t, "-data", fewer)
	if got, want := strings.Join(listFiles(t, dir), "\n"), strings.Join(listFiles(t, fresh), "\n"); got != want {
		t.Errorf("the re-export holds\n%s\n\na fresh export\n%s", got, want)
	}

	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	out, err := serveCmd(t, "-export", foreign)
	if err == nil || !strings.Contains(out, "not a previous export") {
		t.Errorf("export into a folder of other files: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(filepath.Join(foreign, "notes.txt")); string(b) != "mine" {
		t.Error("the folder's own file was touched")
	}
}

// TestSnippetShowsThePublicURL: the builder's snippet, prerendered by
// bin/serve -public-url and in the export, points at the public URL, and
// never at the request's Host.
func TestSnippetShowsThePublicURL(t *testing.T) {
	t.Parallel()
	live := startServe(t, "-public-url", "https://example.org/")
	_, body := fetch(t, live.URL+"/embed/builder?apps=signal,briar", "Host: evil.example")
	if !strings.Contains(body, "https://example.org/embed?") || !strings.Contains(body, "https://example.org/embed.js") {
		t.Errorf("bin/serve -public-url: the snippet does not point at https://example.org/")
	}
	if strings.Contains(body, "evil.example") {
		t.Error("the Host header is in the page")
	}
	dir := exportSite(t, "-base", "/tools/msgcompare/", "-public-url", "https://example.org/tools/msgcompare/")
	page, err := os.ReadFile(filepath.Join(dir, "embed", "builder", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "https://example.org/tools/msgcompare/embed") {
		t.Error("the export's snippet does not point at the public URL")
	}
	if strings.Contains(string(page), "localhost") {
		t.Error("the export's builder names localhost")
	}
}

// TestExportInEveryLanguageOnNginx: the export holds every page in every
// language, and nginx with docs/nginx.conf serves each for ?lang= as
// bin/serve would (any case, pt for pt-BR), and for a reader's first
// Accept-Language when the address names none.
func TestExportInEveryLanguageOnNginx(t *testing.T) {
	t.Parallel()
	ngx := startStatic(t, "nginx", sharedExportTo(t, ""), "")
	htmlTag := regexp.MustCompile(`<html[^>]*>`)
	check := func(path, accept, want string) {
		t.Helper()
		var headers []string
		if accept != "" {
			headers = append(headers, "Accept-Language: "+accept)
		}
		res, body := fetch(t, ngx.url+path, headers...)
		tag := htmlTag.FindString(body)
		if res.StatusCode != 200 || !strings.Contains(tag, `lang="`+want+`"`) && !strings.Contains(tag, "lang="+want+">") && !strings.Contains(tag, "lang="+want+" ") {
			t.Errorf("GET %s (Accept-Language %q) = %d %s, want a page in %s", path, accept, res.StatusCode, tag, want)
		}
		if rtl := strings.Contains(tag, "rtl"); rtl != (want == "fa") {
			t.Errorf("GET %s: %s, right to left: %v", path, tag, rtl)
		}
	}
	for _, lang := range realCatalog(t).Langs() {
		for _, p := range []string{"/", "/about", "/app/signal", "/embed", "/changes"} {
			check(p+"?lang="+lang, "", lang)
		}
	}
	check("/compare?apps=signal,briar&lang=PT", "", "pt-BR")
	check("/?lang=zh-cn", "", "zh-Hans")
	check("/", "zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans")
	check("/about/", "fa-IR,fa;q=0.9", "fa")
	check("/", "zh-TW", "en")
	check("/?lang=en", "ru", "en")
	check("/", "", "en")
}
