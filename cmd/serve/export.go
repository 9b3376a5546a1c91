package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
)

// exportHost is the Host the export's pages are rendered for; nothing in
// a page depends on it once og:url is gone.
const exportHost = "localhost"

// export writes the site that the server would serve, as static files
// under dir, each minified and with .br and .gz siblings where they are
// smaller (nginx's brotli_static and gzip_static pick them up): every
// page of ui.Paths as dir/index.html and dir/path/index.html, go-app's
// files, the manifest, web/, the wasm, embed.js and the API.
//
// With cfg.Prefix ("/sub/path") every URL inside the files starts with it;
// the files themselves are still written at the top of dir, which the
// host serves at that path.
func export(dir string, cfg config) error {
	s, err := newServer(cfg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	n := 0
	for p, a := range s.assets {
		if err := writeAsset(dir, p, a); err != nil {
			return err
		}
		n++
	}
	for _, p := range s.pagePaths {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		req.Host = exportHost
		a := s.renderPage(req)
		if a == nil {
			return fmt.Errorf("export: page %s: no route renders it", p)
		}
		file := strings.TrimSuffix(p, "/") + "/index.html"
		if err := writeAsset(dir, file, a); err != nil {
			return err
		}
		n++
	}
	fmt.Printf("exported %d files (+ .br/.gz) of version %s to %s, for %s/\n", n, s.version, dir, cfg.Prefix)
	return nil
}

// writeAsset writes a's body at dir/p and its compressed variants beside.
func writeAsset(dir, p string, a *asset) error {
	name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("export %s: %w", p, err)
	}
	for suffix, b := range map[string][]byte{"": a.body, ".br": a.br, ".gz": a.gz} {
		if b == nil {
			continue
		}
		if err := os.WriteFile(name+suffix, b, 0o644); err != nil {
			return fmt.Errorf("export %s: %w", p, err)
		}
	}
	return nil
}
