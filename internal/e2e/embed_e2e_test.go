package e2e

import (
	"context"
	"fmt"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

const widgetQuery = "/embed?apps=signal,briar,session&criteria=forward_secrecy,offline_mesh"

// hostPage serves a strict third-party page that embeds the widget from
// widgetOrigin as the snippet of docs/embedding.md does, with the given
// iframe attributes, count times.
func hostPage(t *testing.T, widgetOrigin, attrs string, count int) *httptest.Server {
	t.Helper()
	var frames strings.Builder
	for i := 1; i <= count; i++ {
		fmt.Fprintf(&frames, `<iframe id="w%d" src="%s%s" title="Private messenger comparison" loading="lazy" style="width:100%%;border:0" data-msgcompare %s></iframe>`+"\n",
			i, widgetOrigin, widgetQuery, attrs)
	}
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A privacy site</title></head>
<body style="margin:8px"><h1>Which messenger?</h1>` + frames.String() + `<p>After the widgets.</p>
<script src="` + widgetOrigin + `/embed.js" async></script></body></html>`
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-src "+widgetOrigin+"; script-src "+widgetOrigin)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(host.Close)
	return host
}

// crossSite turns http://127.0.0.1:P into http://localhost:P: another site
// for the browser, the same server.
func crossSite(u string) string {
	return strings.Replace(u, "127.0.0.1", "localhost", 1)
}

// wakeFrame presses the pointer on the top left corner of iframe id, as a
// reader's first touch: the widget then starts its app (docs/contract.md §6).
func wakeFrame(id string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		r, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(
			`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return [r.x, r.y]; })()`, id)))
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, chromedp.Do(ctx, chromedp.MouseClickXY(r[0]+4, r[1]+4))
	}
}

func frameHeight(id string) string {
	return fmt.Sprintf(`parseFloat(document.getElementById(%q).style.height || "0")`, id)
}

// TestEmbedOnAnotherSite embeds the widget in a strict page of another
// site, with and without sandbox, twice on one page: it boots, sizes its
// iframe to its content, filters, resizes when the content changes, makes
// no request to any other origin and logs no uncaught error.
func TestEmbedOnAnotherSite(t *testing.T) {
	t.Parallel()
	widget := startServe(t)
	for _, tc := range []struct{ name, attrs string }{
		{"in a plain iframe", ""},
		{"in a sandboxed iframe", `sandbox="allow-scripts allow-popups"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			host := hostPage(t, widget.URL, tc.attrs, 2)
			// The shared browser runs without site isolation, so that the
			// iframes' requests show in the page's own network log.
			b := newBrowser(t, 1280, 900)

			// Where the forward secrecy control sits inside a widget as wide
			// as the host's iframe (1264 CSS pixels).
			// The requirement controls are a disclosure, closed at first.
			b.run(t, "measure the widget alone", chromedp.EmulateViewport(1264, 900), chromedp.Navigate(widget.URL+widgetQuery), waitReady())
			sx := eval[float64](t, b, `(() => { const r = document.querySelector('#filters-part > summary').getBoundingClientRect(); return r.x + 20; })()`)
			sy := eval[float64](t, b, `(() => { const r = document.querySelector('#filters-part > summary').getBoundingClientRect(); return r.y + r.height/2; })()`)
			b.run(t, "open the requirements", chromedp.Evaluate[chromedp.Void](`document.getElementById("filters-part").open = true`))
			x := eval[float64](t, b, `(() => { const r = document.querySelector('[data-require="forward_secrecy"]').getBoundingClientRect(); return r.x + r.width/2; })()`)
			y := eval[float64](t, b, `(() => { const r = document.querySelector('[data-require="forward_secrecy"]').getBoundingClientRect(); return r.y + r.height/2; })()`)

			b.run(t, "open the host page", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(crossSite(host.URL)+"/"),
				waitFor(frameHeight("w1")+" > 150 && "+frameHeight("w2")+" > 150"))
			b.run(t, "touch both widgets", wakeFrame("w1"), wakeFrame("w2"),
				waitFor(`document.getElementById("w1").hasAttribute("data-msgcompare-ready") && document.getElementById("w2").hasAttribute("data-msgcompare-ready")`))
			before := eval[float64](t, b, frameHeight("w1"))
			if h2 := eval[float64](t, b, frameHeight("w2")); h2 != before {
				t.Errorf("two equal widgets have heights %v and %v", before, h2)
			}
			b.screenshot(t, "embed-host-"+strings.ReplaceAll(tc.name, " ", "-"))

			fx := eval[float64](t, b, `document.getElementById("w1").getBoundingClientRect().x`)
			fy := eval[float64](t, b, `document.getElementById("w1").getBoundingClientRect().y`)
			b.run(t, "open the first widget's requirements", chromedp.MouseClickXY(fx+sx, fy+sy),
				waitFor(fmt.Sprintf("%s !== %v", frameHeight("w1"), before)))
			initial := before
			before = eval[float64](t, b, frameHeight("w1"))
			b.run(t, "require forward secrecy inside the first widget", chromedp.MouseClickXY(fx+x, fy+y),
				waitFor(fmt.Sprintf("%s !== %v", frameHeight("w1"), before)))
			after := eval[float64](t, b, frameHeight("w1"))
			t.Logf("widget height %v before, %v after filtering", before, after)
			if h2 := eval[float64](t, b, frameHeight("w2")); h2 != initial {
				t.Errorf("the second widget changed height (%v) when the first was opened and filtered", h2)
			}
			b.checkClean(t, widget.URL, crossSite(host.URL))
		})
	}
}

// TestEmbedMessagesAreTheProtocol checks, on the widget's own origin, that
// the widget sends its parent only the two documented messages.
func TestEmbedMessagesAreTheProtocol(t *testing.T) {
	t.Parallel()
	widget := startServe(t)
	host := hostPage(t, widget.URL, "", 1)
	b := newBrowser(t, 1280, 900)
	b.run(t, "record messages", chromedp.Navigate(crossSite(host.URL)+"/"),
		chromedp.Evaluate[chromedp.Void](`window.seen = []; addEventListener("message", e => seen.push(JSON.stringify(e.data)))`),
		waitFor(frameHeight("w1")+" > 150"), wakeFrame("w1"),
		waitFor(`document.getElementById("w1").hasAttribute("data-msgcompare-ready")`),
		waitFor(`seen.length > 0`))
	msgs := eval[[]string](t, b, `seen`)
	for _, m := range msgs {
		if !strings.Contains(m, `"type":"msgcompare:resize"`) && !strings.Contains(m, `"type":"msgcompare:ready"`) {
			t.Errorf("the widget sent %s", m)
		}
	}
}

// TestEmbedBuilder chooses options in the builder and checks that the
// snippet and the live preview follow, and that the preview sizes itself
// from the widget's messages.
func TestEmbedBuilder(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	for _, vp := range viewports {
		t.Run("on a "+vp.name, func(t *testing.T) {
			b := newBrowser(t, vp.width, vp.height)
			// A page of the server's: each choice loads the page for it.
			b.run(t, "open the builder", chromedp.Navigate(ts.URL+"/embed/builder"), waitLoaded())
			b.run(t, "choose the dark theme and a preset", changeSelectAndLoad("#theme", "dark"), waitAcrossLoads(`location.search.includes("theme=dark") && document.readyState === "complete"`),
				changeSelectAndLoad("#preset", "no-phone"), waitAcrossLoads(`location.search.includes("preset=no-phone") && document.readyState === "complete"`),
				waitFor(`document.getElementById("snippet").value.includes("preset=no-phone")`))
			snippet := eval[string](t, b, `document.getElementById("snippet").value`)
			for _, want := range []string{ts.URL + "/embed?", "theme=dark", "preset=no-phone", "data-msgcompare", `title="`, ts.URL + "/embed.js"} {
				if !strings.Contains(snippet, want) {
					t.Errorf("the snippet lacks %q:\n%s", want, snippet)
				}
			}
			b.run(t, "the preview follows and sizes itself",
				waitFor(`document.querySelector("iframe.preview").src.includes("theme=dark")`),
				waitFor(`parseFloat(document.querySelector("iframe.preview").style.height || "0") > 100`))
			b.run(t, "copy", chromedp.Click(chromedp.CSS(`#copy`)), waitFor(`document.querySelector('#copy + [role="status"]').textContent !== ""`))
			b.checkClean(t, ts.URL)
		})
	}
}

// TestEmbedJSBeforeItsFrameLoadsSaysNothing: a host page that loads
// embed.js at once, right after the widget's iframe (which has not loaded
// yet), gets no console message from it, and the widget is still sized.
func TestEmbedJSBeforeItsFrameLoadsSaysNothing(t *testing.T) {
	t.Parallel()
	widget := startServe(t)
	origin := crossSite(widget.URL)
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A privacy site</title></head><body>
<iframe id="w1" src="` + origin + widgetQuery + `" title="Private messenger comparison" style="width:100%;border:0" data-msgcompare></iframe>
<script src="` + origin + `/embed.js"></script></body></html>`
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(host.Close)
	b := newBrowser(t, 1000, 800)
	var mu sync.Mutex
	var said []string
	chromedp.Listen(b.ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *log.EventEntryAdded:
			said = append(said, string(e.Entry.Level)+": "+e.Entry.Text)
		case *runtime.EventConsoleAPICalled:
			said = append(said, string(e.Type)+" (console API)")
		}
	})
	b.run(t, "load the host page", chromedp.Navigate(host.URL+"/"), waitFor(frameHeight("w1")+` > 100`))
	mu.Lock()
	defer mu.Unlock()
	for _, s := range said {
		if strings.Contains(s, "postMessage") || strings.Contains(s, "embed.js") {
			t.Errorf("the host's console: %s", s)
		}
	}
}
