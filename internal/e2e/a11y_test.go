package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"msgcompare/app/ui"
)

// The accessibility tests (issue 8) load every page in headless Chromium in
// every theme and language, run axe-core on it, and check zoom and the
// document language. axe-core comes from npm (.ci/npm-install); it is
// injected through the DevTools protocol, which the page's CSP does not see.

// a11yTheme is one theme parameter, seen with the OS colour scheme set.
type a11yTheme struct{ param, os string }

func (th a11yTheme) String() string {
	if th.os == "dark" {
		return th.param + " theme on a dark OS"
	}
	return th.param + " theme"
}

var (
	// a11yThemes checks "auto" under both OS colour schemes, since it
	// follows the OS.
	a11yThemes = []a11yTheme{{"auto", "light"}, {"auto", "dark"}, {"light", "light"}, {"dark", "light"}, {"contrast", "light"}}
	// a11yVariants are views of "/" worth checking besides the plain
	// pages: a requirement fills the why-not list, an unknown parameter
	// shows the notice, the cards view replaces the matrix, and answers
	// to the guide show the shortlist.
	a11yVariants = []string{"/?require=forward_secrecy&no_such_param=1", "/?view=cards", "/?guide=no-phone:yes,devices:ios",
		"/compare?apps=signal,briar,simplex"}
	// axeTags are the rule sets for WCAG 2.0, 2.1 and 2.2, levels A and
	// AA, and axe's best practices (one main landmark, all content in
	// regions, heading order: issue 12).
	axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}
)

// axeSource reads axe-core's browser bundle. Without it the accessibility
// tests skip, except under CI=true, where that is a failure.
func axeSource(t *testing.T) string {
	t.Helper()
	p := filepath.Join(repoRoot, ".ci", "node_modules", "axe-core", "axe.min.js")
	b, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is missing (%v): run .ci/npm-install", err)
		}
		t.Skipf("axe-core is missing; run .ci/npm-install to run the accessibility tests (%v)", err)
	}
	return string(b)
}

// a11yPages lists every page to check: each prerendered route, so that new
// routes are checked as soon as ui.Paths lists them, and a few query views.
func a11yPages(t *testing.T) []string {
	t.Helper()
	pages := append([]string{}, ui.Paths(realCatalog(t))...)
	return append(pages, a11yVariants...)
}

// withParams adds query parameters to a path that may already have some.
func withParams(path, params string) string {
	if strings.Contains(path, "?") {
		return path + "&" + params
	}
	return path + "?" + params
}

// axeViolation is the part of an axe-core result that a reader needs to fix
// a problem.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// targets lists the CSS selectors of the failing elements.
func (v axeViolation) targets() []string {
	var out []string
	for _, n := range v.Nodes {
		parts := make([]string, len(n.Target))
		for i, p := range n.Target {
			parts[i] = fmt.Sprint(p) // a nested list for elements in frames or shadow roots
		}
		out = append(out, strings.Join(parts, " >>> "))
	}
	return out
}

// runAxe injects axe-core into the loaded page and returns its violations.
func runAxe(t *testing.T, b *browser, src string) []axeViolation {
	t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[chromedp.Void](
		`if (!window.axe) { `+src+` }`)); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	tags, _ := json.Marshal(axeTags)
	script := `axe.run(document, {
		runOnly: {type: "tag", values: ` + string(tags) + `},
		resultTypes: ["violations"],
		iframes: false
	}).then(r => r.violations)`
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[[]axeViolation](script, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	return v
}

var perAppRE = regexp.MustCompile(`\[data-(app|excluded)="[^"]*"\]`)

// shapes groups selectors that differ only in the messenger they name, so
// that a rule broken in every column reads as one line with a count.
func shapes(sels []string) (keys []string, n map[string]int) {
	n = map[string]int{}
	for _, s := range sels {
		k := perAppRE.ReplaceAllString(s, `[data-$1=…]`)
		if n[k] == 0 {
			keys = append(keys, k)
		}
		n[k]++
	}
	return keys, n
}

// formatViolations renders violations for a test failure: one paragraph per
// rule, with the first few failing elements.
func formatViolations(vs []axeViolation) string {
	var sb strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&sb, "\n  %s (%s): %s\n    %s\n", v.ID, v.Impact, v.Help, v.HelpURL)
		keys, n := shapes(v.targets())
		for i, k := range keys {
			if i == 6 {
				fmt.Fprintf(&sb, "    … and %d more kinds of element\n", len(keys)-6)
				break
			}
			fmt.Fprintf(&sb, "    - %s", k)
			if n[k] > 1 {
				fmt.Fprintf(&sb, " (%d elements)", n[k])
			}
			sb.WriteString("\n")
		}
		if len(v.Nodes) > 0 {
			first := strings.ReplaceAll(strings.TrimSpace(v.Nodes[0].Summary), "\n", "\n      ")
			fmt.Fprintf(&sb, "    first: %s\n", first)
		}
	}
	return sb.String()
}

// axeTally collects violations across pages for one readable summary.
type axeTally struct {
	mu    sync.Mutex
	rules map[string]*tallyRule
}

type tallyRule struct {
	v        axeViolation
	pages    []string
	examples map[string]bool
}

func (a *axeTally) add(page string, vs []axeViolation) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.rules == nil {
		a.rules = map[string]*tallyRule{}
	}
	for _, v := range vs {
		r := a.rules[v.ID]
		if r == nil {
			r = &tallyRule{v: v, examples: map[string]bool{}}
			a.rules[v.ID] = r
		}
		r.pages = append(r.pages, page)
		keys, _ := shapes(v.targets())
		for _, k := range keys {
			if len(r.examples) < 10 {
				r.examples[k] = true
			}
		}
	}
}

// report writes the summary as Markdown, by rule, most widespread first.
func (a *axeTally) report() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.rules) == 0 {
		return "axe-core: no violations.\n"
	}
	ids := make([]string, 0, len(a.rules))
	for id := range a.rules {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		ri, rj := a.rules[ids[i]], a.rules[ids[j]]
		if len(ri.pages) != len(rj.pages) {
			return len(ri.pages) > len(rj.pages)
		}
		return ids[i] < ids[j]
	})
	var sb strings.Builder
	fmt.Fprintf(&sb, "# axe-core violations (tags %s)\n", strings.Join(axeTags, ", "))
	for _, id := range ids {
		r := a.rules[id]
		fmt.Fprintf(&sb, "\n## %s (%s) on %d page loads\n%s (%s)\n\nPages: ", id, r.v.Impact, len(r.pages), r.v.Help, r.v.HelpURL)
		if len(r.pages) > 6 {
			fmt.Fprintf(&sb, "%s, … (%d more)\n", strings.Join(r.pages[:6], ", "), len(r.pages)-6)
		} else {
			fmt.Fprintf(&sb, "%s\n", strings.Join(r.pages, ", "))
		}
		ex := make([]string, 0, len(r.examples))
		for s := range r.examples {
			ex = append(ex, s)
		}
		sort.Strings(ex)
		sb.WriteString("\nExamples:\n")
		for _, s := range ex {
			fmt.Fprintf(&sb, "- `%s`\n", s)
		}
		if len(r.v.Nodes) > 0 {
			fmt.Fprintf(&sb, "\nFirst failure: %s\n", strings.ReplaceAll(strings.TrimSpace(r.v.Nodes[0].Summary), "\n", " "))
		}
	}
	return sb.String()
}

// writeA11yReport leaves the summary in out/a11y/axe.md for people to read.
func writeA11yReport(t *testing.T, tally *axeTally) {
	t.Helper()
	rep := tally.report()
	dir := filepath.Join(repoRoot, "out", "a11y")
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "axe.md"), []byte(rep), 0o644); err != nil {
		t.Log(err)
	}
	if len(tally.rules) > 0 {
		t.Logf("summary of every violation written to out/a11y/axe.md:\n%s", rep)
	}
}

var htmlLangRE = regexp.MustCompile(`(?i)<html[^>]*\slang="([^"]*)"`)

// servedLang fetches a page as a crawler or a reader without JavaScript
// would, and returns its <html lang>.
func servedLang(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if m := htmlLangRE.FindSubmatch(body); m != nil {
		return string(m[1])
	}
	return ""
}

// colorScheme emulates the OS colour scheme, "light" or "dark".
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return chromedp.Void{}, err
	}
}

// checkPage runs every accessibility check on page in theme th and lang.
func checkPage(t *testing.T, b *browser, src, base, page string, th a11yTheme, lang, device string, tally *axeTally) {
	checkURL(t, b, src, base, withParams(page, "theme="+th.param+"&lang="+lang), lang, th, device, tally)
}

// checkURL runs every accessibility check on path (a page with its theme
// and language parameters, and perhaps a fragment) in theme th and lang.
func checkURL(t *testing.T, b *browser, src, base, path, lang string, th a11yTheme, device string, tally *axeTally) {
	url := base + path
	name := path
	if th.os == "dark" {
		name += " (OS dark)"
	}
	if device != "" {
		name += " (" + device + ")"
	}
	b.run(t, "load "+url, colorScheme(th.os), chromedp.Navigate(url), waitLoaded())
	vs := runAxe(t, b, src)
	tally.add(name, vs)
	if len(vs) > 0 {
		t.Errorf("axe-core: %d rules violated on %s:%s", len(vs), name, formatViolations(vs))
	}
	if got := eval[string](t, b, `document.documentElement.lang`); got != lang {
		t.Errorf("<html lang> in the browser = %q, want %q", got, lang)
	}
	if got := servedLang(t, url); got != lang {
		t.Errorf("<html lang> in the prerendered page = %q, want %q", got, lang)
	}
}

// a11yCombo is one theme and language to check a page in.
type a11yCombo struct {
	theme a11yTheme
	lang  string
}

// a11yPlan chooses the themes and languages to check each page in. With
// A11Y_FULL=1 it is every theme in every language for every page. By
// default, to keep `make test` short: "/" in every theme (in English) and
// every language; every other page in every language, the theme rotating
// so that each page meets every theme; and the per-messenger pages after
// the first (one template, different data) one combination each, in turn.
// Every route is still checked in every theme and every language.
func a11yPlan(pages, langs []string) map[string][]a11yCombo {
	var all []a11yCombo
	for _, th := range a11yThemes {
		for _, lang := range langs {
			all = append(all, a11yCombo{th, lang})
		}
	}
	full := os.Getenv("A11Y_FULL") == "1"
	plan := map[string][]a11yCombo{}
	apps := 0
	for i, page := range pages {
		isApp := strings.HasPrefix(page, "/app/")
		switch {
		case full:
			plan[page] = all
		case isApp && apps > 0:
			plan[page] = []a11yCombo{all[(apps*7)%len(all)]}
		default:
			if page == "/" {
				for _, th := range a11yThemes[1:] {
					plan[page] = append(plan[page], a11yCombo{th, langs[0]})
				}
			}
			for k, lang := range langs {
				plan[page] = append(plan[page], a11yCombo{a11yThemes[(i+k)%len(a11yThemes)], lang})
			}
		}
		if isApp {
			apps++
		}
	}
	return plan
}

// TestAccessibility runs axe-core (WCAG 2.0, 2.1, 2.2 A and AA) on every
// page in its themes and languages (see a11yPlan), on a desktop and a
// phone viewport, and fails listing each violated rule with its elements.
// It also checks <html lang>, in the browser and in the prerendered page.
func TestAccessibility(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
	needBrowser(t)
	ts := startServe(t)
	pages := a11yPages(t)
	langs := realCatalog(t).Langs()
	plan := a11yPlan(pages, langs)
	tally := &axeTally{}
	defer writeA11yReport(t, tally)

	walk := func(t *testing.T, pages []string, combos func(string) []a11yCombo, width, height int, device string) {
		// A new tab every few checks keeps each well within newBrowser's
		// time limit on a busy machine, and saves starting one per check.
		var b *browser
		n := 0
		for _, page := range pages {
			for _, c := range combos(page) {
				if n%a11yPerTab == 0 {
					if b != nil {
						b.checkClean(t, ts.URL)
						b.close()
					}
					b = newBrowser(t, width, height)
				}
				n++
				name := "in " + c.theme.String() + ", " + c.lang
				if len(pages) > 1 {
					name = page + " " + name
				}
				t.Run(name, func(t *testing.T) {
					checkPage(t, b, src, ts.URL, page, c.theme, c.lang, device, tally)
				})
			}
		}
		if b != nil {
			b.checkClean(t, ts.URL)
		}
	}
	byPlan := func(page string) []a11yCombo { return plan[page] }
	var rest []string // the per-messenger pages after the first: one template
	for _, page := range pages {
		if strings.HasPrefix(page, "/app/") && len(plan[page]) == 1 {
			rest = append(rest, page)
			continue
		}
		t.Run("page "+page, func(t *testing.T) { walk(t, []string{page}, byPlan, 1280, 800, "") })
	}
	// In groups, each well within a browser's time limit on a busy machine.
	for i := 0; i < len(rest); i += 8 {
		group := rest[i:min(i+8, len(rest))]
		t.Run(fmt.Sprintf("the other per-messenger pages, group %d", i/8+1), func(t *testing.T) { walk(t, group, byPlan, 1280, 800, "") })
	}
	phone := plan["/"]
	if os.Getenv("A11Y_FULL") != "1" {
		phone = a11yPlan([]string{"/", "/phone"}, langs)["/phone"] // every language, the themes in turn
	}
	t.Run("/ on a phone", func(t *testing.T) {
		walk(t, []string{"/"}, func(string) []a11yCombo { return phone }, 390, 844, "phone")
	})
}

var maxScaleRE = regexp.MustCompile(`maximum-scale\s*=\s*([0-9.]+)`)

// viewportAllowsZoom reports why a viewport meta content forbids pinch
// zoom, or "" if it allows it.
func viewportAllowsZoom(content string) string {
	c := strings.ToLower(content)
	if regexp.MustCompile(`user-scalable\s*=\s*(no|0)\b`).MatchString(c) {
		return "user-scalable forbids zooming"
	}
	if m := maxScaleRE.FindStringSubmatch(c); m != nil {
		if f, err := strconv.ParseFloat(m[1], 64); err == nil && f < 2 {
			return "maximum-scale=" + m[1] + " keeps zoom under 200%"
		}
	}
	return ""
}

func TestViewportAllowsZoom(t *testing.T) {
	for _, tt := range []struct{ content, want string }{
		{"width=device-width, initial-scale=1, viewport-fit=cover", ""},
		{"width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0", "user-scalable forbids zooming"},
		{"width=device-width, user-scalable=no", "user-scalable forbids zooming"},
		{"width=device-width, maximum-scale=1.5", "maximum-scale=1.5 keeps zoom under 200%"},
		{"width=device-width, maximum-scale=5", ""},
	} {
		if got := viewportAllowsZoom(tt.content); got != tt.want {
			t.Errorf("viewportAllowsZoom(%q) = %q, want %q", tt.content, got, tt.want)
		}
	}
}

// TestZoomedPagesDoNotScrollSideways emulates 200% browser zoom on a
// 1280x800 window (a 640x400 CSS viewport at device scale 2): no page may
// scroll sideways (the matrix may scroll inside its own container), in
// any language, and every page must allow pinch zoom.
func TestZoomedPagesDoNotScrollSideways(t *testing.T) {
	t.Parallel()
	needBrowser(t)
	ts := startServe(t)
	pages := a11yPages(t)
	langs := realCatalog(t).Langs()
	var rest []zoomPage // the per-messenger pages after the first: one template
	apps := 0
	for i, page := range pages {
		if strings.HasPrefix(page, "/app/") {
			apps++
			if apps > 1 && os.Getenv("A11Y_FULL") != "1" {
				// Every messenger's data, one language each.
				rest = append(rest, zoomPage{page, []string{langs[i%len(langs)]}})
				continue
			}
		}
		t.Run("page "+page, func(t *testing.T) { zoomCheck(t, ts.URL, []zoomPage{{page, langs}}) })
	}
	if len(rest) > 0 {
		t.Run("the other per-messenger pages", func(t *testing.T) { zoomCheck(t, ts.URL, rest) })
	}
}

// zoomPage is a page to check at 200% zoom, in these languages.
type zoomPage struct {
	page  string
	langs []string
}

// zoomCheck loads pages at 200% zoom in one browser.
func zoomCheck(t *testing.T, base string, pages []zoomPage) {
	b := newBrowser(t, 1280, 800)
	b.run(t, "emulate 200% zoom", chromedp.EmulateViewport(640, 400, chromedp.EmulateScale(2)))
	for _, z := range pages {
		for _, lang := range z.langs {
			url := base + withParams(z.page, "lang="+lang)
			name := "in " + lang
			if len(pages) > 1 {
				name = z.page + " " + name
			}
			t.Run(name, func(t *testing.T) {
				b.run(t, "load "+url, chromedp.Navigate(url), waitLoaded())
				over := eval[int](t, b, `document.documentElement.scrollWidth - document.documentElement.clientWidth`)
				if over > 0 {
					wide := eval[[]string](t, b, widestElementsJS)
					t.Errorf("at 200%% zoom the page scrolls sideways by %d CSS px; elements wider than the viewport: %s",
						over, strings.Join(wide, ", "))
				}
				vp := eval[string](t, b, `(document.querySelector('meta[name="viewport"]') || {content: ""}).content`)
				if why := viewportAllowsZoom(vp); why != "" {
					t.Errorf("viewport meta %q: %s", vp, why)
				}
			})
		}
	}
	b.checkClean(t, base)
}

// widestElementsJS names the outermost elements that stick out of the
// viewport on the right, to point at the cause of sideways scrolling.
const widestElementsJS = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	const walk = (el) => {
		for (const c of el.children) {
			const r = c.getBoundingClientRect();
			if (r.right > w + 1) {
				let s = c.tagName.toLowerCase();
				if (c.id) s += "#" + c.id;
				if (c.classList.length) s += "." + [...c.classList].join(".");
				out.push(s + " (" + Math.round(r.right) + "px)");
				if (out.length >= 5) return;
				continue;
			}
			walk(c);
			if (out.length >= 5) return;
		}
	};
	walk(document.body);
	return out;
})()`

// a11yPerTab is how many checks share one tab and its incognito context.
// Six saved 10-20% on a quiet machine but ran past newBrowser's time limit
// on a loaded one; three stay well within it.
const a11yPerTab = 3
