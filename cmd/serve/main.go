// Command serve serves msgcompare: the prerendered pages, the WebAssembly
// app, the open data API, and (with -export) writes the same site as static
// files. With -validate it only checks the data files.
//
// The web/ files (stylesheet, icons, scripts, app.wasm) are embedded at
// compile time, so bin/serve runs from any directory; -root serves them
// from disk instead, for working on the stylesheet without a rebuild.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on")
	root := flag.String("root", "", "serve web/ from this directory's web/ on disk instead of the embedded copy (development)")
	validate := flag.Bool("validate", false, "only validate the data files and exit")
	dataDir := flag.String("data", "", "read the data files from this directory instead of the embedded copy")
	exportDir := flag.String("export", "", "write the site as static files to this directory and exit")
	base := flag.String("base", "/", "with -export: the URL path the site will live under, e.g. /tools/msgcompare/")
	stale := flag.Int("stale", -1, "only list the facts verified more than this many days ago (0: the data's threshold), by messenger with sources, and exit; non-zero when any is older than the data's hard limit")
	frameAncestors := flag.String("frame-ancestors", "*", "CSP frame-ancestors of the widget routes (/embed, /embed/...): origins allowed to frame the widget")
	flag.Parse()

	cat, err := loadCatalog(*dataDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		if errs, ok := err.(catalog.Errors); ok {
			fmt.Fprintf(os.Stderr, "%d problems in the data files; see docs/data.md\n", len(errs))
		}
		os.Exit(1)
	}
	if *validate {
		fmt.Println("ok:", cat)
		return
	}
	if *stale >= 0 {
		if err := staleReport(os.Stdout, cat, *stale, time.Now().UTC().Format(time.DateOnly)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	cfg := config{Catalog: cat, Root: *root, FrameAncestors: *frameAncestors}
	if *exportDir != "" {
		cfg.Prefix, cfg.Export = *base, true
		if err := export(*exportDir, cfg); err != nil {
			log.Fatal(err)
		}
		return
	}
	srv, err := newServer(cfg)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("msgcompare: %v", srv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("msgcompare serving http://%s/", ln.Addr())
	if err := serve(ctx, ln, srv); err != nil {
		log.Fatal(err)
	}
}

func loadCatalog(dir string) (*catalog.Catalog, error) {
	opt := catalog.Options{Today: time.Now().UTC().Format(time.DateOnly)}
	if dir == "" {
		return catalog.Load(data.FS, opt)
	}
	opt.Dir = dir
	return catalog.Load(os.DirFS(dir), opt)
}

// newHTTPServer sets the limits that protect against slow and oversized
// clients: a slow header or body cannot hold a connection for long, and a
// header block over 64 KB is refused with 431.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(os.Stderr, "http: ", 0),
	}
}

// serve serves on ln until ctx ends (SIGINT or SIGTERM in main), then stops
// accepting and lets requests in flight finish, for up to 15 seconds.
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	hs := newHTTPServer(h)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutting down: %w", err)
	}
	return nil
}
