package server

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

// hostile is what a contributor's name or translation could hold: it
// closes the attribute it is in (Go-quoted or HTML-quoted, double or
// single), adds a refresh to another site and an element of its own.
const hostile = `"><meta http-equiv=refresh content='0;url=https://evil.example/'><x y="\"><x y=\'<x y='1'>` + "\u00ad\u200e"

// hostileData is the real data with hostile text before every messenger's
// name and every translated text but those that must keep a form (the
// digits, the calendar, the date format, the writing direction).
func hostileData(t testing.TB) fs.FS {
	keep := []string{"language_dir", "digits", "calendar", "date_format"}
	m := fstest.MapFS{}
	err := fs.WalkDir(data.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.FS, p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasPrefix(p, "apps/") && path.Ext(p) == ".json":
			var app map[string]any
			if err := json.Unmarshal(b, &app); err != nil {
				return err
			}
			app["name"] = hostile + app["name"].(string)
			b, err = json.Marshal(app)
		case strings.HasPrefix(p, "locales/") && path.Ext(p) == ".json":
			var texts map[string]string
			if err := json.Unmarshal(b, &texts); err != nil {
				return err
			}
			for k, v := range texts {
				if !slices.Contains(keep, k) && !strings.HasPrefix(k, "month_") {
					texts[k] = hostile + v
				}
			}
			b, err = json.Marshal(texts)
		}
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// hostilePages are the pages the test reads: every kind of page in every
// language, and every messenger's.
func hostilePages(cat *catalog.Catalog) []string {
	var pages []string
	for _, lang := range cat.Langs() {
		for _, p := range []string{"/", "/about", "/changes", "/embed", "/embed/builder", "/compare?apps=briar,signal", "/app/briar", "/no/such/page"} {
			sep := "?"
			if strings.Contains(p, "?") {
				sep = "&"
			}
			pages = append(pages, p+sep+"lang="+lang)
		}
	}
	for _, a := range cat.Apps {
		pages = append(pages, "/app/"+a.ID)
	}
	return append(pages, `/?q="><x y='1'>&apps=briar"><x>&sort=<x>`, `/embed?criteria=e2ee_default'><x>`)
}

// TestHostileTextStaysText renders every page with the real data and with
// hostile data (each in a process of its own: go-app's router serves one
// catalog per process) and reads both with an HTML parser: the hostile
// pages may hold no element and no attribute that the same page with the
// real data does not.
func TestHostileTextStaysText(t *testing.T) {
	if out := os.Getenv("MSGCOMPARE_HOSTILE_OUT"); out != "" {
		writeTemplates(t, out, os.Getenv("MSGCOMPARE_HOSTILE") == "1")
		return
	}
	if raceEnabled {
		// One goroutine renders page after page: the race detector finds
		// nothing here and makes it minutes long. make test-unit runs it
		// without -race.
		t.Skip("run without -race (make test-unit does)")
	}
	dir := t.TempDir()
	// The two renderings run side by side (each is one goroutine's work,
	// minutes under -race).
	var outputs [2]bytes.Buffer
	var cmds [2]*exec.Cmd
	for i, bad := range []string{"0", "1"} {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestHostileTextStaysText$", "-test.short")
		cmds[i].Env = append(os.Environ(), "MSGCOMPARE_HOSTILE_OUT="+filepath.Join(dir, bad+".json"), "MSGCOMPARE_HOSTILE="+bad)
		cmds[i].Stdout, cmds[i].Stderr = &outputs[i], &outputs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	templates := map[bool]map[string][]string{}
	for i, bad := range []string{"0", "1"} {
		if err := cmds[i].Wait(); err != nil {
			t.Errorf("rendering (hostile: %s): %v\n%s", bad, err, outputs[i].Bytes())
		}
		b, err := os.ReadFile(filepath.Join(dir, bad+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var pages map[string][]string
		if err := json.Unmarshal(b, &pages); err != nil {
			t.Fatal(err)
		}
		templates[bad == "1"] = pages
	}
	for bad, pages := range templates {
		for page, names := range pages {
			// What the hostile text and queries would add, which no page has.
			for _, n := range []string{"x", "x@y", "meta@http-equiv"} {
				if slices.Contains(names, n) {
					t.Errorf("%s (hostile data: %v) has %s", page, bad, n)
				}
			}
		}
	}
	for page, names := range templates[true] {
		for _, n := range names {
			if !slices.Contains(templates[false][page], n) {
				t.Errorf("%s: %s is not in the page's template", page, n)
			}
		}
	}
	if len(templates[true]) == 0 || len(templates[true]) != len(templates[false]) {
		t.Errorf("%d hostile pages, %d real ones", len(templates[true]), len(templates[false]))
	}
}

// writeTemplates renders every page and writes, for each, the elements
// and attributes it holds ("meta", "meta@content") as JSON to out. With
// hostile data, it also checks that the title reads back whole.
func writeTemplates(t *testing.T, out string, bad bool) {
	var fsys fs.FS = data.FS
	if bad {
		fsys = hostileData(t)
	}
	cat, err := catalog.Load(fsys, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Catalog: cat, Web: smallWeb(), Cache: testCache})
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string][]string{}
	for _, p := range hostilePages(cat) {
		// The query as a raw client sends it: quotes, brackets and spaces
		// unescaped.
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path, req.URL.RawQuery, _ = strings.Cut(p, "?")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		doc, err := html.Parse(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			names = append(names, n.Data)
			for _, a := range n.Attr {
				names = append(names, n.Data+"@"+a.Key)
				if bad && p == "/app/briar" && a.Key == "property" && a.Val == "og:title" && !strings.HasPrefix(content(n), hostile) {
					t.Errorf("og:title of %s reads %q, want it to start with the whole hostile name", p, content(n))
				}
			}
		}
		slices.Sort(names)
		pages[p] = slices.Compact(names)
	}
	b, err := json.Marshal(pages)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
