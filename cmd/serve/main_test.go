package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"msgcompare/internal/export"
)

// TestMain lets the test binary be the command: with MSGCOMPARE_RUN=1 it
// runs run() on its arguments and exits, so that each case of TestRun is a
// process of its own, as bin/serve is (go-app's router is one per process).
func TestMain(m *testing.M) {
	if os.Getenv("MSGCOMPARE_RUN") == "1" {
		err := run(os.Args[1:], os.Stdout, os.Stderr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
		}
		os.Exit(exitCode(err))
	}
	os.Exit(m.Run())
}

// command runs run(args) in a new process of the test binary and returns
// its standard output and error output, and whether it failed.
func command(t *testing.T, args []string) (stdout, stderr string, err error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "MSGCOMPARE_RUN=1")
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.String(), e.String(), err
}

// smallRoot writes a -root directory whose web/ is the real one with a
// stand-in app.wasm, so that exports in these tests take a second, race
// detector included. The end-to-end tests export with the real wasm.
func smallRoot(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "web")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "web", "*"))
	for _, f := range files {
		switch filepath.Base(f) {
		case "app.wasm", "app.wasm.br", "web.go":
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644)
	return root
}

// smallData writes a -data directory with the real criteria and presets,
// English and Persian, and two messengers: the pages of an export then
// take a fraction of the time (the end-to-end tests export the real
// catalog in every language).
func smallData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	apps := []string{"signal", "briar"}
	files := []string{"criteria.json", "presets.json", "guide.json", "freshness.json"}
	for _, id := range apps {
		files = append(files, "apps/"+id+".json")
	}
	// English and one language written right to left: every language
	// multiplies the export's pages and pictures, and what these tests
	// check of an export is the same in each.
	for _, l := range []string{"en", "fa"} {
		files = append(files, "locales/"+l+"/ui.json", "locales/"+l+"/catalog.json")
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join("..", "..", "data", f))
		if errors.Is(err, fs.ErrNotExist) && filepath.Base(f) == "catalog.json" && !strings.Contains(f, "/en/") {
			continue // a language may have no catalog texts yet
		}
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "catalog.json" {
			b = onlyApps(t, b, apps)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	return dir
}

// onlyApps drops the texts of the messengers not in apps from a language's
// catalog texts (a text of a messenger the data lacks is an error).
func onlyApps(t *testing.T, b []byte, apps []string) []byte {
	t.Helper()
	var texts map[string]string
	if err := json.Unmarshal(b, &texts); err != nil {
		t.Fatal(err)
	}
	for k := range texts {
		if id, ok := strings.CutPrefix(k, "app."); ok && !slices.Contains(apps, strings.TrimSuffix(id, ".summary")) {
			delete(texts, k)
		}
	}
	out, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// protocolRelative finds a URL that starts with two slashes in a src,
// href or a quoted string: the browser reads "//web/app.wasm" as the host
// "web".
var protocolRelative = regexp.MustCompile(`["'(]//[a-z]`)

// TestRun runs the command as a user would, with its real flags and
// defaults, each case in a process of its own (serving is left to the
// end-to-end tests, which run bin/serve).
func TestRun(t *testing.T) {
	root, data := smallRoot(t), smallData(t)
	for _, tc := range []struct {
		name    string
		args    []string // $DIR is a new temporary directory; $SMALL: -root and -data for a small site
		setup   func(t *testing.T, dir string)
		wantErr string // "" for success
		check   func(t *testing.T, dir, stdout string)
	}{
		{name: "-validate checks the data and prints a summary", args: []string{"-validate"},
			check: func(t *testing.T, _, stdout string) {
				if !strings.HasPrefix(stdout, "ok: ") {
					t.Errorf("stdout %q, want ok: ...", stdout)
				}
			}},
		{name: "-validate reports broken data files", args: []string{"-validate", "-data", "$DIR"},
			setup:   func(t *testing.T, dir string) { os.WriteFile(filepath.Join(dir, "criteria.json"), []byte("{"), 0o644) },
			wantErr: "criteria.json"},
		{name: "an unknown flag is an error", args: []string{"-nope"}, wantErr: "flag provided but not defined: -nope"},
		{name: "an argument that is not a flag is an error", args: []string{"export"}, wantErr: `unexpected argument "export"`},
		{name: "-base without -export is an error", args: []string{"-base", "/tools/msgcompare/"}, wantErr: "-base is for -export only"},
		{name: "-base / without -export is an error too", args: []string{"-base", "/"}, wantErr: "-base is for -export only"},
		{name: "-export with an empty name is an error", args: []string{"-export", ""}, wantErr: "-export: empty"},
		{name: "-export -base must be an absolute path", args: []string{"-export", "$DIR", "-base", "tools"}, wantErr: "expected an absolute path"},
		{name: "-export -base must be clean", args: []string{"-export", "$DIR", "-base", "/a/../b/"}, wantErr: "expected a clean path"},
		{name: "-public-url must be http or https", args: []string{"-public-url", "ftp://example.org/"}, wantErr: "expected an absolute http or https URL"},
		{name: "-public-url must be absolute", args: []string{"-public-url", "example.org"}, wantErr: "expected an absolute http or https URL"},
		{name: "-public-url takes no query", args: []string{"-public-url", "https://example.org/?a=1"}, wantErr: "no user, query or fragment"},
		{name: "-public-url of the server is at the root", args: []string{"-public-url", "https://example.org/tools/"}, wantErr: "is not the site's base /"},
		{name: "-public-url of an export matches -base", args: []string{"-export", "$DIR", "-base", "/x/", "-public-url", "https://example.org/y/"}, wantErr: "is not the site's base /x/"},
		{name: "-frame-ancestors cannot add a directive", args: []string{"-frame-ancestors", "'self'; script-src *"}, wantErr: "-frame-ancestors"},
		{name: "-root must exist", args: []string{"-root", "$DIR/none"}, wantErr: "-root"},
		{name: "-h prints the flags and succeeds", args: []string{"-h"}},
		{name: "-export -base puts every URL under the base", args: []string{"$SMALL", "-export", "$DIR", "-base", "/tools/msgcompare/", "-public-url", "https://example.org/tools/msgcompare"},
			check: func(t *testing.T, dir, stdout string) {
				if !strings.Contains(read(t, filepath.Join(dir, "app.js")), `"/tools/msgcompare/web/app.wasm?v=`) {
					t.Error("app.js does not load /tools/msgcompare/web/app.wasm?v=…")
				}
				if !strings.Contains(read(t, filepath.Join(dir, "index.html")), `src="/tools/msgcompare/app.js"`) {
					t.Error(`index.html does not load /tools/msgcompare/app.js`)
				}
			}},
		{name: "-export refuses a folder that is not a previous export", args: []string{"$SMALL", "-export", "$DIR"},
			setup:   func(t *testing.T, dir string) { os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644) },
			wantErr: "not a previous export",
			check: func(t *testing.T, dir, _ string) {
				if read(t, filepath.Join(dir, "notes.txt")) != "mine" {
					t.Error("the folder's file was touched")
				}
			}},
		// One export at the root (each takes seconds): over a previous one.
		{name: "-export without -base writes a site at the root, replacing a previous export whole", args: []string{"$SMALL", "-export", "$DIR"},
			setup: func(t *testing.T, dir string) {
				os.WriteFile(filepath.Join(dir, export.Marker), []byte("old"), 0o644)
				os.MkdirAll(filepath.Join(dir, "app", "gone"), 0o755)
				os.WriteFile(filepath.Join(dir, "app", "gone", "index.html.br"), []byte("stale"), 0o644)
			},
			check: func(t *testing.T, dir, stdout string) {
				if !strings.Contains(stdout, "for /\n") {
					t.Errorf("stdout %q does not say the site is for /", stdout)
				}
				for _, f := range []string{"index.html", "about/index.html", "app.js", "app-worker.js", "404.html"} {
					if m := protocolRelative.FindString(read(t, filepath.Join(dir, f))); m != "" {
						t.Errorf("%s has a protocol-relative URL (%s…): the browser takes its first segment for a host", f, m)
					}
				}
				if !strings.Contains(read(t, filepath.Join(dir, "app.js")), `"/web/app.wasm?v=`) {
					t.Error("app.js does not load /web/app.wasm?v=…")
				}
				if !strings.Contains(read(t, filepath.Join(dir, "index.html")), `src="/app.js"`) {
					t.Error(`index.html does not load src="/app.js"`)
				}
				if _, err := os.Stat(filepath.Join(dir, "app", "gone")); err == nil {
					t.Error("a page of the previous export survived")
				}
				if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
					t.Error("no index.html")
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			var args []string
			for _, a := range tc.args {
				if a == "$SMALL" {
					args = append(args, "-root", root, "-data", data)
					continue
				}
				args = append(args, strings.ReplaceAll(a, "$DIR", dir))
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			stdout, stderr, err := command(t, args)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("serve %q: %v; stderr:\n%s", args, err, stderr)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("serve %q succeeded, want an error with %q", args, tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(stderr, tc.wantErr):
				t.Fatalf("serve %q: %v; stderr %q, want an error with %q", args, err, stderr, tc.wantErr)
			}
			if tc.check != nil {
				tc.check(t, dir, stdout)
			}
		})
	}
}
