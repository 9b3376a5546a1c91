package server

import (
	"fmt"
	"mime"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
)

// newMinifier is the one place that decides how each text type is
// minified. HTML keeps its quotes, end tags and document tags: the saving
// is small after compression, and crawlers, tests and go-app's body
// watcher then see the same structure as the prerender. JSON covers the
// +json types (manifest, JSON Schema) as well.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.Add("text/javascript", &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^application/([a-z.+-]+\+)?json$`), &json.Minifier{KeepNumbers: true})
	m.Add("image/svg+xml", &svg.Minifier{KeepComments: false})
	return m
}

// minifiable reports whether newMinifier handles contentType.
func minifiable(contentType string) bool {
	switch mediaType(contentType) {
	case "text/html", "text/css", "text/javascript", "image/svg+xml",
		"application/json", "application/manifest+json", "application/schema+json":
		return true
	}
	return false
}

// minifyBytes minifies b when its type is one newMinifier knows, and
// returns it unchanged otherwise.
func minifyBytes(m *minify.M, contentType string, b []byte) ([]byte, error) {
	if !minifiable(contentType) {
		return b, nil
	}
	out, err := m.Bytes(mediaType(contentType), b)
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", contentType, err)
	}
	return out, nil
}

// mediaType is contentType without parameters, lowercased.
func mediaType(contentType string) string {
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	}
	return t
}
