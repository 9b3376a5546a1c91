package e2e

import (
	"math"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRightToLeftOnAPhone opens the pages in Persian at 390×844: the
// document is right to left before and after the app starts, and no page
// scrolls sideways (the matrix may scroll inside its own box).
func TestRightToLeftOnAPhone(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	for _, page := range []string{"/?lang=fa", "/?lang=fa&view=matrix&require=e2ee_default", "/app/signal?lang=fa",
		"/compare?apps=signal,briar,simplex&lang=fa", "/embed?apps=signal,briar&lang=fa", "/about?lang=fa",
		"/changes?lang=fa", "/embed/builder?lang=fa"} {
		b.run(t, "open "+page, chromedp.Navigate(ts.URL+page))
		if dir := eval[string](t, b, `document.documentElement.dir`); dir != "rtl" {
			t.Errorf("%s as prerendered: <html dir> = %q, want rtl", page, dir)
		}
		b.run(t, "start the app on "+page, waitLoaded())
		if dir := eval[string](t, b, `document.documentElement.dir + " " + document.documentElement.lang`); dir != "rtl fa" {
			t.Errorf("%s with the app running: <html dir lang> = %q, want rtl fa", page, dir)
		}
		if over := eval[float64](t, b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
			t.Errorf("%s scrolls sideways by %.0f px at 390 px; past the edges: %s", page, over, eval[string](t, b, outsideJS))
		}
	}
	b.screenshot(t, "fa-phone-embed")
	b.checkClean(t, ts.URL)
}

// TestRightToLeftMatrix: on a desktop in Persian, the filters sit on the
// right of the results, and the matrix's first column (the messengers'
// names) sticks to its right edge while the criteria scroll under it;
// the language menu leads back to a left-to-right page.
func TestRightToLeftMatrix(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	b.run(t, "open the matrix in Persian", chromedp.Navigate(ts.URL+"/?lang=fa&view=matrix&criteria=all"), waitReady())
	// The app renders the page itself once it runs, with the texts of the
	// language pack it fetched (the wasm holds only the English ones).
	fa := realCatalog(t).Locale("fa").Messages
	b.run(t, "a requirement, rendered by the app", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-require="forward_secrecy"]').click()`),
		waitFor(`location.search.includes("require=forward_secrecy")`))
	if h := eval[string](t, b, `document.querySelector("h1").textContent`); h != fa["headline"] {
		t.Errorf("the running app's headline is %q, want the Persian %q", h, fa["headline"])
	}
	if !eval[bool](t, b, `performance.getEntriesByType("resource").some(e => e.name.includes("/web/lang/fa.bin"))`) {
		t.Error("the app did not fetch the Persian pack")
	}
	if side := eval[string](t, b, `(() => {
		const c = document.querySelector(".layout > .controls").getBoundingClientRect();
		const m = document.querySelector(".matrix").closest("div").getBoundingClientRect();
		return c.left > m.left ? "right" : "left"; })()`); side != "right" {
		t.Errorf("the filters are on the %s of the results, want the right in a right-to-left page", side)
	}
	edges := `(() => {
		const box = document.querySelector(".matrix").parentElement;
		const name = document.querySelector(".matrix tbody th.app-name").getBoundingClientRect();
		const cell = document.querySelector(".matrix tbody td").getBoundingClientRect();
		return [box.getBoundingClientRect().right - name.right, cell.right, box.scrollLeft, box.scrollWidth - box.clientWidth]; })()`
	before := eval[[]float64](t, b, edges)
	if before[3] < 100 {
		t.Fatalf("the matrix with every criterion does not scroll (%v)", before)
	}
	if math.Abs(before[0]) > 2 {
		t.Errorf("the first column starts %.0f px from the matrix's right edge, want 0", before[0])
	}
	b.run(t, "scroll the criteria", chromedp.Evaluate[chromedp.Void](`document.querySelector(".matrix").parentElement.scrollBy(-400, 0)`),
		waitFor(`document.querySelector(".matrix").parentElement.scrollLeft <= -300`))
	after := eval[[]float64](t, b, edges)
	if math.Abs(after[0]) > 2 {
		t.Errorf("after scrolling, the first column is %.0f px from the right edge: it does not stick", after[0])
	}
	if after[1]-before[1] < 300 {
		t.Errorf("the cells moved %.0f px, want them to scroll under the first column", after[1]-before[1])
	}
	b.screenshot(t, "fa-desktop-matrix")
	b.run(t, "open the language menu", chromedp.Evaluate[chromedp.Void](`document.querySelector(".lang-switch").open = true`))
	b.tap(t, `.lang-switch a[hreflang="en"]`)
	// A link to another language loads that page: the app carries one language.
	b.waitAcrossNavigation(t, `document.documentElement.lang === "en" && getComputedStyle(document.documentElement).direction === "ltr" && document.readyState === "complete"`)
	b.checkClean(t, ts.URL)
}

// outsideJS lists the elements that reach past the viewport's sides.
const outsideJS = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	document.querySelectorAll("body *").forEach(e => {
		const r = e.getBoundingClientRect();
		if (r.width > 0 && (r.left < -1 || r.right > w + 1) && out.length < 8) out.push(e.tagName + "." + e.className + " " + Math.round(r.left) + ".." + Math.round(r.right));
	});
	return out.join(", "); })()`
