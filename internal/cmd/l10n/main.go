// Command l10n reports each language's translation: how many of the
// English texts it has, of the interface (ui.json) and of the catalog
// (catalog.json), and which are missing, by file and key. Problems that
// would break a page (a placeholder that differs from English's, a stray
// %, a key English does not have, invalid JSON) fail make validate with
// their file and key, and fail this command too, listed the same way.
//
//	go run ./internal/cmd/l10n [-data data] [-lang code] [-missing]
//
// make l10n runs it. A language may ship part-translated: what it lacks
// reads in English, marked lang="en".
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"msgcompare/app/catalog"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("l10n", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("data", "data", "the data folder")
	only := fl.String("lang", "", "report only this language")
	list := fl.Bool("missing", false, "list every missing text, not only the counts")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	fsys := os.DirFS(*dir)
	cat, err := catalog.Load(fsys, catalog.Options{})
	if err != nil {
		return fmt.Errorf("the translations have problems (each line: file, key, what was expected):\n%w", err)
	}
	if *only != "" && cat.Locale(*only) == nil {
		fmt.Fprintf(stderr, "l10n: no language %q (the data has %s)\n", *only, strings.Join(cat.Langs(), ", "))
		return errUsage
	}
	total, err := englishCounts(fsys)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%-8s %-12s %s\n", "language", "translated", "missing (ui.json, catalog.json)")
	for _, l := range cat.Locales {
		if l.Code == catalog.SourceLang || *only != "" && l.Code != *only {
			continue
		}
		missing := map[string]int{}
		for _, m := range l.Missing {
			file, _, _ := strings.Cut(m, ":")
			missing[file]++
		}
		all := total[catalog.UIFile] + total[catalog.TextsFile]
		done := all - len(l.Missing)
		fmt.Fprintf(stdout, "%-8s %5.1f%%       %d of %d (%d, %d)\n", l.Code, 100*float64(done)/float64(max(all, 1)), done, all,
			missing[catalog.UIFile], missing[catalog.TextsFile])
		if *list {
			for _, m := range l.Missing {
				file, key, _ := strings.Cut(m, ": ")
				fmt.Fprintf(stdout, "    %s: %s\n", path.Join(catalog.LocalesDir, l.Code, file), key)
			}
		}
	}
	return nil
}

// englishCounts counts the English texts of each file, the whole that a
// translation is measured against.
func englishCounts(fsys fs.FS) (map[string]int, error) {
	counts := map[string]int{}
	for _, file := range []string{catalog.UIFile, catalog.TextsFile} {
		b, err := fs.ReadFile(fsys, path.Join(catalog.LocalesDir, catalog.SourceLang, file))
		if err != nil {
			return nil, err
		}
		var texts map[string]string
		if err := json.Unmarshal(b, &texts); err != nil {
			return nil, err
		}
		counts[file] = len(texts)
	}
	return counts, nil
}
