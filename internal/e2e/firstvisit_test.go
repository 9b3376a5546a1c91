package e2e

import (
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// firstVisitBudget is what a first visit to / may transfer, wasm included
// (about 1.9 MB of brotli): it fails the build if a change bloats it.
const firstVisitBudget = 3 << 20

// TestFirstVisitTransfer measures the bytes on the wire (headers and
// compressed bodies) of a first visit to / until the app is ready, and
// logs them per resource for the closing report.
func TestFirstVisitTransfer(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 800)
	var (
		mu    sync.Mutex
		urls  = map[network.RequestID]string{}
		bytes = map[string]float64{}
		enc   = map[string]string{}
	)
	chromedp.Listen(b.ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventResponseReceived:
			urls[e.RequestID] = e.Response.URL
			if v, ok := e.Response.Headers["Content-Encoding"]; ok {
				enc[e.Response.URL], _ = v.(string)
			}
		case *network.EventLoadingFinished:
			if u, ok := urls[e.RequestID]; ok {
				bytes[u] += e.EncodedDataLength
			}
		}
	})
	b.run(t, "first visit", chromedp.Navigate(ts.URL+"/"), waitReady(),
		waitFor(`navigator.serviceWorker.controller !== null`))
	mu.Lock()
	defer mu.Unlock()
	var total float64
	names := make([]string, 0, len(bytes))
	for u, n := range bytes {
		total += n
		names = append(names, u)
	}
	sort.Slice(names, func(i, j int) bool { return bytes[names[i]] > bytes[names[j]] })
	for _, u := range names {
		t.Logf("%9.0f B  %-4s %s", bytes[u], enc[u], strings.TrimPrefix(u, ts.URL))
	}
	t.Logf("first visit: %.0f bytes transferred in %d responses", total, len(bytes))
	if total > firstVisitBudget {
		t.Errorf("a first visit transfers %.0f bytes, budget %d", total, firstVisitBudget)
	}
}
