// Command benchreport writes the tables of docs/benchmarks.md from the raw
// results `make bench` leaves in a directory (Go and browser benchmarks,
// Lighthouse), after measuring every asset as bin/serve sends it:
//
//	go run ./internal/cmd/benchreport -dir out/bench
//
// It runs from the repository's root.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"msgcompare/app/catalog"
	"msgcompare/data"
	"msgcompare/internal/server"
)

const (
	benchBegin = "<!-- bench:begin: written by `make bench`; edit outside these markers -->"
	benchEnd   = "<!-- bench:end -->"
)

func main() {
	dir := flag.String("dir", "out/bench", "the directory of raw results that make bench wrote")
	doc := flag.String("doc", filepath.Join("docs", "benchmarks.md"), "the report to update between the bench markers")
	flag.Parse()
	log.SetFlags(0)
	if err := sizeReport(*dir); err != nil {
		log.Fatal(err)
	}
	if err := benchReport(*dir, *doc); err != nil {
		log.Fatal(err)
	}
}

// assetSize is one file as stored and as it could or does travel.
type assetSize struct {
	Path     string `json:"path"`
	Raw      int    `json:"raw"`
	Gzip     int    `json:"gzip"`   // gzip -9
	Brotli   int    `json:"brotli"` // brotli -q 11
	Served   int    `json:"served"` // bytes our server sends to a browser that accepts br and gzip
	Encoding string `json:"encoding,omitempty"`
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func brotliSize(b []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// sizeReport measures web/ and the files go-app generates, raw, gzip
// -9, brotli -q 11 and as the server sends them, and writes
// DIR/sizes.json.
func sizeReport(dir string) error {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		return err
	}
	s, err := server.New(server.Config{Catalog: cat})
	if err != nil {
		return err
	}
	var urls []string
	root := "web"
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err // sources and precompressed copies are not assets
		}
		rel, _ := filepath.Rel(root, p)
		urls = append(urls, "/web/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return err
	}
	urls = append(urls, "/", "/wasm_exec.js", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/api/catalog.json")
	var sizes []assetSize
	for _, u := range urls {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
		if rec.Code != http.StatusOK {
			log.Printf("GET %s = %d; not measured", u, rec.Code)
			continue
		}
		raw := rec.Body.Bytes()
		a := assetSize{Path: u, Raw: len(raw), Gzip: gzipSize(raw), Brotli: brotliSize(raw)}
		req := httptest.NewRequest(http.MethodGet, u, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		a.Served, a.Encoding = rec.Body.Len(), rec.Header().Get("Content-Encoding")
		sizes = append(sizes, a)
		log.Printf("%-28s raw %9d  gzip %9d  brotli %9d  served %9d %s", u, a.Raw, a.Gzip, a.Brotli, a.Served, a.Encoding)
	}
	return writeJSON(filepath.Join(dir, "sizes.json"), sizes)
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	os.MkdirAll(filepath.Dir(path), 0o755)
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// benchLine is one result line of `go test -bench`.
type benchLine struct {
	pkg, name string
	n         string
	values    map[string]string
	units     []string
}

// parseBench reads `go test -bench` output.
func parseBench(r io.Reader) (lines []benchLine) {
	pkg := ""
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "pkg:" {
			pkg = f[1]
		}
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i] // the GOMAXPROCS suffix
			}
		}
		l := benchLine{pkg: pkg, name: strings.TrimPrefix(name, "Benchmark"), n: f[1], values: map[string]string{}}
		for i := 2; i+1 < len(f); i += 2 {
			l.values[f[i+1]] = f[i]
			l.units = append(l.units, f[i+1])
		}
		lines = append(lines, l)
	}
	return lines
}

// benchTable renders parsed benchmark lines as a Markdown table whose
// columns are the units seen, in order.
func benchTable(lines []benchLine, skipUnits ...string) string {
	if len(lines) == 0 {
		return "_no results_\n"
	}
	skip := map[string]bool{}
	for _, u := range skipUnits {
		skip[u] = true
	}
	var units []string
	seen := map[string]bool{}
	for _, l := range lines {
		for _, u := range l.units {
			if !seen[u] && !skip[u] {
				seen[u] = true
				units = append(units, u)
			}
		}
	}
	var sb strings.Builder
	sb.WriteString("| package | benchmark | runs | " + strings.Join(units, " | ") + " |\n|---|---|---:|")
	sb.WriteString(strings.Repeat("---:|", len(units)) + "\n")
	for _, l := range lines {
		fmt.Fprintf(&sb, "| %s | %s | %s |", strings.TrimPrefix(l.pkg, "msgcompare/"), l.name, l.n)
		for _, u := range units {
			fmt.Fprintf(&sb, " %s |", l.values[u])
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

func readBench(path string) []benchLine {
	f, err := os.Open(path)
	if err != nil {
		log.Printf("no %s: %v", path, err)
		return nil
	}
	defer f.Close()
	return parseBench(f)
}

// benchFailures lists the benchmarks that failed, with the first line of
// their message, from `go test -bench` output.
func benchFailures(path string) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	lines := strings.Split(string(b), "\n")
	var out []string
	for i, l := range lines {
		name, ok := strings.CutPrefix(l, "--- FAIL: ")
		if !ok || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "    ") {
			continue
		}
		msg := strings.TrimSpace(lines[i+1])
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		out = append(out, "`"+name+"`: "+strings.ReplaceAll(msg, "|", "\\|"))
	}
	return out
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

// lighthouseResult is what .ci/lighthouse writes.
type lighthouseResult struct {
	Lighthouse string `json:"lighthouse"`
	Runs       int    `json:"runs"`
	Pages      []struct {
		URL     string          `json:"url"`
		Status  int             `json:"status"`
		N       int             `json:"n"`
		Scores  map[string]*int `json:"scores"`
		Metrics map[string]any  `json:"metrics"`
		Failed  []string        `json:"failed"`
	} `json:"pages"`
}

// machine describes where the numbers were taken.
func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	version := func(name string, args ...string) string {
		out, err := exec.Command(name, args...).Output()
		if err != nil {
			return "n/a"
		}
		return strings.TrimSpace(string(out))
	}
	chromium := "n/a"
	for _, c := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(c); err == nil {
			chromium = version(p, "--version")
			break
		}
	}
	return fmt.Sprintf("| date | %s |\n| CPU | %s, %d cores (nproc) |\n| OS | %s/%s |\n| Go | %s |\n| Node | %s |\n| Chromium | %s |\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), cpu, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH,
		runtime.Version(), version("node", "--version"), chromium)
}

// benchReport writes the results in dir into doc (docs/benchmarks.md),
// between the bench markers, keeping the rest of the file (the load test).
func benchReport(dir, docPath string) error {
	var sb strings.Builder
	sb.WriteString(benchBegin + "\n\n")
	sb.WriteString("Reproduce with `make bench` (Go benchmarks, sizes, Lighthouse, browser timings; about 7 minutes on 2 cores).\n\n")
	sb.WriteString("## Machine\n\n| | |\n|---|---|\n" + machine() + "\n")

	var sizes []assetSize
	if b, err := os.ReadFile(filepath.Join(dir, "sizes.json")); err == nil {
		json.Unmarshal(b, &sizes)
	}
	var lh lighthouseResult
	if b, err := os.ReadFile(filepath.Join(dir, "lighthouse.json")); err == nil {
		json.Unmarshal(b, &lh)
	}
	browserLines := readBench(filepath.Join(dir, "browser.txt"))

	// Budgets first: what issue 7 asks, and where we are.
	sb.WriteString("## Budgets\n\n| budget | target | measured | met |\n|---|---|---|---|\n")
	met := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "**no**"
	}
	for _, a := range sizes {
		if strings.HasSuffix(a.Path, "app.wasm") {
			fmt.Fprintf(&sb, "| app.wasm, brotli -q 11 | ≤ 1.5 MB | %s | %s |\n", kb(a.Brotli), met(a.Brotli <= 1_500_000))
		}
	}
	for _, p := range lh.Pages {
		if p.N == 0 {
			fmt.Fprintf(&sb, "| Lighthouse %s | perf ≥ 95, others 100 | n/a (HTTP %d) | **no** |\n", p.URL, p.Status)
			continue
		}
		ok := true
		var parts []string
		for _, c := range []string{"performance", "accessibility", "best-practices", "seo"} {
			v := -1
			if p.Scores[c] != nil {
				v = *p.Scores[c]
			}
			want := 100
			if c == "performance" {
				want = 95
			}
			ok = ok && v >= want
			parts = append(parts, fmt.Sprintf("%s %d", c, v))
		}
		fmt.Fprintf(&sb, "| Lighthouse %s (mobile) | perf ≥ 95, others 100 | %s | %s |\n", p.URL, strings.Join(parts, ", "), met(ok))
	}
	boot, click := "n/a (benchmark failed)", "n/a (benchmark failed)"
	bootOK, clickOK := false, false
	for _, l := range browserLines {
		if l.name == "BrowserBoot/phone" {
			v, _ := strconv.ParseFloat(l.values["cold-ready-ms"], 64)
			boot, bootOK = fmt.Sprintf("%.0f ms", v), v <= 1000
		}
		if l.name == "BrowserClick/phone" {
			v, _ := strconv.ParseFloat(l.values["dom-ms"], 64)
			click, clickOK = fmt.Sprintf("%.1f ms", v), v <= 16
		}
	}
	fmt.Fprintf(&sb, "| boot, first visit, phone viewport | ≤ 1000 ms | %s | %s |\n", boot, met(bootOK))
	fmt.Fprintf(&sb, "| click to updated DOM, phone viewport (median) | ≤ 16 ms | %s | %s |\n", click, met(clickOK))
	sb.WriteString("\n## Sizes\n\nEvery file in `web/` and every file go-app generates, raw, `gzip -9`, `brotli -q 11`, and as our server sends it to a browser that accepts `br, gzip`.\n\n")
	sb.WriteString("| asset | raw | gzip -9 | brotli -q 11 | served |\n|---|---:|---:|---:|---:|\n")
	for _, a := range sizes {
		enc := a.Encoding
		if enc == "" {
			enc = "identity"
		}
		fmt.Fprintf(&sb, "| `%s` | %s | %s | %s | %s (%s) |\n", a.Path, kb(a.Raw), kb(a.Gzip), kb(a.Brotli), kb(a.Served), enc)
	}

	fmt.Fprintf(&sb, "\n## Lighthouse\n\nLighthouse %s, default mobile settings (emulated phone, simulated slow 4G, CPU 4x slower), Debian Chromium, against `bin/serve` on 127.0.0.1; median of %d runs per page (`.ci/lighthouse`).\n\n", lh.Lighthouse, lh.Runs)
	sb.WriteString("| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | SI | TTI |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	ms := func(v any) string {
		f, ok := v.(float64)
		if !ok {
			return "–"
		}
		return fmt.Sprintf("%.0f ms", f)
	}
	var notes []string
	for _, p := range lh.Pages {
		if p.N == 0 {
			fmt.Fprintf(&sb, "| `%s` | n/a (HTTP %d) | | | | | | | | | |\n", p.URL, p.Status)
			continue
		}
		score := func(c string) string {
			if p.Scores[c] == nil {
				return "–"
			}
			return strconv.Itoa(*p.Scores[c])
		}
		cls := "–"
		if f, ok := p.Metrics["cumulative-layout-shift"].(float64); ok {
			cls = fmt.Sprintf("%.3f", f)
		}
		fmt.Fprintf(&sb, "| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p.URL,
			score("performance"), score("accessibility"), score("best-practices"), score("seo"),
			ms(p.Metrics["first-contentful-paint"]), ms(p.Metrics["largest-contentful-paint"]),
			ms(p.Metrics["total-blocking-time"]), cls, ms(p.Metrics["speed-index"]), ms(p.Metrics["interactive"]))
		var extra []string
		for _, k := range []string{"bootup-time", "mainthread-work-breakdown", "total-byte-weight"} {
			if v, ok := p.Metrics[k].(string); ok {
				extra = append(extra, k+": "+v)
			}
		}
		if len(extra) > 0 || len(p.Failed) > 0 {
			n := fmt.Sprintf("- `%s`: %s", p.URL, strings.Join(extra, "; "))
			if len(p.Failed) > 0 {
				n += "; failed audits: " + strings.Join(p.Failed, "; ")
			}
			notes = append(notes, n)
		}
	}
	if len(notes) > 0 {
		sb.WriteString("\n" + strings.Join(notes, "\n") + "\n")
	}

	sb.WriteString("\n## Browser timings\n\nHeadless Chromium via chromedp (`internal/e2e/perf_test.go`), real catalog, `/`. Boot: navigation start to `data-wasm=\"ready\"` (cold: first visit of a fresh profile; warm: later visits, median), and first contentful paint. Click: a click on the forward secrecy requirement to the last DOM mutation it causes (`dom-ms`, median and 90th percentile) and to the animation frame after it (`frame-ms`). `cheap-phone` runs the CPU 4x slower. `BrowserClickSynthetic55x135` clicks a requirement on a catalog of 55 messengers by 135 criteria (the size of the largest public messenger comparison), built into its own wasm from generated data files with `go build -overlay` (`internal/e2e/synthetic_bench_test.go`); target under 50 ms.\n\n")
	sb.WriteString(benchTable(browserLines, "ns/op"))
	for _, f := range benchFailures(filepath.Join(dir, "browser.txt")) {
		fmt.Fprintf(&sb, "\n**Failed:** %s\n", f)
	}

	sb.WriteString("\n## Go benchmarks\n\nNative (`go test -bench . -benchmem ./app/...`):\n\n")
	sb.WriteString(benchTable(readBench(filepath.Join(dir, "go.txt"))))
	sb.WriteString("\nWebAssembly under Node (`GOOS=js GOARCH=wasm`, the pure packages):\n\n")
	sb.WriteString(benchTable(readBench(filepath.Join(dir, "go-wasm.txt"))))
	sb.WriteString("\n" + benchEnd + "\n")

	old, err := os.ReadFile(docPath)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	doc := spliceReport(string(old), sb.String())
	if err := os.WriteFile(docPath, []byte(doc), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s", docPath)
	return nil
}

// spliceReport puts the report into the document: in place of an earlier
// one, else before a "## Load test" section, else at the end. Other
// sections are left as they are.
func spliceReport(doc, report string) string {
	if doc == "" {
		return "# Benchmarks\n\n" + report
	}
	if i := strings.Index(doc, benchBegin); i >= 0 {
		if j := strings.Index(doc[i:], benchEnd); j >= 0 {
			rest := strings.TrimPrefix(doc[i+j+len(benchEnd):], "\n")
			return doc[:i] + report + rest
		}
	}
	if i := strings.Index(doc, "\n## Load test"); i >= 0 {
		return doc[:i+1] + report + "\n" + doc[i+1:]
	}
	return strings.TrimRight(doc, "\n") + "\n\n" + report
}
