package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// docsSnippet is the snippet of docs/embedding.md ("The snippet"), as a
// site's author copies it, with HOST made widgetOrigin and extra added to
// the widget's query.
func docsSnippet(t *testing.T, widgetOrigin, extra string) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(repoRoot, "docs", "embedding.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## The snippet\n.*?```html\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/embedding.md has no html block under \"## The snippet\"")
	}
	s := strings.ReplaceAll(string(m[1]), "https://HOST", widgetOrigin)
	if extra != "" {
		s = regexp.MustCompile(`(<iframe src="[^"]*)"`).ReplaceAllString(s, `${1}`+extra+`"`)
	}
	return s
}

// buildMkDocsSite writes a small MkDocs site with the Material theme (no
// web fonts: the page makes no request to another site but the widget's)
// whose pages carry the snippet of docs/embedding.md, one in English and
// one in Persian, builds it with the installed mkdocs and returns the
// built site's folder.
func buildMkDocsSite(t *testing.T, widgetOrigin string) string {
	t.Helper()
	dir := t.TempDir()
	page := func(title, snippet string) string {
		return "# " + title + "\n\nPrivacy Guides recommends a few messengers. Here is how they compare.\n\n" +
			"## The comparison\n\n" + snippet + "\n## What to read next\n\nThe criteria are explained on msgcompare's about page.\n"
	}
	files := map[string]string{
		"mkdocs.yml":    "site_name: A privacy guide\nuse_directory_urls: true\ntheme:\n  name: material\n  font: false\nnav:\n  - Messengers: index.md\n  - پیام\u200cرسان\u200cها: fa.md\n",
		"docs/index.md": page("Real-time communication", docsSnippet(t, widgetOrigin, "")),
		"docs/fa.md":    page("ارتباطات بلادرنگ", docsSnippet(t, widgetOrigin, "&lang=fa")),
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("mkdocs", "build", "--quiet", "--strict")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mkdocs build: %v\n%s", err, out)
	}
	return filepath.Join(dir, "site")
}

// TestHostsMkDocs builds an MkDocs Material site (Debian's mkdocs-material,
// the generator Privacy Guides uses) whose Markdown pages carry the
// snippet of docs/embedding.md, and checks in Chromium, on a phone and a
// desktop, in English and Persian, that the widget loads, that embed.js
// sizes it, and that on a desktop it fills Material's content column
// (about 690 px wide between the navigation and the table of contents).
func TestHostsMkDocs(t *testing.T) {
	t.Parallel()
	needHostTool(t, "MkDocs Material", "apt-get install mkdocs-material (as .ci/run does)", "mkdocs", "/usr/share/mkdocs/themes/material")
	widget := startServe(t)
	site := buildMkDocsSite(t, widget.URL)
	host := startStatic(t, "python", site, "")
	const sel = `iframe[data-msgcompare]`
	for _, vp := range hostViewports {
		t.Run("on a "+vp.name, func(t *testing.T) {
			for _, lang := range []string{"en", "fa"} {
				path := "/"
				if lang == "fa" {
					path = "/fa/"
				}
				b, f := snippetOnScreen(t, vp, host.url+path, sel, widget.URL, lang, "mkdocs-"+vp.name+"-"+lang)
				col := eval[float64](t, b, `document.querySelector(".md-content__inner").clientWidth`)
				w := eval[float64](t, b, `document.querySelector("iframe[data-msgcompare]").getBoundingClientRect().width`)
				t.Logf("%s: the frame is %v px wide in a content column of %v px, %v px tall", lang, w, col, f.iframeHeight(t))
				if vp.name == "desktop" && (w < 640 || w > 740) {
					t.Errorf("%s: the frame is %v px wide, want Material's content column of about 690 px", lang, w)
				}
				b.checkClean(t, widget.URL, host.url)
			}
		})
	}
}
