package server

import (
	"fmt"
	"net/http"
	"strings"
)

// cspBase is the Content-Security-Policy of every response except its
// frame-ancestors part: only our own origin, no inline script or style
// (go-app's page needs neither), wasm allowed to compile.
const cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; " +
	"frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// permissionsPolicy denies every powerful feature the app does not use,
// so that neither our code nor a future dependency can ask for them.
const permissionsPolicy = "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), " +
	"display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), " +
	"midi=(), payment=(), serial=(), usb=(), xr-spatial-tracking=()"

// HeaderPolicy is the privacy and security headers of every response,
// computed once from the -frame-ancestors flag: widget routes may be framed
// by the configured origins, every other route only by our own pages. The
// server applies it, and the export's nginx configuration is written from
// it, so that both send the same headers.
type HeaderPolicy struct {
	widgetCSP, pageCSP string
}

// NewHeaderPolicy checks frameAncestors (the value of -frame-ancestors)
// and builds the policy.
func NewHeaderPolicy(frameAncestors string) (HeaderPolicy, error) {
	if err := checkFrameAncestors(frameAncestors); err != nil {
		return HeaderPolicy{}, err
	}
	return HeaderPolicy{
		widgetCSP: cspBase + "; frame-ancestors " + frameAncestors,
		pageCSP:   cspBase + "; frame-ancestors 'self'",
	}, nil
}

// checkFrameAncestors rejects a flag value that would break out of the
// directive (a ';' or ',' would start another one) or is empty.
func checkFrameAncestors(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("-frame-ancestors: empty; use '*' for any origin or 'none' for no framing")
	}
	for _, src := range strings.Fields(v) {
		if strings.ContainsAny(src, ";,\"\\") {
			return fmt.Errorf("-frame-ancestors: source %q: expected *, 'self', 'none', a scheme (https:) or an origin (https://example.org)", src)
		}
		for _, r := range src {
			if r < 0x21 || r > 0x7e {
				return fmt.Errorf("-frame-ancestors: source %q: only printable ASCII is allowed", src)
			}
		}
	}
	return nil
}

// isWidgetRoute reports whether path is the embeddable widget (/embed and
// everything under /embed/), the only pages other sites may frame.
func isWidgetRoute(path string) bool {
	return path == "/embed" || strings.HasPrefix(path, "/embed/")
}

// isCrossOrigin reports whether any origin may read path: the open data
// (no credentials involved), and what a widget in a sandboxed iframe
// (origin "null") fetches cross-origin: the wasm, the language packs and
// the evidence pack.
func isCrossOrigin(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/oembed" || path == "/web/app.wasm" || path == "/web/"+evidencePack ||
		(strings.HasPrefix(path, "/web/lang/") && strings.HasSuffix(path, ".bin"))
}

// PolicyHeaders lists every header name the policy may send. The nginx
// configuration writes one add_header line for each.
func PolicyHeaders() []string {
	return []string{
		"Content-Security-Policy", "Cross-Origin-Opener-Policy", "X-Content-Type-Options",
		"Referrer-Policy", "Permissions-Policy", "Access-Control-Allow-Origin",
	}
}

// Headers returns the privacy and security headers of a response for path
// (without the site's prefix). Widget routes get no
// Cross-Origin-Opener-Policy: it would cut the widget off from the page
// that frames it and opens it.
func (p HeaderPolicy) Headers(path string) http.Header {
	h := http.Header{}
	p.set(h, path)
	return h
}

func (p HeaderPolicy) set(h http.Header, path string) {
	if isWidgetRoute(path) {
		h.Set("Content-Security-Policy", p.widgetCSP)
	} else {
		h.Set("Content-Security-Policy", p.pageCSP)
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Permissions-Policy", permissionsPolicy)
	if isCrossOrigin(path) {
		h.Set("Access-Control-Allow-Origin", "*")
	}
}
