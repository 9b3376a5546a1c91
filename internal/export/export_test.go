package export

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msgcompare/internal/server"
)

// TestCheck: an export goes only into a new or empty folder or a previous
// export, the only folders it may empty.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(dir string) string // returns the path to check
		err   string
	}{
		{"a missing folder is created", func(dir string) string { return filepath.Join(dir, "new", "site") }, ""},
		{"an empty folder is used", func(dir string) string { return dir }, ""},
		{"a previous export is replaced", func(dir string) string {
			os.WriteFile(filepath.Join(dir, Marker), nil, 0o644)
			os.WriteFile(filepath.Join(dir, "index.html"), nil, 0o644)
			return dir
		}, ""},
		{"a folder of other files is refused", func(dir string) string {
			os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644)
			return dir
		}, "not a previous export"},
		{"a folder whose marker is a directory is refused", func(dir string) string {
			os.Mkdir(filepath.Join(dir, Marker), 0o755)
			os.WriteFile(filepath.Join(dir, "index.html"), nil, 0o644)
			return dir
		}, "is not a file"},
		{"a file is refused", func(dir string) string {
			p := filepath.Join(dir, "f")
			os.WriteFile(p, nil, 0o644)
			return p
		}, "not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.setup(t.TempDir()))
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("Check = %v, want %q", err, tc.err)
			}
		})
	}
}

// TestWriteSiteReplacesTheSiteWholeOrNotAtAll writes a site over a previous
// export, with a failure injected half way or none.
func TestWriteSiteReplacesTheSiteWholeOrNotAtAll(t *testing.T) {
	var files []server.File
	for i := range 10 {
		files = append(files, server.File{Path: fmt.Sprintf("/app/a%d/index.html", i), Body: []byte("new")})
	}
	files = append(files, server.File{Path: "/index.html", Body: []byte("new"), Gzip: []byte("gz")})
	errFull := errors.New("no space left on device")
	for _, tc := range []struct {
		name     string
		failAt   int // the file whose write fails; -1: none
		wantSite string
	}{
		{name: "a failure half way leaves the previous site untouched", failAt: 5, wantSite: "old"},
		{name: "a failure on the last file leaves it untouched too", failAt: len(files) - 1, wantSite: "old"},
		{name: "a complete export replaces the previous site whole", failAt: -1, wantSite: "new"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "site")
			os.MkdirAll(filepath.Join(dir, "app", "gone"), 0o755)
			os.WriteFile(filepath.Join(dir, Marker), []byte("old"), 0o644)
			os.WriteFile(filepath.Join(dir, "index.html"), []byte("old"), 0o644)
			os.WriteFile(filepath.Join(dir, "app", "gone", "index.html"), []byte("old"), 0o644)
			n := 0
			err := writeSite(dir, files, "v2", func(root string, f server.File) error {
				if n++; n-1 == tc.failAt {
					return errFull
				}
				return writeFile(root, f)
			})
			if tc.failAt >= 0 && !errors.Is(err, errFull) || tc.failAt < 0 && err != nil {
				t.Fatalf("writeSite = %v", err)
			}
			if got := read(t, filepath.Join(dir, "index.html")); got != tc.wantSite {
				t.Errorf("index.html = %q, want %q", got, tc.wantSite)
			}
			_, err = os.Stat(filepath.Join(dir, "app", "gone"))
			if gone := err != nil; gone != (tc.wantSite == "new") {
				t.Errorf("a page only the previous export had: gone = %v", gone)
			}
			if m := read(t, filepath.Join(dir, Marker)); (m == "old") != (tc.wantSite == "old") {
				t.Errorf("marker %q", m)
			}
			if entries, _ := os.ReadDir(parent); len(entries) != 1 {
				t.Errorf("%d entries beside the site, want only the site: %v", len(entries), entries)
			}
		})
	}
}

func TestWriteSiteFollowsALinkToTheSite(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "v1")
	os.Mkdir(real, 0o755)
	os.WriteFile(filepath.Join(real, Marker), nil, 0o644)
	link := filepath.Join(parent, "site")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	if err := writeSite(link, []server.File{{Path: "/index.html", Body: []byte("new")}}, "v2", writeFile); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a folder (%v)", err)
	}
	if got := read(t, filepath.Join(link, "index.html")); got != "new" {
		t.Errorf("index.html through the link = %q", got)
	}
}

// TestWriteSiteKeepsTheOperatorsWellKnownFiles: an ACME challenge or a
// security.txt that the operator put in .well-known/ of the site outlives
// the export that replaces the site.
func TestWriteSiteKeepsTheOperatorsWellKnownFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	os.MkdirAll(filepath.Join(dir, WellKnown, "acme-challenge"), 0o755)
	os.WriteFile(filepath.Join(dir, Marker), nil, 0o644)
	os.WriteFile(filepath.Join(dir, WellKnown, "security.txt"), []byte("Contact: mailto:x@example.org\n"), 0o644)
	os.WriteFile(filepath.Join(dir, WellKnown, "acme-challenge", "t1"), []byte("t1.key"), 0o644)
	if err := writeSite(dir, []server.File{{Path: "/index.html", Body: []byte("new")}}, "v2", writeFile); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"index.html":                    "new",
		".well-known/security.txt":      "Contact: mailto:x@example.org\n",
		".well-known/acme-challenge/t1": "t1.key",
	} {
		if got := read(t, filepath.Join(dir, filepath.FromSlash(name))); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestVersionFile(t *testing.T) {
	for p, want := range map[string]string{
		"/web/app.css":     "/web/.app.css.abc",
		"/web/lang/fa.bin": "/web/lang/.fa.bin.abc",
	} {
		if got := VersionFile(p, "abc"); got != want {
			t.Errorf("VersionFile(%q) = %q, want %q", p, got, want)
		}
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
