package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"sort"
	"strings"
	"sync"

	"msgcompare/app/catalog"
	"msgcompare/app/ui"
	"msgcompare/internal/preview"
	"msgcompare/web"
)

// Config is what a server needs to start.
type Config struct {
	Catalog *catalog.Catalog
	// Web holds the files of web/: nil means the copy embedded at compile
	// time (web.FS); os.DirFS serves them from disk.
	Web fs.FS
	// FrameAncestors is the CSP frame-ancestors of the widget routes
	// (-frame-ancestors); "" means "*".
	FrameAncestors string
	// Base is the URL path the site lives under: "" or "/" at the root,
	// "/sub/path/" for a static export under a sub-path (-base).
	Base string
	// PublicURL is the site's address as readers see it, such as
	// https://example.org/tools/msgcompare/ (-public-url), or "" when
	// unknown. The embed builder's snippet points there; the request's Host
	// header never reaches a page.
	PublicURL string
	// Export compresses at the best levels and has the worker cache pages
	// as "/p/", as static hosts serve them.
	Export bool
	// Cache, when set, remembers compressed files across servers of one
	// process (tests); nil compresses each server's files anew.
	Cache *CompressionCache
}

// webType is the Content-Type of a file of web/ the server serves, by
// extension; anything else there (web.go) stays private.
func webType(name string) (string, bool) {
	switch path.Ext(name) {
	case ".css":
		return "text/css; charset=utf-8", true
	case ".js":
		return "text/javascript; charset=utf-8", true
	case ".png":
		return "image/png", true
	case ".svg":
		return "image/svg+xml", true
	case ".wasm":
		return "application/wasm", true
	case ".json":
		return "application/json; charset=utf-8", true
	case ".webmanifest":
		return "application/manifest+json", true
	case ".txt":
		return "text/plain; charset=utf-8", true
	case ".woff2":
		return "font/woff2", true
	}
	return "", false
}

// requiredWeb are the files without which the app does not work.
func requiredWeb() []string {
	return []string{"app.wasm", "app.css", "icon-192.png", "icon-512.png", "icon-maskable-512.png", "icon.svg"}
}

// New builds a server: it reads, minifies and compresses every file, and
// registers the app's routes with go-app.
func New(cfg Config) (*Server, error) {
	if cfg.Catalog == nil {
		return nil, fmt.Errorf("server: no catalog")
	}
	if cfg.Web == nil {
		cfg.Web = web.FS
	}
	if cfg.FrameAncestors == "" {
		cfg.FrameAncestors = "*"
	}
	base, err := CleanBase(cfg.Base)
	if err != nil {
		return nil, err
	}
	public := ""
	if cfg.PublicURL != "" {
		if public, err = CleanPublicURL(cfg.PublicURL, base); err != nil {
			return nil, err
		}
	}
	hp, err := NewHeaderPolicy(cfg.FrameAncestors)
	if err != nil {
		return nil, err
	}
	lv := serverLevels
	if cfg.Export {
		lv = exportLevels
	}
	s := &Server{cat: cfg.Catalog, base: base, publicURL: strings.TrimSuffix(cfg.PublicURL, "/"), assets: map[string]*asset{}, headers: hp, min: newMinifier(),
		cache: cfg.Cache, pageCache: newPageCache(pageCacheItems, pageCacheBytes),
		renders: make(chan struct{}, renderSlots())}
	if err := s.addWeb(cfg.Web, lv); err != nil {
		return nil, err
	}
	if err := s.addAPI(cfg.Catalog, lv); err != nil {
		return nil, err
	}
	if err := s.addChanges(cfg.Catalog, public, base, lv); err != nil {
		return nil, err
	}
	if err := s.addLanguages(cfg.Catalog, lv); err != nil {
		return nil, err
	}
	s.addEvidence(cfg.Catalog, lv)
	s.version = s.contentVersion(base)

	if err := registerRoutes(ui.Config{Catalog: cfg.Catalog, PublicURL: public}, s.assets["/api/catalog.json"].hash); err != nil {
		return nil, err
	}
	s.pagePaths = ui.Paths(cfg.Catalog)
	if s.previews, err = preview.New(cfg.Catalog, 0); err != nil {
		return nil, err
	}
	hc := handlerConfig{prefix: base, version: s.version, url: s.webURL, pages: s.pagePaths, langs: cfg.Catalog.Langs()[1:], slash: cfg.Export}
	s.pages = newPages(hc)
	if err := s.addGoapp(hc, cfg.Web, lv); err != nil {
		return nil, err
	}
	return s, nil
}

// CleanBase turns a -base value into the prefix of every URL of the site:
// "" at the root ("" or "/"), else "/sub/path" without the final slash,
// so that joining it with "/web/app.wasm" gives one slash, never the
// protocol-relative "//web/app.wasm". It rejects what is not a plain
// absolute path.
func CleanBase(b string) (string, error) {
	if b == "" || b == "/" {
		return "", nil
	}
	if !strings.HasPrefix(b, "/") {
		return "", fmt.Errorf("-base %q: expected an absolute path such as /tools/msgcompare/", b)
	}
	trimmed := strings.TrimSuffix(b, "/")
	if path.Clean(trimmed) != trimmed {
		return "", fmt.Errorf("-base %q: expected a clean path (no //, . or .. segments)", b)
	}
	for _, r := range trimmed {
		ok := r == '/' || r == '-' || r == '_' || r == '.' || r == '~' ||
			'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		if !ok {
			return "", fmt.Errorf("-base %q: %q is not allowed; use letters, digits, - _ . ~ and /", b, r)
		}
	}
	return trimmed, nil
}

// CleanPublicURL checks a -public-url value against the site's base (as
// CleanBase returns it) and returns it with a final slash: an absolute
// http or https URL with a host, no user, query or fragment, whose path is
// the base.
func CleanPublicURL(raw, base string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("-public-url %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("-public-url %q: expected an absolute http or https URL such as https://example.org/", raw)
	}
	if u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", fmt.Errorf("-public-url %q: expected no user, query or fragment", raw)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	if u.Path != base+"/" {
		return "", fmt.Errorf("-public-url %q: its path %s is not the site's base %s/ (set -base to match)", raw, u.Path, base)
	}
	u.RawPath = ""
	return u.String(), nil
}

// addWeb minifies and compresses every servable file of web/, in
// parallel (the wasm dominates), and serves embed.js at the root too.
func (s *Server) addWeb(web fs.FS, lv levels) error {
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
		ctype, ok := webType(e.Name())
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
	for _, name := range requiredWeb() {
		if s.assets["/web/"+name] == nil {
			return fmt.Errorf("web/%s is missing: run `make build` (it builds the wasm before bin/serve)", name)
		}
	}
	if a := s.assets["/web/embed.js"]; a != nil {
		s.assets["/embed.js"] = a
	}
	return nil
}

func (s *Server) webAsset(web fs.FS, name, ctype string, lv levels) (*asset, error) {
	b, err := fs.ReadFile(web, name)
	if err != nil {
		return nil, fmt.Errorf("reading web/%s: %w", name, err)
	}
	if b, err = minifyBytes(s.min, ctype, b); err != nil {
		return nil, fmt.Errorf("web/%s: %w", name, err)
	}
	var a *asset
	if br, err := fs.ReadFile(web, name+".br"); err == nil {
		a = s.cache.newAssetPrecompressed(ctype, b, br, lv)
	} else {
		a = s.cache.newAsset(ctype, b, lv)
	}
	a.immutable = true
	return a, nil
}

// addLanguages serves each language's pack (catalog.EncodeLanguage) at
// /web/lang/<code>.bin: the wasm carries the English texts, and fetches
// the pack of the language a page is in when it starts.
func (s *Server) addLanguages(cat *catalog.Catalog, lv levels) error {
	for _, code := range cat.Langs()[1:] {
		b, err := catalog.EncodeLanguage(cat, code)
		if err != nil {
			return err
		}
		a := s.cache.newAsset("application/octet-stream", b, lv)
		a.immutable = true
		s.assets["/web/"+languagePack(code)] = a
	}
	return nil
}

// languagePack is the file of web/ that holds language code's pack.
func languagePack(code string) string { return "lang/" + code + ".bin" }

// addEvidence serves the facts' notes and sources (catalog.EncodeEvidence)
// at /web/evidence.bin: the wasm carries the values and dates, and
// fetches the rest when a page first shows a fact's evidence.
func (s *Server) addEvidence(cat *catalog.Catalog, lv levels) {
	a := s.cache.newAsset("application/octet-stream", catalog.EncodeEvidence(cat), lv)
	a.immutable = true
	s.assets["/web/"+evidencePack] = a
}

// evidencePack is the file of web/ that holds the evidence pack.
const evidencePack = "evidence.bin"

// addAPI serves the catalog as open data: JSON, its JSON Schema and CSV.
func (s *Server) addAPI(cat *catalog.Catalog, lv levels) error {
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
	s.assets["/api/catalog.json"] = s.cache.newAsset("application/json; charset=utf-8", j, lv)
	s.assets["/api/catalog.schema.json"] = s.cache.newAsset("application/schema+json", schema, lv)
	s.assets["/api/catalog.csv"] = s.cache.newAsset("text/csv; charset=utf-8", csv.Bytes(), lv)
	s.assets["/robots.txt"] = s.cache.newAsset("text/plain; charset=utf-8", []byte("User-agent: *\nAllow: /\n"), lv)
	return nil
}

// contentVersion hashes everything a browser caches (web/, the data, the
// worker) and the prefix: the same build serves the same version, and
// any change to what readers see gives a new one.
func (s *Server) contentVersion(prefix string) string {
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
func (s *Server) webURL(name string) string {
	a := s.assets["/web/"+name]
	if a == nil {
		return ""
	}
	return "/web/" + name + "?v=" + a.hash
}

// addGoapp takes go-app's generated files (the worker, wasm_exec.js and
// its stylesheet), minified, plus our own manifest and our own loader at
// /app.js (bootScript).
func (s *Server) addGoapp(hc handlerConfig, web fs.FS, lv levels) error {
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
		s.assets[p] = s.cache.newAsset(ctype, b, lv)
	}
	boot, err := bootScript(s.pages, web, hc)
	if err != nil {
		return err
	}
	if boot, err = minifyBytes(s.min, "text/javascript", boot); err != nil {
		return fmt.Errorf("boot.js: %w", err)
	}
	s.assets["/app.js"] = s.cache.newAsset("text/javascript; charset=utf-8", boot, lv)
	m, err := manifest(hc)
	if err != nil {
		return err
	}
	s.assets["/manifest.webmanifest"] = s.cache.newAsset("application/manifest+json", m, lv)
	return nil
}
