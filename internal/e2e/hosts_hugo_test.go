package e2e

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hugoEveryParam is a shortcode call with every parameter the widget
// takes, some of them hostile, to check that each reaches the iframe's
// address unchanged and escaped.
var hugoEveryParam = map[string]string{
	"apps":     "signal,briar,simplex",
	"criteria": "e2ee_default,forward_secrecy",
	"require":  "!phone_number_required,platforms:ios",
	"preset":   "pg-minimum",
	"q":        `tor & "onion" <b>#1</b>`,
	"sort":     "-score",
	"view":     "cards",
	"diff":     "1",
	"theme":    "contrast",
	"lang":     "de",
	"rows":     "3",
	"more":     "1",
	"show":     "filters,whynot",
	"accent":   "#ff0066",
	"bg":       "transparent",
	"font":     "serif",
	"guide":    "no-phone:yes",
	"fact":     "signal/forward_secrecy",
}

// buildHugoSite writes a small Hugo site that imports docs/hugo as a Hugo
// module (from this checkout, by a replacement, so without Go or a
// network) with params.msgcompare.url set to widgetOrigin, builds it with
// the installed hugo and returns the built site's folder.
func buildHugoSite(t *testing.T, widgetOrigin string) string {
	t.Helper()
	module, _ := filepath.Abs(filepath.Join(repoRoot, "docs", "hugo"))
	dir := t.TempDir()
	var every []string
	for k, v := range hugoEveryParam {
		every = append(every, fmt.Sprintf("%s=%q", k, v))
	}
	files := map[string]string{
		"config.toml": `baseURL = "/"
title = "A privacy blog"
languageCode = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[module]
  replacements = "msgcompare -> ` + module + `"
  [[module.imports]]
    path = "msgcompare"
[params.msgcompare]
  url = "` + widgetOrigin + `/"
`,
		// An article column as blogs have it, about 690 px wide.
		"layouts/_default/single.html": `<!DOCTYPE html>
<html lang="{{ .Params.lang | default "en" }}"{{ with .Params.dir }} dir="{{ . }}"{{ end }}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title>
<style>body { margin: 0; font: 18px/1.6 Georgia, serif; background: #fbfaf7; color: #222; } header { background: #2d3a4a; color: #fff; padding: 12px 16px; }
main { max-width: 690px; margin: 0 auto; padding: 0 16px; }</style></head>
<body><header>{{ site.Title }}</header><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
`,
		"layouts/_default/list.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body></body></html>`,
		"content/en.md": `---
title: Which messenger should you use?
---
Signal and Briar both keep old messages safe. See for yourself:

{{< msgcompare apps="signal,briar" criteria="forward_secrecy" >}}

The same widget again, with every option:

{{< msgcompare ` + strings.Join(every, " ") + ` >}}

Thanks for reading.
`,
		"content/fa.md": `---
title: ` + "کدام پیام\u200cرسان؟" + `
lang: fa
dir: rtl
---
سیگنال و بریار را مقایسه کنید:

{{< msgcompare apps="signal,briar" criteria="forward_secrecy" lang="fa" theme="dark" >}}

پایان.
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("hugo", "--source", dir, "--destination", filepath.Join(dir, "public"), "--cacheDir", filepath.Join(dir, "cache"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	return filepath.Join(dir, "public")
}

var iframeSrc = regexp.MustCompile(`<iframe src="([^"]*)"`)

// TestHostsHugo builds a Hugo site whose pages use the shortcode of
// docs/hugo, with Debian's hugo: every parameter passes into the iframe's
// address, escaped; embed.js is loaded once per page; and in Chromium,
// on a phone and a desktop, the widget loads, embed.js sizes it, and the
// Persian one is right to left.
func TestHostsHugo(t *testing.T) {
	t.Parallel()
	needHostTool(t, "Hugo", "apt-get install hugo (as .ci/run does)", "hugo")
	widget := startServe(t)
	public := buildHugoSite(t, widget.URL)

	for _, name := range []string{"en", "fa"} {
		b, err := os.ReadFile(filepath.Join(public, name, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if strings.Contains(page, "raw HTML omitted") {
			t.Errorf("%s: Hugo left the widget out (raw HTML omitted)", name)
		}
		if n := strings.Count(page, `<script src="`+widget.URL+`/embed.js" async></script>`); n != 1 {
			t.Errorf("%s: %d embed.js script tags, want exactly 1 per page", name, n)
		}
		if strings.Contains(page, "<b>#1") || strings.Contains(page, `"onion"`) {
			t.Errorf("%s: a parameter's value reached the page unescaped", name)
		}
	}
	en, _ := os.ReadFile(filepath.Join(public, "en", "index.html"))
	srcs := iframeSrc.FindAllStringSubmatch(string(en), -1)
	if len(srcs) != 2 {
		t.Fatalf("en: %d iframes, want 2", len(srcs))
	}
	u, err := url.Parse(html.UnescapeString(srcs[1][1]))
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Scheme + "://" + u.Host + u.Path; got != widget.URL+"/embed" {
		t.Errorf("the iframe shows %s, want %s/embed", got, widget.URL)
	}
	for k, want := range hugoEveryParam {
		if got := u.Query().Get(k); got != want {
			t.Errorf("parameter %s reached the widget as %q, want %q (src %s)", k, got, want, u)
		}
	}

	host := startStatic(t, "python", public, "")
	const first = `iframe[data-msgcompare]`
	for _, vp := range hostViewports {
		t.Run("on a "+vp.name, func(t *testing.T) {
			for _, lang := range []string{"en", "fa"} {
				b, _ := snippetOnScreen(t, vp, host.url+"/"+lang+"/", first, widget.URL, lang, "hugo-"+vp.name+"-"+lang)
				b.checkClean(t, widget.URL, host.url)
			}
		})
	}
}
