package e2e

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"
)

// watchPolicies records the browser's own complaints about our headers
// (Content-Security-Policy violations, unknown Permissions-Policy
// features) and fails the test with them when it ends.
func watchPolicies(t *testing.T, b *browser) {
	t.Helper()
	var (
		mu   sync.Mutex
		msgs []string
	)
	chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*log.EventEntryAdded); ok {
			txt := e.Entry.Text
			if strings.Contains(txt, "Content Security Policy") || strings.Contains(txt, "Permissions-Policy") || strings.Contains(txt, "Refused to") {
				mu.Lock()
				msgs = append(msgs, txt)
				mu.Unlock()
			}
		}
	})
	b.run(t, "enable the log domain", func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, log.Enable, cdp.Empty{})
		return chromedp.Void{}, err
	})
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, m := range msgs {
			t.Errorf("browser policy complaint: %s", m)
		}
	})
}
