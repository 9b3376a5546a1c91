package server

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/ui"
)

// resources tells go-app where the package files (app.js, the worker, the
// manifest) and the static files (/web/...) live: under prefix, which is
// empty at the root and "/sub/path" for a static export under a sub-path.
// Unlike app.LocalDir it serves nothing itself (the server holds every
// file in memory), and the wasm URL carries its content hash, so that
// browsers and caches may keep it for a year.
type resources struct {
	prefix string
	wasm   string // "/web/app.wasm?v=hash" without the prefix
}

func (r resources) Package() string { return r.prefix }
func (r resources) Static() string  { return r.prefix }
func (r resources) AppWASM() string { return r.prefix + r.wasm }

// handlerConfig is what newPages needs beyond the catalog: where the app
// lives, its content version and the versioned URLs of its assets.
type handlerConfig struct {
	prefix  string
	version string
	url     func(name string) string // "/web/name?v=hash" for a file of web/
	pages   []string                 // page paths (without prefix) the worker caches
	langs   []string                 // the languages with a pack (all but English)
	// slash makes the worker cache pages as "/about/": static hosts serve
	// the export's about/index.html there and redirect "/about" to it.
	slash bool
}

// newPages configures go-app's handler: local icons only, our stylesheet,
// the storage guard before app.js, a version derived from the content so
// that browsers update when it changes and only then, and our service
// worker.
func newPages(c handlerConfig) *app.Handler {
	cache := []string{c.prefix + "/"}
	for _, p := range c.pages {
		switch {
		case p == "/":
		case c.slash:
			cache = append(cache, c.prefix+p+"/")
		default:
			cache = append(cache, c.prefix+p)
		}
	}
	for _, code := range c.langs {
		cache = append(cache, c.url(languagePack(code)))
	}
	cache = append(cache, c.url(evidencePack))
	return &app.Handler{
		Name:        appName,
		ShortName:   appShortName,
		Title:       "msgcompare: private messengers compared",
		Description: appDescription,
		Lang:        "en",
		Icon: app.Icon{
			Default:    c.url("icon-192.png"),
			Large:      c.url("icon-512.png"),
			SVG:        c.url("icon.svg"),
			AppleTouch: c.url("icon-192.png"),
		},
		BackgroundColor:         backgroundColor,
		ThemeColor:              themeColor,
		LoadingLabel:            "Loading interactive version {progress}%",
		Styles:                  []string{c.url("app.css")},
		Scripts:                 []string{c.url("storage-guard.js")},
		CacheableResources:      append(cache, c.url("icon-maskable-512.png"), c.url("boot-worker.js")),
		Resources:               resources{prefix: c.prefix, wasm: c.url("app.wasm")},
		Version:                 c.version,
		WasmContentLengthHeader: "X-Wasm-Content-Length",
		ServiceWorkerTemplate:   workerTemplate(c.prefix),
	}
}

const (
	appName         = "msgcompare: private messengers compared"
	appShortName    = "msgcompare"
	appDescription  = "Private messengers compared on sourced, dated facts: encryption, metadata, identifiers, audits, platforms."
	backgroundColor = "#ffffff"
	themeColor      = "#1f4e79"
)

// bootScript is what the server serves as /app.js instead of go-app's:
// web/boot.js, our loader, after the line that tells it go-app's
// environment (as go-app's own app.js holds it: h must have served once)
// and where the wasm, the compile worker and the service worker are.
// go-app's loader fetches and runs the wasm as the page loads, through a
// stream that passes every byte through the main thread; ours starts it on
// the reader's first intent and compiles it in a Worker (see boot.js).
func bootScript(h *app.Handler, web fs.FS, c handlerConfig) ([]byte, error) {
	js, err := fs.ReadFile(web, "boot.js")
	if err != nil {
		return nil, fmt.Errorf("reading web/boot.js: %w", err)
	}
	if c.url("boot-worker.js") == "" {
		return nil, fmt.Errorf("web/boot-worker.js is missing")
	}
	langs := map[string]string{}
	for _, code := range c.langs {
		langs[code] = c.prefix + c.url(languagePack(code))
	}
	cfg, err := json.Marshal(map[string]any{
		"env":      h.Env,
		"wasm":     c.prefix + c.url("app.wasm"),
		"worker":   c.prefix + c.url("boot-worker.js"),
		"sw":       c.prefix + "/app-worker.js",
		"langs":    langs,
		"evidence": c.prefix + c.url(evidencePack),
	})
	if err != nil {
		return nil, fmt.Errorf("boot.js configuration: %w", err)
	}
	return append([]byte("var goappBoot = "+string(cfg)+";\n"), js...), nil
}

// manifest is the web app manifest. go-app's own has no maskable icon and
// no id; this one is served at the same URL instead.
func manifest(c handlerConfig) ([]byte, error) {
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	}
	scope := c.prefix + "/"
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID: scope, Name: appName, ShortName: appShortName, Description: appDescription, Lang: "en",
		StartURL: scope, Scope: scope, Display: "standalone",
		BackgroundColor: backgroundColor, ThemeColor: themeColor,
		Icons: []icon{
			{c.prefix + c.url("icon-192.png"), "192x192", "image/png", "any"},
			{c.prefix + c.url("icon-512.png"), "512x512", "image/png", "any"},
			{c.prefix + c.url("icon-maskable-512.png"), "512x512", "image/png", "maskable"},
			{c.prefix + c.url("icon.svg"), "any", "image/svg+xml", "any"},
		},
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encoding manifest: %w", err)
	}
	return b, nil
}

// workerTemplate is the service worker, a text/template that go-app fills
// with the version and the resources to cache. It differs from go-app's:
//   - pages are fetched from the network first and fall back to the cached
//     copy, ignoring the query (views like /?require=x are the same page,
//     the wasm applies the query), so that online readers always get the
//     current prerender and offline readers still get the app;
//   - URLs with ?v= (content-addressed) come from the cache first; other
//     files from the network first, so that app.js and the wasm it names
//     never come from two versions;
//   - the bare prefix without a slash is not cached: static hosts redirect
//     it, and a redirected response cannot answer a navigation.
func workerTemplate(prefix string) string {
	p, _ := json.Marshal(prefix)
	pages, _ := json.Marshal(ui.PagePattern())
	return strings.NewReplacer("PREFIX_JSON", string(p), "PAGE_PATTERN_JSON", string(pages)).Replace(workerJS)
}

const workerJS = `const cacheName = "app-" + "{{.Version}}";
const prefix = PREFIX_JSON;
const resourcesToCache = {{.ResourcesToCache}}.filter((r) => !prefix || r !== prefix);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName && k.startsWith("app-")).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The addresses of pages, below the prefix (ui.PagePattern): the app
// renders any of them from the cached home page. Other addresses offline
// are not pages.
const pagePath = new RegExp(PAGE_PATTERN_JSON);

// fromCache answers a navigation offline: the page cached for its path
// (with or without the slash), else, for a page, the home page. A page
// cached for another address or view (the cache holds each page without
// a query) comes with data-cached-view on <html>: the loader then starts
// the app at once, to render the address asked for. Anything else is a
// 503 that says so, not a page with status 200.
async function fromCache(request) {
  const cache = await caches.open(cacheName);
  const url = new URL(request.url);
  const path = url.pathname;
  const below = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  const candidates = [path, path.endsWith("/") ? path.slice(0, -1) : path + "/"];
  if (pagePath.test(below || "/")) candidates.push(prefix + "/");
  for (const c of candidates) {
    if (!c) continue;
    const r = await cache.match(c, { ignoreSearch: true });
    if (!r) continue;
    if ((c === path && !url.search) || !(r.headers.get("Content-Type") || "").startsWith("text/html")) return r;
    const html = await r.text();
    const at = html.indexOf("<html") + 5;
    const headers = new Headers(r.headers);
    headers.delete("Content-Length");
    headers.delete("Content-Encoding");
    return new Response(at < 5 ? html : html.slice(0, at) + " data-cached-view" + html.slice(at), { status: r.status, statusText: r.statusText, headers });
  }
  return new Response("Offline: " + path + " is not in this browser's copy of the site.\n", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => fromCache(request)));
    return;
  }
  if (url.searchParams.has("v")) {
    event.respondWith(caches.match(request).then((r) => r || fetch(request)));
    return;
  }
  event.respondWith(fetch(request).catch(() => caches.match(request).then((r) => r || Response.error())));
});
`
