// Command newapp writes the scaffold of a new messenger: data/apps/<id>.json
// with every criterion unknown and marked "to research", so that nothing is
// inherited from another messenger's file, and an English summary to write
// in data/locales/en/catalog.json. The other languages read the summary in
// English until their translators get to it.
//
//	go run ./internal/cmd/newapp -id ID [-name NAME] [-homepage URL] [-data data]
//
// make new-app ID=… runs it. It refuses an id that exists or is not an id.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"msgcompare/app/catalog"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "newapp:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer, now time.Time) error {
	fl := flag.NewFlagSet("newapp", flag.ContinueOnError)
	fl.SetOutput(stderr)
	id := fl.String("id", "", "the messenger's id: a-z, 0-9, _ and -, as in its file name")
	name := fl.String("name", "", "the name readers know (default: the id)")
	homepage := fl.String("homepage", "", "the official site, https://… (default: https://<id>.example/, to replace)")
	dir := fl.String("data", "data", "the data folder")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if !catalog.ValidID(*id) {
		return fmt.Errorf("-id %q: expected an id of a-z, 0-9, _ and -, such as make new-app ID=mymessenger", *id)
	}
	if *name == "" {
		*name = *id
	}
	if *homepage == "" {
		*homepage = "https://" + *id + ".example/"
	}
	cat, err := catalog.Load(os.DirFS(*dir), catalog.Options{})
	if err != nil {
		return fmt.Errorf("the data folder must validate first: %w", err)
	}
	file := filepath.Join(*dir, "apps", *id+".json")
	if _, err := os.Stat(file); err == nil || cat.App(*id) != nil {
		return fmt.Errorf("%s exists: a new messenger needs a new id", file)
	}
	app, err := scaffold(cat, *id, *name, *homepage, now.UTC().Format(time.DateOnly))
	if err != nil {
		return err
	}
	texts := filepath.Join(*dir, catalog.LocalesDir, catalog.SourceLang, catalog.TextsFile)
	en, err := os.ReadFile(texts)
	if err != nil {
		return err
	}
	en, err = addText(en, "app."+*id+".summary", "To write: one line on what "+*name+" is and what sets it apart.")
	if err != nil {
		return fmt.Errorf("%s: %w", texts, err)
	}
	if err := os.WriteFile(file, app, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(texts, en, 0o644); err != nil {
		os.Remove(file)
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d criteria, every one unknown: research each, with sources) and its English summary in %s\n", file, len(cat.Criteria), texts)
	return nil
}

// cell is a fact of a scaffold: unknown, with the note the loader wants
// for an unknown value, saying that nobody has looked yet.
type cell struct {
	Value    any    `json:"value"`
	Verified string `json:"verified"`
	Note     string `json:"note"`
}

// scaffold is the new messenger's file: every criterion of cat unknown,
// and a draft, which the catalog checks but does not publish until the
// maintainer removes "draft" (docs/data.md).
func scaffold(cat *catalog.Catalog, id, name, homepage, today string) ([]byte, error) {
	values := map[string]cell{}
	for _, cr := range cat.Criteria {
		values[cr.ID] = cell{Value: nil, Verified: today, Note: "To research: not looked up yet (" + cr.ID + ")."}
	}
	b, err := json.MarshalIndent(struct {
		ID       string          `json:"id"`
		Name     string          `json:"name"`
		Homepage string          `json:"homepage"`
		Added    string          `json:"added"`
		Draft    bool            `json:"draft"`
		Values   map[string]cell `json:"values"`
	}{id, name, homepage, today, true, values}, "", "  ")
	return append(b, '\n'), err
}

// addText adds key: text as the last entry of a JSON object of texts,
// keeping the file as it is written (one entry per line).
func addText(file []byte, key, text string) ([]byte, error) {
	var m map[string]string
	if err := json.Unmarshal(file, &m); err != nil {
		return nil, err
	}
	if _, ok := m[key]; ok {
		return nil, fmt.Errorf("%s exists", key)
	}
	end := bytes.LastIndexByte(file, '}')
	last := bytes.LastIndexByte(bytes.TrimRight(file[:end], " \t\r\n"), '"')
	if end < 0 || last < 0 {
		return nil, errors.New("expected a JSON object of texts, one per line")
	}
	k, _ := json.Marshal(key)
	v, _ := json.Marshal(text)
	entry := fmt.Sprintf(",\n  %s: %s", k, v)
	return append(append(append([]byte{}, file[:last+1]...), entry...), file[last+1:]...), nil
}
