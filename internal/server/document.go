package server

import (
	"bytes"
	"fmt"
	"html"
	"strconv"
)

// goappTag is one tag as go-app's prerenderer writes it: a name, and
// attributes whose values are Go string literals (strconv.Quote), or no
// value at all (go-app leaves out "" and "true").
type goappTag struct {
	end   bool
	name  string
	attrs []goappAttr
}

type goappAttr struct {
	name, value string
	bare        bool // written without a value
}

func (t *goappTag) get(name string) string {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

func (t *goappTag) set(name, value string) {
	for i := range t.attrs {
		if t.attrs[i].name == name {
			t.attrs[i] = goappAttr{name: name, value: value}
			return
		}
	}
	t.attrs = append(t.attrs, goappAttr{name: name, value: value})
}

// writeTo writes the tag as HTML reads it: every value HTML-escaped
// between double quotes.
func (t *goappTag) writeTo(b *bytes.Buffer) {
	b.WriteByte('<')
	if t.end {
		b.WriteByte('/')
	}
	b.WriteString(t.name)
	for _, a := range t.attrs {
		b.WriteByte(' ')
		b.WriteString(a.name)
		if !a.bare {
			b.WriteString(`="`)
			b.WriteString(html.EscapeString(a.value))
			b.WriteByte('"')
		}
	}
	b.WriteByte('>')
}

// readGoappTag reads the tag that starts at b[0] ('<') with go-app's
// grammar, and returns it with its length. Names are go-app's own
// (constants of its element and attribute methods); values are read as the
// Go literals go-app wrote, so that no byte of a value can end the tag.
func readGoappTag(b []byte) (goappTag, int, error) {
	var t goappTag
	i := 1
	if i < len(b) && b[i] == '/' {
		t.end = true
		i++
	}
	name := func() string {
		start := i
		for i < len(b) && isNameByte(b[i]) {
			i++
		}
		return string(b[start:i])
	}
	if t.name = name(); t.name == "" {
		return t, 0, fmt.Errorf("no tag name at %q", clipBytes(b))
	}
	for {
		for i < len(b) && b[i] == ' ' {
			i++
		}
		if i >= len(b) {
			return t, 0, fmt.Errorf("unterminated tag %s", t.name)
		}
		if b[i] == '>' {
			return t, i + 1, nil
		}
		a := goappAttr{name: name()}
		if a.name == "" {
			return t, 0, fmt.Errorf("tag %s: unexpected %q", t.name, clipBytes(b[i:]))
		}
		if i >= len(b) || b[i] != '=' {
			a.bare = true
			t.attrs = append(t.attrs, a)
			continue
		}
		i++
		n, err := goLiteralLen(b[i:])
		if err != nil {
			return t, 0, fmt.Errorf("tag %s, attribute %s: %w", t.name, a.name, err)
		}
		if a.value, err = strconv.Unquote(string(b[i : i+n])); err != nil {
			return t, 0, fmt.Errorf("tag %s, attribute %s: %w", t.name, a.name, err)
		}
		i += n
		t.attrs = append(t.attrs, a)
	}
}

// goLiteralLen is the length of the double-quoted Go string literal at
// the start of b.
func goLiteralLen(b []byte) (int, error) {
	if len(b) == 0 || b[0] != '"' {
		return 0, fmt.Errorf("expected a quoted value at %q", clipBytes(b))
	}
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("unterminated value")
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == ':' || c == '_'
}

func clipBytes(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

// goappDoctype starts every page go-app prerenders.
const goappDoctype = "<!DOCTYPE html>\n"

// fixDocument rewrites what go-app writes from values around the page's
// content: the <html> tag and the <head>, where the title, the
// description and the URL go into attributes. go-app writes attribute
// values as Go literals (a `"` in a value becomes `\"`, which HTML does not
// read as an escape, so the value would end the attribute there); here
// each tag is read back with go-app's own grammar and written again
// HTML-escaped, so that no value (a messenger's name, a translated title,
// the query) can become markup. On the way it leaves out og:url (it would
// hold the render's made-up host; absolute URLs are -public-url's job) and
// go-app's empty og:image (links has the picture of the view, and an empty
// one first makes parsers pair the picture's size with the wrong image),
// lets readers zoom (go-app's viewport forbids it), adds dir="rtl" for a
// language written right to left, the head's links, and leaves out go-app's
// full-screen loader from the body, which the prerendered page does not
// need. The body is go-app's as it is: its values are escaped where the
// components set them (ui's attr).
func (s *Server) fixDocument(b, links []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, []byte(goappDoctype)) {
		return nil, fmt.Errorf("the page does not start with %q", goappDoctype)
	}
	var out bytes.Buffer
	out.Grow(len(b))
	out.WriteString(goappDoctype)
	i := len(goappDoctype)
	for {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			return nil, fmt.Errorf("the page has no </head>")
		}
		// Text between tags: go-app escapes it (html.EscapeString), so
		// it holds no '<'.
		out.Write(b[i : i+lt])
		i += lt
		t, n, err := readGoappTag(b[i:])
		if err != nil {
			return nil, fmt.Errorf("reading go-app's head: %w", err)
		}
		i += n
		switch {
		case t.end && t.name == "head":
			out.Write(links)
			t.writeTo(&out)
			body, err := withoutLoader(b[i:])
			if err != nil {
				return nil, err
			}
			out.Write(body)
			return out.Bytes(), nil
		case t.name == "html" && !t.end:
			if loc := s.cat.Locale(t.get("lang")); loc != nil && loc.Dir == "rtl" {
				t.set("dir", "rtl")
			}
		case t.name == "meta" && (t.get("property") == "og:url" || t.get("property") == "og:image"):
			continue
		case t.name == "meta" && t.get("name") == "viewport":
			t.set("content", ourViewport)
		}
		t.writeTo(&out)
	}
}

// withoutLoader leaves out go-app's loader, the last <aside> of the body:
// go-app writes it after the page's content with constant contents (an
// icon and a label), so no '<aside ' follows its own.
func withoutLoader(body []byte) ([]byte, error) {
	start := bytes.LastIndex(body, []byte("<aside "))
	if start < 0 {
		return body, nil
	}
	t, _, err := readGoappTag(body[start:])
	if err != nil || t.get("id") != "app-wasm-loader" {
		return body, nil
	}
	end := bytes.Index(body[start:], []byte("</aside>"))
	if end < 0 {
		return nil, fmt.Errorf("go-app's loader has no </aside>")
	}
	end += start + len("</aside>")
	return append(body[:start:start], body[end:]...), nil
}
