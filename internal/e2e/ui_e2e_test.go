package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// viewports are the reader's phone and desktop.
var viewports = []struct {
	name          string
	width, height int
}{{"phone", 390, 844}, {"desktop", 1280, 800}}

// rowOrder returns the data-app ids of the matrix rows, top to bottom.
const rowOrder = `[...document.querySelectorAll('tbody tr[data-app]')].map(r => r.dataset.app).join(",")`

// expectedOrder is what compare.Apply keeps for the query, in order.
func expectedOrder(cat *catalog.Catalog, raw string) string {
	q, _ := compare.Decode(raw, cat)
	var ids []string
	for _, r := range compare.Apply(cat, q).Kept {
		ids = append(ids, r.App.ID)
	}
	return strings.Join(ids, ",")
}

// changeSelect picks value in a select as a reader would, firing change.
func changeSelect(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, sel, value))
}

// changeSelectAndLoad is changeSelect on a page without the app, where
// the change submits the form: the change happens after the call returns,
// so that the page it loads does not cut the call off.
func changeSelectAndLoad(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`setTimeout(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); }, 0)`, sel, value))
}

// TestComparisonInteractions walks through every interaction of the main
// page, the messenger page, side by side and about, on a phone and on a
// desktop, checking the DOM against what the compare package computes.
func TestComparisonInteractions(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	cat := realCatalog(t)
	for _, vp := range viewports {
		t.Run("on a "+vp.name, func(t *testing.T) {
			b := newBrowser(t, vp.width, vp.height)
			openPlain := func(t *testing.T, path string) {
				t.Helper()
				b.run(t, "open "+path, chromedp.Navigate(ts.URL+path), waitLoaded())
			}
			// open opens a page with its filters at hand: on a phone they
			// are a panel that filters=1 opens.
			open := func(t *testing.T, path string) {
				t.Helper()
				if vp.name == "phone" && (path == "/" || strings.HasPrefix(path, "/?")) {
					path = withParams(path, "filters=1")
				}
				openPlain(t, path)
			}

			t.Run("a preset leaves out the messengers that fail it, with reasons", func(t *testing.T) {
				open(t, "/")
				visibleScores := `[...document.querySelectorAll('#matrix .score')].filter(e => e.getClientRects().length > 0).length`
				if n := eval[int](t, b, visibleScores); n != 0 {
					t.Errorf("%d score bars show without any requirement", n)
				}
				b.run(t, "click the no-phone preset",
					chromedp.Click(chromedp.CSS(`a.preset[href*="preset=no-phone"]`)),
					waitFor(count(`tr[data-app="signal"]`)+` === 0`))
				if n := eval[int](t, b, count(`[data-excluded="signal"]`)); n != 1 {
					t.Errorf("signal in why-not = %d, want 1", n)
				}
				if got, want := eval[string](t, b, rowOrder), expectedOrder(cat, "preset=no-phone"); got != want {
					t.Errorf("rows %s, want %s", got, want)
				}
				if got, want := eval[int](t, b, visibleScores), eval[int](t, b, count(`tbody tr[data-app]`)); got != want {
					t.Errorf("%d score bars for %d kept messengers", got, want)
				}
				b.run(t, "wait for the permalink", waitFor(`location.search.includes("preset=no-phone")`))
			})

			t.Run("search filters by name and value as one types", func(t *testing.T) {
				open(t, "/")
				b.run(t, "type Tor", chromedp.SendKeys(chromedp.CSS(`#q`), "Tor"),
					waitFor(fmt.Sprintf(`%s === %q`, rowOrder, expectedOrder(cat, "q=Tor"))))
				b.run(t, "wait for the permalink", waitFor(`location.search.includes("q=Tor")`))
			})

			t.Run("sort by a criterion, descending", func(t *testing.T) {
				open(t, "/")
				b.run(t, "sort by first release", changeSelect("#sort", "-first_release"),
					waitFor(fmt.Sprintf(`%s === %q`, rowOrder, expectedOrder(cat, "sort=-first_release"))))
			})

			t.Run("the card layout shows each messenger as a card", func(t *testing.T) {
				open(t, "/")
				b.run(t, "choose cards", changeSelect("#view", "cards"), waitFor(count(`.view-cards`)+` === 1`))
				if d := eval[string](t, b, `getComputedStyle(document.querySelector('tbody tr[data-app]')).display`); d != "grid" {
					t.Errorf("card display = %s, want grid", d)
				}
			})

			t.Run("differences only hides criteria the shown messengers share", func(t *testing.T) {
				open(t, "/?apps=signal,molly")
				b.run(t, "tick differences only", chromedp.Click(chromedp.CSS(`#diff`)), waitFor(`location.search.includes("diff=1")`))
				q, _ := compare.Decode("apps=signal,molly&diff=1", cat)
				want := len(compare.Apply(cat, q).Criteria)
				b.run(t, "wait for the columns", waitFor(fmt.Sprintf(`%s === %d`, count(`thead th[data-criterion]`), want)))
				if want >= len(cat.Criteria) {
					t.Errorf("Signal and Molly differ on all %d criteria?", want)
				}
			})

			t.Run("choosing criteria and messengers", func(t *testing.T) {
				open(t, "/")
				b.run(t, "open the criteria choice", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details.choose').forEach(d => d.open = true)`))
				b.run(t, "hide forward secrecy", chromedp.Click(chromedp.CSS(`#crit-forward_secrecy`)),
					waitFor(count(`[data-criterion="forward_secrecy"]`)+` === 0`))
				b.run(t, "hide Telegram", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details.choose').forEach(d => d.open = true)`),
					chromedp.Click(chromedp.CSS(`#app-telegram`)), waitFor(count(`tr[data-app="telegram"]`)+` === 0`))
				// The address follows the DOM in a task of its own.
				b.run(t, "wait for the permalink", waitFor(`location.search.includes("criteria=") && location.search.includes("apps=")`))
				if n := eval[int](t, b, count(`[data-excluded="telegram"]`)); n != 0 {
					t.Error("a messenger the reader hid is listed as excluded")
				}
			})

			t.Run("a cell opens its sources and closes with Escape", func(t *testing.T) {
				openPlain(t, "/")
				cell := `a[data-fact="briar/forward_secrecy"]`
				b.run(t, "open the fact from the keyboard", chromedp.Focus(chromedp.CSS(cell)), chromedp.KeyEvent("\r"),
					waitFor(count(`#detail .sources a[href^="https://"]`)+` > 0`))
				if got := eval[string](t, b, `document.activeElement.id`); got != "detail-title" {
					t.Errorf("focus on %q, want the panel's title", got)
				}
				if !eval[bool](t, b, `document.querySelector('#detail').textContent.includes("2026")`) {
					t.Error("the panel does not show the verified date")
				}
				b.run(t, "close with Escape", chromedp.KeyEvent("\x1b"), waitFor(count(`#detail`)+` === 0`))
				if !eval[bool](t, b, fmt.Sprintf(`document.activeElement.matches(%q)`, cell)) {
					t.Error("focus did not return to the cell")
				}
			})

			t.Run("back and forward walk through the states", func(t *testing.T) {
				open(t, "/")
				b.run(t, "require two things",
					chromedp.Click(chromedp.CSS(`[data-require="forward_secrecy"]`)), waitFor(`location.search.includes("forward_secrecy")`),
					chromedp.Click(chromedp.CSS(`[data-require="!phone_number_required"]`)), waitFor(`location.search.includes("phone_number_required")`))
				b.run(t, "back", chromedp.NavigateBack(), waitFor(`!location.search.includes("phone_number_required")`),
					waitFor(fmt.Sprintf(`%s === %q`, rowOrder, expectedOrder(cat, "require=forward_secrecy"))))
				b.run(t, "back again", chromedp.NavigateBack(), waitFor(`location.search.replace(/^\?filters=1$/, "") === ""`),
					waitFor(fmt.Sprintf(`%s === %q`, rowOrder, expectedOrder(cat, ""))))
				b.run(t, "forward", chromedp.NavigateForward(),
					waitFor(fmt.Sprintf(`%s === %q`, rowOrder, expectedOrder(cat, "require=forward_secrecy"))))
				if !eval[bool](t, b, `document.querySelector('[data-require="forward_secrecy"]').checked`) {
					t.Error("after forward, the control is not checked")
				}
			})

			t.Run("themes and languages", func(t *testing.T) {
				open(t, "/?theme=dark&lang=de")
				if bg := eval[string](t, b, `getComputedStyle(document.querySelector('.page')).backgroundColor`); bg != "rgb(13, 17, 23)" {
					t.Errorf("dark background = %s", bg)
				}
				if l := eval[string](t, b, `document.documentElement.lang`); l != "de" {
					t.Errorf("<html lang> = %q, want de", l)
				}
				if !eval[bool](t, b, `document.querySelector('h1').textContent.includes("Messenger")`) {
					t.Error("the German headline is missing")
				}
			})

			t.Run("the messenger page has every criterion with its evidence", func(t *testing.T) {
				open(t, "/app/element")
				if n := eval[int](t, b, count(`.fact-item`)); n != len(cat.Criteria) {
					t.Errorf("facts = %d, want %d", n, len(cat.Criteria))
				}
				if n := eval[int](t, b, count(`#e2ee_group_calls .history li`)); n == 0 {
					t.Error("Element's group call history is not shown")
				}
				if n := eval[int](t, b, count(`.status li`)); n == 0 {
					t.Error("no curator status history")
				}
			})

			t.Run("side by side with differences only", func(t *testing.T) {
				open(t, "/compare?apps=signal,briar,session")
				if n := eval[int](t, b, count(`thead th[data-app]`)); n != 3 {
					t.Fatalf("columns = %d, want 3", n)
				}
				all := eval[int](t, b, count(`tbody td[data-app="signal"]`))
				b.run(t, "differences only", chromedp.Click(chromedp.CSS(`#diff`)), waitFor(`location.search.includes("diff=1")`))
				q, _ := compare.Decode("apps=signal,briar,session&diff=1", cat)
				q.AllCriteria = true // side by side shows every criterion
				want := len(compare.Apply(cat, q).Criteria)
				b.run(t, "fewer rows", waitFor(fmt.Sprintf(`%s === %d`, count(`tbody td[data-app="signal"]`), want)))
				if want >= all {
					t.Errorf("differences only kept %d of %d rows", want, all)
				}
				b.run(t, "pick a fourth", changeSelect("#slot4", "simplex"), waitFor(count(`thead th[data-app]`)+` === 4`))
				open(t, "/compare?apps=signal,briar,session&require=forward_secrecy")
				if n := eval[int](t, b, count(`[data-app="session"]`)); n != 0 {
					t.Errorf("session, which lacks forward secrecy, is still a column (%d elements)", n)
				}
				if n := eval[int](t, b, count(`[data-excluded="session"]`)); n != 1 {
					t.Errorf("session in why-not = %d, want 1", n)
				}
			})

			t.Run("about defines every criterion and preset", func(t *testing.T) {
				open(t, "/about")
				if n := eval[int](t, b, count(`[id^="def-"]`)); n != len(cat.Criteria) {
					t.Errorf("definitions = %d, want %d", n, len(cat.Criteria))
				}
			})

			t.Run("the page never scrolls sideways", func(t *testing.T) {
				for _, p := range []string{"/", "/app/signal", "/compare?apps=signal,briar", "/about", "/embed/builder"} {
					open(t, p)
					if w := eval[int](t, b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
						t.Errorf("%s scrolls sideways by %dpx", p, w)
					}
				}
			})
			b.checkClean(t, ts.URL)
		})
	}
}

// TestPrerenderedPageWorksWithoutJavaScript loads the comparison with
// scripts off: the matrix is there, readable, not covered by a loader, and
// the form still filters (by reloading with the choices in the URL).
func TestPrerenderedPageWorksWithoutJavaScript(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	b.run(t, "open /", chromedp.Navigate(ts.URL+"/"))
	if n := eval[int](t, b, count(`tbody tr[data-app]`)); n < 15 {
		t.Errorf("rows without JavaScript = %d", n)
	}
	if got := eval[string](t, b, `(() => { const r = document.querySelector('h1').getBoundingClientRect(); const el = document.elementFromPoint(r.x + 5, r.y + r.height/2); return el ? el.tagName : ""; })()`); got != "H1" {
		t.Errorf("the headline is covered by %s", got)
	}
	u := ts.URL + "/?" + url.Values{"require": {"forward_secrecy"}}.Encode()
	b.run(t, "submit the form's state", chromedp.Navigate(u))
	if n := eval[int](t, b, count(`tr[data-app="session"]`)); n != 0 {
		t.Error("without JavaScript, the requirement did not apply")
	}
}

// TestReflectedTextCannotBecomeMarkup sends search text built to break out
// of an attribute or a text node, and lets the browser parse the served
// page with scripts off: no injected attribute or element may appear.
func TestReflectedTextCannotBecomeMarkup(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`" autofocus onfocus="alert(1)`, `\" onmouseover=alert(1) x="`, `</textarea><script>alert(1)</script>`, `' onfocus='alert(1)`} {
		for _, path := range []string{"/", "/embed", "/embed/builder", "/compare"} {
			b.run(t, "open", chromedp.Navigate(ts.URL+path+"?q="+url.QueryEscape(q)+"&apps="+url.QueryEscape(q)))
			injected := eval[int](t, b, `document.querySelectorAll('[onfocus],[onmouseover],[autofocus],[x]').length + [...document.scripts].filter(s => !s.src).length`)
			if injected > 0 {
				t.Errorf("%s?q=%s: %d injected attributes or inline scripts", path, q, injected)
			}
		}
	}
}

// TestKeyboardOnlyWalk does the main task with the keyboard alone: the
// first Tab reaches the skip link, Tab moves on through the controls in
// order to a requirement, Space toggles it, and the results follow.
func TestKeyboardOnlyWalk(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	for _, vp := range viewports {
		t.Run("on a "+vp.name, func(t *testing.T) {
			b := newBrowser(t, vp.width, vp.height)
			page := "/"
			if vp.name == "phone" {
				page = "/?filters=1" // the filters are a panel there
			}
			b.run(t, "open "+page, chromedp.Navigate(ts.URL+page), waitReady())
			b.run(t, "first Tab", chromedp.KeyEvent("\t"))
			if got := eval[string](t, b, `document.activeElement.className`); got != "skip" {
				t.Fatalf("the first Tab reaches %q, want the skip link", got)
			}
			target := `[data-require="forward_secrecy"]`
			seen := map[string]bool{}
			for i := 0; ; i++ {
				if i > 120 {
					t.Fatal("120 Tabs did not reach the forward secrecy control")
				}
				b.run(t, "Tab", chromedp.KeyEvent("\t"))
				if eval[bool](t, b, fmt.Sprintf(`document.activeElement.matches(%q)`, target)) {
					break
				}
				key := eval[string](t, b, `document.activeElement.outerHTML.slice(0, 300)`)
				if seen[key] {
					t.Fatalf("focus came back to %s before reaching the control", key)
				}
				seen[key] = true
			}
			if !eval[bool](t, b, `getComputedStyle(document.activeElement).outlineStyle !== "none"`) {
				t.Error("the focused control has no visible outline")
			}
			b.run(t, "Space", chromedp.KeyEvent(" "), waitFor(count(`tr[data-app="session"]`)+` === 0`))
			b.run(t, "the address follows", waitFor(`location.search.includes("require=forward_secrecy")`))
			b.run(t, "the live count follows", waitFor(`document.getElementById("count").textContent.includes("Requirements active: 1.")`))
		})
	}
}
