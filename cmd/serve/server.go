package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/ui"
)

// config is what the server needs to start.
type config struct {
	Catalog *catalog.Catalog
	Root    string // directory holding web/
}

// server routes requests to the API, the app's pages and its assets, and
// sets the privacy and security headers on every response.
type server struct {
	cat     *catalog.Catalog
	pages   *app.Handler
	catJSON []byte
	mux     *http.ServeMux
}

func newServer(cfg config) (*server, error) {
	ui.Routes(cfg.Catalog)
	version, err := contentVersion(cfg)
	if err != nil {
		return nil, err
	}
	catJSON, err := json.Marshal(cfg.Catalog)
	if err != nil {
		return nil, fmt.Errorf("encoding catalog: %w", err)
	}
	s := &server{
		cat:     cfg.Catalog,
		pages:   newPages(cfg, version),
		catJSON: catJSON,
		mux:     http.NewServeMux(),
	}
	s.mux.HandleFunc("GET /api/catalog.json", s.serveCatalogJSON)
	s.mux.HandleFunc("GET /robots.txt", s.serveRobots)
	s.mux.Handle("GET /", pageFixer{s.pages})
	return s, nil
}

// newPages configures go-app's handler: local icons only, our stylesheet,
// and a version derived from the content so that browsers update when it
// changes and only then.
func newPages(cfg config, version string) *app.Handler {
	return &app.Handler{
		Name:            "msgcompare",
		ShortName:       "msgcompare",
		Title:           "msgcompare: private messengers compared",
		Description:     "Private messengers compared on sourced, dated facts: encryption, metadata, identifiers, audits, platforms.",
		Lang:            "en",
		Icon:            app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg", AppleTouch: "/web/icon-192.png"},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#1f4e79",
		LoadingLabel:    "Loading interactive version {progress}%",
		Styles:          []string{"/web/app.css"},
		Resources:       app.LocalDir(cfg.Root),
		Version:         version,
	}
}

// contentVersion hashes what the browser caches: the wasm, the stylesheet
// and the data.
func contentVersion(cfg config) (string, error) {
	h := sha256.New()
	for _, name := range []string{"app.wasm", "app.css"} {
		b, err := os.ReadFile(filepath.Join(cfg.Root, "web", name))
		if err != nil {
			return "", fmt.Errorf("reading web asset (run make build first): %w", err)
		}
		h.Write(b)
	}
	h.Write([]byte(cfg.Catalog.Version))
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			log.Printf("panic serving %s: %v", r.URL.Path, v)
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	}()
	setSecurityHeaders(w.Header())
	s.mux.ServeHTTP(w, r)
}

func (s *server) serveCatalogJSON(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(s.catJSON)
}

func (s *server) serveRobots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprint(w, "User-agent: *\nAllow: /\n")
}

// setSecurityHeaders applies the privacy promises to every response: only
// our own origin, no referrer, no sniffing, no powerful features.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "+
		"style-src 'self'; img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "+
		"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// pageFixer corrects go-app's page template where it harms readers: its
// viewport forbids zooming (an accessibility failure).
type pageFixer struct{ next http.Handler }

const (
	goappViewport = `width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover`
	ourViewport   = `width=device-width, initial-scale=1, viewport-fit=cover`
)

func (p pageFixer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/web/") || strings.HasSuffix(r.URL.Path, ".wasm") {
		p.next.ServeHTTP(w, r)
		return
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	p.next.ServeHTTP(rec, r)
	body := rec.body.Bytes()
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		body = bytes.Replace(body, []byte(goappViewport), []byte(ourViewport), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	}
	w.WriteHeader(rec.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// recorder buffers a response so that pageFixer can rewrite it.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) WriteHeader(status int)      { r.status = status }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
