//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func serveMain() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

// run serves the floor until ctx ends. It prints the address it listens on
// (useful with port 0) once the listener is open.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("floor", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8001", "address to listen on")
	dir := fl.String("dir", "bin/floor", "the directory whose web/ holds app.wasm (and app.wasm.br, its brotli -q 11 copy)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags start with -)", fl.Arg(0))
	}
	if _, err := os.Stat(filepath.Join(*dir, "web", "app.wasm")); err != nil {
		return fmt.Errorf("%w (build it with make floor)", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newHandler(*dir), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "floor: serving http://%s/\n", ln.Addr())
	stopped := context.AfterFunc(ctx, func() { srv.Close() })
	defer stopped()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newHandler is go-app's handler with its defaults but three: the page's
// language, title and description (so that Lighthouse's SEO and
// accessibility audits have what any real page has), and a local icon
// (the default icons are remote URLs, which a measurement must not wait
// on). The wasm and go-app's small text files travel compressed, as ours
// do, so that the comparison is of the apps and not of the servers.
func newHandler(dir string) http.Handler {
	pages := &app.Handler{
		Name:        "go-app floor",
		Title:       "go-app floor",
		Description: "The smallest go-app v9 page, measured beside msgcompare.",
		Lang:        "en",
		Icon:        app.Icon{Default: "/web/icon.svg", SVG: "/web/icon.svg"},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /web/icon.svg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/svg+xml")
		io.WriteString(w, icon)
	})
	mux.HandleFunc("GET /web/app.wasm", func(w http.ResponseWriter, r *http.Request) {
		serveWasm(w, r, filepath.Join(dir, "web", "app.wasm"))
	})
	mux.Handle("/web/", http.NotFoundHandler())
	mux.Handle("/", gzipped(pages))
	return mux
}

// icon is a plain square, the loader's image and the manifest's icon.
const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#2d6cdf"/></svg>`

// serveWasm sends the brotli copy next to the wasm to browsers that accept
// br, and the wasm itself to the others.
func serveWasm(w http.ResponseWriter, r *http.Request, path string) {
	w.Header().Set("Content-Type", "application/wasm")
	w.Header().Add("Vary", "Accept-Encoding")
	if accepts(r, "br") {
		if f, err := os.Open(path + ".br"); err == nil {
			defer f.Close()
			st, _ := f.Stat()
			w.Header().Set("Content-Encoding", "br")
			http.ServeContent(w, r, "", st.ModTime(), f)
			return
		}
	}
	http.ServeFile(w, r, path)
}

// accepts reports whether the request's Accept-Encoding lists enc (without
// weighing q values: browsers send br and gzip without them).
func accepts(r *http.Request, enc string) bool {
	for _, e := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, _, _ := strings.Cut(e, ";")
		if strings.TrimSpace(name) == enc {
			return true
		}
	}
	return false
}

// gzipped compresses h's successful responses for browsers that accept
// gzip. go-app's responses here (the page, app.js, wasm_exec.js, the
// manifest) are a few kilobytes each, so each is buffered whole.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !accepts(r, "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		rec := &recorder{header: http.Header{}, code: http.StatusOK}
		h.ServeHTTP(rec, r)
		hdr := w.Header()
		for k, v := range rec.header {
			hdr[k] = v
		}
		hdr.Add("Vary", "Accept-Encoding")
		body := rec.body.Bytes()
		if rec.code != http.StatusOK || len(body) == 0 {
			w.WriteHeader(rec.code)
			w.Write(body)
			return
		}
		if hdr.Get("Content-Type") == "" {
			hdr.Set("Content-Type", http.DetectContentType(body))
		}
		hdr.Del("Content-Length")
		hdr.Set("Content-Encoding", "gzip")
		w.WriteHeader(rec.code)
		gz := gzip.NewWriter(w)
		gz.Write(body)
		gz.Close()
	})
}

// recorder holds a response until gzipped has seen all of it.
type recorder struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(code int)        { r.code = code }
