package server

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// serveAsset writes a with status, choosing the variant by
// Accept-Encoding. Every variant has its own strong ETag (hash, hash-br,
// hash-gz), and any of them in If-None-Match answers 304, since all encode
// the same content. A URL whose ?v= names the content's hash never
// changes, so it is cached for a year; any other URL is revalidated on
// each use. A status other than 200 (the not-found page) has no ETag.
func serveAsset(w http.ResponseWriter, r *http.Request, a *asset, status int) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	if a.immutable && status == http.StatusOK && r.URL.Query().Get("v") == a.hash {
		h.Set("Cache-Control", cacheImmutable)
	} else {
		h.Set("Cache-Control", cacheRevalidate)
	}
	body, enc, tag := a.body, "", a.hash
	if a.br != nil || a.gz != nil {
		addVary(h, "Accept-Encoding")
		switch negotiate(r.Header.Get("Accept-Encoding")) {
		case "br":
			if a.br != nil {
				body, enc, tag = a.br, "br", a.hash+"-br"
			} else if a.gz != nil {
				body, enc, tag = a.gz, "gzip", a.hash+"-gz"
			}
		case "gzip":
			if a.gz != nil {
				body, enc, tag = a.gz, "gzip", a.hash+"-gz"
			}
		}
	}
	if status == http.StatusOK {
		h.Set("ETag", `"`+tag+`"`)
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	if a.contentType == "application/wasm" {
		// go-app's loader reads this to show progress over a compressed body.
		h.Set("X-Wasm-Content-Length", strconv.Itoa(len(a.body)))
	}
	if status == http.StatusOK && notModified(r.Header.Get("If-None-Match"), a.hash) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		writeProgressing(w, body)
	}
}

// A response's write deadline follows its progress: each writeChunk has
// writeStall to reach the reader. A download at 50 KB/s is never cut (the
// 9.8 MB wasm takes over three minutes); a reader that stops reading is,
// and frees what it held.
const (
	writeChunk = 64 << 10
	writeStall = 30 * time.Second
)

func writeProgressing(w http.ResponseWriter, body []byte) {
	rc := http.NewResponseController(w)
	for len(body) > 0 {
		n := min(len(body), writeChunk)
		rc.SetWriteDeadline(time.Now().Add(writeStall)) // unsupported in tests' recorders: no deadline there
		if _, err := w.Write(body[:n]); err != nil {
			return
		}
		body = body[n:]
	}
}

// notModified reports whether an If-None-Match header names any variant of
// the content with this hash (weak comparison, as RFC 9110 asks for GET).
func notModified(ifNoneMatch, hash string) bool {
	if ifNoneMatch == "" {
		return false
	}
	for _, t := range strings.Split(ifNoneMatch, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" {
			return true
		}
		t = strings.Trim(t, `"`)
		if t == hash || t == hash+"-br" || t == hash+"-gz" {
			return true
		}
	}
	return false
}

// addVary adds a request header to the response's Vary, keeping one
// comma-separated line.
func addVary(h http.Header, name string) {
	if v := h.Get("Vary"); v != "" {
		h.Set("Vary", v+", "+name)
		return
	}
	h.Set("Vary", name)
}
