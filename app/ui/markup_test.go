package ui

import (
	"net/url"
	"strings"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

// TestMarkupEscapesEveryValue writes hostile text through each of
// markup's ways in: it comes out as text, never as markup.
func TestMarkupEscapesEveryValue(t *testing.T) {
	const evil = `"><script>alert(1)</script>&'`
	var m markup
	m.open("p", "title", evil, "data-x", evil)
	m.text(evil)
	m.elem("span", evil, "class", evil)
	m.extLink(evil, evil)
	m.close("p")
	got := m.String()
	if strings.Contains(got, "<script>") || strings.Count(got, `"`) != 2*7 {
		t.Errorf("markup let the text through:\n%s", got)
	}
}

// BenchmarkMatrixHTML writes the matrix of the real catalog with every
// criterion, as the browser does for a new set of columns.
func BenchmarkMatrixHTML(b *testing.B) {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var s state
	u, _ := url.Parse("/?criteria=all&require=forward_secrecy")
	s.load(cat, u, paths(""))
	b.ResetTimer()
	for range b.N {
		if len(matrixHTML(cat, &s, true)) == 0 {
			b.Fatal("no matrix")
		}
	}
}
