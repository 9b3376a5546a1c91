package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// widgetFrame is the frame of one embedded widget, known by the iframe
// element that holds it in the host page (a CSS selector there) and by its
// DevTools frame id, which stays the same when the frame navigates.
type widgetFrame struct {
	b   *browser
	sel string // the iframe in the host page
	id  cdp.FrameID
}

// findWidgetFrame waits until the host page has an iframe matching sel
// whose document, on origin, has loaded, and returns it.
func findWidgetFrame(t *testing.T, b *browser, sel, origin string) *widgetFrame {
	t.Helper()
	b.run(t, "wait for the iframe "+sel, waitFor(fmt.Sprintf(`document.querySelector(%q) !== null`, sel)))
	want := eval[string](t, b, fmt.Sprintf(`document.querySelector(%q).src.split("#")[0]`, sel))
	deadline := time.Now().Add(30 * time.Second)
	for {
		for _, fr := range childFrames(t, b) {
			if fr.URL == want && strings.HasPrefix(fr.URL, origin+"/") {
				f := &widgetFrame{b: b, sel: sel, id: fr.ID}
				if ok, _ := evalFrame[bool](f, `document.readyState === "complete"`); ok {
					return f
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no loaded frame for %s at %s; frames: %s", sel, want, frameList(t, b))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// childFrames lists every frame of the tab but the top one.
func childFrames(t *testing.T, b *browser) []*cdp.Frame {
	t.Helper()
	tree, err := chromedp.Run(b.ctx, func(ctx context.Context, tg *chromedp.Target) (*page.FrameTree, error) {
		r, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
		return r.FrameTree, err
	})
	if err != nil {
		t.Fatalf("reading the frame tree: %v", err)
	}
	var out []*cdp.Frame
	var walk func(ft *page.FrameTree)
	walk = func(ft *page.FrameTree) {
		for _, c := range ft.ChildFrames {
			out = append(out, c.Frame)
			walk(c)
		}
	}
	walk(tree)
	return out
}

func frameList(t *testing.T, b *browser) string {
	var s []string
	for _, f := range childFrames(t, b) {
		s = append(s, f.URL)
	}
	return strings.Join(s, ", ")
}

// frame returns the frame's current state (its URL and, for an error
// page, the URL it could not show), or nil when it is gone.
func (f *widgetFrame) frame(t *testing.T) *cdp.Frame {
	t.Helper()
	for _, fr := range childFrames(t, f.b) {
		if fr.ID == f.id {
			return fr
		}
	}
	return nil
}

// evalFrame evaluates a JavaScript expression in an isolated world of the
// frame (it shares the frame's DOM, not its scripts' globals) and returns
// its value. Promises are awaited.
func evalFrame[T any](f *widgetFrame, expr string) (T, error) {
	var zero T
	return chromedp.Run(f.b.ctx, func(ctx context.Context, tg *chromedp.Target) (T, error) {
		w, err := cdp.Call(ctx, tg, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: f.id, WorldName: "msgcompare-test"})
		if err != nil {
			return zero, err
		}
		yes := true
		r, err := cdp.Call(ctx, tg, runtime.Evaluate, runtime.EvaluateParams{
			Expression: expr, ContextID: w.ExecutionContextID, ReturnByValue: &yes, AwaitPromise: &yes,
		})
		if err != nil {
			return zero, err
		}
		if r.ExceptionDetails != nil {
			msg := r.ExceptionDetails.Text
			if r.ExceptionDetails.Exception != nil {
				msg += " " + r.ExceptionDetails.Exception.Description
			}
			return zero, fmt.Errorf("in the frame: %s", msg)
		}
		var v T
		if r.Result == nil || len(r.Result.Value) == 0 {
			return zero, fmt.Errorf("in the frame: %s gave no value", expr)
		}
		if err := json.Unmarshal(r.Result.Value, &v); err != nil {
			return zero, fmt.Errorf("in the frame: %s: %v", expr, err)
		}
		return v, nil
	})
}

// inFrame evaluates expr in the frame and fails the test on an error.
func inFrame[T any](t *testing.T, f *widgetFrame, expr string) T {
	t.Helper()
	v, err := evalFrame[T](f, expr)
	if err != nil {
		t.Fatalf("evaluating %s in the widget's frame: %v", expr, err)
	}
	return v
}

// waitIn waits until expr holds in the frame.
func (f *widgetFrame) waitIn(t *testing.T, what, expr string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	var last error
	for {
		ok, err := evalFrame[bool](f, expr)
		if err == nil && ok {
			return
		}
		last = err
		if time.Now().After(deadline) {
			t.Fatalf("%s: %s did not hold in the widget's frame within %v (last error: %v)", what, expr, timeout, last)
		}
		time.Sleep(150 * time.Millisecond)
	}
}

// wake starts the widget's app as a reader's first touch would
// (docs/contract.md §6) and waits until it has booted and rendered.
func (f *widgetFrame) wake(t *testing.T) {
	t.Helper()
	f.waitIn(t, "start the widget's app",
		`(document.documentElement.dataset.wasm === "idle" && dispatchEvent(new Event("pointerdown")), document.documentElement.dataset.wasm === "ready")`,
		60*time.Second)
}

// contentHeight is the height of the widget's document, as its messages
// report it.
func (f *widgetFrame) contentHeight(t *testing.T) float64 {
	return inFrame[float64](t, f, `Math.ceil(document.documentElement.getBoundingClientRect().height)`)
}

// iframeHeight is the height of the frame in the host page, its border
// and padding left out.
func (f *widgetFrame) iframeHeight(t *testing.T) float64 {
	return eval[float64](t, f.b, fmt.Sprintf(`document.querySelector(%q).clientHeight`, f.sel))
}

// tap touches (on a phone) or clicks (on a desktop) the first element
// matching sel inside the frame, after scrolling the host page so that it
// is on screen. It reports false when there is no such visible element.
func (f *widgetFrame) tap(t *testing.T, vp hostViewport, sel string) bool {
	t.Helper()
	r, err := evalFrame[[]float64](f, fmt.Sprintf(`(() => {
		const el = [...document.querySelectorAll(%q)].find(e => e.getClientRects().length > 0);
		if (!el) return [];
		el.scrollIntoView({block: "nearest", inline: "nearest"});
		const r = el.getBoundingClientRect();
		return [r.left + Math.min(r.width / 2, 20), r.top + r.height / 2];
	})()`, sel))
	if err != nil {
		t.Fatalf("finding %s in the widget: %v", sel, err)
	}
	if len(r) != 2 {
		return false
	}
	// Where the point is on the host's screen, once it is in the middle
	// of it: input events take visual viewport coordinates, which differ
	// from the page's when a phone's browser zoomed out to fit a page
	// wider than the screen.
	pos := eval[[]float64](t, f.b, fmt.Sprintf(`(() => {
		const fr = document.querySelector(%q), vv = visualViewport;
		let r = fr.getBoundingClientRect();
		scrollBy(r.left + fr.clientLeft + %f - vv.offsetLeft - vv.width / 2, r.top + fr.clientTop + %f - vv.offsetTop - vv.height / 2);
		r = fr.getBoundingClientRect();
		return [(r.left + fr.clientLeft + %f - vv.offsetLeft) * vv.scale, (r.top + fr.clientTop + %f - vv.offsetTop) * vv.scale];
	})()`, f.sel, r[0], r[1], r[0], r[1]))
	x, y := pos[0], pos[1]
	if vp.touch {
		f.b.run(t, "tap "+sel, chromedp.TapXY(x, y))
	} else {
		f.b.run(t, "click "+sel, chromedp.MouseClickXY(x, y))
	}
	return true
}

// afterTap says what a tap left behind, once any navigation it started
// has had time to end: "" when the frame still shows the widget (its
// document is still /embed, or an embeddable page under it, and not an
// error page) or when the host page went to msgcompare on purpose (a
// WordPress host follows the widget's {message: "link"}); else what went
// wrong.
func (f *widgetFrame) afterTap(t *testing.T, hostPage, widgetOrigin string) string {
	t.Helper()
	time.Sleep(1500 * time.Millisecond)
	// Let a navigation that started finish.
	f.b.run(t, "let the page settle", chromedp.Poll[chromedp.Void](`document.readyState === "complete"`, chromedp.WithPollingTimeout(30*time.Second)))
	top := eval[string](t, f.b, `location.href`)
	if top != hostPage {
		if !strings.HasPrefix(top, widgetOrigin+"/") {
			return "the host page went to " + top
		}
		if eval[bool](t, f.b, `document.documentElement.dataset.wasm !== undefined && !!document.querySelector("main")`) {
			t.Logf("the host page followed the link to %s", top)
			return ""
		}
		return "the host page went to " + top + ", which is not a msgcompare page"
	}
	fr := f.frame(t)
	if fr == nil {
		return "the widget's frame is gone"
	}
	if fr.UnreachableURL != "" || strings.HasPrefix(fr.URL, "chrome-error:") {
		return fmt.Sprintf("the frame shows the browser's error page (it tried to load %s)", fr.UnreachableURL)
	}
	if !strings.HasPrefix(fr.URL, widgetOrigin+"/embed") {
		return "the frame left the widget for " + fr.URL
	}
	ok, err := evalFrame[bool](f, `document.readyState !== "loading" && !!document.querySelector(".page.embed")`)
	if err != nil || !ok {
		return fmt.Sprintf("the frame at %s does not show the widget (%v)", fr.URL, err)
	}
	notice, _ := evalFrame[string](f, `[...document.querySelectorAll("[role=status]:not([hidden])")].map(e => e.textContent.trim()).filter(Boolean).join(" | ")`)
	t.Logf("the frame shows the widget at %s (status: %s)", strings.TrimPrefix(fr.URL, widgetOrigin), notice)
	return ""
}

// checkSized checks that the host page's script sized the frame to the
// widget's content, within lo..hi (the host's clamp): the height the
// widget reported, not a default.
func (f *widgetFrame) checkSized(t *testing.T, what string, lo, hi float64) {
	t.Helper()
	// Where the reader looks: the browser runs no rendering steps (nor the
	// widget's ResizeObserver) in a cross-site frame off the screen.
	f.b.run(t, "scroll to the frame", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "center"})`, f.sel)))
	var got, want float64
	for deadline := time.Now().Add(15 * time.Second); ; {
		got, want = f.iframeHeight(t), math.Max(lo, math.Min(hi, f.contentHeight(t)))
		if math.Abs(got-want) <= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("%s: the frame is %v px tall, the widget %v px (clamped to %v..%v): the host did not size it from the widget's messages", what, got, f.contentHeight(t), lo, hi)
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("%s: frame %v px tall for content of %v px", what, got, f.contentHeight(t))
}

// hostShot writes a PNG of the host page down to a little below the
// widget's frame, when SCREENSHOTS names a folder
// (relative paths are from the repository's root), for docs/screenshots.
func (f *widgetFrame) hostShot(t *testing.T, vp hostViewport, name string) {
	t.Helper()
	dir := os.Getenv("SCREENSHOTS")
	if dir == "" {
		return
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repoRoot, dir)
	}
	box := eval[[]float64](t, f.b, fmt.Sprintf(`(() => {
		const r = document.querySelector(%q).getBoundingClientRect();
		// From the page's top (its header and title), unless the frame is
		// far below it.
		const top = r.top + scrollY > 700 ? r.top + scrollY - 160 : 0;
		return [top, Math.min(r.bottom + scrollY + 40, document.documentElement.scrollHeight) - top];
	})()`, f.sel))
	// The browser paints no cross-site frame outside the viewport, so the
	// viewport grows to hold the whole picture for the time of the shot.
	emulate := func(h int) chromedp.Action[chromedp.Void] {
		if vp.touch {
			return chromedp.EmulateViewport(int64(vp.width), int64(h), chromedp.EmulateMobile, chromedp.EmulateTouch)
		}
		return chromedp.EmulateViewport(int64(vp.width), int64(h))
	}
	f.b.run(t, "make room for the screenshot", emulate(max(vp.height, int(box[0]+box[1])+1)),
		chromedp.Evaluate[chromedp.Void](`scrollTo(0, 0)`))
	time.Sleep(800 * time.Millisecond)
	png, err := chromedp.Run(f.b.ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		yes := true
		r, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format: page.CaptureScreenshotFormatPng, FromSurface: &yes,
			Clip: &page.Viewport{X: 0, Y: box[0], Width: float64(vp.width), Height: box[1], Scale: 1},
		})
		return r.Data, err
	})
	f.b.run(t, "give the screen back its size", emulate(vp.height))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", filepath.Join(dir, name+".png"))
}
