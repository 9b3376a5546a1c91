package e2e

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The end-to-end tests run what users run: the built bin/serve (make
// build) with the flags of the README, and static hosts serving what
// `bin/serve -export` wrote, driven by headless Chromium. One Chromium
// serves the whole package (TestMain); each test gets a fresh incognito
// browser context of it, so tests share no cookies, caches or service
// workers and may run in parallel. Under -short every browser test skips.

// shared is the package's one Chromium, started by TestMain unless -short
// or no Chromium is installed; missing says why it is not there.
type sharedBrowser struct {
	ctx     context.Context // the browser's first tab: parent of every test's context
	missing string
}

// chrome is set once, by TestMain, before any test runs.
var chrome sharedBrowser

func TestMain(m *testing.M) {
	flag.Parse()
	// These tests drive bin/serve, Chromium, nginx and the checkers that
	// make test builds and installs. go test ./... on a fresh clone (no
	// bin/serve yet) and go test -short skip them; under CI=true a
	// missing bin/serve fails them.
	_, err := os.Stat(filepath.Join(repoRoot, "bin", "serve"))
	if testing.Short() || err != nil && os.Getenv("CI") != "true" {
		fmt.Println("end-to-end tests skipped: -short, or no bin/serve yet (make test-e2e builds it and runs them)")
		os.Exit(0)
	}
	cancel := startChrome()
	code := m.Run()
	cancel()
	removeSharedExports()
	os.Exit(code)
}

// startChrome starts the shared browser. Site isolation is off so that
// the requests of cross-site iframes show in the page's own network log
// (the embed tests check that nothing leaves for another origin).
func startChrome() context.CancelFunc {
	if testing.Short() {
		chrome.missing = "browser tests skipped under -short"
		return func() {}
	}
	path := ""
	for _, name := range []string{os.Getenv("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); name != "" && err == nil {
			path = p
			break
		}
	}
	if path == "" {
		chrome.missing = "no Chromium found (install the Debian package chromium)"
		return func() {}
	}
	profile, err := os.MkdirTemp("", "msgcompare-chromium-")
	if err != nil {
		chrome.missing = err.Error()
		return func() {}
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.UserDataDir(profile),
	)
	ctx, cancelCtx := chromedp.NewContext(actx)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`1`)); err != nil {
		chrome.missing = "starting Chromium: " + err.Error()
	}
	chrome.ctx = ctx
	return func() { cancelCtx(); cancelAlloc(); os.RemoveAll(profile) }
}

// needBrowser skips (or, under CI=true, fails) a test when the shared
// browser is not there.
func needBrowser(t testing.TB) {
	t.Helper()
	if chrome.ctx != nil && chrome.missing == "" {
		return
	}
	if os.Getenv("CI") == "true" && !testing.Short() {
		t.Fatalf("%s; CI=true requires the browser tests", chrome.missing)
	}
	t.Skip(chrome.missing)
}

// browser is one tab in a fresh incognito context of the shared Chromium,
// with a record of every request it made and every uncaught error, so that
// tests can hold the privacy promise (no other origin) and the robustness
// promise (no error).
type browser struct {
	ctx      context.Context
	close    func() // closes the tab (also at the end of the test)
	mu       sync.Mutex
	requests []string
	errors   []string
}

// newBrowser opens a tab of width x height CSS pixels in a new incognito
// context. A test's tab gives up after 90 seconds; a benchmark's runs as
// long as the benchmark does.
func newBrowser(t testing.TB, width, height int) *browser {
	t.Helper()
	needBrowser(t)
	ctx, cancelCtx := chromedp.NewContext(chrome.ctx, chromedp.WithNewBrowserContext())
	cancelTimeout := context.CancelFunc(func() {})
	if _, bench := t.(*testing.B); !bench {
		ctx, cancelTimeout = context.WithTimeout(ctx, 90*time.Second)
	}
	b := &browser{ctx: ctx, close: func() { cancelTimeout(); cancelCtx() }}
	t.Cleanup(b.close)
	err := chromedp.Listen(ctx, func(ev any) {
		b.mu.Lock()
		defer b.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.requests = append(b.requests, e.Request.URL)
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			b.errors = append(b.errors, fmt.Sprintf("%s (%s:%d)", msg, d.URL, d.LineNumber+1))
		}
	})
	if err == nil {
		err = chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), int64(height)))
	}
	if err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return b
}

// uncaught returns the uncaught JavaScript errors seen so far.
func (b *browser) uncaught() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errors...)
}

// run executes steps and fails the test with what it was doing.
func (b *browser) run(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and returns its value.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitReady starts the app as a reader would (docs/contract.md §6: it boots on
// the first pointerdown, touchstart, keydown or focusin) and waits until
// it has booted and rendered.
func waitReady() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](wakeJS+`, document.documentElement.dataset.wasm === "ready"`,
		chromedp.WithPollingTimeout(45*time.Second))
}

// waitLoaded waits until a page is what a reader meets: the running app,
// or, on a static page of links that starts no app (data-static: /changes,
// the 404 page), the loaded document.
func waitLoaded() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`document.querySelector("[data-static]") ? document.readyState === "complete" : (`+wakeJS+`, document.documentElement.dataset.wasm === "ready")`,
		chromedp.WithPollingTimeout(45*time.Second))
}

// wakeJS dispatches the intent that starts the app while it is idle.
const wakeJS = `(document.documentElement.dataset.wasm === "idle" && dispatchEvent(new Event("pointerdown")))`

// waitFor waits until a JavaScript condition holds.
func waitFor(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(15*time.Second))
}

// waitAcrossLoads is waitFor while the page loads another (a form sent
// without the app): a poll that the navigation cuts off starts again on
// the new page, for up to 15 seconds in all.
func waitAcrossLoads(expr string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(15 * time.Second)
		for {
			err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(time.Until(deadline))))
			if err == nil || time.Now().After(deadline) || ctx.Err() != nil {
				return chromedp.Void{}, err
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

// checkClean fails on any request to another origin than allowed, and on
// any uncaught JavaScript error.
func (b *browser) checkClean(t *testing.T, origins ...string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, u := range b.requests {
		ok := strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "blob:")
		for _, o := range origins {
			ok = ok || strings.HasPrefix(u, o+"/") || u == o
		}
		if !ok {
			t.Errorf("request to another origin: %s", u)
		}
	}
	for _, e := range b.errors {
		t.Errorf("uncaught error in the page: %s", e)
	}
}

// screenshot saves a full-page PNG under out/screenshots for people to look at.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := filepath.Join(repoRoot, "out", "screenshots")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func count(sel string) string {
	return fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)
}
