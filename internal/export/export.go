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
	"path"
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
// empty, or a previous export (it has the Marker file). The export is
// atomic: every file is rendered first, then written to a new sibling
// folder, which takes dir's place by renaming only once it is complete; a
// failure on the way (a full disk, a permission) leaves dir as it was. No
// file of an earlier version (a stale .br beside a new page) survives.
//
// With a server built for a base ("/sub/path"), every URL inside the files
// starts with it; the files themselves are still written at the top of
// dir, which the host serves at that path.
func Write(dir string, s *server.Server) (Result, error) {
	if err := Check(dir); err != nil {
		return Result{}, err
	}
	var files []server.File
	for _, f := range s.Files() {
		files = append(files, f)
		if f.Version != "" {
			files = append(files, server.File{Path: VersionFile(f.Path, f.Version), Body: []byte{}})
		}
	}
	for _, p := range s.PagePaths() {
		for _, lang := range append([]string{""}, s.Langs()[1:]...) {
			f, err := s.RenderPage(p, lang)
			if err != nil {
				return Result{}, fmt.Errorf("export: %w", err)
			}
			f.Path = strings.TrimSuffix(p, "/") + "/" + PageFile(lang)
			files = append(files, f)
			// The page's picture, where its og:image points.
			img, err := s.PreviewImage(p, lang)
			if err != nil {
				return Result{}, fmt.Errorf("export: %w", err)
			}
			files = append(files, img)
		}
	}
	files = append(files, s.Badges()...)
	nf, err := s.NotFoundPage()
	if err != nil {
		return Result{}, fmt.Errorf("export: %w", err)
	}
	nf.Path = "/404.html"
	files = append(files, nf)
	if err := writeSite(dir, files, s.Version(), writeFile); err != nil {
		return Result{}, err
	}
	return Result{Files: len(files), Version: s.Version()}, nil
}

// writeSite writes files, with the marker, to a new folder beside dir and
// then puts that folder in dir's place: dir is renamed aside, the new
// folder renamed to dir, and the old one removed. write writes one file
// (writeFile; tests inject failures). On any failure the new folder is
// removed and dir is left, or put back, as it was.
func writeSite(dir string, files []server.File, version string, write func(root string, f server.File) error) error {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // a link to the site: replace the folder it points to
	}
	dir = filepath.Clean(dir)
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return fmt.Errorf("export: a folder beside %s for the new site: %w", dir, err)
	}
	defer os.RemoveAll(tmp) // gone by renaming on success
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	marker := "msgcompare static export, version " + version + ".\n" +
		"bin/serve -export replaces everything in this folder.\n"
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(marker), 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, f := range files {
		if err := write(tmp, f); err != nil {
			return fmt.Errorf("export (%s is left as it was): %w", dir, err)
		}
	}
	if wk := filepath.Join(dir, WellKnown); isDir(wk) {
		if err := os.CopyFS(filepath.Join(tmp, WellKnown), os.DirFS(wk)); err != nil {
			return fmt.Errorf("export: keeping %s (%s is left as it was): %w", wk, dir, err)
		}
	}
	// Check again: the folder may have changed during the rendering.
	if err := Check(dir); err != nil {
		return err
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		o, err := os.MkdirTemp(parent, "."+base+".old-")
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		old = filepath.Join(o, base)
		if err := os.Rename(dir, old); err != nil {
			os.Remove(o)
			return fmt.Errorf("export: moving the previous site aside (%s is left as it was; is it a mount point? export to a folder inside it): %w", dir, err)
		}
		defer os.RemoveAll(o)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("export (%s is left as it was): %w", dir, err)
	}
	return nil
}

// VersionFile is the empty file beside the file at p (a URL path) that
// says its current ?v= is version: web/.app.css.<hash> for /web/app.css.
// docs/nginx.conf caches such a URL for a year only when this file
// exists, as bin/serve does only for the current hash; being a dot file,
// it is not served.
func VersionFile(p, version string) string {
	dir, name := path.Split(p)
	return dir + "." + name + "." + version
}

// WellKnown is the folder of a previous export that a new one keeps: the
// operator's own files at /.well-known/ (ACME challenges, security.txt).
const WellKnown = ".well-known"

// PageFile is the file name of a page in language lang in its folder:
// index.html without a language (English), index.<lang>.html for the
// others, which a host serves for ?lang=<lang> (docs/nginx.conf does).
func PageFile(lang string) string {
	if lang == "" {
		return "index.html"
	}
	return "index." + lang + ".html"
}

// Check reports whether dir can take an export, before the work of one:
// it must be missing, or a directory that is empty or a previous export
// (it has the Marker, a regular file: a directory of that name is not
// ours).
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
	if fi, err := os.Lstat(filepath.Join(dir, Marker)); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("export: %s is not a file: %s is not a previous export", filepath.Join(dir, Marker), dir)
		}
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

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
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
