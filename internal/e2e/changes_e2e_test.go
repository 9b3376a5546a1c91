package e2e

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// staleFixture copies the test catalog with Alpha's facts verified in
// 2021, years past the fixture's 365-day threshold whatever today is, and
// returns its directory.
func staleFixture(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "app", "catalog", "testdata", "valid")
	dir := t.TempDir()
	err := fs.WalkDir(os.DirFS(src), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			os.MkdirAll(filepath.Join(dir, p), 0o755)
			return err
		}
		b, err := os.ReadFile(filepath.Join(src, p))
		if err != nil {
			return err
		}
		if p == "apps/alpha.json" {
			b = bytes.ReplaceAll(b, []byte(`"verified": "2026-01-02"`), []byte(`"verified": "2021-01-01"`))
		}
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// laterClock moves the page's clock three years ahead before any script
// runs: the wasm's time.Now reads Date, so the app counts facts' ages to
// that day, as it would for a reader whose copy is that old.
const laterClock = `(() => { const D = Date, shift = 3 * 365 * 86400000;
  class Later extends D { constructor(...a) { if (a.length) { super(...a); } else { super(D.now() + shift); } }
    static now() { return D.now() + shift; } }
  globalThis.Date = Later; })()`

// TestStaleFactsInTheBrowser: a fact older than the threshold is marked
// with a symbol, words and data-stale. The prerender counts to the
// server's date (bin/serve on a fixture whose Alpha was verified in
// 2021); the running app counts to the reader's clock (the real catalog,
// fresh today, seen three years later).
func TestStaleFactsInTheBrowser(t *testing.T) {
	t.Parallel()
	base := startServe(t, "-data", staleFixture(t)).URL
	nojs := newBrowser(t, 390, 844)
	if _, err := chromedp.Call(nojs.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	nojs.run(t, "open /app/alpha", chromedp.Navigate(base+"/app/alpha"))
	if n := eval[int](t, nojs, count(`[data-stale]`)); n == 0 {
		t.Error("the prerendered page marks no stale fact")
	}
	if txt := eval[string](t, nojs, `(document.querySelector(".verified.stale") || {}).textContent || ""`); !strings.Contains(txt, "⚠") || !strings.Contains(txt, "Not checked since Jan 1, 2021") {
		t.Errorf("a stale fact reads %q, want a symbol and the date", txt)
	}
	nojs.run(t, "open /app/beta", chromedp.Navigate(base+"/app/beta"))
	if n := eval[int](t, nojs, count(`[data-stale]`)); n != 0 {
		t.Errorf("beta's fresh facts: %d marked stale", n)
	}

	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: laterClock}); err != nil {
		t.Fatal(err)
	}
	b.run(t, "open /app/signal", chromedp.Navigate(ts.URL+"/app/signal"))
	if n := eval[int](t, b, count(`[data-stale]`)); n != 0 {
		t.Errorf("prerendered today, %d facts are marked stale", n)
	}
	b.run(t, "boot the app three years later", waitReady(), waitFor(count(`[data-stale]`)+` > 0`))
	if txt := eval[string](t, b, `document.querySelector(".verified.stale").textContent`); !strings.Contains(txt, "⚠") {
		t.Errorf("a stale fact reads %q, want the symbol", txt)
	}
	b.checkClean(t, ts.URL)
}

// TestChangesFilterInTheBrowser filters /changes by messenger and
// criterion with its form (the page is static: web/boot.js starts no app
// for it), with JavaScript and without; and the running app, arriving
// from another page, renders the same list.
func TestChangesFilterInTheBrowser(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	b.run(t, "open /changes", chromedp.Navigate(ts.URL+"/changes?lang=de"))
	all := eval[int](t, b, count(`[data-change]`))
	if all < 2 {
		t.Fatalf("/changes lists %d changes", all)
	}
	app := eval[string](t, b, `document.querySelector("[data-change][data-criterion]").dataset.app`)
	crit := eval[string](t, b, `document.querySelector("[data-change][data-criterion]").dataset.criterion`)
	want := eval[int](t, b, count(`[data-change][data-app="`+app+`"][data-criterion="`+crit+`"]`))
	// Both choices, then one submit: until an app runs, a changed select
	// submits its form at once (web/boot.js), so a second change would
	// race the navigation.
	b.run(t, "filter by messenger and criterion",
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { document.querySelector("#changes-app").value = %q; document.querySelector("#changes-criterion").value = %q; document.querySelector(".changes-filter").requestSubmit(); })()`, app, crit)))
	b.waitAcrossNavigation(t, `location.search.includes("criteria=`+crit+`") && document.readyState === "complete"`)
	if n, other := eval[int](t, b, count(`[data-change]`)), eval[int](t, b, count(`[data-change]:not([data-app="`+app+`"])`)); n != want || other != 0 {
		t.Errorf("after filtering by %s and %s: %d changes (%d of others), want %d", app, crit, n, other, want)
	}
	if l := eval[string](t, b, `document.querySelector(".page").lang`); l != "de" {
		t.Errorf("the filtered page is in %q, want de (the form keeps the language)", l)
	}
	b.screenshot(t, "changes-phone")
	b.run(t, "go to /changes from a running app",
		chromedp.Navigate(ts.URL+"/app/signal?lang=de"), waitReady(),
		chromedp.Click(chromedp.CSS(`nav a[href^="/changes"]`)),
		waitFor(`location.pathname === "/changes"`),
		waitFor(count(`[data-change]`)+` === `+strconv.Itoa(all)))
	// The about page is the server's (the app has no code for it): from
	// the running app, its link loads it as a document, and back returns.
	b.run(t, "go to /about from a running app", chromedp.Navigate(ts.URL+"/app/signal?lang=de"), waitReady(),
		chromedp.Click(chromedp.CSS(`nav a[href^="/about"]`)),
		waitAcrossLoads(`location.pathname === "/about" && document.querySelectorAll('[id^="def-"]').length > 10 && document.documentElement.lang === "de"`))
	if state := eval[string](t, b, `document.documentElement.dataset.wasm`); state != "idle" {
		t.Errorf("/about, loaded from the app, is %q: want the server's page, where the app never runs", state)
	}
	b.run(t, "and back", chromedp.NavigateBack(), waitAcrossLoads(`location.pathname === "/app/signal"`))
	b.checkClean(t, ts.URL)

	nojs := newBrowser(t, 390, 844)
	if _, err := chromedp.Call(nojs.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	nojs.run(t, "open /changes without JavaScript", chromedp.Navigate(ts.URL+"/changes"))
	if n := eval[int](t, nojs, count(`[data-change]`)); n != all {
		t.Errorf("without JavaScript /changes lists %d changes, with it %d", n, all)
	}
	nojs.run(t, "submit the filter", chromedp.SetValue(chromedp.CSS(`#changes-app`), app),
		chromedp.Click(chromedp.CSS(`.changes-filter button`)))
	nojs.waitAcrossNavigation(t, `location.search.includes("apps=`+app+`") && document.readyState === "complete"`)
	if n := eval[int](t, nojs, count(`[data-change]:not([data-app="`+app+`"])`)); n != 0 {
		t.Errorf("without JavaScript, the messenger filter left %d other changes", n)
	}
}
