package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The wasm carries the facts' values and dates; their notes and sources
// are the evidence pack (/web/evidence.bin), which the app fetches when a
// page first shows a fact's evidence.

// sawPending records, from before the app starts, whether a fact's body
// ever said that its evidence was still loading.
const sawPending = `window.sawPending = false; new MutationObserver(() => { if (document.querySelector(".fact-body .pending")) window.sawPending = true; })` +
	`.observe(document.documentElement, { subtree: true, childList: true })`

// TestEvidenceComesWhenAFactOpens: the widget starts its app without the
// evidence pack, and fetches it only when a reader opens a fact, whose
// sources then show.
func TestEvidenceComesWhenAFactOpens(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	b.run(t, "open the widget and start the app", chromedp.Navigate(ts.URL+"/embed?apps=signal,briar"), waitReady(),
		chromedp.Sleep(2500*time.Millisecond)) // past the browser's idle time
	if b.requested("evidence.bin") {
		t.Error("the widget fetched the evidence pack before a fact was opened")
	}
	b.run(t, "open a fact", chromedp.Click(chromedp.CSS(`a[data-fact="briar/forward_secrecy"]`)),
		waitFor(count(`#detail .sources a[href^="https://"]`)+` > 0 && `+count(`#detail .note`)+` === 1`))
	if !b.requested("evidence.bin") {
		t.Error("the fact's sources showed without the evidence pack")
	}
	if n := eval[int](t, b, count(`.pending`)); n != 0 {
		t.Errorf("%d facts still say their evidence is loading", n)
	}
	b.checkClean(t, ts.URL)
}

// TestEvidenceIsReadyForTheNextPage: the comparison loads the evidence
// pack once the browser is idle after the app started, so that a
// messenger's page reached from it shows every fact's sources at once.
func TestEvidenceIsReadyForTheNextPage(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	b.run(t, "open / and start the app", chromedp.Navigate(ts.URL+"/"), waitReady(),
		waitFor(`performance.getEntriesByType("resource").some((e) => e.name.includes("/web/evidence.bin") && e.responseEnd > 0)`),
		chromedp.Sleep(200*time.Millisecond), chromedp.Evaluate[chromedp.Void](sawPending))
	b.run(t, "go to a messenger's page inside the app", chromedp.Click(chromedp.CSS(`tbody tr[data-app="signal"] th a`)),
		waitFor(`location.pathname === "/app/signal" && `+count(`.fact-body .sources a`)+` > 40`))
	if eval[bool](t, b, `window.sawPending`) || eval[int](t, b, count(`.pending`)) != 0 {
		t.Error("the messenger's page said its evidence was loading, after the comparison had loaded it")
	}
	b.checkClean(t, ts.URL)
}

// TestEvidencePagesRenderItAtOnce: a messenger's page and the side-by-side
// table are prerendered with their evidence, and the app's first render
// has it too (the loader fetched the pack with the wasm): no fact ever
// says it is loading.
func TestEvidencePagesRenderItAtOnce(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	for _, path := range []string{"/app/signal", "/compare?apps=signal,briar"} {
		b := newBrowser(t, 1280, 800)
		b.run(t, "open "+path, chromedp.Navigate(ts.URL+path), waitFor(`document.readyState === "complete"`))
		before := eval[int](t, b, count(`.fact-body .sources a`))
		b.run(t, "start the app on "+path, chromedp.Evaluate[chromedp.Void](sawPending), waitReady())
		if eval[bool](t, b, `window.sawPending`) {
			t.Errorf("%s: a fact said its evidence was loading after the app started", path)
		}
		if after := eval[int](t, b, count(`.fact-body .sources a`)); after != before || before == 0 {
			t.Errorf("%s: %d source links once the app runs, %d prerendered", path, after, before)
		}
		b.checkClean(t, ts.URL)
	}
}

// TestEvidenceThatCannotLoadSaysSo blocks the evidence pack: an opened
// fact still shows its value and date, and says that its note and sources
// did not load; once the pack can load again, opening a fact shows them.
func TestEvidenceThatCannotLoadSaysSo(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	cat := realCatalog(t)
	b := newBrowser(t, 1280, 800)
	blocked := func(patterns ...string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			ps := []*network.BlockPattern{}
			for _, p := range patterns {
				ps = append(ps, &network.BlockPattern{URLPattern: p, Block: true})
			}
			_, err := cdp.Call(ctx, tg, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: ps})
			return chromedp.Void{}, err
		}
	}
	cell := `a[data-fact="briar/forward_secrecy"]`
	b.run(t, "open / without the evidence pack, and open a fact", blocked("*://*:*/web/evidence.bin*"),
		chromedp.Navigate(ts.URL+"/"), waitReady(), chromedp.Click(chromedp.CSS(cell)),
		waitFor(fmt.Sprintf(`(document.querySelector("#detail .pending") || {}).textContent === %q`, cat.Locale("en").Messages["evidence_failed"])))
	if n := eval[int](t, b, count(`#detail .sources`)+` + `+count(`#detail .note`)); n != 0 {
		t.Errorf("without its evidence, the fact shows %d notes or source lists", n)
	}
	if !eval[bool](t, b, `document.querySelector("#detail .verified") !== null && document.querySelector("#detail .value") !== null`) {
		t.Error("without its evidence, the fact does not show its value and date")
	}
	b.run(t, "let the pack load, and open the fact again", blocked(), chromedp.KeyEvent("\x1b"),
		waitFor(count(`#detail`)+` === 0`), chromedp.Click(chromedp.CSS(cell)),
		waitFor(count(`#detail .sources a[href^="https://"]`)+` > 0 && `+count(`#detail .pending`)+` === 0`))
}

// TestEvidenceTheSiteRefusesSaysReload: when the site answers the pack
// with an error (a deploy replaced it, a proxy refuses it), an opened fact
// says to reload the page, not to check the connection.
func TestEvidenceTheSiteRefusesSaysReload(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	target, _ := url.Parse(ts.URL)
	proxy := httputil.NewSingleHostReverseProxy(target)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/web/evidence.bin") {
			http.Error(w, "gone", http.StatusNotFound)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(site.Close)
	msgs := realCatalog(t).Locale("en").Messages
	b := newBrowser(t, 1280, 800)
	b.run(t, "open / on a site that refuses the evidence pack, and open a fact", chromedp.Navigate(site.URL+"/"), waitReady(),
		chromedp.Click(chromedp.CSS(`a[data-fact="briar/forward_secrecy"]`)),
		waitFor(fmt.Sprintf(`(document.querySelector("#detail .pending") || {}).textContent === %q`, msgs["evidence_refused"])))
	if msgs["evidence_refused"] == msgs["evidence_failed"] {
		t.Error("a refusal and a lost connection say the same")
	}
}
