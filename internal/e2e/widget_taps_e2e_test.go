package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// tapQuery shows more messengers than the widget's first rows (so "show
// all" shows) and leaves some out (so "why not?" has entries).
const tapQuery = "/embed?apps=signal,briar,session,simplex,cwtch,jami,whatsapp&criteria=forward_secrecy,phone_number_required&require=!phone_number_required"

// frameKind is how a host page frames the widget.
type frameKind struct {
	name, attrs, fragment string
	popups                bool // the frame may open new tabs
}

var frameKinds = []frameKind{
	{name: "a plain cross-site frame", popups: true},
	{name: "a frame sandboxed with allow-scripts", attrs: `sandbox="allow-scripts"`},
	// What WordPress writes for an oEmbed provider it does not know.
	{name: "a WordPress frame", attrs: `sandbox="allow-scripts" security="restricted"`, fragment: "#?secret=Ab12Cd34Ef"},
}

// tapHost serves a page of another site that frames src as kind does.
func tapHost(t *testing.T, widgetOrigin, src string, kind frameKind) *httptest.Server {
	t.Helper()
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>An article</title></head>
<body style="margin:8px"><h1>Which messenger?</h1>
<iframe id="w" src="` + widgetOrigin + src + kind.fragment + `" title="Private messenger comparison" style="width:100%;border:0" data-msgcompare ` + kind.attrs + `></iframe>
<p>After the widget.</p><script src="` + widgetOrigin + `/embed.js" async></script></body></html>`
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(host.Close)
	return host
}

// frameEval evaluates expr in the widget's document as it is now (an
// isolated world of the frame: the page's DOM, none of its scripts), so
// that it reads the frame after each navigation; ok is false while the
// frame has no document to read.
func frameEval[T any](t *testing.T, b *browser, expr string) (v T, ok bool) {
	t.Helper()
	tree, err := chromedp.Call(b.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil || len(tree.FrameTree.ChildFrames) == 0 {
		return v, false
	}
	w, err := chromedp.Call(b.ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID, WorldName: "e2e"})
	if err != nil {
		return v, false
	}
	v, err = chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, func(p *runtime.EvaluateParams) { p.ContextID = w.ExecutionContextID }))
	return v, err == nil
}

// tapIn taps the first element matching sel in the widget, as a finger
// or a mouse does at its centre, scrolling the host page to it first.
func tapIn(t *testing.T, b *browser, sel, what string) {
	t.Helper()
	// The first box of the element: a link that wraps over two lines has
	// nothing of it at the centre of its bounding box. The host scrolls
	// the frame into view, which may show or hide its scroll bar and so
	// narrow or widen the frame: the place is taken again after that, and
	// the tap waits until the element is what is there.
	find := fmt.Sprintf(`(() => { const e = document.querySelector(%q); const r = e && [...e.getClientRects()].find((r) => r.width > 0); if (!r) return []; const x = r.x + r.width / 2, y = r.y + r.height / 2; const hit = document.elementFromPoint(x, y); return [x, y, hit && e.contains(hit) ? 1 : 0]; })()`, sel)
	var at []float64
	var frame []float64
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			if len(at) < 2 {
				t.Fatalf("tap %s: %s is not in the widget", what, sel)
			}
			where, _ := frameEval[string](t, b, `location.href + " scrolled " + scrollY + ", " + innerWidth + "x" + innerHeight + " body " + document.body.getBoundingClientRect().height`)
			b.screenshot(t, "tap-failed")
			t.Fatalf("tap %s: %s at %v is covered, or out of the host's view (frame %v; %s)", what, sel, at, frame, where)
		}
		settle(t, b)
		if at, _ = frameEval[[]float64](t, b, find); len(at) < 3 {
			continue
		}
		fy := eval[float64](t, b, `document.getElementById("w").getBoundingClientRect().y + scrollY`)
		b.run(t, "scroll to "+what, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`scrollTo(0, %v)`, max(0, fy+at[1]-200))))
		settle(t, b)
		if at, _ = frameEval[[]float64](t, b, find); len(at) < 3 || at[2] != 1 {
			continue
		}
		frame = eval[[]float64](t, b, `(() => { const r = document.getElementById("w").getBoundingClientRect(); return [r.x, r.y, r.height, innerHeight]; })()`)
		if y := frame[1] + at[1]; at[1] <= frame[2] && y >= 0 && y <= frame[3] {
			break
		}
	}
	b.run(t, "tap "+what, chromedp.MouseClickXY(frame[0]+at[0], frame[1]+at[1]))
}

// settle waits until the host has sized the frame to the whole widget
// (embed.js, from the widget's messages), as a reader sees it.
func settle(t *testing.T, b *browser) {
	t.Helper()
	var h, fh float64
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		h, _ = frameEval[float64](t, b, `Math.ceil(document.body.getBoundingClientRect().height)`)
		fh = eval[float64](t, b, `parseFloat(document.getElementById("w").style.height || "0")`)
		if h > 0 && h == fh {
			return
		}
	}
	t.Fatalf("the widget is %v px tall, its frame %v px", h, fh)
}

// newTabs closes the tabs that b's page opened and returns their
// addresses, bringing b's tab to the front again: a tab in the background
// gets no layout work, so its frame would not resize.
func newTabs(t *testing.T, b *browser) []string {
	t.Helper()
	self := chromedp.FromContext(b.ctx).Target.TargetID
	var opened []string
	for deadline := time.Now().Add(3 * time.Second); len(opened) == 0 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		infos, err := chromedp.Targets(b.ctx)
		if err != nil {
			t.Fatalf("listing tabs: %v", err)
		}
		for _, in := range infos {
			if in.Type == "page" && in.OpenerID == self {
				opened = append(opened, in.URL)
				chromedp.CallBrowser(b.ctx, target.CloseTarget, target.CloseTargetParams{TargetID: in.TargetID})
			}
		}
	}
	if _, err := chromedp.Call(b.ctx, page.BringToFront, cdp.Empty{}); err != nil {
		t.Fatalf("bringing the host's tab to the front: %v", err)
	}
	return opened
}

// frameURL is the address the widget's frame shows now: an error page
// shows as chrome-error://, or with an unreachable URL.
func frameURL(t *testing.T, b *browser) string {
	t.Helper()
	tree, err := chromedp.Call(b.ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		t.Fatalf("reading the frames: %v", err)
	}
	if len(tree.FrameTree.ChildFrames) == 0 {
		return ""
	}
	f := tree.FrameTree.ChildFrames[0].Frame // the host page has one
	if f.UnreachableURL != "" {
		return "unreachable:" + f.UnreachableURL
	}
	return f.URL + f.URLFragment
}

// stillWidget fails unless the frame shows the widget, on its origin,
// at an address that holds each of want.
func stillWidget(t *testing.T, b *browser, origin, after string, want ...string) {
	t.Helper()
	var u string
	time.Sleep(300 * time.Millisecond) // a navigation the tap started has begun
	for deadline := time.Now().Add(8 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		u = frameURL(t, b)
		holds := true
		for _, w := range want {
			holds = holds && strings.Contains(u, w)
		}
		if p, err := url.Parse(u); err == nil && holds && strings.HasPrefix(u, origin+"/") && p.Path == "/embed" {
			if shown, ok := frameEval[bool](t, b, `!!document.querySelector(".page.embed #main")`); ok && shown {
				return
			}
		}
	}
	state, _ := frameEval[string](t, b, `document.documentElement.dataset.wasm + (document.getElementById("detail") ? ", a fact open" : "")`)
	t.Errorf("after %s the frame shows %s (app %s), not the widget at an address with %q", after, u, state, want)
}

// shownInFrame waits until sel matches a shown element of the widget.
func shownInFrame(t *testing.T, b *browser, sel string) bool {
	t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && !e.closest("[hidden]") && e.getClientRects().length > 0; })()`, sel)
	for deadline := time.Now().Add(8 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if v, ok := frameEval[bool](t, b, js); ok && v {
			return true
		}
	}
	return false
}

// TestNoTapBreaksTheWidget taps each kind of link of the widget in each
// kind of frame, on a phone and a desktop, in English and Persian,
// before the app runs (each tap on a fresh frame: the tap's navigation
// is what could break it) and after: the frame keeps showing the widget,
// and a link that leaves it opens a new tab where the frame may, or
// shows its address where it may not.
func TestNoTapBreaksTheWidget(t *testing.T) {
	t.Parallel()
	widget := startServe(t)
	for _, kind := range frameKinds {
		t.Run(kind.name, func(t *testing.T) {
			t.Parallel()
			for _, vp := range viewports {
				for _, lang := range []string{"en", "fa"} {
					t.Run(fmt.Sprintf("on a %s in %s", vp.name, lang), func(t *testing.T) {
						host := tapHost(t, widget.URL, tapQuery+"&lang="+lang, kind)
						var b *browser
						// open loads the host page afresh (from a blank page, so that no
						// check reads the previous one) and waits for its widget.
						open := func() {
							t.Helper()
							b.run(t, "open the host page", chromedp.Navigate("about:blank"), chromedp.Navigate(crossSite(host.URL)+"/"),
								waitFor(`parseFloat(document.getElementById("w").style.height || "0") > 100`))
							for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
								if v, ok := frameEval[bool](t, b, `document.readyState === "complete" && document.documentElement.dataset.wasm === "idle"`); ok && v {
									break
								}
								if time.Now().After(deadline) {
									t.Fatal("the widget did not load")
								}
							}
						}
						// A link that leaves the widget opens a new tab where the
						// frame may, and otherwise shows its address to copy.
						leaves := func(what string) {
							t.Helper()
							stillWidget(t, b, widget.URL, what)
							switch tabs := newTabs(t, b); {
							case kind.popups && len(tabs) == 0:
								t.Errorf("%s opened no tab from a frame that may open them", what)
							case !kind.popups && len(tabs) > 0:
								t.Errorf("%s opened %v from a frame that may open no tab", what, tabs)
							case !kind.popups && kind.fragment == "" && !shownInFrame(t, b, "#link-blocked code"):
								t.Errorf("after %s in a frame that may open no tab, the widget does not show the address", what)
							}
						}

						// Before the app runs: a fresh frame for each tap, whose
						// navigation is what could break it.
						b = newBrowser(t, vp.width, vp.height)
						for _, link := range []struct {
							what, sel, leadsTo string
							stays              bool
						}{
							{"a value in the table", "a.fact", "fact=", true},
							{"show all", ".more-rows a", "more=1", true},
							{"a messenger's name", "th.app-name a", "", false},
							{"the link to the full comparison", "a.brand", "", false},
						} {
							open()
							tapIn(t, b, link.sel, link.what+" before the app runs")
							if link.stays {
								stillWidget(t, b, widget.URL, link.what, link.leadsTo+"", kind.fragment)
							} else {
								leaves(link.what)
							}
						}
						// A reason in "why not?", opened without an event that
						// would start the app.
						open()
						frameEval[bool](t, b, `document.getElementById("why-not-part").open = true`)
						tapIn(t, b, "[data-excluded] .reasons a", "a reason's value before the app runs")
						stillWidget(t, b, widget.URL, "a reason's value", "fact=", kind.fragment)
						// A fact opened before the app runs, its source, closing it.
						open()
						tapIn(t, b, "a.fact", "a value before the app runs")
						stillWidget(t, b, widget.URL, "a value", "fact=", kind.fragment)
						if !shownInFrame(t, b, "#detail .sources a") {
							t.Fatal("a value tapped before the app runs shows no sources")
						}
						tapIn(t, b, "#detail .sources a", "a source before the app runs")
						leaves("a source")
						tapIn(t, b, "#detail a.close", "close before the app runs")
						stillWidget(t, b, widget.URL, "close")
						b.checkClean(t, widget.URL, crossSite(widget.URL), crossSite(host.URL))

						// After the app runs: every kind in one frame.
						b = newBrowser(t, vp.width, vp.height)
						open()
						b.run(t, "start the app", wakeFrame("w"), waitFor(`document.getElementById("w").hasAttribute("data-msgcompare-ready")`))
						for _, link := range []struct {
							what, sel string
							stays     bool
						}{
							{"a value in the table", "a.fact", true},
							{"a source", "#detail .sources a", false},
							{"all facts of the messenger", "#detail p:last-child > a", false},
							{"close", "#detail a.close", true},
							{"a messenger's name", "th.app-name a", false},
							{"the link to the full comparison", "a.brand", false},
							{"show all", ".more-rows a", true},
							{"why not?", "#why-not-part > summary", true},
							{"a reason's value", "[data-excluded] .reasons a", true},
						} {
							tapIn(t, b, link.sel, link.what+" after the app runs")
							if link.stays {
								stillWidget(t, b, widget.URL, link.what+" after the app runs")
							} else {
								leaves(link.what + " after the app runs")
							}
						}
						if !shownInFrame(t, b, "#detail .sources a") {
							t.Error("a reason's value tapped after the app runs opens no fact")
						}
						b.checkClean(t, widget.URL, crossSite(widget.URL), crossSite(host.URL))
					})
				}
			}
		})
	}
}

// TestSandboxedWidgetInEveryLanguage embeds the widget in each language
// in a frame sandboxed with allow-scripts only (an opaque origin, as
// WordPress gives it): it starts on a tap, in its language, and a value
// tapped shows its sources, which come in packs fetched across origins.
func TestSandboxedWidgetInEveryLanguage(t *testing.T) {
	t.Parallel()
	widget := startServe(t)
	for _, lang := range realCatalog(t).Langs() {
		t.Run(lang, func(t *testing.T) {
			host := tapHost(t, widget.URL, "/embed?apps=briar,signal&criteria=forward_secrecy&lang="+lang, frameKinds[1])
			b := newBrowser(t, 1280, 900)
			b.run(t, "open the host page", chromedp.Navigate(crossSite(host.URL)+"/"),
				waitFor(`parseFloat(document.getElementById("w").style.height || "0") > 100`),
				wakeFrame("w"), waitFor(`document.getElementById("w").hasAttribute("data-msgcompare-ready")`))
			if got, _ := frameEval[string](t, b, `document.documentElement.lang + " " + document.documentElement.dataset.wasm`); got != lang+" ready" {
				t.Errorf("the widget is %q, want %q", got, lang+" ready")
			}
			tapIn(t, b, "a.fact", "a value")
			if !shownInFrame(t, b, "#detail .sources a") {
				t.Fatal("the opened fact shows no sources")
			}
			if failed, _ := frameEval[bool](t, b, `!!document.querySelector("#detail .pending")`); failed {
				t.Error("the opened fact says its evidence did not load")
			}
			b.checkClean(t, widget.URL, crossSite(host.URL))
		})
	}
}

// TestBuilderPreviewHasItsHeightBeforeTheAppRuns: an operator sees the
// widget at its real height at once, not a fixed box until a tap.
func TestBuilderPreviewHasItsHeightBeforeTheAppRuns(t *testing.T) {
	t.Parallel()
	ts := startServe(t)
	b := newBrowser(t, 1280, 900)
	b.run(t, "open the builder", chromedp.Navigate(ts.URL+"/embed/builder?apps=signal,briar,simplex,session&criteria=forward_secrecy"),
		waitFor(`parseFloat(document.querySelector("iframe.preview").style.height || "0") > 100`))
	if state := eval[string](t, b, `document.documentElement.dataset.wasm`); state != "idle" {
		t.Errorf("the app is %q: the preview was sized by it, not before it", state)
	}
	snippet := eval[string](t, b, `document.getElementById("snippet").value`)
	if strings.Count(snippet, ",") > 4 || !strings.Contains(snippet, "apps=signal,briar,simplex,session") {
		t.Errorf("the snippet is not the short one:\n%s", snippet)
	}
}
