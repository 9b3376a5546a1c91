// Command catalogbin validates the data files and writes the compact
// catalog the WebAssembly app embeds (data/catalog.bin): `make build` runs
// it whenever a data file changes, and a test in data/ fails when the
// committed file is out of date.
//
//	go run ./internal/cmd/catalogbin [-o data/catalog.bin]
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"msgcompare/app/catalog"
)

func main() {
	out := flag.String("o", "data/catalog.bin", "file to write")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(out string) error {
	cat, err := catalog.Load(os.DirFS("data"), catalog.Options{Today: time.Now().UTC().Format(time.DateOnly)})
	if err != nil {
		return err
	}
	b, err := catalog.EncodeBinary(cat)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(out); err == nil && string(old) == string(b) {
		return nil
	}
	return os.WriteFile(out, b, 0o644)
}
