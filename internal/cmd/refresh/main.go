// Command refresh proposes updates of the messengers' last_release facts
// from their public release feeds (GitHub, GitLab, Gitea/Codeberg
// releases or tags; F-Droid versions), as a unified diff of
// data/apps/*.json on standard output, and reports each messenger
// (updated, unchanged, no date, no feed, error) on standard error. With
// -write it applies the proposals to the files, after checking that the
// catalog loader accepts them. It needs the internet: make refresh runs
// it, make test and CI never do.
//
//	go run ./internal/cmd/refresh [-data data] [-only signal,briar] [-write] >refresh.patch
//
// GITHUB_TOKEN, if set, is sent to api.github.com to lift its limit of 60
// requests an hour. The exit status is 2 for a usage error, 1 when the
// data does not validate or a file cannot be written, and 0 otherwise:
// a feed that cannot be read is reported as that messenger's error.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"msgcompare/app/catalog"
	"msgcompare/internal/refresh"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, options{
		args:   os.Args[1:],
		getenv: os.Getenv,
		stdout: os.Stdout,
		stderr: os.Stderr,
		now:    time.Now(),
	})
	stop()
	os.Exit(code)
}

// options are run's inputs, injected by tests.
type options struct {
	args           []string
	getenv         func(string) string
	stdout, stderr io.Writer
	now            time.Time
	// baseURL maps API hosts to base URLs (nil: the real APIs).
	baseURL func(host string) string
}

func run(ctx context.Context, o options) int {
	fl := flag.NewFlagSet("refresh", flag.ContinueOnError)
	fl.SetOutput(o.stderr)
	dataDir := fl.String("data", "data", "the data directory")
	write := fl.Bool("write", false, "apply the proposals to the files (default: only print the diff)")
	only := fl.String("only", "", "comma-separated messenger ids to refresh (default: all)")
	concurrency := fl.Int("concurrency", 4, "at most this many messengers' feeds are read at once (1-8)")
	timeout := fl.Duration("timeout", 30*time.Second, "limit of each HTTP request")
	maxBytes := fl.Int64("max-bytes", 4<<20, "limit of each response's size")
	fl.Usage = func() {
		fmt.Fprintln(fl.Output(), "usage: refresh [flags]  (proposes last_release updates as a diff of data/apps/*.json)")
		fl.PrintDefaults()
	}
	if err := fl.Parse(o.args); err != nil {
		return 2
	}
	if fl.NArg() > 0 || *concurrency < 1 || *concurrency > 8 || *timeout <= 0 || *maxBytes <= 0 {
		fl.Usage()
		return 2
	}
	today := refresh.Today(o.now)

	apps, code := readApps(*dataDir, *only, o.stderr)
	if code != 0 {
		return code
	}
	data := os.DirFS(*dataDir)
	if errs := refresh.Validate(data, *dataDir, nil, today); errs != nil {
		fmt.Fprintf(o.stderr, "refresh: the data does not validate as it is; fix it first (make validate):\n%v\n", errs)
		return 1
	}

	f := refresh.NewFetcher(refresh.Config{
		Client:      &http.Client{Timeout: *timeout},
		BaseURL:     o.baseURL,
		GitHubToken: o.getenv("GITHUB_TOKEN"),
		MaxBytes:    *maxBytes,
	})
	results := refresh.Refresh(ctx, f, apps, today, *concurrency)

	changed, errs := proposals(results, data, *dataDir, today)
	if errs != nil {
		fmt.Fprintf(o.stderr, "refresh: the proposals together do not validate; nothing written:\n%v\n", errs)
		*write, code = false, 1
	}
	for _, r := range results {
		if r.Status == refresh.Updated {
			io.WriteString(o.stdout, refresh.Diff(shownName(r.App.File), r.App.Data, r.New))
		}
	}
	if *write && len(changed) > 0 {
		for i := range results {
			r := &results[i]
			if r.Status != refresh.Updated {
				continue
			}
			if err := writeFile(r.App.File, r.App.Data, r.New); err != nil {
				r.Status, r.Reason = refresh.Failed, "not written: "+err.Error()
				code = 1
			}
		}
		if errs := refresh.Validate(os.DirFS(*dataDir), *dataDir, nil, today); errs != nil {
			fmt.Fprintf(o.stderr, "refresh: the written data does not validate:\n%v\n", errs)
			code = 1
		}
	}

	for _, r := range results {
		fmt.Fprintln(o.stderr, r)
	}
	fmt.Fprintf(o.stderr, "refresh: %s\n", refresh.Summary(results))
	switch {
	case len(changed) == 0 || code != 0:
	case *write:
		fmt.Fprintln(o.stderr, "refresh: written; review with git diff, then make build (data/catalog.bin) and make validate")
	default:
		fmt.Fprintln(o.stderr, "refresh: nothing written; apply with -write (make refresh WRITE=1) or git apply the diff")
	}
	return code
}

// proposals checks the updated results' files with the catalog loader,
// all at once, and turns those it finds problems in into errors. It
// returns the files of the rest, keyed by name in data (apps/<id>.json),
// and the problems that remain with them (none, since the data validated
// without them, unless a check spans files).
func proposals(results []refresh.Result, data fs.FS, dataDir, today string) (map[string][]byte, catalog.Errors) {
	changed := map[string][]byte{}
	for _, r := range results {
		if r.Status == refresh.Updated {
			changed[appName(r.App)] = r.New
		}
	}
	errs := refresh.Validate(data, dataDir, changed, today)
	if errs == nil {
		return changed, nil
	}
	byFile := map[string][]string{}
	for _, e := range errs {
		byFile[e.File] = append(byFile[e.File], e.Error())
	}
	for i := range results {
		r := &results[i]
		if msgs := byFile[r.App.File]; r.Status == refresh.Updated && msgs != nil {
			r.Status, r.Reason, r.New = refresh.Failed, "the proposal would not validate: "+strings.Join(msgs, "; "), nil
			delete(changed, appName(r.App))
		}
	}
	return changed, refresh.Validate(data, dataDir, changed, today)
}

// appName is app's file name in the data directory, e.g. apps/signal.json.
func appName(app *refresh.App) string {
	return path.Join(catalog.AppsDir, path.Base(app.File))
}

// shownName is file's name in the diff: relative to the working
// directory when it is below it (run from the repository's root, the
// diff applies there with git apply), else as given.
func shownName(file string) string {
	if !filepath.IsAbs(file) {
		return file
	}
	wd, err := os.Getwd()
	if err != nil {
		return file
	}
	rel, err := filepath.Rel(wd, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return filepath.ToSlash(rel)
}

// readApps reads the app files of dataDir, all or those whose ids only
// lists. A file that cannot be read or parsed is a usage-level error: the
// data needs fixing before a refresh.
func readApps(dataDir, only string, stderr io.Writer) ([]*refresh.App, int) {
	dir := filepath.Join(dataDir, catalog.AppsDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		fmt.Fprintf(stderr, "refresh: %v\n", err)
		return nil, 2
	}
	var want []string
	if only != "" {
		want = strings.Split(only, ",")
	}
	var apps []*refresh.App
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".json" {
			continue
		}
		id := strings.TrimSuffix(e.Name(), ".json")
		if want != nil && !slices.Contains(want, id) {
			continue
		}
		name := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "refresh: %v\n", err)
			return nil, 1
		}
		app, err := refresh.ParseApp(filepath.ToSlash(name), b)
		if err != nil {
			fmt.Fprintf(stderr, "refresh: %v\n", err)
			return nil, 1
		}
		apps = append(apps, app)
	}
	for _, id := range want {
		if !slices.ContainsFunc(apps, func(a *refresh.App) bool { return a.ID == id }) {
			fmt.Fprintf(stderr, "refresh: -only: no messenger %q in %s\n", id, dir)
			return nil, 2
		}
	}
	return apps, 0
}

// writeFile replaces name's contents old with new, unless the file
// changed since it was read (someone is editing it), through a temporary
// file in the same directory so that a failed write leaves the old file.
func writeFile(name string, old, new []byte) error {
	cur, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if string(cur) != string(old) {
		return fmt.Errorf("%s changed since it was read; run refresh again", name)
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".refresh-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(new); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), info.Mode().Perm()); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
