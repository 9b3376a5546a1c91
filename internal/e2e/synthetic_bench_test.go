package e2e

import (
	"encoding/json"
	"fmt"
	"msgcompare/app/catalog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// BenchmarkBrowserClickSynthetic55x135 measures click to updated DOM with
// a catalog the size of the largest public messenger comparison: 55
// messengers by 135 criteria (issue 4: under 50 ms). The wasm embeds its
// catalog, so the benchmark builds one from generated data files, swapped
// in for data/ with go build -overlay, and runs bin/serve with -data and
// -root pointing at them.
func BenchmarkBrowserClickSynthetic55x135(b *testing.B) {
	needBrowser(b)
	dir := b.TempDir()
	dataDir := filepath.Join(dir, "data")
	webDir := filepath.Join(dir, "web")
	overlay := writeSyntheticData(b, dataDir, 55, 135)
	buildSyntheticWeb(b, webDir, overlay)
	ts := startServe(b, "-data", dataDir, "-root", dir)

	br := perfBrowser(b, 1280, 800)
	do(b, br, "load the synthetic catalog", chromedp.Navigate(ts.URL+"/"), waitReady())
	evalB[bool](b, br, clickProbeJS)
	sel := `[data-require="c1"]`
	var dom []float64
	b.ResetTimer()
	for i := range b.N + 1 {
		evalB[bool](b, br, `document.querySelector('`+sel+`').click(), true`)
		do(b, br, "wait for the DOM to settle", waitFor(`window.__click.last > 0 && performance.now() - window.__click.last > 100`))
		if c := evalB[clickTimings](b, br, `window.__click`); i > 0 {
			dom = append(dom, c.Last-c.T0)
		}
	}
	b.StopTimer()
	b.ReportMetric(median(dom), "dom-ms")
	b.ReportMetric(percentile(dom, 0.95), "dom-p95-ms")
}

// writeSyntheticData writes a valid catalog of n messengers by m bool
// criteria under dir and returns a go build -overlay file that puts it in
// place of data/.
func writeSyntheticData(b *testing.B, dir string, n, m int) string {
	b.Helper()
	os.MkdirAll(filepath.Join(dir, "apps"), 0o755)
	os.MkdirAll(filepath.Join(dir, "locales", "en"), 0o755)
	texts := map[string]string{"preset.first.label": "First"}
	var crits []map[string]any
	for j := range m {
		id := fmt.Sprintf("c%d", j)
		crits = append(crits, map[string]any{"id": id, "group": fmt.Sprintf("g%d", j/15), "type": "bool", "good": true})
		texts["criterion."+id+".label"] = fmt.Sprintf("Criterion %d", j)
		texts["criterion."+id+".description"] = fmt.Sprintf("What criterion %d means.", j)
	}
	var groups []map[string]any
	for g := 0; g*15 < m; g++ {
		groups = append(groups, map[string]any{"id": fmt.Sprintf("g%d", g)})
		texts[fmt.Sprintf("group.g%d", g)] = fmt.Sprintf("Group %d", g)
	}
	write := func(name string, v any) string {
		p := filepath.Join(dir, name)
		bs, _ := json.Marshal(v)
		if err := os.WriteFile(p, bs, 0o644); err != nil {
			b.Fatal(err)
		}
		return p
	}
	repl := map[string]string{}
	root, _ := filepath.Abs(filepath.Join(repoRoot, "data"))
	repl[filepath.Join(root, "criteria.json")] = write("criteria.json", map[string]any{"groups": groups, "criteria": crits})
	repl[filepath.Join(root, "presets.json")] = write("presets.json", map[string]any{"presets": []map[string]any{
		{"id": "first", "require": "c0", "rationale": map[string]string{"en": "A synthetic preset."}}}})
	real, _ := filepath.Glob(filepath.Join(root, "apps", "*.json"))
	for _, p := range real {
		repl[p] = "" // removed from the build
	}
	seed := uint32(7)
	for i := range n {
		vals := map[string]any{}
		for j := range m {
			seed = seed*1664525 + 1013904223
			cell := map[string]any{"value": seed>>28 > 4, "sources": []string{"https://example.org/"}, "verified": "2026-01-01"}
			if seed>>28 == 0 {
				cell = map[string]any{"value": nil, "verified": "2026-01-01", "note": "Unknown."}
			}
			vals[fmt.Sprintf("c%d", j)] = cell
		}
		id := fmt.Sprintf("app%02d", i)
		texts["app."+id+".summary"] = "Synthetic."
		repl[filepath.Join(root, "apps", id+".json")] = write(filepath.Join("apps", id+".json"), map[string]any{
			"id": id, "name": fmt.Sprintf("Messenger %02d", i), "homepage": "https://example.org/", "values": vals})
	}
	// English only: the interface's messages as they are, the catalog's
	// texts made above.
	ui, err := os.ReadFile(filepath.Join(root, "locales", "en", "ui.json"))
	if err != nil {
		b.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "locales", "en", "ui.json"), ui, 0o644)
	write(filepath.Join("locales", "en", "catalog.json"), texts)
	// The wasm reads the compact catalog: the synthetic one in its place.
	cat, err := catalog.Load(os.DirFS(dir), catalog.Options{})
	if err != nil {
		b.Fatal(err)
	}
	bin, _ := catalog.EncodeBinary(cat)
	if err := os.WriteFile(filepath.Join(dir, "catalog.bin"), bin, 0o644); err != nil {
		b.Fatal(err)
	}
	repl[filepath.Join(root, "catalog.bin")] = filepath.Join(dir, "catalog.bin")
	return write("overlay.json", map[string]any{"Replace": repl})
}

// buildSyntheticWeb builds the wasm with the overlay into dir, beside a
// copy of web/'s other files.
func buildSyntheticWeb(b *testing.B, dir, overlay string) {
	b.Helper()
	os.MkdirAll(dir, 0o755)
	files, _ := filepath.Glob(filepath.Join(repoRoot, "web", "*"))
	for _, f := range files {
		switch filepath.Base(f) {
		case "app.wasm", "app.wasm.br", "web.go":
			continue
		}
		bs, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), bs, 0o644)
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-gcflags=all=-l", "-overlay", overlay, "-o", filepath.Join(dir, "app.wasm"), "./cmd/wasm")
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building the synthetic wasm: %v\n%s", err, out)
	}
}
