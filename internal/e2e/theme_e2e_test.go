package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// pageTheme is the theme the page shows and the one its address holds.
const pageTheme = `document.querySelector(".page").dataset.theme + " " + (new URLSearchParams(location.search).get("theme") || "-")`

// themeSwitchSays is the theme the switch names as the current one.
const themeSwitchSays = `(document.querySelector(".theme-switch a[aria-current]") || {dataset: {}}).dataset.themeChoice || ""`

// TestThemeSwitch chooses a theme with the keyboard in the masthead's
// switch: the page takes it, and a page opened later without a theme in
// its address (a link, a bookmark) gets the remembered one, before and
// after the app runs; choosing "follow the system" forgets it. The widget
// keeps its own theme= and has no switch.
func TestThemeSwitch(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	b.run(t, "open side by side", chromedp.Navigate(ts.URL+"/compare?apps=signal,briar&lang=ru"), waitReady())
	if got := eval[string](t, b, pageTheme); got != "auto -" {
		t.Fatalf("theme at first = %q, want auto", got)
	}
	// Keyboard only: focus the switch, open it, go to "dark", follow it.
	b.run(t, "open the switch with the keyboard", chromedp.Focus(chromedp.CSS(`.theme-switch summary`)), chromedp.KeyEvent(kb.Enter),
		waitFor(`document.querySelector(".theme-switch").open`))
	b.run(t, "follow Dark with the keyboard", chromedp.Focus(chromedp.CSS(`.theme-switch a[data-theme-choice="dark"]`)), chromedp.KeyEvent(kb.Enter))
	b.waitAcrossNavigation(t, pageTheme+` === "dark dark"`)
	if got := eval[string](t, b, themeSwitchSays); got != "dark" {
		t.Errorf("after choosing dark the switch names %q", got)
	}
	if got := eval[string](t, b, `getComputedStyle(document.querySelector(".page")).backgroundColor`); got != "rgb(13, 17, 23)" {
		t.Errorf("dark page background = %s", got)
	}
	if got := eval[string](t, b, `new URLSearchParams(location.search).get("lang") + " " + new URLSearchParams(location.search).get("apps")`); got != "ru signal,briar" {
		t.Errorf("choosing a theme changed the view: %s", got)
	}

	// A page opened without a theme gets the remembered one at once,
	// before the app runs, and keeps it when the app runs.
	b.run(t, "open the comparison", chromedp.Navigate(ts.URL+"/?lang=ru"), waitFor(`document.readyState === "complete"`))
	if got := eval[string](t, b, pageTheme); got != "dark dark" {
		t.Errorf("a page opened later, before the app runs: theme %q, want the remembered dark", got)
	}
	if got := eval[string](t, b, themeSwitchSays); got != "dark" {
		t.Errorf("a page opened later names %q in its switch", got)
	}
	b.run(t, "start the app", waitReady())
	if got := eval[string](t, b, pageTheme); got != "dark dark" {
		t.Errorf("the running app shows theme %q, want dark", got)
	}
	if got := eval[int](t, b, `[...document.querySelectorAll(".masthead nav a")].filter(a => !a.href.includes("theme=dark")).length`); got != 0 {
		t.Errorf("%d links of the running app lose the remembered theme", got)
	}
	// An address that names a theme wins over the remembered one.
	b.run(t, "open a shared link in contrast", chromedp.Navigate(ts.URL+"/about?theme=contrast"), waitFor(`document.readyState === "complete"`))
	if got := eval[string](t, b, pageTheme); got != "contrast contrast" {
		t.Errorf("a link with theme=contrast shows %q", got)
	}

	// The widget keeps its host's theme and shows no switch.
	for _, u := range []string{"/embed?apps=signal,briar", "/embed?apps=signal,briar&theme=light"} {
		b.run(t, "open "+u, chromedp.Navigate(ts.URL+u), waitReady())
		want := "auto -"
		if strings.Contains(u, "light") {
			want = "light light"
		}
		if got := eval[string](t, b, pageTheme); got != want {
			t.Errorf("%s with dark remembered: theme %q, want %q", u, got, want)
		}
		if n := eval[int](t, b, count(".theme-switch")); n != 0 {
			t.Errorf("%s shows a theme switch", u)
		}
	}

	// "Follow the system" forgets the choice.
	b.run(t, "open /about", chromedp.Navigate(ts.URL+"/about"), waitFor(`document.readyState === "complete"`), chromedp.Click(chromedp.CSS(`.theme-switch summary`)),
		chromedp.Click(chromedp.CSS(`.theme-switch a[data-theme-choice="auto"]`)))
	b.waitAcrossNavigation(t, pageTheme+` === "auto -"`)
	b.run(t, "open /changes", chromedp.Navigate(ts.URL+"/changes"), waitFor(`document.readyState === "complete"`))
	if got := eval[string](t, b, pageTheme); got != "auto -" {
		t.Errorf("after choosing auto, a new page shows %q", got)
	}
	b.checkClean(t, ts.URL)
}

// TestThemeSwitchWithoutStorage chooses a theme where the browser refuses
// storage (some private modes, sandboxed frames): the switch still works
// through its links, and nothing breaks.
func TestThemeSwitchWithoutStorage(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	refuse := `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("refused", "SecurityError"); }});`
	if _, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: refuse}); err != nil {
		t.Fatal(err)
	}
	b.run(t, "open /", chromedp.Navigate(ts.URL+"/?lang=fa"), waitFor(`document.readyState === "complete"`),
		chromedp.Click(chromedp.CSS(`.theme-switch summary`)), chromedp.Click(chromedp.CSS(`.theme-switch a[data-theme-choice="contrast"]`)))
	b.waitAcrossNavigation(t, pageTheme+` === "contrast contrast"`)
	b.run(t, "start the app", waitReady())
	b.run(t, "open another page", chromedp.Navigate(ts.URL+"/compare?lang=fa"), waitReady())
	if got := eval[string](t, b, pageTheme); got != "auto -" {
		t.Errorf("without storage a new page shows %q, want the default", got)
	}
	b.checkClean(t, ts.URL)
}

// TestThemeSwitchWithoutJavaScript chooses a theme with scripts off: the
// switch is a menu of links.
func TestThemeSwitchWithoutJavaScript(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	b.run(t, "open /changes", chromedp.Navigate(ts.URL+"/changes?lang=zh-Hans"),
		chromedp.Click(chromedp.CSS(`.theme-switch summary`)), chromedp.Click(chromedp.CSS(`.theme-switch a[data-theme-choice="light"]`)),
		chromedp.Sleep(300*time.Millisecond))
	b.waitAcrossNavigation(t, pageTheme+` === "light light"`)
	if got := eval[string](t, b, `document.documentElement.lang`); got != "zh-Hans" {
		t.Errorf("the theme link lost the language: %s", got)
	}
}
