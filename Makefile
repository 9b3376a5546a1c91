# msgcompare: `make run` serves the app, `make test` runs every test.
GO      ?= go
ADDR    ?= 127.0.0.1:8000
WASMENV := GOOS=js GOARCH=wasm
WASMEXEC := $(shell $(GO) env GOROOT)/lib/wasm
GOFILES := $(shell find app cmd data internal -name '*.go' -not -name '*_test.go' -not -path 'internal/cmd/floor/*') $(shell find data -name '*.json') go.mod go.sum
# web/ is embedded in bin/serve (web/web.go), so the server is rebuilt when
# any of it changes, and after the wasm.
WEBFILES := $(filter-out web/app.wasm web/app.wasm.br,$(wildcard web/*))

.PHONY: all build run test test-unit test-wasm test-e2e validate vet clean
# Every package but the end-to-end tests, which need bin/serve and a browser.
UNITPKGS = $(shell $(GO) list ./... | grep -v /internal/e2e)

all: build

build: web/app.wasm web/app.wasm.br bin/serve

# The compact catalog the wasm embeds, from the JSON files (validated).
data/catalog.bin: $(shell find data -name '*.json') $(shell find app/catalog -name '*.go' -not -name '*_test.go')
	$(GO) run ./internal/cmd/catalogbin -o $@

# The wasm is compiled without inlining (-l): inlined bodies, copied into
# every caller, compress worse than the calls they replace, and the served
# file is about 135 KB (7.5%) smaller with brotli, for clicks and boot
# within the noise of make bench (docs/benchmarks.md). The go-app floor,
# the names builds of make bench and the synthetic benchmark use the same
# flags.
WASMGCFLAGS := -gcflags=all=-l
web/app.wasm: $(GOFILES) data/catalog.bin
	$(WASMENV) $(GO) build -trimpath -ldflags="-s -w" $(WASMGCFLAGS) -o $@ ./cmd/wasm

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

# Proposes last_release updates from the messengers' public release feeds
# (GitHub, GitLab and Gitea/Codeberg releases or tags; F-Droid versions,
# undated) as a unified diff of data/apps/*.json on stdout and one line per
# messenger on stderr (docs/data.md). It needs the internet, so make test
# and CI never run it. WRITE=1 applies the proposals to the files,
# ONLY=signal,briar limits the run; GITHUB_TOKEN lifts GitHub's limit of
# 60 requests an hour.
.PHONY: refresh
refresh:
	$(GO) run ./internal/cmd/refresh $(if $(WRITE),-write) $(if $(ONLY),-only $(ONLY))

# Each language's translation: how much of the English it has, and with
# MISSING=1 every missing text by file and key (a language may ship
# part-translated: the rest reads in English). Problems fail, with their
# file and key.
.PHONY: l10n
l10n:
	$(GO) run ./internal/cmd/l10n $(if $(MISSING),-missing) $(if $(LANG_CODE),-lang $(LANG_CODE))

# A new messenger: data/apps/$(ID).json with every criterion unknown and
# marked "to research" (nothing copied from another messenger), and its
# English summary to write in data/locales/en/catalog.json. NAME= and
# HOMEPAGE= are optional. docs/data.md says what to do next.
.PHONY: new-app
new-app:
	$(GO) run ./internal/cmd/newapp -id "$(ID)" $(if $(NAME),-name "$(NAME)") $(if $(HOMEPAGE),-homepage "$(HOMEPAGE)")

# Every generated file that is committed, written again from its source:
# data/catalog.bin (from data/), docs/nginx.conf (from the header
# policy), the golden pages and verdicts of app/ui. The tests fail when
# one is out of date; review the diff before committing it.
.PHONY: generate
generate:
	$(GO) run ./internal/cmd/catalogbin -o data/catalog.bin
	$(GO) test ./internal/export -run NginxConf -update
	$(GO) test ./app/ui -run 'TestPrerenderedHTML|TestVerdictSentences' -update

# The fonts of the pictures of internal/preview (og:image): Noto Sans,
# Noto Sans Arabic and Noto Sans CJK SC, regular and bold, subset to the
# characters of the catalog's texts. Needs Debian's fonts-noto-core,
# fonts-noto-cjk and fonttools (pyftsubset). TestFontsCoverTheCatalog
# fails, naming the character, when a text needs a glyph they lack.
.PHONY: fonts
fonts:
	$(GO) run ./internal/cmd/ogfonts -out internal/preview/fonts

# staticcheck, at the version go.mod pins (a tool directive), built
# natively so that it can also check the wasm build.
bin/staticcheck: go.mod go.sum
	$(GO) build -o $@ honnef.co/go/tools/cmd/staticcheck

vet: bin/staticcheck
	$(GO) mod tidy -diff
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./app/... ./cmd/wasm ./data ./internal/cmd/floor
	bin/staticcheck ./...
	$(WASMENV) bin/staticcheck ./app/... ./cmd/wasm ./data ./internal/cmd/floor

# Unit, server and command tests, natively, with the race detector
# (-short: nothing here needs a browser). The server tests embed web/,
# app.wasm included, so the build comes first.
test-unit: build
	$(GO) test -race -short $(UNITPKGS)
	$(GO) test -short -run '^TestHostileTextStaysText$$' ./internal/server

# The pure packages again, compiled to WebAssembly and run under Node.
test-wasm:
	PATH="$(WASMEXEC):$$PATH" $(WASMENV) $(GO) test ./app/catalog ./app/changes ./app/compare ./app/plural ./data

# End-to-end tests: the built bin/serve with real flags, its exports on
# python3 and nginx, headless Chromium (one per run, via chromedp), the Nu
# HTML checker (Java, npm vnu-jar) and axe-core.
test-e2e: build
	if command -v npm >/dev/null; then .ci/npm-install; else echo "npm not found: the axe-core and Nu checker tests skip (CI=true fails them)"; fi
	$(GO) test -count=1 -timeout 40m ./internal/e2e

test: validate vet test-unit test-wasm test-e2e

clean:
	rm -rf bin web/app.wasm web/app.wasm.br

# Every page in every theme and both languages (make test checks a sample
# that still covers every route, theme and language; see a11yPlan).
.PHONY: test-a11y-full
test-a11y-full: build
	.ci/npm-install
	A11Y_FULL=1 $(GO) test -count=1 -timeout 30m -run 'TestAccessibility|TestZoomedPages' ./internal/e2e

# The go-app floor (issue 11): the smallest go-app page, built as our app
# is, that make bench measures beside ours (internal/cmd/floor).
FLOORFILES := $(wildcard internal/cmd/floor/*.go) go.mod go.sum
.PHONY: floor
floor: bin/floor/serve bin/floor/web/app.wasm bin/floor/web/app.wasm.br

bin/floor/web/app.wasm: $(FLOORFILES)
	$(WASMENV) $(GO) build -trimpath -ldflags="-s -w" $(WASMGCFLAGS) -o $@ ./internal/cmd/floor

bin/floor/web/app.wasm.br: bin/floor/web/app.wasm
	if command -v brotli >/dev/null; then brotli -q 11 -f -o $@ $<; else rm -f $@; fi

bin/floor/serve: $(FLOORFILES)
	$(GO) build -trimpath -o $@ ./internal/cmd/floor

# Performance report (issues 7 and 11): Go benchmarks natively and as
# WebAssembly, asset sizes, browser boot and click timings, Lighthouse of
# our pages and of the go-app floor in the same run; the tables go to
# docs/benchmarks.md, the raw results to $(BENCH_OUT).
BENCH_OUT ?= out/bench
.PHONY: bench
bench: build floor
	.ci/npm-install
	mkdir -p $(BENCH_OUT)
	$(GO) test -run '^$$' -bench . -benchmem ./app/... ./internal/preview >$(BENCH_OUT)/go.txt || { cat $(BENCH_OUT)/go.txt; exit 1; }
	cat $(BENCH_OUT)/go.txt
	PATH="$(WASMEXEC):$$PATH" $(WASMENV) $(GO) test -run '^$$' -bench . -benchmem ./app/catalog ./app/compare >$(BENCH_OUT)/go-wasm.txt || { cat $(BENCH_OUT)/go-wasm.txt; exit 1; }
	cat $(BENCH_OUT)/go-wasm.txt
	$(GO) test -count=1 -run '^$$' -bench 'Browser(Boot|FirstTap|ClickSynthetic|GuideTap)' -benchtime 10x ./internal/e2e >$(BENCH_OUT)/browser.txt || echo "some browser benchmarks failed; docs/benchmarks.md lists them"
	$(GO) test -count=1 -run '^$$' -bench 'BrowserClick$$' -benchtime 20x ./internal/e2e >>$(BENCH_OUT)/browser.txt || echo "some browser benchmarks failed; docs/benchmarks.md lists them"
	cat $(BENCH_OUT)/browser.txt
	$(WASMENV) $(GO) build -trimpath $(WASMGCFLAGS) -o $(BENCH_OUT)/app-names.wasm ./cmd/wasm
	$(WASMENV) $(GO) build -trimpath $(WASMGCFLAGS) -o $(BENCH_OUT)/floor-names.wasm ./internal/cmd/floor
	$(GO) run ./internal/cmd/wasmsize -top 20 -floor $(BENCH_OUT)/floor-names.wasm $(BENCH_OUT)/app-names.wasm >$(BENCH_OUT)/wasmsize.md
	.ci/lighthouse $(BENCH_OUT)
	$(GO) run ./internal/cmd/benchreport -dir $(BENCH_OUT) -doc docs/benchmarks.md -floor bin/floor

# Static export of the built site (issue 6): EXPORT_DIR, optionally under
# BASE=/sub/path/ and for PUBLIC_URL (the builder's snippet points there).
EXPORT_DIR ?= out/site
BASE ?= /
PUBLIC_URL ?=
.PHONY: export loadtest
export: build
	bin/serve -export $(EXPORT_DIR) -base $(BASE) $(if $(PUBLIC_URL),-public-url $(PUBLIC_URL))

# Load test (issue 6): wrk against bin/serve and nginx serving the export
# of the same build; writes the "Load test" section of docs/benchmarks.md.
loadtest: build
	.ci/loadtest
