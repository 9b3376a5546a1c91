// Command serve serves msgcompare: the prerendered pages, the WebAssembly
// app, the open data API, and (with -export) writes the same site as static
// files. With -validate it only checks the data files.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
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
	root := flag.String("root", ".", "directory that holds web/ (app.wasm, app.css, icons)")
	validate := flag.Bool("validate", false, "only validate the data files and exit")
	dataDir := flag.String("data", "", "read the data files from this directory instead of the embedded copy")
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
	srv, err := newServer(config{Catalog: cat, Root: *root})
	if err != nil {
		log.Fatal(err)
	}
	if err := serve(*addr, srv); err != nil {
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

// serve listens on addr until SIGINT or SIGTERM, then lets requests in
// flight finish.
func serve(addr string, h http.Handler) error {
	hs := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.ListenAndServe() }()
	log.Printf("msgcompare serving http://%s/", addr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
