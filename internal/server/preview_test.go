package server

import (
	"bytes"
	"image/png"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// headMeta reads the <meta> tags of a page's head by property or name.
func headMeta(t *testing.T, page string) map[string]string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	meta := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "meta" {
			continue
		}
		var key, content string
		for _, a := range n.Attr {
			switch a.Key {
			case "property", "name":
				key = a.Val
			case "content":
				content = a.Val
			}
		}
		if key != "" {
			meta[key] = content
		}
	}
	return meta
}

func TestPagesCarryThePictureOfTheirView(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct{ page, image, altHas string }{
		{"/", "/og/index.png", "Briar"},
		{"/?preset=pg-minimum&lang=fa", "/og/index.fa.png?preset=pg-minimum", "تصویر"},
		{"/?guide=no-phone:yes&lang=de", "/og/index.de.png?guide=no-phone:yes", "Bild"},
		{"/compare?apps=signal,briar&lang=zh-Hans", "/og/compare.zh-Hans.png?apps=signal,briar", "Signal"},
		{"/app/signal?lang=ru", "/og/app/signal.ru.png", "Signal"},
		{"/embed?apps=signal,briar", "/og/embed.png?apps=signal,briar", "Briar"},
		{"/changes?lang=fr", "/og/changes.fr.png", "Image"},
		{"/about", "/og/about.png", "Picture"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			res, body := get(t, s, tc.page)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s = %d", tc.page, res.StatusCode)
			}
			m := headMeta(t, body)
			if got := m["og:image"]; got != tc.image {
				t.Errorf("og:image = %q, want %q", got, tc.image)
			}
			for k, want := range map[string]string{"og:image:type": "image/png", "og:image:width": "1200", "og:image:height": "630", "twitter:card": "summary_large_image"} {
				if m[k] != want {
					t.Errorf("%s = %q, want %q", k, m[k], want)
				}
			}
			if alt := m["og:image:alt"]; !strings.Contains(alt, tc.altHas) {
				t.Errorf("og:image:alt = %q, want it to mention %q", alt, tc.altHas)
			}
			res, img := get(t, s, m["og:image"])
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/png" {
				t.Fatalf("GET %s = %d %s", m["og:image"], res.StatusCode, res.Header.Get("Content-Type"))
			}
			cfg, err := png.DecodeConfig(strings.NewReader(img))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Width != 1200 || cfg.Height != 630 {
				t.Errorf("the picture is %d × %d, want 1200 × 630", cfg.Width, cfg.Height)
			}
		})
	}
}

func TestThePictureIsAbsoluteUnderAPublicURL(t *testing.T) {
	s := *newTestServer(t)
	s.publicURL = "https://example.org/tools"
	links := string(s.headLinks(&url.URL{Path: "/compare", RawQuery: "apps=signal,briar&lang=fa"}))
	want := `<meta property="og:image" content="https://example.org/tools/og/compare.fa.png?apps=signal,briar">`
	if !strings.Contains(links, want) {
		t.Errorf("head lacks %s:\n%s", want, links)
	}
}

func TestHostileQueriesGiveThePictureOfTheCleanedView(t *testing.T) {
	s := newTestServer(t)
	_, clean := get(t, s, "/og/compare.png?apps=signal,briar")
	for _, q := range []string{
		"apps=signal,<script>alert(1)</script>,briar",
		"apps=signal,briar&q=" + strings.Repeat("%E2%80%AE", 200) + "&sort=%00",
		"apps=signal,briar&theme=dark&view=cards&utm_source=x",
	} {
		res, body := get(t, s, "/og/compare.png?"+q)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", q, res.StatusCode)
		}
		if !bytes.Equal([]byte(body), []byte(clean)) && !strings.Contains(q, "q=") {
			t.Errorf("%s: not the picture of apps=signal,briar", q)
		}
	}
	for _, p := range []string{"/og/nope.png", "/og/app/nope.png", "/og/index.xx.png", "/og/index.en.png", "/og/index.gif", "/og/"} {
		if res, _ := get(t, s, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
	res, body := get(t, s, "/og/compare.fa.svg?apps=signal,briar")
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/svg+xml" || !strings.Contains(body, "<title") {
		t.Errorf("the SVG: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

func TestBadges(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct{ target, has string }{
		{"/badge/signal.svg", "Signal on msgcompare: "},
		{"/badge/signal.svg?lang=fa", "Signal"},
		{"/badge/whatsapp.svg?preset=pg-minimum&lang=de", "WhatsApp verfehlt"},
		{"/badge/signal.svg?preset=<script>&lang=<x>", "Signal on msgcompare"},
	} {
		res, body := get(t, s, tc.target)
		if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/svg+xml" {
			t.Fatalf("GET %s = %d %s", tc.target, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if res.Header.Get("ETag") == "" || !strings.Contains(res.Header.Get("Cache-Control"), "max-age") && !strings.Contains(res.Header.Get("Cache-Control"), "no-cache") {
			t.Errorf("%s: not cacheable: %q", tc.target, res.Header.Get("Cache-Control"))
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		title := ""
		for n := range doc.Descendants() {
			if n.Type == html.ElementNode && n.Data == "title" && n.FirstChild != nil {
				title = n.FirstChild.Data
			}
			if n.Type == html.ElementNode && n.Data == "script" {
				t.Errorf("%s: a script element", tc.target)
			}
		}
		if !strings.Contains(title, tc.has) || !strings.Contains(body, `role="img"`) || len(body) > 4096 {
			t.Errorf("%s: title %q (want %q), %d bytes", tc.target, title, tc.has, len(body))
		}
	}
	for _, p := range []string{"/badge/nope.svg", "/badge/signal.png", "/badge/"} {
		if res, _ := get(t, s, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
}
