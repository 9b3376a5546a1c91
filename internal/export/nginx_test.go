package export

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/data"
	"msgcompare/internal/server"
)

var update = flag.Bool("update", false, "rewrite docs/nginx.conf from the header policy")

// TestNginxConfIsGeneratedFromThePolicy: docs/nginx.conf is exactly what
// NginxConf writes for bin/serve's default policy, line by line, so that
// nginx serving the export sends the server's headers.
func TestNginxConfIsGeneratedFromThePolicy(t *testing.T) {
	p, err := server.NewHeaderPolicy("*")
	if err != nil {
		t.Fatal(err)
	}
	want := NginxConf(p, siteLangs(t))
	name := filepath.Join("..", "..", "docs", "nginx.conf")
	if *update {
		if err := os.WriteFile(name, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		g, w := "", ""
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("docs/nginx.conf line %d:\n  %s\nwant (from the header policy):\n  %s\nrun `make generate`", i+1, g, w)
		}
	}
}

// TestNginxConfSendsEveryPolicyHeader checks each location of the
// configuration against the policy, and the wasm's CORS header in
// particular.
func TestNginxConfSendsEveryPolicyHeader(t *testing.T) {
	p, _ := server.NewHeaderPolicy("*")
	conf := NginxConf(p, siteLangs(t))
	for _, l := range nginxLocations() {
		block := conf[strings.Index(conf, "location "+l.match+" {"):]
		block = block[:strings.Index(block, "\n    }\n")]
		for name, vs := range p.Headers(l.like) {
			if line := "add_header " + name + ` "` + vs[0] + `" always;`; !strings.Contains(block, line) {
				t.Errorf("location %s lacks %s", l.match, line)
			}
		}
	}
	// What a widget in a sandboxed frame (origin "null") fetches.
	for _, path := range []string{"/web/app.wasm", "/web/evidence.bin", "/web/lang/fa.bin"} {
		if p.Headers(path).Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s is not readable cross-origin by the server's policy", path)
		}
	}
	if !strings.Contains(conf, `location ~ /web/(app\.wasm|evidence\.bin|lang/[^/]+\.bin)$ {`) {
		t.Error("nginx does not send the packs' and the wasm's CORS header")
	}
}

// siteLangs is the real catalog's languages.
func siteLangs(t *testing.T) []string {
	t.Helper()
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat.Langs()
}
