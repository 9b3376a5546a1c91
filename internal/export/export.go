// Package export writes msgcompare as a static site: every file and
// prerendered page that the server serves, minified, with .br and .gz
// siblings where they are smaller (nginx's brotli_static and gzip_static
// pick them up), and 404.html, the not-found page static hosts answer
// unknown paths with. An export replaces the folder's previous export
// whole, so that it holds exactly the current site.
package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"msgcompare/internal/server"
)

// Marker is the file every export writes at its top. Its presence is
// what lets a later export replace the folder: a folder that has other
// files and no marker is not ours to delete.
const Marker = ".msgcompare-export"

// Result says what an export wrote.
type Result struct {
	Files   int // files written, without their .br/.gz siblings
	Version string
}

// Write exports the site that s serves into dir. dir must be missing,
// empty, or a previous export (it has Marker); its old content is removed
// first, so that no file of an earlier version (a stale .br beside a new
// page) survives.
//
// With a server built for a base ("/sub/path"), every URL inside the files
// starts with it; the files themselves are still written at the top of
// dir, which the host serves at that path.
func Write(dir string, s *server.Server) (Result, error) {
	if err := prepare(dir); err != nil {
		return Result{}, err
	}
	var files []server.File
	files = append(files, s.Files()...)
	for _, p := range s.PagePaths() {
		for _, lang := range append([]string{""}, s.Langs()[1:]...) {
			f, err := s.RenderPage(p, lang)
			if err != nil {
				return Result{}, fmt.Errorf("export: %w", err)
			}
			f.Path = strings.TrimSuffix(p, "/") + "/" + PageFile(lang)
			files = append(files, f)
		}
	}
	nf, err := s.NotFoundPage()
	if err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	nf.Path = "/404.html"
	files = append(files, nf)

	if err := removeContents(dir); err != nil {
		return Result{}, err
	}
	// The marker first: an export that fails half-way leaves a folder the
	// next export may still replace.
	marker := "msgcompare static export, version " + s.Version() + ".\n" +
		"bin/serve -export replaces everything in this folder.\n"
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(marker), 0o644); err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	for _, f := range files {
		if err := writeFile(dir, f); err != nil {
			return Result{}, err
		}
	}
	return Result{Files: len(files), Version: s.Version()}, nil
}

// PageFile is the file name of a page in language lang in its folder:
// index.html without a language (English), index.<lang>.html for the
// others, which a host serves for ?lang=<lang> (docs/nginx.conf does).
func PageFile(lang string) string {
	if lang == "" {
		return "index.html"
	}
	return "index." + lang + ".html"
}

// prepare makes sure dir can take the export: it is created when missing.
func prepare(dir string) error {
	if err := Check(dir); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// Check reports whether dir can take an export, before the work of one:
// it must be missing, or a directory that is empty or a previous export.
func Check(dir string) error {
	fi, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("export: %s is not a directory", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err == nil {
		return nil
	}
	empty, err := isEmpty(dir)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if !empty {
		return fmt.Errorf("export: %s is not empty and not a previous export (it has no %s); "+
			"choose an empty or new folder, the export replaces everything in it", dir, Marker)
	}
	return nil
}

func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// removeContents removes everything inside dir (checked by prepare),
// keeping dir itself, which may be a mount point or a symbolic link.
func removeContents(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("export: removing the previous export: %w", err)
		}
	}
	return nil
}

// writeFile writes f's body at dir/f.Path and its compressed variants
// beside it.
func writeFile(dir string, f server.File) error {
	name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(f.Path, "/")))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("export %s: %w", f.Path, err)
	}
	for _, v := range []struct {
		suffix string
		b      []byte
	}{{"", f.Body}, {".br", f.Brotli}, {".gz", f.Gzip}} {
		if v.b == nil {
			continue
		}
		if err := os.WriteFile(name+v.suffix, v.b, 0o644); err != nil {
			return fmt.Errorf("export %s: %w", f.Path, err)
		}
	}
	return nil
}
