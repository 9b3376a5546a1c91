// Command benchreport writes the tables of docs/benchmarks.md from the raw
// results `make bench` leaves in a directory (Go and browser benchmarks,
// Lighthouse), after measuring every asset as bin/serve sends it and the
// wasm of the go-app floor (internal/cmd/floor), which the report shows
// beside our figures as their anchor:
//
//	go run ./internal/cmd/benchreport -dir out/bench -floor bin/floor
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
	floor := flag.String("floor", filepath.Join("bin", "floor"), "the go-app floor's build (make floor), whose web/app.wasm is measured")
	flag.Parse()
	log.SetFlags(0)
	if err := sizeReport(*dir); err != nil {
		log.Fatal(err)
	}
	if err := floorReport(*dir, *floor); err != nil {
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
	// The packs the server makes from the catalog: the facts' notes and
	// sources, and one language's texts.
	urls = append(urls, "/web/evidence.bin", "/web/lang/fa.bin")
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

// floorReport measures the go-app floor's wasm as sizeReport measures
// ours, and writes DIR/floor.json. Served is the size of the brotli copy
// that the floor's server sends, or the raw size without one.
func floorReport(dir, floorDir string) error {
	p := filepath.Join(floorDir, "web", "app.wasm")
	raw, err := os.ReadFile(p)
	if err != nil {
		return fmt.Errorf("the go-app floor: %w (run make floor)", err)
	}
	a := assetSize{Path: "/web/app.wasm", Raw: len(raw), Gzip: gzipSize(raw), Brotli: brotliSize(raw), Served: len(raw)}
	if st, err := os.Stat(p + ".br"); err == nil {
		a.Served, a.Encoding = int(st.Size()), "br"
	}
	log.Printf("go-app floor %-15s raw %9d  gzip %9d  brotli %9d  served %9d %s", a.Path, a.Raw, a.Gzip, a.Brotli, a.Served, a.Encoding)
	return writeJSON(filepath.Join(dir, "floor.json"), floorSizes{Wasm: a})
}

// floorSizes is what floorReport writes.
type floorSizes struct {
	Wasm assetSize `json:"wasm"`
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

	r := readResults(dir)

	// Budgets first: what issue 11 asks, where we are, and where the
	// smallest go-app page is on the same machine.
	sb.WriteString("## Budgets\n\nThe budgets of issue 11. The go-app floor column is the same measure, in the same run, of the smallest go-app v9 page (`internal/cmd/floor`: one heading, go-app's default handler and loader, built as our wasm is); figures move from machine to machine, the distance to the floor much less.\n\n")
	sb.WriteString(budgetTable(r))
	sb.WriteString("\n## Sizes\n\nEvery file in `web/` and every file go-app generates, raw, `gzip -9`, `brotli -q 11`, and as our server sends it to a browser that accepts `br, gzip`.\n\n")
	sb.WriteString("| asset | raw | gzip -9 | brotli -q 11 | served |\n|---|---:|---:|---:|---:|\n")
	for _, a := range r.sizes {
		enc := a.Encoding
		if enc == "" {
			enc = "identity"
		}
		fmt.Fprintf(&sb, "| `%s` | %s | %s | %s | %s (%s) |\n", a.Path, kb(a.Raw), kb(a.Gzip), kb(a.Brotli), kb(a.Served), enc)
	}

	if t, err := os.ReadFile(filepath.Join(dir, "wasmsize.md")); err == nil {
		sb.WriteString("\n## The wasm by package\n\nWhat our wasm adds to the go-app floor's, raw bytes of each section and each Go package's code (`internal/cmd/wasmsize`, on builds that keep the name section; the served files are the same builds with `-s -w`, compressed). The data section holds the compact catalog (`data/catalog.bin`: every fact's value and date, without the facts' notes and sources, which are `/web/evidence.bin`) besides Go's own tables.\n\n")
		sb.Write(t)
	}

	fmt.Fprintf(&sb, "\n## Lighthouse\n\nLighthouse %s, default mobile settings (emulated phone, simulated slow 4G, CPU 4x slower), Debian Chromium, against `bin/serve` and the go-app floor's server (`bin/floor/serve`, go-app's `app.Handler`, the wasm sent as brotli -q 11 and its other files gzipped) on 127.0.0.1; median of %d runs per page (`.ci/lighthouse`).\n\n", r.lh.Lighthouse, r.lh.Runs)
	sb.WriteString(lighthouseTable(r))
	sb.WriteString("\n## Browser timings\n\nHeadless Chromium via chromedp (`internal/e2e/perf_test.go`), real catalog, `/`. Boot: navigation start to `data-wasm=\"ready\"` (cold: first visit of a fresh profile; warm: later visits, median), and first contentful paint. Click: a click on the forward secrecy requirement to the last DOM mutation it causes (`dom-ms`, median and 95th percentile, over 20 clicks) and to the animation frame after it (`frame-ms`). First tap: on a first visit to `/?filters=1`, a real tap on that requirement 300 ms after the load event, before the app runs, to the first paint of the filtered page its form loads (`tap-ms`, median and 95th percentile of 10 fresh profiles). `cheap-phone` runs the CPU 4x slower. `BrowserClickSynthetic55x135` clicks a requirement on a catalog of 55 messengers by 135 criteria (the size of the largest public messenger comparison), built into its own wasm from generated data files with `go build -overlay` (`internal/e2e/synthetic_bench_test.go`); target under 50 ms.\n\n")
	sb.WriteString(benchTable(r.browser, "ns/op"))
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
