package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"msgcompare/app/catalog"
	"msgcompare/app/ui"
	"msgcompare/web"
)

// config is what the server needs to start.
type config struct {
	Catalog        *catalog.Catalog
	Web            fs.FS  // the files of web/: web.FS, or os.DirFS in development
	Root           string // if Web is nil: serve Root/web from disk (nil and "": embedded)
	FrameAncestors string // CSP frame-ancestors of the widget routes; default "*"
	Prefix         string // URL path the site lives under, "" or "/sub/path" (export)
	Export         bool   // best compression, pages cached by the worker as "/p/"
}

// webTypes are the files of web/ the server serves, by extension, with
// their Content-Type. Anything else there (web.go) stays private.
var webTypes = map[string]string{
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".png":         "image/png",
	".svg":         "image/svg+xml",
	".wasm":        "application/wasm",
	".json":        "application/json; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".txt":         "text/plain; charset=utf-8",
	".woff2":       "font/woff2",
}

// requiredWeb are the files without which the app does not work.
var requiredWeb = []string{"app.wasm", "app.css", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "icon.svg"}

func newServer(cfg config) (*server, error) {
	if cfg.Web == nil {
		cfg.Web = web.FS
		if cfg.Root != "" {
			cfg.Web = os.DirFS(filepath.Join(cfg.Root, "web"))
		}
	}
	if cfg.FrameAncestors == "" {
		cfg.FrameAncestors = "*"
	}
	if cfg.Prefix != "" {
		cfg.Prefix = "/" + strings.Trim(cfg.Prefix, "/")
	}
	hp, err := newHeaderPolicy(cfg.FrameAncestors)
	if err != nil {
		return nil, err
	}
	lv := serverLevels
	if cfg.Export {
		lv = exportLevels
	}
	s := &server{cat: cfg.Catalog, assets: map[string]*asset{}, headers: hp, min: newMinifier(), pageCache: newPageCache(pageCacheItems, pageCacheBytes)}
	if err := s.addWeb(cfg.Web, lv); err != nil {
		return nil, err
	}
	if err := s.addAPI(cfg.Catalog, lv); err != nil {
		return nil, err
	}
	if err := s.addChanges(cfg.Catalog, "", cfg.Prefix, lv); err != nil {
		return nil, err
	}
	s.version = s.contentVersion(cfg.Prefix)

	ui.Routes(ui.Config{Catalog: cfg.Catalog})
	s.pagePaths = ui.Paths(cfg.Catalog)
	hc := handlerConfig{prefix: cfg.Prefix, version: s.version, url: s.webURL, pages: s.pagePaths, slash: cfg.Export}
	s.pages = newPages(hc)
	if err := s.addGoapp(hc, cfg.Web, lv); err != nil {
		return nil, err
	}
	return s, nil
}

// addWeb minifies and compresses every servable file of web/, in
// parallel (the wasm dominates), and serves embed.js at the root too.
func (s *server) addWeb(web fs.FS, lv levels) error {
	entries, err := fs.ReadDir(web, ".")
	if err != nil {
		return fmt.Errorf("reading web/: %w", err)
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for _, e := range entries {
		ctype, ok := webTypes[path.Ext(e.Name())]
		if e.IsDir() || !ok || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			a, err := s.webAsset(web, name, ctype, lv)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			s.assets["/web/"+name] = a
		}(e.Name())
	}
	wg.Wait()
	if len(errs) > 0 {
		return errs[0]
	}
	for _, name := range requiredWeb {
		if s.assets["/web/"+name] == nil {
			return fmt.Errorf("web/%s is missing: run `make build` (it builds the wasm before bin/serve)", name)
		}
	}
	if a := s.assets["/web/embed.js"]; a != nil {
		s.assets["/embed.js"] = a
	}
	return nil
}

func (s *server) webAsset(web fs.FS, name, ctype string, lv levels) (*asset, error) {
	b, err := fs.ReadFile(web, name)
	if err != nil {
		return nil, fmt.Errorf("reading web/%s: %w", name, err)
	}
	if b, err = minifyBytes(s.min, ctype, b); err != nil {
		return nil, fmt.Errorf("web/%s: %w", name, err)
	}
	var a *asset
	if br, err := fs.ReadFile(web, name+".br"); err == nil {
		a = newAssetPrecompressed(ctype, b, br, lv)
	} else {
		a = newAsset(ctype, b, lv)
	}
	a.immutable = true
	return a, nil
}

// addAPI serves the catalog as open data: JSON, its JSON Schema and CSV.
func (s *server) addAPI(cat *catalog.Catalog, lv levels) error {
	j, err := json.Marshal(cat)
	if err != nil {
		return fmt.Errorf("encoding catalog.json: %w", err)
	}
	var csv bytes.Buffer
	if err := catalog.WriteCSV(&csv, cat); err != nil {
		return fmt.Errorf("encoding catalog.csv: %w", err)
	}
	schema, err := minifyBytes(s.min, "application/schema+json", catalog.Schema)
	if err != nil {
		return fmt.Errorf("catalog.schema.json: %w", err)
	}
	s.assets["/api/catalog.json"] = newAsset("application/json; charset=utf-8", j, lv)
	s.assets["/api/catalog.schema.json"] = newAsset("application/schema+json", schema, lv)
	s.assets["/api/catalog.csv"] = newAsset("text/csv; charset=utf-8", csv.Bytes(), lv)
	s.assets["/robots.txt"] = newAsset("text/plain; charset=utf-8", []byte("User-agent: *\nAllow: /\n"), lv)
	return nil
}

// contentVersion hashes everything a browser caches (web/, the data, the
// worker) and the prefix: the same build serves the same version, and
// any change to what readers see gives a new one.
func (s *server) contentVersion(prefix string) string {
	names := make([]string, 0, len(s.assets))
	for p := range s.assets {
		names = append(names, p)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, p := range names {
		fmt.Fprintf(h, "%s %s\n", p, s.assets[p].hash)
	}
	fmt.Fprintf(h, "prefix %s\n%s", prefix, workerJS)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// webURL is the versioned URL of a file of web/ (without prefix), or ""
// when there is no such file.
func (s *server) webURL(name string) string {
	a := s.assets["/web/"+name]
	if a == nil {
		return ""
	}
	return "/web/" + name + "?v=" + a.hash
}

// addGoapp takes go-app's generated files (the worker, wasm_exec.js and
// its stylesheet), minified, plus our own manifest and our own loader at
// /app.js (bootScript).
func (s *server) addGoapp(hc handlerConfig, web fs.FS, lv levels) error {
	for p, ctype := range map[string]string{
		"/app.js":        "text/javascript; charset=utf-8",
		"/app-worker.js": "text/javascript; charset=utf-8",
		"/wasm_exec.js":  "text/javascript; charset=utf-8",
		"/app.css":       "text/css; charset=utf-8",
	} {
		rec := httptest.NewRecorder()
		s.pages.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("go-app %s: status %d", p, rec.Code)
		}
		b, err := minifyBytes(s.min, ctype, rec.Body.Bytes())
		if err != nil {
			return fmt.Errorf("go-app %s: %w", p, err)
		}
		s.assets[p] = newAsset(ctype, b, lv)
	}
	boot, err := bootScript(s.pages, web, hc)
	if err != nil {
		return err
	}
	if boot, err = minifyBytes(s.min, "text/javascript", boot); err != nil {
		return fmt.Errorf("boot.js: %w", err)
	}
	s.assets["/app.js"] = newAsset("text/javascript; charset=utf-8", boot, lv)
	m, err := manifest(hc)
	if err != nil {
		return err
	}
	s.assets["/manifest.webmanifest"] = newAsset("application/manifest+json", m, lv)
	return nil
}
