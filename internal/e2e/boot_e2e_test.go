package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// requested reports whether the page asked for a URL containing part.
func (b *browser) requested(part string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, u := range b.requests {
		if strings.Contains(u, part) {
			return true
		}
	}
	return false
}

// TestWidgetFetchesNothingBeforeIntent loads the widget and lets a reader
// only look at it: no wasm, no compile worker and no service worker are
// fetched and the app stays idle (docs/contract.md §6), while the widget
// has its content; a focus inside it then starts the app.
func TestWidgetFetchesNothingBeforeIntent(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	b.run(t, "open the widget", chromedp.Navigate(ts.URL+"/embed?apps=signal,briar,simplex"), chromedp.Sleep(2*time.Second))
	if got := eval[string](t, b, `document.documentElement.dataset.wasm`); got != "idle" {
		t.Errorf("before any intent the app is %q, want idle", got)
	}
	for _, part := range []string{"app.wasm", "boot-worker.js", "app-worker.js"} {
		if b.requested(part) {
			t.Errorf("%s was fetched before the reader did anything", part)
		}
	}
	if n := eval[int](t, b, count(`tbody tr[data-app]`)); n != 3 {
		t.Errorf("the idle widget shows %d rows, want 3", n)
	}
	b.run(t, "focus inside the widget", chromedp.Evaluate[chromedp.Void](`dispatchEvent(new FocusEvent("focusin"))`),
		chromedp.Poll[chromedp.Void](`document.documentElement.dataset.wasm === "ready"`, chromedp.WithPollingTimeout(45*time.Second)))
	if !eval[bool](t, b, `performance.getEntriesByName("msgcompare:compiled").length === 1`) {
		t.Error("the app became ready without compiling the wasm after the intent")
	}
	b.checkClean(t, ts.URL)
}

// TestTapBeforeTheAppRunsIsNotLost taps a requirement on a page whose app
// has not started: the checkbox shows its new state at once, the form
// carries the tap to the server's filtered page, and the app, once it
// runs, keeps that state.
func TestTapBeforeTheAppRunsIsNotLost(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	cat := realCatalog(t)
	b := newBrowser(t, 1280, 800)
	b.run(t, "open /", chromedp.Navigate(ts.URL+"/"), waitFor(`document.readyState === "complete"`))
	sel := `input[data-require="forward_secrecy"]`
	b.tap(t, sel)
	b.waitAcrossNavigation(t, `location.search.includes("require=forward_secrecy") && document.readyState === "complete"`)
	if !eval[bool](t, b, `document.querySelector('input[data-require="forward_secrecy"]').checked`) {
		t.Error("after the tap the requirement is not checked")
	}
	want := expectedOrder(cat, "require=forward_secrecy")
	if got := eval[string](t, b, rowOrder); got != want {
		t.Errorf("rows after a tap before boot = %s, want %s", got, want)
	}
	b.run(t, "start the app", waitReady())
	if got := eval[string](t, b, rowOrder); got != want {
		t.Errorf("rows once the app runs = %s, want %s", got, want)
	}
	// The form sent every messenger and criterion checkbox; the app's
	// permalink says the same view without those lists.
	b.run(t, "tap a second requirement in the app", chromedp.Click(chromedp.CSS(`input[data-require="e2ee_default"]`)),
		waitFor(`(new URLSearchParams(location.search).get("require") || "").includes("e2ee_default")`))
	if got := eval[string](t, b, `location.search`); strings.Contains(got, "apps=") || strings.Contains(got, "criteria=") {
		t.Errorf("the permalink after the form is %s, want it without the form's default lists", got)
	}
	b.checkClean(t, ts.URL)
}

// TestPageWorksWhenTheAppCannotLoad serves a wasm the browser cannot
// compile (as a broken download, or a policy without wasm-unsafe-eval,
// would leave it): the intent leaves a quiet notice, never a broken page,
// and the controls still filter.
func TestPageWorksWhenTheAppCannotLoad(t *testing.T) {
	t.Parallel()
	broken := copyWeb(t, func(name string, b []byte) []byte {
		if name == "app.wasm" {
			return []byte("this is not WebAssembly")
		}
		return b
	})
	os.Remove(filepath.Join(broken, "web", "app.wasm.br"))
	ts := startServe(t, "-root", broken)
	cat := realCatalog(t)
	b := newBrowser(t, 1280, 800)
	b.run(t, "open / and act", chromedp.Navigate(ts.URL+"/"), waitFor(`document.readyState === "complete"`),
		chromedp.Evaluate[chromedp.Void](`dispatchEvent(new Event("pointerdown"))`),
		waitFor(`document.documentElement.dataset.wasm === "failed"`))
	if !eval[bool](t, b, `(() => { const n = document.getElementById("boot-failed"); return !!n && !n.hidden && n.getBoundingClientRect().height > 0; })()`) {
		t.Error("no visible notice after the app failed to load")
	}
	b.tap(t, `input[data-require="forward_secrecy"]`)
	b.waitAcrossNavigation(t, `location.search.includes("require=forward_secrecy") && document.readyState === "complete"`)
	if got, want := eval[string](t, b, rowOrder), expectedOrder(cat, "require=forward_secrecy"); got != want {
		t.Errorf("rows without the app = %s, want %s", got, want)
	}
}

// TestPageWorksWhenItsLanguageCannotLoad blocks the Persian texts' pack
// (the wasm holds the English ones only): the app does not start in
// another language than the page's, the Persian page stays and works as
// forms, with the notice, in Persian.
func TestPageWorksWhenItsLanguageCannotLoad(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	cat := realCatalog(t)
	b := newBrowser(t, 1280, 800)
	block := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, network.SetBlockedURLs, network.SetBlockedURLsParams{
			URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/web/lang/*", Block: true}}})
		return chromedp.Void{}, err
	}
	b.run(t, "open the Persian page without its pack, and act", block, chromedp.Navigate(ts.URL+"/?lang=fa"),
		waitFor(`document.readyState === "complete"`),
		chromedp.Evaluate[chromedp.Void](`dispatchEvent(new Event("pointerdown"))`),
		waitFor(`document.documentElement.dataset.wasm === "failed"`))
	notice := eval[string](t, b, `(() => { const n = document.getElementById("boot-failed"); return n && !n.hidden && n.getBoundingClientRect().height > 0 ? n.textContent : ""; })()`)
	if want := cat.Locale("fa").Messages["boot_failed"]; notice != want || want == "" {
		t.Errorf("notice %q, want the Persian %q", notice, want)
	}
	b.tap(t, `input[data-require="forward_secrecy"]`)
	b.waitAcrossNavigation(t, `location.search.includes("require=forward_secrecy") && document.readyState === "complete"`)
	if got, want := eval[string](t, b, rowOrder), expectedOrder(cat, "lang=fa&require=forward_secrecy"); got != want {
		t.Errorf("rows without the app = %s, want %s", got, want)
	}
	if lang := eval[string](t, b, `document.documentElement.lang`); lang != "fa" {
		t.Errorf("the page after the form is in %q, want fa", lang)
	}
}

// TestBackToAPageLeftByAFormStartsTheApp taps a requirement before the app
// runs (its form loads the filtered page), goes back, and moves the focus
// onto a control with the keyboard: the page the browser shows again, from
// its back-forward cache or loaded anew, is not being left any more, so
// the app starts (from the tap's pending intent, or from that focus).
func TestBackToAPageLeftByAFormStartsTheApp(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	b.run(t, "open /", chromedp.Navigate(ts.URL+"/"), waitFor(`document.readyState === "complete"`),
		chromedp.Evaluate[chromedp.Void](`addEventListener("pageshow", (e) => { window.restored = e.persisted; })`))
	b.tap(t, `input[data-require="forward_secrecy"]`)
	b.waitAcrossNavigation(t, `location.search.includes("require=forward_secrecy") && document.readyState === "complete"`)
	b.run(t, "go back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	b.waitAcrossNavigation(t, `!location.search.includes("require=forward_secrecy") && document.readyState === "complete"`)
	t.Logf("restored from the back-forward cache: %v", eval[bool](t, b, `window.restored === true`))
	if got := eval[string](t, b, `document.documentElement.dataset.wasm`); got == "failed" {
		t.Fatalf("back on the page, the app is %q", got)
	}
	b.run(t, "focus a control with the keyboard", chromedp.KeyEvent(kb.Tab))
	// chromedp's Poll keeps the execution context of the page as it was
	// before it left, which the restored page does not answer: evaluate.
	b.waitAcrossNavigation(t, `document.documentElement.dataset.wasm === "ready"`)
	b.checkClean(t, ts.URL)
}
