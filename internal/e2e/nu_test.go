package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"msgcompare/app/ui"
)

// vnuJar is the W3C Nu HTML checker, from the npm package vnu-jar pinned
// in .ci/package.json (.ci/npm-install puts it there).
var vnuJar = filepath.Join(repoRoot, ".ci", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")

// nuMessage is one message of the checker's JSON output.
type nuMessage struct {
	Type     string `json:"type"`
	SubType  string `json:"subType"`
	URL      string `json:"url"`
	LastLine int    `json:"lastLine"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
}

// TestNuHTMLChecker validates every prerendered route, the not-found page
// included, in every language of the UI, as bin/serve sends it, with the
// W3C Nu HTML checker (one run of Java for all pages), and fails with each
// distinct error, the pages it is on and an extract.
func TestNuHTMLChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("the Nu checker (Java) is skipped under -short")
	}
	needProgram(t, "java")
	if _, err := os.Stat(vnuJar); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("vnu.jar is missing (%v): run .ci/npm-install", err)
		}
		t.Skipf("vnu.jar is missing; run .ci/npm-install to run the Nu checker (%v)", err)
	}
	t.Parallel()
	live := startServe(t)
	dir := t.TempDir()
	pages := map[string]string{} // file name -> page
	var files []string
	// Besides every route in every language, the addresses readers reach
	// (readerPages, each in its one language and theme), the guide's
	// shortlists, a side by side, a widget with a fact open, the 404 page.
	routes := append(ui.Paths(realCatalog(t)), "/?guide=no-phone:yes,devices:ios", "/?guide=where:ir,censored:yes",
		"/compare?apps=signal,briar,simplex", "/embed?apps=signal,briar&fact=briar/forward_secrecy", "/app/doesnotexist")
	var pageList []string
	for _, lang := range realCatalog(t).Langs() {
		for _, p := range routes {
			pageList = append(pageList, withParams(p, "lang="+lang))
		}
	}
	for _, p := range readerPages {
		u, _, _ := strings.Cut(p.url(), "#")
		pageList = append(pageList, u)
	}
	for _, page := range pageList {
		res, body := fetch(t, live.URL+page)
		if res.StatusCode != 200 && !strings.HasPrefix(page, "/app/doesnotexist?") {
			t.Errorf("GET %s = %d", page, res.StatusCode)
			continue
		}
		name := filepath.Join(dir, strings.NewReplacer("/", "_", "?", "_", "=", "-").Replace(page)+".html")
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
		pages[name] = page
	}
	out, err := exec.Command("java", append([]string{"-jar", vnuJar, "--format", "json", "--stdout"}, files...)...).Output()
	var report struct {
		Messages []nuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("the Nu checker: %v; output %.500s (%v)", err, out, jerr)
	}
	type group struct {
		pages   []string
		extract string
	}
	byMsg := map[string]*group{}
	for _, m := range report.Messages {
		if m.Type != "error" && !(m.Type == "non-document-error") {
			continue
		}
		g := byMsg[m.Message]
		if g == nil {
			g = &group{extract: fmt.Sprintf("line %d: %s", m.LastLine, m.Extract)}
			byMsg[m.Message] = g
		}
		file := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), "//")
		if f, err := url.PathUnescape(file); err == nil {
			file = f
		}
		page := pages[file]
		if page == "" {
			page = m.URL
		}
		if len(g.pages) == 0 || g.pages[len(g.pages)-1] != page {
			g.pages = append(g.pages, page)
		}
	}
	msgs := make([]string, 0, len(byMsg))
	for m := range byMsg {
		msgs = append(msgs, m)
	}
	sort.Slice(msgs, func(i, j int) bool { return len(byMsg[msgs[i]].pages) > len(byMsg[msgs[j]].pages) })
	for _, m := range msgs {
		g := byMsg[m]
		shown := g.pages
		if len(shown) > 6 {
			shown = append(shown[:6:6], fmt.Sprintf("… %d more", len(g.pages)-6))
		}
		t.Errorf("Nu checker: %s\n    on %d of %d pages: %s\n    %s", m, len(g.pages), len(files), strings.Join(shown, ", "), g.extract)
	}
	t.Logf("Nu checker: %d pages (%d routes in %s), %d distinct errors", len(files), len(routes), strings.Join(realCatalog(t).Langs(), ", "), len(msgs))
}
