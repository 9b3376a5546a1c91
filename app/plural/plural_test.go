package plural

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write testdata/cldr.txt from x/text's rules")

// langs are the site's languages (data/locales).
var langs = []string{"en", "de", "fr", "es", "pt-BR", "ru", "fa", "zh-Hans"}

// numbers are the whole numbers the rules are compared on: 0 to 200 and
// a few large ones.
func numbers() []int {
	var out []int
	for n := 0; n <= 200; n++ {
		out = append(out, n)
	}
	return append(out, 1000, 1001, 1021, 1022, 1025, 10_000, 100_000, 1_000_000, 1_000_001, 2_000_000, 10_000_000, 1_000_000_000)
}

// newerCLDR are the categories the browser's CLDR (38 and later) gives
// and x/text's (32) does not: many for the exact millions in French,
// Spanish and Portuguese ("1 000 000 de membres"). A message without a
// many branch reads the same on both sides (many falls back to other);
// the site's counts never reach a million.
func newerCLDR(lang string, n int) (string, bool) {
	switch lang {
	case "fr", "es", "pt-BR":
		if n != 0 && n%1_000_000 == 0 {
			return Many, true
		}
	}
	return "", false
}

// TestRulesMatchCLDR checks each language's category of 0 to 200 and of
// large numbers against testdata/cldr.txt, which x/text's rules write
// (go test -update). It runs natively, on x/text, and as WebAssembly under
// Node (make test-wasm), on Intl.PluralRules: both sides of the site
// then give every count the same category.
func TestRulesMatchCLDR(t *testing.T) {
	golden := filepath.Join("testdata", "cldr.txt")
	if *update && runtime.GOOS != "js" {
		var b strings.Builder
		b.WriteString("# The CLDR plural category of whole numbers in the site's languages, from\n# golang.org/x/text/feature/plural; go test -update writes it.\n")
		for _, lang := range langs {
			r := For(lang)
			for _, n := range numbers() {
				fmt.Fprintf(&b, "%s %d %s\n", lang, n, r.Select(n))
			}
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rules := map[string]Rules{}
	lines := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 3 {
			t.Fatalf("%s: line %q: expected a language, a number and a category", golden, line)
		}
		lang, want := fields[0], fields[2]
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			t.Fatal(err)
		}
		r, ok := rules[lang]
		if !ok {
			r = For(lang)
			rules[lang] = r
		}
		got := r.Select(n)
		if alt, ok := newerCLDR(lang, n); ok && runtime.GOOS == "js" {
			want = alt
		}
		if got != want {
			t.Errorf("%s %d: category %s, want %s", lang, n, got, want)
		}
		lines++
	}
	if want := len(langs) * len(numbers()); lines != want {
		t.Errorf("%s has %d numbers, want %d: go test -update ./app/plural", golden, lines, want)
	}
}

// TestNeeds checks the branches each language needs, as CLDR defines them
// for whole numbers.
func TestNeeds(t *testing.T) {
	want := map[string]string{
		"en":      "one other",
		"de":      "one other",
		"fr":      "one other",
		"es":      "one other",
		"pt-BR":   "one other",
		"ru":      "one few many other",
		"fa":      "one other",
		"zh-Hans": "other",
	}
	for _, lang := range langs {
		if got := strings.Join(For(lang).Needs(), " "); got != want[lang] {
			t.Errorf("%s needs %q, want %q", lang, got, want[lang])
		}
	}
}

// TestSelect checks the numbers translators ask about, language by
// language.
func TestSelect(t *testing.T) {
	tests := []struct {
		lang string
		want string // the categories of 0 1 2 5 21 22 25 101 111
	}{
		{"en", "other one other other other other other other other"},
		{"de", "other one other other other other other other other"},
		{"fr", "one one other other other other other other other"},
		{"es", "other one other other other other other other other"},
		{"pt-BR", "one one other other other other other other other"},
		{"ru", "many one few many one few many one many"},
		{"fa", "one one other other other other other other other"},
		{"zh-Hans", "other other other other other other other other other"},
	}
	for _, tt := range tests {
		r := For(tt.lang)
		var got []string
		for _, n := range []int{0, 1, 2, 5, 21, 22, 25, 101, 111} {
			got = append(got, r.Select(n))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: 0 1 2 5 21 22 25 101 111 are %s, want %s", tt.lang, g, tt.want)
		}
	}
}
