package server

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	"golang.org/x/net/html"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

var realCatalog = sync.OnceValues(func() (*catalog.Catalog, error) { return catalog.Load(data.FS, catalog.Options{}) })

// goappPage writes a page as go-app's prerenderer does (its own
// serializer for every element; the <html> and <body> tags, whose
// constructors have no public Body, as it writes them), with title,
// description and query where go-app puts them.
func goappPage(lang, title, description, query string) []byte {
	var b bytes.Buffer
	b.WriteString(goappDoctype + "<html lang=" + strconv.Quote(lang) + ">\n")
	app.PrintHTML(&b, app.Head().Body(
		app.Meta().Charset("UTF-8"),
		app.Meta().Name("description").Content(description),
		app.Meta().Name("viewport").Content("width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"),
		app.Meta().Property("og:url").Content("http://localhost/?"+query),
		app.Meta().Property("og:title").Content(title),
		app.Meta().Property("og:description").Content(description),
		app.Title().Text(title),
		app.Script().Defer(true).Src("/app.js"),
	))
	b.WriteString("\n<body>\n")
	app.PrintHTML(&b, app.Div().Body(app.P().Text(title)))
	b.WriteString("\n")
	app.PrintHTML(&b, app.Aside().ID("app-wasm-loader").Class("goapp-app-info").Body(
		app.Img().ID("app-wasm-loader-icon").Src("/web/icon.svg"),
		app.P().ID("app-wasm-loader-label").Text("Loading 0%"),
	))
	b.WriteString("\n</body>\n</html>")
	return b.Bytes()
}

// FuzzDocumentKeepsValuesInTheirAttributes gives fixDocument pages that
// go-app wrote with any title, description and query, and reads the
// result with an HTML parser: it has the template's elements and
// attributes and no other, and the values read back as they were set.
func FuzzDocumentKeepsValuesInTheirAttributes(f *testing.F) {
	for _, s := range []string{`Briar"><meta http-equiv=refresh content='0;url=https://evil.example/'><x y="`,
		`\"><x y=\"`, "'><x y='", "</head><body><x>", "soft\u00adhyphen", "a\x00b\nc\\", "bad \xff", "&quot;"} {
		f.Add(s, s, s)
	}
	cat, err := realCatalog()
	if err != nil {
		f.Fatal(err)
	}
	s := &Server{cat: cat}
	want := map[string][]string{ // element: its attributes
		"html": {"lang"}, "head": nil, "body": nil, "meta": {"charset", "name", "content", "property"},
		"title": nil, "script": {"defer", "src"}, "div": nil, "p": nil, "link": {"rel", "href"},
	}
	f.Fuzz(func(t *testing.T, title, description, query string) {
		page := goappPage("fa", title, description, query)
		b, err := s.fixDocument(page, []byte(`<link rel="canonical" href="/">`))
		if err != nil {
			t.Fatalf("%v\n%s", err, page)
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			attrs, ok := want[n.Data]
			if !ok {
				t.Fatalf("a <%s> element that the template does not have:\n%s", n.Data, b)
			}
			for _, a := range n.Attr {
				if !strings.Contains(strings.Join(attrs, " ")+" dir", a.Key) {
					t.Fatalf("<%s %s> that the template does not have:\n%s", n.Data, a.Key, b)
				}
				if a.Key == "property" && a.Val == "og:url" {
					t.Fatalf("og:url is still there:\n%s", b)
				}
				if a.Key == "content" && (strings.Contains(a.Val, "maximum-scale") || strings.Contains(a.Val, "user-scalable")) {
					t.Fatalf("the viewport forbids zooming:\n%s", b)
				}
				if a.Key == "property" && a.Val == "og:title" && utf8.ValidString(title) {
					if got, want := content(n), parsed(title); got != want {
						t.Errorf("og:title reads %q, want %q", got, want)
					}
				}
			}
		}
		if !bytes.Contains(b, []byte(`<html lang="fa" dir="rtl">`)) {
			t.Errorf("no dir=rtl on a Persian page:\n%.200s", b)
		}
	})
}

// content is a meta element's content.
func content(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "content" {
			return a.Val
		}
	}
	return ""
}

// parsed is s as go-app sets it (trimmed) and an HTML parser reads it
// back (line ends as \n, NUL as U+FFFD).
func parsed(s string) string {
	s = strings.TrimSpace(s)
	if s == "true" {
		return ""
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", "\uFFFD").Replace(s)
}
