package server

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

// NewHTTPServer sets the limits that protect against slow and oversized
// clients: a slow header or body cannot hold a connection for long, and a
// header block over 64 KB is refused with 431. WriteTimeout bounds a
// response that does not say otherwise; the site's files and pages
// (serveAsset) move the deadline with their progress instead, so that a
// slow but live download is never cut and a stalled one is after
// writeStall.
func NewHTTPServer(h http.Handler) *http.Server {
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

// ShutdownGrace is how long bin/serve waits, after SIGINT or SIGTERM, for
// the responses in flight (a slow download of the wasm among them) before
// it cuts them: it exits 0 when they all finish within it, 1 otherwise.
const ShutdownGrace = 60 * time.Second

// Serve serves h on ln until ctx ends (SIGINT or SIGTERM in bin/serve),
// then stops accepting and lets requests in flight finish, for up to
// grace; after that it closes their connections and says so.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	hs := NewHTTPServer(h)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		hs.Close()
		return fmt.Errorf("shutting down: responses still in flight after %v were cut: %w", grace, err)
	}
	return nil
}
