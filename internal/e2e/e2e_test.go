package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRequirementToggleSurvivesReload is the main task in a real browser:
// open the comparison, require forward secrecy, see Session leave the
// matrix for the why-not list, and find the same state after a reload of
// the resulting URL.
func TestRequirementToggleSurvivesReload(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	for _, vp := range []struct {
		name          string
		width, height int
	}{{"phone", 390, 844}, {"desktop", 1280, 800}} {
		t.Run("on a "+vp.name+" viewport", func(t *testing.T) {
			b := newBrowser(t, vp.width, vp.height)
			page := "/"
			if vp.name == "phone" {
				page = "/?filters=1" // the filters are a panel there
			}
			b.run(t, "load "+page, chromedp.Navigate(ts.URL+page), waitReady())
			if n := eval[int](t, b, count(`tr[data-app="session"]`)); n != 1 {
				t.Fatalf("session columns before the click = %d, want 1", n)
			}
			if w := eval[int](t, b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
				t.Errorf("the page scrolls sideways by %dpx (only the matrix may scroll)", w)
			}
			b.screenshot(t, "home-"+vp.name)
			b.run(t, "click the forward secrecy control",
				chromedp.Click(chromedp.CSS(`[data-require="forward_secrecy"]`)),
				waitFor(count(`[data-app="session"]`)+` === 0`))
			if n := eval[int](t, b, count(`[data-excluded="session"]`)); n != 1 {
				t.Errorf("session in the why-not list = %d, want 1", n)
			}
			if n := eval[int](t, b, count(`tr[data-app="signal"]`)); n != 1 {
				t.Errorf("signal columns = %d, want 1 (it has forward secrecy)", n)
			}
			// The address follows the DOM in a task of its own.
			b.run(t, "wait for the permalink", waitFor(`location.search.includes("require=forward_secrecy")`))
			loc := eval[string](t, b, `location.href`)
			b.run(t, "reload "+loc, chromedp.Navigate(loc), waitReady())
			if n := eval[int](t, b, count(`[data-app="session"]`)); n != 0 {
				t.Errorf("after reload, session is shown %d times", n)
			}
			if !eval[bool](t, b, `document.querySelector('[data-require="forward_secrecy"]').checked`) {
				t.Error("after reload, the forward secrecy control is not checked")
			}
			b.run(t, "go back", chromedp.NavigateBack(), waitFor(count(`tr[data-app="session"]`)+` === 1`))
			b.checkClean(t, ts.URL)
		})
	}
}
