# msgcompare: `make run` serves the app, `make test` runs every test.
GO      ?= go
ADDR    ?= 127.0.0.1:8000
WASMENV := GOOS=js GOARCH=wasm
WASMEXEC := $(shell $(GO) env GOROOT)/lib/wasm
GOFILES := $(shell find app cmd data -name '*.go' -not -name '*_test.go') $(shell find data -name '*.json') go.mod go.sum
# web/ is embedded in bin/serve (web/web.go), so the server is rebuilt when
# any of it changes, and after the wasm.
WEBFILES := $(filter-out web/app.wasm web/app.wasm.br,$(wildcard web/*))

.PHONY: all build run test test-unit test-wasm test-e2e validate vet clean

all: build

build: web/app.wasm web/app.wasm.br bin/serve

# The compact catalog the wasm embeds, from the JSON files (validated).
data/catalog.bin: $(shell find data -name '*.json') $(shell find app/catalog -name '*.go' -not -name '*_test.go')
	$(GO) run ./internal/cmd/catalogbin -o $@

web/app.wasm: $(GOFILES) data/catalog.bin
	$(WASMENV) $(GO) build -trimpath -ldflags="-s -w" -o $@ ./cmd/wasm

# The wasm at brotli's best level, made once here rather than at every
# server start (bin/serve checks it matches). Without the brotli command
# the server compresses at start, at a faster level.
web/app.wasm.br: web/app.wasm
	if command -v brotli >/dev/null; then brotli -q 11 -f -o $@ $<; else rm -f $@; fi

bin/serve: $(GOFILES) $(WEBFILES) data/catalog.bin web/app.wasm web/app.wasm.br
	$(GO) build -trimpath -o $@ ./cmd/serve

run: build
	bin/serve -addr $(ADDR)

validate:
	$(GO) run ./cmd/serve -validate

# The facts older than DAYS (default: the data's stale threshold in
# data/freshness.json), by messenger with sources, for a review round;
# fails when any is older than the hard limit.
DAYS ?= 0
.PHONY: stale
stale:
	$(GO) run ./cmd/serve -stale $(DAYS)

vet:
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./app/... ./cmd/wasm ./data

# Unit and server tests, natively.
test-unit:
	$(GO) test ./app/... ./data/...

# The pure packages again, compiled to WebAssembly and run under Node.
test-wasm:
	PATH="$(WASMEXEC):$$PATH" $(WASMENV) $(GO) test ./app/catalog ./app/changes ./app/compare ./data

# Server and browser end-to-end tests (headless Chromium via chromedp).
test-e2e: build
	$(GO) test -count=1 -timeout 20m ./cmd/serve

test: validate vet test-unit test-wasm test-e2e

clean:
	rm -rf bin web/app.wasm web/app.wasm.br

# Every page in every theme and both languages (make test checks a sample
# that still covers every route, theme and language; see a11yPlan).
.PHONY: test-a11y-full
test-a11y-full: build
	.ci/npm-install
	A11Y_FULL=1 $(GO) test -count=1 -timeout 30m -run 'TestAccessibility|TestZoomedPages' ./cmd/serve

# Performance report (issue 7): Go benchmarks natively and as WebAssembly,
# asset sizes, browser boot and click timings, Lighthouse; the tables go
# to docs/benchmarks.md, the raw results to $(BENCH_OUT).
BENCH_OUT ?= out/bench
.PHONY: bench
bench: build
	.ci/npm-install
	mkdir -p $(BENCH_OUT)
	$(GO) test -run '^$$' -bench . -benchmem ./app/... >$(BENCH_OUT)/go.txt || { cat $(BENCH_OUT)/go.txt; exit 1; }
	cat $(BENCH_OUT)/go.txt
	PATH="$(WASMEXEC):$$PATH" $(WASMENV) $(GO) test -run '^$$' -bench . -benchmem ./app/catalog ./app/compare >$(BENCH_OUT)/go-wasm.txt || { cat $(BENCH_OUT)/go-wasm.txt; exit 1; }
	cat $(BENCH_OUT)/go-wasm.txt
	$(GO) test -count=1 -run '^$$' -bench Browser -benchtime 10x ./cmd/serve >$(BENCH_OUT)/browser.txt || echo "some browser benchmarks failed; docs/benchmarks.md lists them"
	cat $(BENCH_OUT)/browser.txt
	.ci/lighthouse $(BENCH_OUT)
	MSGCOMPARE_BENCH=$(BENCH_OUT) $(GO) test -count=1 -run '^(TestSizeReport|TestBenchReport)$$' -v ./cmd/serve >$(BENCH_OUT)/report.txt || { cat $(BENCH_OUT)/report.txt; exit 1; }
	grep -v '^=== RUN' $(BENCH_OUT)/report.txt

# Static export of the built site (issue 6): EXPORT_DIR, optionally under
# BASE=/sub/path/.
EXPORT_DIR ?= out/site
BASE ?= /
.PHONY: export loadtest
export: build
	bin/serve -export $(EXPORT_DIR) -base $(BASE)

# Load test (issue 6): wrk against bin/serve and nginx serving the export
# of the same build; writes the "Load test" section of docs/benchmarks.md.
loadtest: build
	.ci/loadtest
