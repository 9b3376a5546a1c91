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
// header block over 64 KB is refused with 431.
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

// Serve serves h on ln until ctx ends (SIGINT or SIGTERM in bin/serve),
// then stops accepting and lets requests in flight finish, for up to 15
// seconds.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	hs := NewHTTPServer(h)
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
