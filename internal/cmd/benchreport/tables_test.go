package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture is testdata/bench: our wasm just within its budget, / within its
// Lighthouse and TBT budgets, /embed over them, /compare not answering, a
// click over its budget, and the go-app floor measured.
func fixture(t *testing.T) results {
	t.Helper()
	r := readResults(filepath.Join("testdata", "bench"))
	if len(r.sizes) == 0 || r.floorWasm == nil || len(r.lh.Pages) == 0 || len(r.browser) == 0 {
		t.Fatalf("testdata/bench read incompletely: %+v", r)
	}
	return r
}

// withoutFloor is r as a run that did not measure the floor leaves it.
func withoutFloor(r results) results {
	r.floorWasm = nil
	var pages []lighthousePage
	for _, p := range r.lh.Pages {
		if !p.Floor {
			pages = append(pages, p)
		}
	}
	r.lh.Pages = pages
	return r
}

func TestBudgetTable(t *testing.T) {
	r := fixture(t)
	for _, tt := range []struct {
		name string
		r    results
		want []string
	}{
		{"each budget shows our figure, the floor's and whether it is met", r, []string{
			"| budget | target | measured | go-app floor | met |",
			"| app.wasm, brotli -q 11 | ≤ 1.60 MB (1600.0 KB) | 1599.0 KB | 1422.0 KB | yes |",
			"| Lighthouse / (mobile) | performance ≥ 95, others 100 | performance 96, accessibility 100, best-practices 100, seo 100 | performance 99 | yes |",
			"| Lighthouse /embed (mobile) | performance ≥ 95, others 100 | performance 83, accessibility 100, best-practices 100, seo 100 | performance 99 | **no** |",
			"| Lighthouse /compare?apps=signal,briar (mobile) | performance ≥ 95, others 100 | n/a (HTTP 500) | performance 99 | **no** |",
			"| TBT / (mobile) | ≤ 200 ms | 180 ms | 120 ms | yes |",
			"| TBT /embed (mobile) | ≤ 200 ms | 708 ms | 120 ms | **no** |",
			"| TBT /compare?apps=signal,briar (mobile) | ≤ 200 ms | – | 120 ms | **no** |",
			"| boot, first visit, phone viewport | ≤ 1000 ms | 955 ms | – | yes |",
			"| first tap 300 ms after load, to the filtered result, phone (median) | ≤ 200 ms | 150.0 ms | – | yes |",
			"| click to updated DOM, phone viewport (median) | ≤ 16 ms | 17.0 ms | – | **no** |",
			"| click to updated DOM, phone viewport (95th percentile) | ≤ 33 ms | 30.0 ms | – | yes |",
			"| click to updated DOM, phone, CPU 4x slower (median) | ≤ 50 ms | n/a (benchmark failed) | – | **no** |",
		}},
		{"a run without the floor says n/a in its column", withoutFloor(r), []string{
			"| app.wasm, brotli -q 11 | ≤ 1.60 MB (1600.0 KB) | 1599.0 KB | n/a | yes |",
			"| Lighthouse / (mobile) | performance ≥ 95, others 100 | performance 96, accessibility 100, best-practices 100, seo 100 | n/a | yes |",
			"| TBT / (mobile) | ≤ 200 ms | 180 ms | – | yes |",
		}},
		{"a wasm over 1.60 MB misses its budget", overWasm(r), []string{
			"| app.wasm, brotli -q 11 | ≤ 1.60 MB (1600.0 KB) | 1600.1 KB | 1422.0 KB | **no** |",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := budgetTable(tt.r)
			for _, row := range tt.want {
				if !strings.Contains(got, row+"\n") {
					t.Errorf("no row\n%s\nin\n%s", row, got)
				}
			}
			if strings.Contains(got, "TBT / (mobile) | ≤ 200 ms | 120 ms") {
				t.Errorf("the floor's page is listed as ours:\n%s", got)
			}
		})
	}
}

// overWasm is r with our wasm 100 bytes over its budget.
func overWasm(r results) results {
	r.sizes = append([]assetSize(nil), r.sizes...)
	for i := range r.sizes {
		if strings.HasSuffix(r.sizes[i].Path, "/app.wasm") {
			r.sizes[i].Brotli = wasmBudget + 100
		}
	}
	return r
}

func TestLighthouseTable(t *testing.T) {
	r := fixture(t)
	for _, tt := range []struct {
		name string
		r    results
		want []string
	}{
		{"our pages come first, then the floor's, each with its wasm", r, []string{
			"| `/` | 96 | 100 | 100 | 100 | 1167 ms | 1190 ms | 180 ms | 0.000 | 1167 ms | 2307 ms | 1599.0 KB |",
			"| `/embed` | 83 | 100 | 100 | 100 | 1114 ms | 1125 ms | 708 ms | 0.000 | 1114 ms | 2025 ms | 1599.0 KB |",
			"| `/compare?apps=signal,briar` | n/a (HTTP 500) | | | | | | | | | | 1599.0 KB |",
			"| go-app floor `/` | 99 | 91 | 100 | 100 | 900 ms | 950 ms | 120 ms | 0.000 | 900 ms | 1500 ms | 1422.0 KB |",
			"- `/`: bootup-time: 0.9 s",
			"- go-app floor `/`: failed audits: accessibility: meta-viewport ([user-scalable=\"no\"] is used)",
		}},
		{"a run without the floor has no floor row", withoutFloor(r), []string{
			"| `/` | 96 | 100 | 100 | 100 | 1167 ms | 1190 ms | 180 ms | 0.000 | 1167 ms | 2307 ms | 1599.0 KB |",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := lighthouseTable(tt.r)
			for _, row := range tt.want {
				if !strings.Contains(got, row+"\n") {
					t.Errorf("no line\n%s\nin\n%s", row, got)
				}
			}
			if floorRow := strings.Contains(got, "go-app floor"); floorRow != (tt.r.floorWasm != nil) {
				t.Errorf("floor row present: %v, want %v:\n%s", floorRow, !floorRow, got)
			}
		})
	}
}

// TestBenchReportRendersFixture writes a whole report from testdata/bench
// into a document with a load test section, which must stay as it is.
func TestBenchReportRendersFixture(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "benchmarks.md")
	const load = "## Load test\n\nkept\n"
	os.WriteFile(doc, []byte("# Benchmarks\n\n"+benchBegin+"\nold\n"+benchEnd+"\n\n"+load), 0o644)
	if err := benchReport(filepath.Join("testdata", "bench"), doc); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(doc)
	got := string(b)
	for _, want := range []string{
		"## Budgets\n\nThe budgets of issue 11.",
		"| TBT /embed (mobile) | ≤ 200 ms | 708 ms | 120 ms | **no** |\n",
		"## Lighthouse\n\nLighthouse 12.8.2,",
		"| go-app floor `/` | 99 |",
		"median of 3 runs per page",
		"\n" + benchEnd + "\n\n" + load,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "\nold\n") {
		t.Errorf("the earlier report was kept:\n%s", got)
	}
}
