package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"msgcompare/app/catalog"
)

// TestCuratorsSideBySide is issue 25's third goal: one page shows, for
// every messenger a curator judges, each curator's newest verdict and
// whether they agree, and for each disagreement every curator's reason
// with its source; each messenger's page says where they stand now and
// links there. In English and Persian, on a phone.
func TestCuratorsSideBySide(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	cat := realCatalog(t)
	want := map[string]string{}
	var disagree []string
	for i := range cat.Apps {
		a := &cat.Apps[i]
		if v := a.CurrentVerdicts(); len(v) > 0 {
			want[a.ID] = catalog.Agreement(v)
			if want[a.ID] == catalog.AgreeDisagree {
				disagree = append(disagree, a.ID)
			}
		}
	}
	if len(disagree) == 0 {
		t.Fatal("the data has no disagreement to show")
	}
	for _, lang := range []string{"en", "fa"} {
		t.Run(lang, func(t *testing.T) {
			b := newBrowser(t, 390, 844)
			b.run(t, "open /curators", chromedp.Navigate(ts.URL+"/curators?lang="+lang), waitFor(`document.readyState === "complete"`))
			got := eval[map[string]string](t, b, `Object.fromEntries([...document.querySelectorAll("table.curators tbody tr")].map(r => [r.dataset.app, r.dataset.agreement]))`)
			if len(got) != len(want) {
				t.Errorf("the table has %d messengers, want the %d any curator judges", len(got), len(want))
			}
			for id, w := range want {
				if got[id] != w {
					t.Errorf("%s: agreement %q, want %q", id, got[id], w)
				}
			}
			for _, id := range disagree {
				n := eval[int](t, b, `(() => { const s = document.getElementById("disagree-`+id+`"); return s ? s.closest("section").querySelectorAll("li a[href^='http']").length : -1; })()`)
				if n < 2 {
					t.Errorf("%s: the disagreement shows %d sourced verdicts, want every curator's", id, n)
				}
			}
			if dir := eval[string](t, b, `document.documentElement.dir`); lang == "fa" && dir != "rtl" {
				t.Errorf("dir = %q", dir)
			}
			b.viewportShot(t, "curators-"+lang)

			id := disagree[0]
			b.run(t, "the messenger's page", chromedp.Navigate(ts.URL+"/app/"+id+"?lang="+lang), waitFor(`document.readyState === "complete"`))
			if a := eval[string](t, b, `(document.querySelector(".status .stance") || {dataset: {}}).dataset.agreement || ""`); a != catalog.AgreeDisagree {
				t.Errorf("%s's page: stance %q, want disagree", id, a)
			}
			href := eval[string](t, b, `(document.querySelector('.status a[href*="/curators"]') || {}).href || ""`)
			if !strings.Contains(href, "/curators") || (lang != "en" && !strings.Contains(href, "lang="+lang)) {
				t.Errorf("%s's page links the curators' page as %q", id, href)
			}
			b.checkClean(t, ts.URL)
		})
	}
}
