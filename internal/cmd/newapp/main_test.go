package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"msgcompare/app/catalog"
)

// TestNewAppScaffold writes a scaffold into a copy of the data: the data
// still validates, the new messenger has every criterion unknown with a
// "to research" note (nothing inherited), its English summary exists, the
// other languages read it in English, and a second run is refused.
func TestNewAppScaffold(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "..", "data"))); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	if err := run([]string{"-id", "newchat", "-name", "New Chat", "-data", dir}, &out, &errs, now); err != nil {
		t.Fatalf("%v\n%s", err, errs.String())
	}
	cat, err := catalog.Load(os.DirFS(dir), catalog.Options{})
	if err != nil {
		t.Fatalf("the data with the scaffold does not validate:\n%v", err)
	}
	// The data may hold other drafts: a maintainer's messenger in progress.
	if cat.App("newchat") != nil || !slices.Contains(cat.Drafts, "newchat") {
		t.Fatalf("the scaffold is published (drafts %v): readers would meet a row of unknowns", cat.Drafts)
	}
	// Researched, the maintainer removes "draft": the messenger is in.
	file := filepath.Join(dir, "apps", "newchat.json")
	b, _ := os.ReadFile(file)
	if !bytes.Contains(b, []byte(`"draft": true,`)) {
		t.Fatalf("the scaffold is not marked draft:\n%.300s", b)
	}
	os.WriteFile(file, bytes.Replace(b, []byte("  \"draft\": true,\n"), nil, 1), 0o644)
	if cat, err = catalog.Load(os.DirFS(dir), catalog.Options{}); err != nil {
		t.Fatal(err)
	}
	a := cat.App("newchat")
	if a == nil || a.Name != "New Chat" || a.Added != "2026-12-07" {
		t.Fatalf("the new messenger: %+v", a)
	}
	for _, cr := range cat.Criteria {
		c := a.Cell(cr.ID)
		if c == nil || !c.Value.Null || len(c.Sources) != 0 || !strings.HasPrefix(c.Note, "To research") {
			t.Errorf("%s: %+v, want unknown and to research", cr.ID, c)
		}
	}
	if !strings.HasPrefix(a.Summary.In("en"), "To write") || a.Summary.Has("de") {
		t.Errorf("summary %v: want the English one to write, and no other", a.Summary)
	}
	if err := run([]string{"-id", "newchat", "-data", dir}, &out, &errs, now); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("a second scaffold of the same id: %v", err)
	}
	for _, bad := range []string{"", "New Chat", "../x"} {
		if err := run([]string{"-id", bad, "-data", dir}, &out, &errs, now); err == nil {
			t.Errorf("-id %q was accepted", bad)
		}
	}
}
