package main

import (
	"net"
	"net/http"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"

	"msgcompare/web"
)

// liveServer is bin/serve's handler on a fixed address that a test can
// stop and start again with other content, as a deploy would.
type liveServer struct {
	addr string
	hs   *http.Server
}

func startLive(t *testing.T, addr string, s *server) *liveServer {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	l := &liveServer{addr: ln.Addr().String(), hs: newHTTPServer(s)}
	go l.hs.Serve(ln)
	t.Cleanup(func() { l.hs.Close() })
	return l
}

// TestOfflineReloadAndUpdate: after a first visit, with the server
// stopped, a reload renders and filters from the service worker's cache;
// after a deploy of new content, the next visit runs the new version and
// the worker drops the old cache.
func TestOfflineReloadAndUpdate(t *testing.T) {
	chromiumPath(t)
	v1 := newTestServer(t)
	live := startLive(t, "127.0.0.1:0", v1)
	origin := "http://" + live.addr
	b := newBrowser(t, 1280, 800)
	watchPolicies(t, b)
	b.run(t, "first visit", chromedp.Navigate(origin+"/"), waitReady(),
		waitFor(`navigator.serviceWorker.controller !== null`))

	live.hs.Close()
	b.run(t, "reload offline", chromedp.Reload(), waitReady())
	if n := eval[int](t, b, count(`tr[data-app="session"]`)); n != 1 {
		t.Fatalf("offline: session rows = %d, want 1", n)
	}
	b.run(t, "click offline", chromedp.Click(chromedp.CSS(`[data-require="forward_secrecy"]`)))
	if err := chromedp.Do(b.ctx, waitFor(count(`[data-app="session"]`)+` === 0`)); err != nil {
		t.Logf("state: %s", eval[string](t, b, `location.href + " " + document.documentElement.dataset.wasm + " " + document.querySelectorAll('[data-app="session"]').length + " " + document.querySelector('[data-require="forward_secrecy"]').outerHTML`))
		b.screenshot(t, "offline-filter")
		t.Fatalf("filter offline: %v", err)
	}
	if n := eval[int](t, b, count(`[data-excluded="session"]`)); n != 1 {
		t.Errorf("offline: session in the why-not list %d times, want 1", n)
	}
	b.run(t, "open another page offline", chromedp.Navigate(origin+"/about"), waitFor(`document.querySelector("main") !== null`))
	if title := eval[string](t, b, `document.title`); title == "" {
		t.Error("/about offline has no title")
	}

	changed := fstest.MapFS{}
	entries, _ := web.FS.ReadDir(".")
	for _, e := range entries {
		data, _ := web.FS.ReadFile(e.Name())
		changed[e.Name()] = &fstest.MapFile{Data: data}
	}
	changed["app.css"] = &fstest.MapFile{Data: append(changed["app.css"].Data, []byte("\nhtml{--deploy:2}")...)}
	v2 := newTestServerWith(t, config{Web: changed})
	if v2.version == v1.version {
		t.Fatal("the changed content kept the version")
	}
	startLive(t, live.addr, v2)
	b.run(t, "next visit after the deploy", chromedp.Navigate(origin+"/"), waitReady())
	if got := eval[string](t, b, `goappGetenv("GOAPP_VERSION")`); got != v2.version {
		t.Errorf("the next visit runs version %s, want the new %s", got, v2.version)
	}
	if css := eval[string](t, b, `getComputedStyle(document.documentElement).getPropertyValue("--deploy").trim()`); css != "2" {
		t.Errorf("the new stylesheet is not in use (--deploy = %q)", css)
	}
	b.run(t, "the worker moves to the new version",
		waitFor(`(caches.keys().then((k) => window.__msgcKeys = k.join(" ")), window.__msgcKeys === "app-`+v2.version+`")`))
	b.checkClean(t, origin)
}
