package e2e

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The host tests (hosts_*_test.go) put the widget where sites put it: a
// post of a real WordPress that found it by oEmbed, a Hugo site that uses
// the shortcode of docs/hugo, an MkDocs Material page with the snippet of
// docs/embedding.md. They read and tap inside the widget's frame through
// the DevTools protocol, in an isolated world of that frame: the frame is
// cross-site and often sandboxed, so the host page's own scripts cannot
// reach it, and the test must not change what the page's scripts see.

// needHostTool skips a host test when its platform is not installed, or
// fails it under CI=true, where .ci/run installs every one of them.
func needHostTool(t testing.TB, what, install string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		var err error
		if filepath.IsAbs(p) {
			_, err = os.Stat(p)
		} else {
			_, err = exec.LookPath(p)
		}
		if err == nil {
			continue
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (%s missing); CI=true requires it: %s", what, p, install)
		}
		t.Skipf("%s is not installed (%s missing): %s, then run the test again (required under CI=true)", what, p, install)
	}
}

// hostViewport is a reader's screen: a phone taps with a finger (touch
// emulation), a desktop clicks with a mouse.
type hostViewport struct {
	name          string
	width, height int
	touch         bool
}

var hostViewports = []hostViewport{{"phone", 390, 844, true}, {"desktop", 1280, 900, false}}

// newHostBrowser opens a tab of vp's size; a phone's tab is a mobile one
// with touch, so that its taps are touches.
func newHostBrowser(t *testing.T, vp hostViewport) *browser {
	t.Helper()
	b := newBrowser(t, vp.width, vp.height)
	if vp.touch {
		b.run(t, "emulate a phone", chromedp.EmulateViewport(int64(vp.width), int64(vp.height), chromedp.EmulateMobile, chromedp.EmulateTouch))
	}
	return b
}

// startHostProcess runs a host's server (args[0] with the rest) in a
// process group of its own, waits until url answers, and stops the group
// at the end of the test.
func startHostProcess(t testing.TB, url string, args ...string) *staticHost {
	t.Helper()
	cmd := exec.Command(args[0], args[1:]...)
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", strings.Join(args, " "), err)
	}
	h := &staticHost{url: url, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(h.done) }()
	t.Cleanup(func() {
		h.stop()
		if t.Failed() {
			t.Logf("%s output:\n%s", strings.Join(args, " "), tail(log.String(), 4000))
		}
	})
	for deadline := time.Now().Add(30 * time.Second); ; {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			return h
		}
		select {
		case <-h.done:
			t.Fatalf("%s exited: %s", strings.Join(args, " "), tail(log.String(), 4000))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer at %s", strings.Join(args, " "), url)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// snippetOnScreen opens a host page that embeds the widget as
// docs/embedding.md says (the snippet, or the Hugo shortcode's output) and
// checks the frame matching sel: the widget loads in it, embed.js sizes
// it to its content, a Persian widget is right to left, a touch starts
// its app, and embed.js follows the new height. It writes the screenshot
// shot (see hostShot) with the app running.
func snippetOnScreen(t *testing.T, vp hostViewport, pageURL, sel, widgetOrigin, lang, shot string) (*browser, *widgetFrame) {
	t.Helper()
	b := newHostBrowser(t, vp)
	b.run(t, "open "+pageURL, chromedp.Navigate(pageURL))
	f := findWidgetFrame(t, b, sel, widgetOrigin)
	if !inFrame[bool](t, f, `!!document.querySelector(".page.embed")`) {
		t.Fatalf("the frame does not show the widget: %s", inFrame[string](t, f, `document.title`))
	}
	wantDir := "ltr"
	if lang == "fa" {
		wantDir = "rtl"
	}
	if got := inFrame[string](t, f, `getComputedStyle(document.documentElement).direction + " " + document.documentElement.lang`); got != wantDir+" "+lang {
		t.Errorf("the widget's direction and <html lang> are %q, want %q", got, wantDir+" "+lang)
	}
	f.checkSized(t, "sized by embed.js before the app runs", 0, 100000)
	f.wake(t)
	b.run(t, "embed.js marks the frame ready", waitFor(fmt.Sprintf(`document.querySelector(%q).hasAttribute("data-msgcompare-ready")`, sel)))
	f.checkSized(t, "sized by embed.js with the app running", 0, 100000)
	if over := inFrame[float64](t, f, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
		t.Errorf("the widget scrolls sideways by %v px in its frame", over)
	}
	if over := eval[float64](t, b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
		t.Errorf("the host page scrolls sideways by %v px with the widget in it", over)
	}
	f.hostShot(t, vp, shot)
	return b, f
}
