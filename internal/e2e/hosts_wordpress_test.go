package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// wordPress is a running WordPress of .ci/wordpress, at
// http://localhost:PORT: another site than the widget's 127.0.0.1.
type wordPress struct {
	url  string
	port int
}

// startWordPress serves the WordPress that `.ci/wordpress install` set up
// (Debian's packages, MariaDB, php -S) on a free port of localhost.
func startWordPress(t *testing.T) *wordPress {
	t.Helper()
	needHostTool(t, "WordPress", "run `.ci/wordpress install` (as .ci/run does)",
		"/usr/share/wordpress/wp-load.php", "/usr/share/wordpress/wp-includes/js/wp-embed.min.js",
		"/etc/wordpress/config-localhost.php", "php", "mariadb")
	port := freePort(t)
	wp := &wordPress{url: fmt.Sprintf("http://localhost:%d", port), port: port}
	script, _ := filepath.Abs(filepath.Join(repoRoot, ".ci", "wordpress"))
	startHostProcess(t, wp.url+"/wp-includes/js/wp-embed.min.js", script, "serve", fmt.Sprint(port))
	return wp
}

// publish creates a new post with body as its content, as an author would
// paste it, and returns its URL. Every run makes its own posts: WordPress
// keeps a failed oEmbed lookup ({{unknown}}) in the post for good, and the
// widget's port changes from run to run anyway. A passing test deletes
// them.
func (wp *wordPress) publish(t *testing.T, title, body string) string {
	t.Helper()
	cmd := exec.Command(filepath.Join(repoRoot, ".ci", "wordpress"), "post", fmt.Sprint(wp.port), title)
	cmd.Stdin = strings.NewReader(body)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf(".ci/wordpress post: %v\n%s", err, out)
	}
	id, link, ok := strings.Cut(strings.TrimSpace(string(out)), " ")
	if !ok {
		t.Fatalf(".ci/wordpress post printed %q, want ID URL", out)
	}
	t.Cleanup(func() {
		if !t.Failed() {
			exec.Command(filepath.Join(repoRoot, ".ci", "wordpress"), "delete", id).Run()
		}
	})
	return link
}

// checkOEmbedProvider checks, before WordPress looks, what WordPress will
// look for: the page's discovery link and the JSON answer of its
// endpoint, so that a failure names the missing piece.
func checkOEmbedProvider(t *testing.T, pageURL string) {
	t.Helper()
	res, body := fetch(t, pageURL)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s", pageURL, res.Status)
	}
	link := regexp.MustCompile(`<link[^>]+type="?application/json\+oembed"?[^>]*>`).FindString(body)
	if link == "" {
		t.Fatalf("%s has no oEmbed discovery link (<link rel=\"alternate\" type=\"application/json+oembed\" href=\"…/oembed?url=…\">): WordPress cannot find the provider", pageURL)
	}
	m := regexp.MustCompile(`href="?([^" >]+)`).FindStringSubmatch(link)
	if m == nil {
		t.Fatalf("the discovery link has no href: %s", link)
	}
	endpoint := html.UnescapeString(m[1])
	res, body = fetch(t, endpoint+"&maxwidth=500&maxheight=750&dnt=1")
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s, want 200 with oEmbed 1.0 JSON", endpoint, res.Status)
	}
	var ans struct {
		Version string `json:"version"`
		Type    string `json:"type"`
		HTML    string `json:"html"`
		Height  any    `json:"height"`
	}
	if err := json.Unmarshal([]byte(body), &ans); err != nil {
		t.Fatalf("%s answered no JSON: %v\n%s", endpoint, err, tail(body, 500))
	}
	if ans.Version != "1.0" || ans.Type != "rich" || !strings.Contains(ans.HTML, "<iframe") {
		t.Fatalf("%s answered version %q, type %q, html %q: want oEmbed 1.0, rich, with an iframe", endpoint, ans.Version, ans.Type, ans.HTML)
	}
	if !regexp.MustCompile(`(?s)<blockquote.*</blockquote>\s*<iframe`).MatchString(ans.HTML) {
		t.Errorf("the oEmbed html has no <blockquote> before its <iframe>: WordPress then leaves out wp-embed.js and nothing sizes the frame\n%s", ans.HTML)
	}
}

// wpEmbeds finds the embeds WordPress wrote into a post, as served, and
// checks each went through its sanitizer as an untrusted provider's
// does: sandboxed, with a secret in its src and on the element.
func wpEmbeds(t *testing.T, postHTML, widgetOrigin string) []string {
	t.Helper()
	var srcs []string
	for _, tag := range regexp.MustCompile(`<iframe[^>]*>`).FindAllString(postHTML, -1) {
		m := regexp.MustCompile(` src="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			continue
		}
		src := html.UnescapeString(m[1])
		if !strings.HasPrefix(src, widgetOrigin+"/") {
			continue
		}
		srcs = append(srcs, src)
		u, err := url.Parse(src)
		if err != nil {
			t.Errorf("iframe src %q: %v", src, err)
			continue
		}
		secret, ok := strings.CutPrefix(u.Fragment, "?secret=")
		if !ok || secret == "" {
			t.Errorf("the iframe's src carries no #?secret=: %s", tag)
		}
		if !strings.HasPrefix(u.Path, "/embed") {
			t.Errorf("the iframe shows %s, want the widget (/embed)", u.Path)
		}
		for _, want := range []string{`sandbox="allow-scripts"`, `security="restricted"`, `data-secret="` + secret + `"`, `class="wp-embedded-content"`} {
			if !strings.Contains(tag, want) {
				t.Errorf("the iframe lacks %s: %s", want, tag)
			}
		}
	}
	return srcs
}

// widgetLinkKinds are the kinds of link inside the widget, each found by a
// selector; the source link is in a fact, opened first.
var widgetLinkKinds = []struct{ name, sel string }{
	{"a value", "a.fact"},
	{"a source in an opened fact", ".sources a[href]"},
	{"a messenger's name", ".app-name a"},
	{"the link to the full comparison", "a.brand"},
}

// TestHostsWordPress pastes msgcompare URLs, each on its own line, into
// posts of a real WordPress (Debian's package): WordPress discovers the
// provider, keeps the iframe through its sanitizer, its own wp-embed.js
// sizes the frame from the widget's secret height messages, the widget
// starts inside WordPress's sandbox, and no tap on any kind of link
// breaks it, on a phone and a desktop, in English and Persian, before and
// after its app runs.
func TestHostsWordPress(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	wp := startWordPress(t)
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	widget := startServeAt(t, addr, "-public-url", "http://"+addr+"/")
	checkOEmbedProvider(t, widget.URL+"/compare?apps=signal,briar")
	checkOEmbedProvider(t, widget.URL+"/embed?apps=signal,briar&criteria=forward_secrecy")

	for _, lang := range []struct{ code, name, param string }{{"en", "English", ""}, {"fa", "Persian", "&lang=fa"}} {
		t.Run("in "+lang.name, func(t *testing.T) {
			t.Parallel()
			compareURL := widget.URL + "/compare?apps=signal,briar" + lang.param
			embedURL := widget.URL + "/embed?apps=signal,briar&criteria=forward_secrecy" + lang.param
			post := wp.publish(t, "Which messenger? ("+lang.name+")", fmt.Sprintf(
				"Two messengers side by side:\n\n%s\n\nAnd the widget for one criterion:\n\n%s\n\nThat is all.\n", compareURL, embedURL))
			_, body := fetch(t, post)
			srcs := wpEmbeds(t, body, widget.URL)
			if len(srcs) != 2 {
				t.Fatalf("the post has %d msgcompare iframes, want 2 (one per URL); WordPress wrote:\n%s", len(srcs), postContent(body))
			}
			if !strings.Contains(body, "wp-embed") {
				t.Errorf("the post does not load wp-embed.js, which sizes the frames")
			}
			for _, vp := range hostViewports {
				t.Run("on a "+vp.name, func(t *testing.T) {
					wordPressOnScreen(t, vp, lang.code, post, widget.URL)
				})
			}
		})
	}
}

// postContent is the part of a post page around its content, for a
// failure's message.
func postContent(page string) string {
	if i := strings.Index(page, "Two messengers"); i >= 0 {
		return tail(page[i:min(len(page), i+1500)], 1500)
	}
	return tail(page, 1500)
}

// recordMessagesJS keeps, in the host page only, every message a frame
// posts to it, for a failure's message.
const recordMessagesJS = `if (self === top) { self.msgcompareSeen = []; addEventListener("message", e => self.msgcompareSeen.push(JSON.stringify(e.data))); }`

// wordPressOnScreen opens the post on one screen: both frames sized by
// wp-embed.js, the widget interactive, then every kind of link tapped,
// before and after the app runs.
func wordPressOnScreen(t *testing.T, vp hostViewport, lang, post, widgetOrigin string) {
	b := newHostBrowser(t, vp)
	b.run(t, "record the frames' messages", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordMessagesJS})
		return err
	}))
	const sel = `iframe.wp-embedded-content[src*="criteria=forward_secrecy"]`
	open := func(t *testing.T) *widgetFrame {
		t.Helper()
		b.run(t, "open the post", chromedp.Navigate(post))
		f := findWidgetFrame(t, b, sel, widgetOrigin)
		// wp-embed.js shows the frame (it drops the clip WordPress put on
		// it) on the first message that carries the frame's secret.
		for deadline := time.Now().Add(15 * time.Second); eval[bool](t, b, fmt.Sprintf(`document.querySelector(%q).hasAttribute("style")`, sel)); {
			if time.Now().After(deadline) {
				t.Fatalf("wp-embed.js never showed the frame: no message with its secret came (messages seen: %s)", eval[string](t, b, `(self.msgcompareSeen || []).join(" ")`))
			}
			time.Sleep(200 * time.Millisecond)
		}
		return f
	}

	f := open(t)
	if shown := eval[bool](t, b, `[...document.querySelectorAll("blockquote.wp-embedded-content")].every(q => getComputedStyle(q).display === "none")`); !shown {
		t.Error("wp-embed.js did not hide the fallback blockquotes")
	}
	f.checkSized(t, "before the app runs", 200, 1000)
	if h := f.iframeHeight(t); h <= 200 || h >= 1000 {
		t.Errorf("the frame is %v px tall: wp-embed.js clamped it (the widget is %v px tall), want a widget between 200 and 1000 px", h, f.contentHeight(t))
	}
	if lang == "fa" {
		if dir := inFrame[string](t, f, `document.documentElement.dir`); dir != "rtl" {
			t.Errorf("the Persian widget's <html dir> = %q, want rtl", dir)
		}
	}
	f.wake(t)
	f.checkSized(t, "with the app running", 200, 1000)
	if over := inFrame[float64](t, f, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
		t.Errorf("the widget scrolls sideways by %v px inside WordPress's frame", over)
	}
	if over := eval[float64](t, b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
		t.Errorf("the post scrolls sideways by %v px with the widget in it: the frame is %s (WordPress keeps the iframe's width attribute and drops its style)", over,
			eval[string](t, b, fmt.Sprintf(`(() => { const f = document.querySelector(%q); return f.getBoundingClientRect().width + " px wide (width=\"" + f.getAttribute("width") + "\") on a screen " + screen.width + " px wide"; })()`, sel)))
	}
	f.hostShot(t, vp, "wordpress-"+vp.name+"-"+lang)

	for _, state := range []string{"before", "after"} {
		for _, kind := range widgetLinkKinds {
			t.Run("a tap on "+kind.name+" "+state+" the app runs", func(t *testing.T) {
				f := open(t)
				if state == "after" {
					f.wake(t)
				} else if st := inFrame[string](t, f, `document.documentElement.dataset.wasm`); st != "idle" {
					t.Fatalf("the widget's app is %q before the first tap, want idle (it starts on intent)", st)
				}
				if kind.sel == ".sources a[href]" {
					if !f.tap(t, vp, "a.fact") {
						t.Fatal("the widget shows no value (a.fact) to open")
					}
					if why := f.afterTap(t, post, widgetOrigin); why != "" {
						t.Fatalf("opening a fact: %s", why)
					}
					f.waitIn(t, "the opened fact shows its sources", `[...document.querySelectorAll(".sources a[href]")].some(e => e.getClientRects().length > 0)`, 20*time.Second)
				}
				href := inFrame[string](t, f, fmt.Sprintf(`(([...document.querySelectorAll(%q)].find(e => e.getClientRects().length > 0)) || {}).href || ""`, kind.sel))
				if !f.tap(t, vp, kind.sel) {
					t.Fatalf("the widget shows no %s (%s)", kind.name, kind.sel)
				}
				if why := f.afterTap(t, post, widgetOrigin); why != "" {
					t.Fatal(why)
				}
				if kind.sel == ".sources a[href]" && eval[string](t, b, `location.href`) == post {
					// WordPress's frame may open no tab, and WordPress follows
					// no link to another site: the reader must still see
					// where the link leads, once the app that the tap
					// started has rendered.
					f.waitIn(t, "the app the tap started", `document.documentElement.dataset.wasm === "ready"`, 60*time.Second)
					time.Sleep(500 * time.Millisecond)
					if !inFrame[bool](t, f, fmt.Sprintf(`[...document.querySelectorAll("[role=status]:not([hidden]), [role=alert]:not([hidden])")].some(e => e.getClientRects().length > 0 && e.textContent.includes(%q))`, href)) {
						t.Errorf("the tap on the source %s did nothing a reader can see: no tab, and no notice with its address once the app runs", href)
					}
				}
			})
		}
	}
}
