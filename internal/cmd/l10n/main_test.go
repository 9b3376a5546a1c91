package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReportsAPartialLanguage adds Italian with a third of the interface
// translated and nothing of the catalog: it validates, and the report
// says how much is done and lists what is missing by file and key. A
// text with a placeholder English does not have is a problem with its
// file and key, and fails the command.
func TestReportsAPartialLanguage(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "..", "data"))); err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	b, _ := os.ReadFile(filepath.Join(dir, "locales", "en", "ui.json"))
	json.Unmarshal(b, &en)
	it := map[string]string{"language_name": "Italiano", "language_dir": "ltr"}
	// Every third text (in key order), but not the settings a
	// language writes as values (direction, digits, calendar).
	keys := slices.Sorted(maps.Keys(en))
	for i, k := range keys {
		if v := en[k]; i%3 == 0 && !strings.Contains(v, "%") && !slices.Contains([]string{"language_name", "language_dir", "calendar", "digits"}, k) {
			it[k] = v + " (it)"
		}
	}
	write := func(file string, m map[string]string) {
		b, _ := json.MarshalIndent(m, "", "  ")
		os.MkdirAll(filepath.Join(dir, "locales", "it"), 0o755)
		if err := os.WriteFile(filepath.Join(dir, "locales", "it", file), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ui.json", it)
	write("catalog.json", map[string]string{})
	var out, errs bytes.Buffer
	if err := run([]string{"-data", dir, "-lang", "it", "-missing"}, &out, &errs); err != nil {
		t.Fatalf("%v\n%s", err, errs.String())
	}
	report := out.String()
	if !strings.Contains(report, "\nit ") || !strings.Contains(report, "locales/it/catalog.json: criterion.forward_secrecy.label") ||
		!strings.Contains(report, "locales/it/ui.json: ") || strings.Contains(report, "100.0%") {
		t.Errorf("the report of a partial Italian:\n%.600s", report)
	}

	it["count"] = "%s %s %s"
	write("ui.json", it)
	err := run([]string{"-data", dir}, &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "locales/it/ui.json") || !strings.Contains(err.Error(), "count") {
		t.Errorf("a text whose placeholders differ from English's: %v", err)
	}

	delete(it, "count")
	it["more_full"] = "{count, plural, other {altri #}}"
	write("ui.json", it)
	err = run([]string{"-data", dir}, &out, &errs)
	if err == nil || !strings.Contains(err.Error(), "locales/it/ui.json: more_full: expected a branch for each plural category the language needs (one, other), got none for count: one") {
		t.Errorf("a count message without Italian's one: %v", err)
	}
}
