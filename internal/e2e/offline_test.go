package e2e

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOfflineReloadAndUpdate: after a first visit, with bin/serve stopped,
// a reload renders, filters and opens a fact's evidence from the service
// worker's cache; after a
// deploy of new content (bin/serve -root with a changed stylesheet, on the
// same address), the next visit runs the new version and the worker drops
// the old cache.
func TestOfflineReloadAndUpdate(t *testing.T) {
	t.Parallel()
	b := newBrowser(t, 1280, 800)
	v1 := startServe(t)
	origin := v1.URL
	watchPolicies(t, b)
	b.run(t, "first visit", chromedp.Navigate(origin+"/"), waitReady(),
		waitFor(`navigator.serviceWorker.controller !== null`))

	v1.stop()
	b.run(t, "reload offline", chromedp.Reload(), waitReady())
	if n := eval[int](t, b, count(`tr[data-app="session"]`)); n != 1 {
		t.Fatalf("offline: session rows = %d, want 1", n)
	}
	b.run(t, "click offline", chromedp.Click(chromedp.CSS(`[data-require="forward_secrecy"]`)))
	if err := chromedp.Do(b.ctx, waitFor(count(`[data-app="session"]`)+` === 0`)); err != nil {
		t.Logf("state: %s", eval[string](t, b, `location.href + " " + document.documentElement.dataset.wasm + " " + document.querySelectorAll('[data-app="session"]').length + " " + document.querySelector('[data-require="forward_secrecy"]').outerHTML`))
		b.screenshot(t, "offline-filter")
		t.Fatalf("filter offline: %v", err)
	}
	if n := eval[int](t, b, count(`[data-excluded="session"]`)); n != 1 {
		t.Errorf("offline: session in the why-not list %d times, want 1", n)
	}
	// A fact's note and sources offline: the worker cached the evidence
	// pack, which this visit had not fetched yet.
	b.run(t, "open a fact offline", chromedp.Click(chromedp.CSS(`a[data-fact="briar/forward_secrecy"]`)),
		waitFor(count(`#detail .sources a[href^="https://"]`)+` > 0`))
	b.run(t, "open another page offline", chromedp.Navigate(origin+"/about"), waitFor(`document.querySelector("main") !== null`))
	if title := eval[string](t, b, `document.title`); title == "" {
		t.Error("/about offline has no title")
	}
	// Another language offline: the worker cached every language's pack
	// with the wasm, and the app renders the page in it.
	b.run(t, "open the Persian page offline", chromedp.Navigate(origin+"/?lang=fa"), waitReady())
	if h, want := eval[string](t, b, `document.querySelector("h1").textContent`), realCatalog(t).Locale("fa").Messages["headline"]; h != want {
		t.Errorf("offline in Persian, the headline is %q, want %q", h, want)
	}

	// A view of a static page offline: the worker has /changes cached
	// without the filter; the app renders the filter at once, untouched.
	b.run(t, "open a filtered change log offline", chromedp.Navigate(origin+"/changes?apps=signal"),
		waitFor(count(`li[data-change]`)+` > 0 && `+count(`li[data-change]:not([data-app="signal"])`)+` === 0`))
	// What is not a page is not answered with one.
	b.run(t, "open the API offline", chromedp.Navigate(origin+"/api/catalog.json"))
	status := eval[int](t, b, `performance.getEntriesByType("navigation")[0].responseStatus`)
	if text := eval[string](t, b, `document.body.innerText`); status != 503 || !strings.Contains(text, "Offline") {
		t.Errorf("/api/catalog.json offline: %d %.80q, want 503 and a plain word that it is offline", status, text)
	}

	changed := copyWeb(t, func(name string, b []byte) []byte {
		if name == "app.css" {
			return append(bytes.Clone(b), []byte("\nhtml{--deploy:2}")...)
		}
		return b
	})
	v2 := startServeAt(t, v1.Addr, "-root", changed)
	newVersion := version(t, v2.URL)
	if newVersion == version(t, startServe(t).URL) {
		t.Fatal("the changed content kept the version")
	}
	b.run(t, "next visit after the deploy", chromedp.Navigate(origin+"/"), waitReady())
	if got := eval[string](t, b, `goappGetenv("GOAPP_VERSION")`); got != newVersion {
		t.Errorf("the next visit runs version %s, want the new %s", got, newVersion)
	}
	if css := eval[string](t, b, `getComputedStyle(document.documentElement).getPropertyValue("--deploy").trim()`); css != "2" {
		t.Errorf("the new stylesheet is not in use (--deploy = %q)", css)
	}
	b.run(t, "the worker moves to the new version",
		waitFor(`(caches.keys().then((k) => window.__msgcKeys = k.join(" ")), window.__msgcKeys === "app-`+newVersion+`")`))
	b.checkClean(t, origin)
}
