package server

import (
	"strings"
	"testing"
)

func TestMinifierPerMediaType(t *testing.T) {
	m := newMinifier()
	for _, tc := range []struct {
		ctype, in, want string
	}{
		{"text/html; charset=utf-8", "<!DOCTYPE html>\n<html>\n  <body>\n    <p   class=\"a\" >x</p>\n  </body>\n</html>", `<!doctype html><html><body><p class="a">x</p></body></html>`},
		{"text/css; charset=utf-8", "a {\n  color: #ff0000;\n}\n/* c */", "a{color:red}"},
		{"text/javascript; charset=utf-8", "// c\nconst a = 1 ;\nconsole.log( a );", "const a=1;console.log(a)"},
		{"application/json; charset=utf-8", "{ \"a\" : [ 1, 2 ] }", `{"a":[1,2]}`},
		{"application/manifest+json", "{ \"name\" : \"x\" }", `{"name":"x"}`},
		{"application/schema+json", "{ \"type\" : \"object\" }", `{"type":"object"}`},
		{"image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\">  <!-- c -->\n <rect width=\"10\" height=\"10\"/> </svg>", `<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>`},
		{"image/png", "\x89PNG  binary  ", "\x89PNG  binary  "},
		{"text/csv; charset=utf-8", "a, b\n", "a, b\n"},
	} {
		t.Run(tc.ctype+" is minified as expected", func(t *testing.T) {
			got, err := minifyBytes(m, tc.ctype, []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want && strings.TrimSpace(string(got)) != tc.want {
				t.Errorf("minify(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMinifiedHTMLKeepsWhatChecksRelyOn(t *testing.T) {
	in := `<input type="checkbox" data-require="forward_secrecy" checked><th scope="col" data-app="signal">Signal</th>`
	got, err := minifyBytes(newMinifier(), "text/html", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`data-require="forward_secrecy" checked`, `data-app="signal"`, `type="checkbox"`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("minified HTML %q lacks %q", got, want)
		}
	}
}
