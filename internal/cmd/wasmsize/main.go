// Command wasmsize reports what a Go WebAssembly binary is made of: the
// code of each package (from the binary's name section, so build it without
// -s) and the sections, raw. With -floor, each figure stands beside the
// same figure of another build (the go-app floor) and what ours adds to
// it. make bench writes its output into docs/benchmarks.md, to show where
// the download goes.
//
//	go run ./internal/cmd/wasmsize [-top N] [-floor floor.wasm] app.wasm
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	top := flag.Int("top", 25, "packages to list")
	floor := flag.String("floor", "", "another build (the go-app floor) to compare with")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top N] [-floor floor.wasm] file.wasm")
		os.Exit(2)
	}
	r, err := read(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *floor == "" {
		r.write(os.Stdout, *top)
		return
	}
	f, err := read(*floor)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r.compare(os.Stdout, f, *top)
}

func read(name string) (report, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return report{}, err
	}
	r, err := analyze(b)
	if err != nil {
		return report{}, fmt.Errorf("%s: %w", name, err)
	}
	return r, nil
}

// report is the size of each part of a module, in bytes.
type report struct {
	total    int
	sections map[string]int // by section name: code, data, name, ...
	pkgs     map[string]int // code bytes by Go package
}

func (r report) write(w io.Writer, top int) {
	fmt.Fprintf(w, "| part | bytes | share |\n|---|---:|---:|\n")
	for _, s := range sortedKeys(r.sections) {
		fmt.Fprintf(w, "| section %s | %d | %.1f%% |\n", s, r.sections[s], pct(r.sections[s], r.total))
	}
	fmt.Fprintf(w, "| **whole file** | %d | 100%% |\n\n", r.total)
	fmt.Fprintf(w, "| package (code section) | bytes | share of code |\n|---|---:|---:|\n")
	code := r.sections["code"]
	for i, p := range sortedKeys(r.pkgs) {
		if i == top {
			break
		}
		fmt.Fprintf(w, "| %s | %d | %.1f%% |\n", p, r.pkgs[p], pct(r.pkgs[p], code))
	}
}

// compare writes r beside floor: the sections, then the packages that add
// the most code to the floor's.
func (r report) compare(w io.Writer, floor report, top int) {
	fmt.Fprintf(w, "| part | ours | go-app floor | added |\n|---|---:|---:|---:|\n")
	for _, s := range sortedKeys(r.sections) {
		if r.sections[s] < 1000 {
			continue
		}
		fmt.Fprintf(w, "| section %s | %d | %d | %+d |\n", s, r.sections[s], floor.sections[s], r.sections[s]-floor.sections[s])
	}
	fmt.Fprintf(w, "| **whole file** | %d | %d | %+d |\n\n", r.total, floor.total, r.total-floor.total)
	added := map[string]int{}
	for p, n := range r.pkgs {
		if d := n - floor.pkgs[p]; d != 0 {
			added[p] = d
		}
	}
	fmt.Fprintf(w, "| package (code section) | ours | go-app floor | added |\n|---|---:|---:|---:|\n")
	for i, p := range sortedKeys(added) {
		if i == top || added[p] < 0 {
			break
		}
		fmt.Fprintf(w, "| %s | %d | %d | %+d |\n", p, r.pkgs[p], floor.pkgs[p], added[p])
	}
}

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// sortedKeys lists m's keys, largest value first.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

var sectionNames = map[byte]string{0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
	6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}

// analyze walks the module's sections; the name section maps function
// indexes to Go symbols such as "net/http.(*Server).Serve".
func analyze(b []byte) (report, error) {
	r := report{total: len(b), sections: map[string]int{}, pkgs: map[string]int{}}
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return r, errors.New("not a WebAssembly module")
	}
	var imports int
	var bodies []int
	names := map[int]string{}
	rd := bytes.NewReader(b[8:])
	for rd.Len() > 0 {
		id, _ := rd.ReadByte()
		size, err := binary.ReadUvarint(rd)
		if err != nil || size > uint64(rd.Len()) {
			return r, errors.New("truncated section")
		}
		body := make([]byte, size)
		io.ReadFull(rd, body)
		name := sectionNames[id]
		sr := bytes.NewReader(body)
		switch id {
		case 0:
			n, _ := binary.ReadUvarint(sr)
			nb := make([]byte, n)
			io.ReadFull(sr, nb)
			name = "custom " + string(nb)
			if string(nb) == "name" {
				readFuncNames(sr, names)
			}
		case 2:
			imports = countFuncImports(sr)
		case 10:
			n, _ := binary.ReadUvarint(sr)
			for i := uint64(0); i < n; i++ {
				l, _ := binary.ReadUvarint(sr)
				bodies = append(bodies, int(l))
				sr.Seek(int64(l), io.SeekCurrent)
			}
		}
		r.sections[name] += int(size)
	}
	if len(names) == 0 {
		return r, errors.New("no name section: build without -ldflags=-s")
	}
	for i, l := range bodies {
		r.pkgs[pkgOf(names[imports+i])] += l
	}
	return r, nil
}

func readFuncNames(sr *bytes.Reader, names map[int]string) {
	for sr.Len() > 0 {
		sub, _ := sr.ReadByte()
		l, _ := binary.ReadUvarint(sr)
		if sub != 1 {
			sr.Seek(int64(l), io.SeekCurrent)
			continue
		}
		n, _ := binary.ReadUvarint(sr)
		for i := uint64(0); i < n; i++ {
			idx, _ := binary.ReadUvarint(sr)
			nl, _ := binary.ReadUvarint(sr)
			nb := make([]byte, nl)
			io.ReadFull(sr, nb)
			names[int(idx)] = string(nb)
		}
	}
}

// countFuncImports counts imported functions, which come first in the
// function index space.
func countFuncImports(sr *bytes.Reader) int {
	n, _ := binary.ReadUvarint(sr)
	funcs := 0
	skipName := func() {
		l, _ := binary.ReadUvarint(sr)
		sr.Seek(int64(l), io.SeekCurrent)
	}
	for i := uint64(0); i < n; i++ {
		skipName()
		skipName()
		kind, _ := sr.ReadByte()
		switch kind {
		case 0:
			funcs++
			binary.ReadUvarint(sr)
		case 1:
			sr.ReadByte()
			skipLimits(sr)
		case 2:
			skipLimits(sr)
		case 3:
			sr.ReadByte()
			sr.ReadByte()
		}
	}
	return funcs
}

func skipLimits(sr *bytes.Reader) {
	flags, _ := sr.ReadByte()
	binary.ReadUvarint(sr)
	if flags&1 != 0 {
		binary.ReadUvarint(sr)
	}
}

// pkgOf is the Go package of a symbol. The linker writes "/" as "_", so
// "github.com_maxence_charriere_go_app_v9_pkg_app.(*engine).Mount" is in
// "github.com/maxence-charriere/go-app/v9/pkg/app", shown as written; the
// dot of a domain (".com_", ".org_") does not end the package.
func pkgOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	from := 0
	for {
		dot := strings.Index(sym[from:], ".")
		if dot < 0 {
			return sym
		}
		dot += from
		rest := sym[dot+1:]
		if u := strings.Index(rest, "_"); u > 0 && u <= 4 && !strings.ContainsAny(rest[:u], "()*.") && strings.ToLower(rest[:u]) == rest[:u] && isDomain(rest[:u]) {
			from = dot + 1
			continue
		}
		return sym[:dot]
	}
}

func isDomain(tld string) bool {
	switch tld {
	case "com", "org", "net", "io", "in", "dev":
		return true
	}
	return false
}
