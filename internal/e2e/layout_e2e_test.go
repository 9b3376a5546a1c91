package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// innerScrollers names the elements of the page, the page itself apart,
// that scroll on their own, with how far.
const innerScrollers = `[...document.querySelectorAll("main *")].filter(e => {
	const s = getComputedStyle(e);
	return (e.scrollHeight > e.clientHeight + 1 && /auto|scroll/.test(s.overflowY)) ||
		(e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(s.overflowX));
}).map(e => e.tagName.toLowerCase() + "." + [...e.classList].join(".") + " (" + e.scrollWidth + "x" + e.scrollHeight + " in " + e.clientWidth + "x" + e.clientHeight + ")")`

// captionCut is how many CSS pixels of the side-by-side caption's text
// fall outside the screen or its box.
const captionCut = `(() => {
	const c = document.getElementById("compare-caption"), r = c.getBoundingClientRect(), w = document.documentElement.clientWidth;
	let cut = Math.max(0, c.scrollWidth - c.clientWidth);
	const range = document.createRange();
	range.selectNodeContents(c);
	for (const q of range.getClientRects()) cut = Math.max(cut, q.right - w, -q.left);
	return Math.round(cut + Math.max(0, r.right - w, -r.left));
})()`

// TestSideBySideScrollsWithThePage opens four messengers side by side on
// a phone and a desktop in the languages with the longest words and
// another script: nothing inside the page scrolls on its own (the page
// scrolls, and the header row stays on top), the caption reads in full,
// and the page does not scroll sideways. It leaves phone screenshots in
// out/screenshots.
func TestSideBySideScrollsWithThePage(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	for _, vp := range []struct {
		name          string
		width, height int
	}{{"phone", 390, 844}, {"desktop", 1280, 800}} {
		t.Run(vp.name, func(t *testing.T) {
			b := newBrowser(t, vp.width, vp.height)
			for _, lang := range []string{"en", "fa", "ru", "zh-Hans"} {
				url := ts.URL + "/compare?apps=signal,briar,simplex,threema&lang=" + lang
				b.run(t, "open "+url, chromedp.Navigate(url), waitReady())
				if got := eval[[]string](t, b, innerScrollers); len(got) > 0 {
					t.Errorf("%s on a %s: parts scroll inside the page: %v", lang, vp.name, got)
				}
				if cut := eval[int](t, b, captionCut); cut > 0 {
					t.Errorf("%s on a %s: %d px of the caption are cut off", lang, vp.name, cut)
				}
				if over := eval[int](t, b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
					t.Errorf("%s on a %s: the page scrolls sideways by %d px", lang, vp.name, over)
				}
				// The header row stays on top while the page scrolls.
				b.run(t, "scroll", chromedp.Evaluate[chromedp.Void](`scrollTo(0, document.getElementById("compare-caption").getBoundingClientRect().top + scrollY + 600)`),
					chromedp.Sleep(100*time.Millisecond))
				if top := eval[float64](t, b, `document.querySelector(".compare thead th").getBoundingClientRect().top`); top < -1 || top > 1 {
					t.Errorf("%s on a %s: scrolled down, the header row is at %.0f px, want at the top", lang, vp.name, top)
				}
				if vp.name == "phone" {
					b.run(t, "scroll back", chromedp.Evaluate[chromedp.Void](`scrollTo(0, document.getElementById("side-by-side").getBoundingClientRect().top + scrollY - 200)`))
					b.viewportShot(t, "compare-"+lang+"-phone")
				}
			}
			b.checkClean(t, ts.URL)
		})
	}
}

// TestPersianListsCountInPersianDigits checks the numbered lists'
// markers: Persian digits on Persian pages, Western ones elsewhere, and
// lists without numbers left as they are.
func TestPersianListsCountInPersianDigits(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	for _, tt := range []struct{ path, sel, fa, en string }{
		{"/app/signal", ".status ol", "persian", "decimal"},
		{"/app/signal", ".history ol", "persian", "decimal"},
		{"/?guide=no-phone:yes,devices:ios", "ol.picks", "persian", "decimal"},
		{"/changes", "ol.changes-list", "none", "none"},
	} {
		for _, lang := range []string{"fa", "en"} {
			want := tt.en
			if lang == "fa" {
				want = tt.fa
			}
			url := ts.URL + withParams(tt.path, "lang="+lang)
			b.run(t, "open "+url, chromedp.Navigate(url), waitFor(`document.readyState === "complete"`))
			got := eval[string](t, b, fmt.Sprintf(`(() => { const l = document.querySelector(%q); return l ? getComputedStyle(l).listStyleType : "no list"; })()`, tt.sel))
			if got != want {
				t.Errorf("%s %s: list-style-type %q, want %q", url, tt.sel, got, want)
			}
		}
	}
	b.run(t, "open the guide in Persian", chromedp.Navigate(ts.URL+"/?guide=no-phone:yes,devices:ios&lang=fa#shortlist-title"), waitFor(`document.readyState === "complete"`))
	b.viewportShot(t, "persian-digits-fa-phone")
}

// TestFormsLandWhereTheyChanged sends each GET form with scripts off, as
// a reader without JavaScript does (choose, press the button): the page
// that comes back shows what the form changed on the screen, not the top
// of the page. With scripts, before the app runs, the reader's own spot
// comes back instead, so boot.js drops the fragment.
func TestFormsLandWhereTheyChanged(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 390, 844)
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, choose, value, target string
	}{
		{"/compare?apps=signal,briar&lang=ru", "#slot3", "simplex", "side-by-side"},
		{"/?filters=1&lang=fa", "#sort", "-score", "count"},
		{"/changes?lang=zh-Hans", "#changes-app", "briar", "change-count"},
		{"/embed/builder", "#preset", "pg-best", "snippet-title"},
	} {
		url := ts.URL + tt.path
		b.run(t, "open "+url, chromedp.Navigate(url), waitFor(`document.readyState === "complete"`))
		set := fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.scrollIntoView({block: "center"}); return s.form.action; })()`, tt.choose, tt.value)
		if action := eval[string](t, b, set); action == "" {
			t.Fatalf("%s: no form", tt.path)
		}
		b.run(t, "send the form", chromedp.Click(chromedp.CSS(`form:has(`+tt.choose+`) button[type="submit"]`)))
		b.waitAcrossNavigation(t, fmt.Sprintf(`location.hash === "#%s" && document.readyState === "complete" && new URLSearchParams(location.search).toString().includes(%q)`, tt.target, tt.value))
		top := eval[float64](t, b, fmt.Sprintf(`document.getElementById(%q).getBoundingClientRect().top`, tt.target))
		if top < -1 || top > 844/2 {
			t.Errorf("%s: after sending the form, #%s is at %.0f px, want it at the top of the screen", tt.path, tt.target, top)
		}
	}
}
