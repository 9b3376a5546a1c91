//go:build !js

package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// startFloor runs the command on a free port over a directory with a
// stand-in wasm and its "brotli" copy, and returns the server's base URL.
func startFloor(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("raw wasm"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm.br"), []byte("brotli wasm"), 0o644)
	routes()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-dir", dir}, pw, io.Discard)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "floor: serving ")
	if err != nil || !ok {
		t.Fatalf("first line %q, %v; want floor: serving URL", line, err)
	}
	return strings.TrimSuffix(url, "/")
}

func TestFloorServes(t *testing.T) {
	base := startFloor(t)
	for _, tt := range []struct {
		name, path, accept string
		wantEncoding       string
		wantBody           string
	}{
		{"the page has its heading and go-app's loader", "/", "", "", "<h1>go-app floor</h1>"},
		{"the page travels gzipped", "/", "gzip", "gzip", "app-wasm-loader"},
		{"go-app's script travels gzipped", "/app.js", "br, gzip", "gzip", "goappOnUpdate"},
		{"the wasm travels as its brotli copy", "/web/app.wasm", "gzip, deflate, br", "br", "brotli wasm"},
		{"the wasm goes raw to a browser without br", "/web/app.wasm", "gzip", "", "raw wasm"},
		{"the icon is local", "/web/icon.svg", "", "", "<svg"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, base+tt.path, nil)
			req.Header.Set("Accept-Encoding", tt.accept)
			res, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var body io.Reader = res.Body
			if enc := res.Header.Get("Content-Encoding"); enc != tt.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", enc, tt.wantEncoding)
			} else if enc == "gzip" {
				if body, err = gzip.NewReader(res.Body); err != nil {
					t.Fatal(err)
				}
			}
			b, err := io.ReadAll(body)
			if res.StatusCode != http.StatusOK || err != nil || !strings.Contains(string(b), tt.wantBody) {
				t.Errorf("GET %s = %d, %v, body %.200q; want 200 with %q", tt.path, res.StatusCode, err, b, tt.wantBody)
			}
		})
	}
}

func TestFloorRefuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"an unknown flag", []string{"-port", "1"}, "not defined"},
		{"an argument that is not a flag", []string{"web"}, "unexpected argument"},
		{"a directory without the wasm", []string{"-dir", t.TempDir()}, "make floor"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := run(context.Background(), tt.args, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("run(%q) = %v, want an error with %q", tt.args, err, tt.want)
			}
		})
	}
}
