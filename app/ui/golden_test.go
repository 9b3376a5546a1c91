package ui

import (
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// testDay is a fixed day, past the test data's freshness threshold for
// some facts (verified 2026-01-02 and -03, stale after 365 days), so that
// the goldens show the "not checked since" marking and never change with
// the clock.
const testDay = "2027-01-03"

// testConfig is the one configuration every test of the package registers
// (go-app's router is one per process).
func testConfig(cat *catalog.Catalog) Config {
	return Config{Catalog: cat, Today: testDay}
}

var update = flag.Bool("update", false, "rewrite testdata/golden/*.html")

// TestPrerenderedHTML renders pages of the small test catalog on the server
// side, as the server prerenders them, and compares their body with golden
// files: a change in markup shows up as a readable diff.
func TestPrerenderedHTML(t *testing.T) {
	cat, err := catalog.Load(withPseudoLang(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	Routes(testConfig(cat))
	h := &app.Handler{Name: "msgcompare", Version: "test", Icon: app.Icon{Default: "/web/icon-192.png"}}
	tests := []struct{ name, target string }{
		{"home", "/"},
		{"home-requirement-de", "/?require=forward_secrecy&lang=de&theme=dark"},
		{"home-notice", "/?apps=alpha,nope&sort=colour&q=%3Cb%3E"},
		{"home-preset", "/?preset=no-phone"},
		{"app", "/app/alpha"},
		{"app-unknown", "/app/zulu"},
		{"compare-diff", "/compare?apps=beta,gamma&diff=1"},
		{"embed", "/embed?apps=alpha,beta&criteria=forward_secrecy,platforms"},
		{"about", "/about"},
		{"changes", "/changes"},
		{"changes-filtered-de", "/changes?apps=alpha&criteria=forward_secrecy&lang=de&theme=dark"},
		{"builder", "/embed/builder?apps=alpha,beta&theme=dark"},
		{"not-found", "/no/such/page?lang=de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.target, nil))
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s = %d", tt.target, rec.Code)
			}
			got := readableBody(rec.Body.String())
			path := filepath.Join("testdata", "golden", tt.name+".html")
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./app/ui -run TestPrerenderedHTML -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run `make generate` if the change is intended\n%s", tt.target, path, firstDiff(string(want), got))
			}
		})
	}
}

var (
	bodyRE    = regexp.MustCompile(`(?s)<body.*</body>`)
	versionRE = regexp.MustCompile(`(Data version|Datenstand) [0-9a-f]{12}`)
	tagRE     = regexp.MustCompile(`<([a-z0-9]+)((?:\s+[^\s=>]+(?:="[^"]*")?)+)\s*(/?)>`)
	attrRE    = regexp.MustCompile(`[^\s=>]+(?:="[^"]*")?`)
)

// readableBody keeps the page body, with the data version (a content hash)
// masked, attributes sorted (go-app writes them in map order) and one tag
// per line.
func readableBody(page string) string {
	body := bodyRE.FindString(page)
	body = versionRE.ReplaceAllString(body, "$1 VERSION")
	body = tagRE.ReplaceAllStringFunc(body, func(tag string) string {
		m := tagRE.FindStringSubmatch(tag)
		attrs := attrRE.FindAllString(m[2], -1)
		sort.Strings(attrs)
		return "<" + m[1] + " " + strings.Join(attrs, " ") + m[3] + ">"
	})
	body = strings.ReplaceAll(body, "><", ">\n<")
	return body + "\n"
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

// TestPagesLinkUnderTheirOwnPrefix renders the same page from two handlers
// in one process, one at the root and one under a sub-path: each must
// write its own links, whatever the other was configured with.
func TestPagesLinkUnderTheirOwnPrefix(t *testing.T) {
	cat, err := catalog.Load(withPseudoLang(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	Routes(testConfig(cat))
	sub := &app.Handler{Name: "msgcompare", Version: "sub", Resources: app.CustomProvider("", "/x/y")}
	root := &app.Handler{Name: "msgcompare", Version: "root"}
	for _, tt := range []struct {
		h         *app.Handler
		want, not string
	}{
		{sub, `href="/x/y/app/alpha?theme=dark"`, `href="/app/alpha`},
		{root, `href="/app/alpha?theme=dark"`, `href="/x/y/`},
		{sub, `href="/x/y/app/alpha?theme=dark"`, `href="/app/alpha`},
	} {
		rec := httptest.NewRecorder()
		tt.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/?theme=dark", nil))
		body := rec.Body.String()
		if !strings.Contains(body, tt.want) || strings.Contains(body, tt.not) {
			t.Errorf("handler %s: want links like %s and none like %s", tt.h.Version, tt.want, tt.not)
		}
	}
}
