// Command serve serves msgcompare: the prerendered pages, the WebAssembly
// app, the open data API, and (with -export) writes the same site as static
// files. With -validate it only checks the data files; with -stale DAYS it
// lists the facts that need a new check.
//
// The web/ files (stylesheet, icons, scripts, app.wasm) are embedded at
// compile time, so bin/serve runs from any directory; -root serves them
// from disk instead, for working on the stylesheet without a rebuild.
//
// A flag it cannot work with (an empty -frame-ancestors, a negative
// -stale, a taken -addr, a -root without web/, ...) is named on standard
// error and the command exits with status 2 before any start-up work;
// any other failure exits 1.
//
// All the work is in internal/server and internal/export; this file only
// turns flags into their configuration.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"msgcompare/app/catalog"
	"msgcompare/data"
	"msgcompare/internal/export"
	"msgcompare/internal/server"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
	}
	os.Exit(exitCode(err))
}

// usageError is a flag the command cannot work with: it exits 2, as the
// flag package does for a flag it does not know, before any start-up
// work.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// exitCode is 0 on success, 2 for a wrong flag (usageError), 1 for any
// other failure.
func exitCode(err error) int {
	var u usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		return 2
	}
	return 1
}

// options are the command's flags.
type options struct {
	addr, root, dataDir, exportDir, base, publicURL, frameAncestors string
	validate                                                        bool
	stale                                                           int // -1: not asked
}

// parse reads the flags and checks every one that can be wrong before any
// start-up work, returning a usageError that names it. -base only means
// something to -export: given alone it is an error rather than silently
// ignored.
func parse(args []string, stderr io.Writer) (options, error) {
	o, err := parseFlags(args, stderr)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return o, usageError{err}
	}
	return o, err
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&o.addr, "addr", "127.0.0.1:8000", "address to listen on")
	fl.StringVar(&o.root, "root", "", "serve web/ from this directory's web/ on disk instead of the embedded copy (development)")
	fl.BoolVar(&o.validate, "validate", false, "only validate the data files and exit")
	fl.IntVar(&o.stale, "stale", -1, "only list the facts verified more than this many days ago (0: the data's threshold), by messenger with sources, and exit; non-zero when any is older than the data's hard limit")
	fl.StringVar(&o.dataDir, "data", "", "read the data files from this directory instead of the embedded copy")
	fl.StringVar(&o.exportDir, "export", "", "write the site as static files to this directory and exit (it must be new, empty or a previous export: it is replaced whole)")
	fl.StringVar(&o.base, "base", "/", "with -export: the URL path the site will live under, e.g. /tools/msgcompare/")
	fl.StringVar(&o.publicURL, "public-url", "", "the site's public address, e.g. https://example.org/tools/msgcompare/ (the embed builder's snippets, oEmbed answers and canonical links point there)")
	fl.StringVar(&o.frameAncestors, "frame-ancestors", "*", "CSP frame-ancestors of the widget routes (/embed, /embed/...): origins allowed to frame the widget")
	if err := fl.Parse(args); err != nil {
		return o, err
	}
	if fl.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q (flags start with -)", fl.Arg(0))
	}
	set := map[string]bool{}
	fl.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["base"] && o.exportDir == "" {
		return o, errors.New("-base is for -export only: the server itself always serves at /")
	}
	if set["export"] && o.exportDir == "" {
		return o, errors.New("-export: empty directory name")
	}
	base, err := server.CleanBase(o.base)
	if err != nil {
		return o, err
	}
	if o.publicURL != "" {
		if o.publicURL, err = server.CleanPublicURL(o.publicURL, base); err != nil {
			return o, err
		}
	}
	if o.exportDir == "" {
		o.base = "/"
	}
	if set["stale"] && o.stale < 0 {
		return o, fmt.Errorf("-stale %d: expected a number of days, 0 or more (0: the data's threshold)", o.stale)
	}
	// The flag's default is *; an empty value (an unset shell variable)
	// must not fall back to it.
	if _, err := server.NewHeaderPolicy(o.frameAncestors); err != nil {
		return o, err
	}
	if _, _, err := net.SplitHostPort(o.addr); err != nil {
		return o, fmt.Errorf("-addr %q: expected host:port, such as 127.0.0.1:8000 (%v)", o.addr, err)
	}
	if o.root != "" {
		if fi, err := os.Stat(filepath.Join(o.root, "web")); err != nil || !fi.IsDir() {
			return o, fmt.Errorf("-root %s: expected a directory holding web/ (the repository's root), but %s is not a directory", o.root, filepath.Join(o.root, "web"))
		}
	}
	if o.dataDir != "" {
		if fi, err := os.Stat(o.dataDir); err != nil || !fi.IsDir() {
			return o, fmt.Errorf("-data %s: not a directory (expected the data folder, such as data/)", o.dataDir)
		}
	}
	if o.exportDir != "" {
		if err := export.Check(o.exportDir); err != nil {
			return o, fmt.Errorf("-export %s: %w", o.exportDir, err)
		}
	}
	return o, nil
}

// run is the whole command, testable: it parses args, then validates,
// exports or serves until SIGINT or SIGTERM.
func run(args []string, stdout, stderr io.Writer) error {
	o, err := parse(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	var ln net.Listener
	if !o.validate && o.stale < 0 && o.exportDir == "" {
		// Before the seconds of start-up work: a taken port is said at once.
		if ln, err = net.Listen("tcp", o.addr); err != nil {
			return usageError{fmt.Errorf("-addr %s: %w", o.addr, err)}
		}
		defer ln.Close()
	}
	cat, err := loadCatalog(o.dataDir, o.validate)
	if err != nil {
		var errs catalog.Errors
		if errors.As(err, &errs) {
			return fmt.Errorf("%w\n%d problems in the data files; see docs/data.md", err, len(errs))
		}
		return err
	}
	if o.validate {
		fmt.Fprintln(stdout, "ok:", cat)
		if len(cat.Drafts) > 0 {
			fmt.Fprintf(stdout, "drafts, checked but not published until \"draft\" is removed: %s\n", strings.Join(cat.Drafts, ", "))
		}
		if p := cat.Pending(); len(p) > 0 {
			fmt.Fprintf(stdout, "not researched yet (criteria added later; unknown until filled in): %d cells: %s\n", len(p), strings.Join(p, ", "))
		}
		return nil
	}
	if o.stale >= 0 {
		return staleReport(stdout, cat, o.stale, time.Now().UTC().Format(time.DateOnly))
	}
	cfg := server.Config{Catalog: cat, FrameAncestors: o.frameAncestors, PublicURL: o.publicURL, Base: o.base}
	if o.root != "" {
		cfg.Web = os.DirFS(filepath.Join(o.root, "web"))
	}
	if o.exportDir != "" {
		cfg.Export = true
		s, err := server.New(cfg)
		if err != nil {
			return err
		}
		res, err := export.Write(o.exportDir, s)
		if err != nil {
			return err
		}
		b, _ := server.CleanBase(o.base)
		fmt.Fprintf(stdout, "exported %d files (+ .br/.gz) of version %s to %s, for %s/\n", res.Files, res.Version, o.exportDir, b)
		return nil
	}
	s, err := server.New(cfg)
	if err != nil {
		return err
	}
	logger := log.New(stderr, "", log.LstdFlags)
	logger.Printf("msgcompare: %v", s)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if o.publicURL == "" {
		logger.Printf("msgcompare: no -public-url: the builder's snippets hold this site's paths until the app runs, oEmbed answers the address each request names, and pages link relatively; set -public-url https://your.site/ for absolute addresses")
	}
	logger.Printf("msgcompare serving http://%s/", ln.Addr())
	err = server.Serve(ctx, ln, s, server.ShutdownGrace)
	logger.Printf("msgcompare stopped")
	return err
}

func loadCatalog(dir string, validate bool) (*catalog.Catalog, error) {
	opt := catalog.Options{Today: time.Now().UTC().Format(time.DateOnly), DatesChecked: dir == "" && !validate}
	if dir == "" {
		return catalog.Load(data.FS, opt)
	}
	opt.Dir = dir
	return catalog.Load(os.DirFS(dir), opt)
}
