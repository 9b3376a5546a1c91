package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCountsReadTheSameInTheBrowser answers the guide in the running app
// in languages whose plurals differ (Russian's one, few and many,
// French's 0 and 1, Persian's digits): the app renders the shortlist and
// the count with the browser's own plural rules (Intl.PluralRules), the
// server with x/text's tables, and the two read the same, word for word.
func TestCountsReadTheSameInTheBrowser(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	// The live part's text and the server's page of the same address.
	const texts = `(async () => {
		const norm = s => s.replace(/\s+/g, " ").trim();
		const pick = d => ["[data-shortlist]", "#count"].map(s => { const e = d.querySelector(s); return e ? norm(e.textContent) : "(none)"; }).join(" | ");
		const html = await (await fetch(location.href)).text();
		return [pick(document), pick(new DOMParser().parseFromString(html, "text/html"))];
	})()`
	for _, lang := range []string{"ru", "fr", "fa", "en"} {
		t.Run(lang, func(t *testing.T) {
			b.run(t, "open "+lang, chromedp.Navigate(ts.URL+"/?lang="+lang+"&guide=no-phone:yes"), waitReady())
			answer := "devices:android"
			b.tap(t, `input[name="guide"][value="`+answer+`"]`)
			b.waitAcrossNavigation(t, `decodeURIComponent(location.search).includes("`+answer+`") && document.documentElement.dataset.wasm === "ready"`)
			b.run(t, "the shortlist", waitFor(`document.querySelector("[data-shortlist] [data-verdict]") !== null`))
			got, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]string](texts, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0] != got[1] {
				t.Fatalf("the app and the server read differently:\n app   %q\n server %q", got[0], got[1])
			}
			t.Logf("%s: %.300s", lang, got[0])
			if strings.Contains(got[0], "{") || strings.Contains(got[0], "#") {
				t.Errorf("a plural left unformatted: %q", got[0])
			}
		})
	}
}
