package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestExportWritesACompleteMinifiedSite(t *testing.T) {
	t.Parallel()
	root := sharedExportTo(t, "/x/msgcompare")
	site := filepath.Join(root, "x", "msgcompare")
	for _, f := range []string{"index.html", "about/index.html", "app/signal/index.html", "app.js", "app-worker.js",
		"wasm_exec.js", "app.css", "manifest.webmanifest", "web/app.css", "web/app.wasm", "web/icon-192.png",
		"web/icon-maskable-512.png", "web/storage-guard.js", "embed.js", "api/catalog.json", "api/catalog.schema.json",
		"api/catalog.csv", "robots.txt", "404.html", "404.html.br", "index.html.br", "index.html.gz", "web/app.wasm.br", "web/app.wasm.gz", "app.js.br"} {
		if _, err := os.Stat(filepath.Join(site, f)); err != nil {
			t.Errorf("the export lacks %s", f)
		}
	}
	index, _ := os.ReadFile(filepath.Join(site, "index.html"))
	for _, want := range []string{`href="/x/msgcompare/web/app.css?v=`, `src="/x/msgcompare/app.js"`, `href="/x/msgcompare/manifest.webmanifest"`, `href="/x/msgcompare/about"`} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Contains(string(index), "\n  ") {
		t.Error("index.html is not minified")
	}
	worker, _ := os.ReadFile(filepath.Join(site, "app-worker.js"))
	for _, want := range []string{`"/x/msgcompare/"`, `"/x/msgcompare/about/"`, `/x/msgcompare/web/app.wasm?v=`} {
		if !strings.Contains(string(worker), want) {
			t.Errorf("the worker does not cache %s", want)
		}
	}
	man, _ := os.ReadFile(filepath.Join(site, "manifest.webmanifest"))
	if !strings.Contains(string(man), `"start_url":"/x/msgcompare/"`) || !strings.Contains(string(man), `"scope":"/x/msgcompare/"`) {
		t.Errorf("manifest start_url/scope not under the sub-path: %s", man)
	}
}

// TestExportOnStaticHosts serves the export, written by the README's
// commands (`bin/serve -export DIR`, default base, and with -base), from
// python3 -m http.server and from nginx with docs/nginx.conf, at the root
// and under a sub-path: the app boots online (its wasm loads, a fact opens
// with its sources), the service worker takes control, then, with the host stopped, the app boots again
// from the worker's cache and applies a filter from the URL.
func TestExportOnStaticHosts(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	dirs := map[string]string{"": sharedExportTo(t, ""), "/x/msgcompare": sharedExportTo(t, "/x/msgcompare")}
	for _, host := range []string{"python", "nginx"} {
		for _, prefix := range []string{"", "/x/msgcompare"} {
			name := host + " at " + prefix + "/"
			t.Run(name+" boots online and offline", func(t *testing.T) {
				t.Parallel()
				h := startStatic(t, host, dirs[prefix], prefix)
				base := h.url + prefix
				b := newBrowser(t, 1280, 800)
				if host == "nginx" {
					watchPolicies(t, b) // python sends no headers
				}
				b.run(t, "load "+base+"/", chromedp.Navigate(base+"/"), waitReady())
				if n := eval[int](t, b, count(`tr[data-app]`)); n < 10 {
					t.Errorf("the matrix shows %d messengers, want all", n)
				}
				// The facts' sources come from the evidence pack, under the prefix.
				b.run(t, "open a fact", chromedp.Click(chromedp.CSS(`a[data-fact="briar/forward_secrecy"]`)),
					waitFor(count(`#detail .sources a[href^="https://"]`)+` > 0`))
				b.run(t, "wait for the service worker", waitFor(`navigator.serviceWorker.controller !== null`))
				b.screenshot(t, "export-"+host+strings.ReplaceAll(prefix, "/", "-"))
				h.stop()
				b.run(t, "load offline", chromedp.Navigate(base+"/?require=forward_secrecy"), waitReady())
				if n := eval[int](t, b, count(`[data-excluded="session"]`)); n != 1 {
					t.Errorf("offline with require=forward_secrecy: session in the why-not list %d times, want 1", n)
				}
				if n := eval[int](t, b, count(`tr[data-app="signal"]`)); n != 1 {
					t.Errorf("offline: signal rows = %d, want 1", n)
				}
				b.checkClean(t, h.url)
			})
		}
	}
}
