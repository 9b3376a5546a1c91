package ui

import (
	"regexp"
	"testing"

	"msgcompare/app/catalog"
)

// The service worker's pattern of page addresses (PagePattern) agrees with
// the server's (IsPage) on every page and on addresses that are not pages,
// but for a messenger the catalog lacks, which the worker cannot know.
func TestPagePatternMatchesEveryPage(t *testing.T) {
	cat, err := catalog.Load(withPseudoLang(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(PagePattern())
	paths := Paths(cat)
	pages := 0
	for _, p := range sitePages() {
		if !p.perApp {
			pages++
		}
	}
	if len(paths) != pages+len(cat.Apps) {
		t.Errorf("Paths lists %d pages, want the page table's %d and %d messengers", len(paths), pages, len(cat.Apps))
	}
	for _, p := range paths {
		for _, path := range []string{p, p + "/"} {
			if path == "//" {
				continue
			}
			if !re.MatchString(path) {
				t.Errorf("PagePattern does not match the page %q", path)
			}
			if !IsPage(cat, path) {
				t.Errorf("IsPage(%q) = false for a page of Paths", path)
			}
		}
	}
	for _, path := range []string{"//", "/web/app.js", "/api/catalog.json", "/compare/x", "/app/", "/app", "/embedx", "/embed/builder/x", "/app/signal/x", "/about.html"} {
		if re.MatchString(path) {
			t.Errorf("PagePattern matches %q, which is not a page", path)
		}
		if IsPage(cat, path) {
			t.Errorf("IsPage(%q) = true", path)
		}
	}
	if IsPage(cat, "/app/no-such-app") {
		t.Error("IsPage is true for a messenger the catalog lacks")
	}
}
