package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestOEmbedAnswersForEveryEmbeddableView(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct {
		name, url, wantSrc, wantTitle string
	}{
		{"the comparison", "http://example.com/", "http://example.com/embed", "msgcompare: private messengers compared"},
		{"a filtered comparison", "http://example.com/?preset=no-phone&lang=fa", "http://example.com/embed?preset=no-phone&lang=fa", ""},
		{"side by side", "http://example.com/compare?apps=signal,briar", "http://example.com/embed?apps=signal,briar", "msgcompare: Signal, Briar"},
		{"a widget", "http://example.com/embed?apps=signal&criteria=forward_secrecy&rows=5", "http://example.com/embed?apps=signal&criteria=forward_secrecy&rows=5", "msgcompare: Signal"},
		{"a messenger's page", "https://example.com/app/briar?lang=de", "http://example.com/embed?apps=briar&lang=de", "msgcompare: Briar"},
		{"a path of the site", "/compare?apps=signal,session", "http://example.com/embed?apps=signal,session", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, s, "/oembed?format=json&maxwidth=500&maxheight=750&url="+url.QueryEscape(tc.url))
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
				t.Fatalf("status %d, type %q: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
			}
			var a oEmbedAnswer
			if err := json.Unmarshal([]byte(body), &a); err != nil {
				t.Fatal(err)
			}
			if a.Version != "1.0" || a.Type != "rich" || a.Width != 500 || a.Height != 750 || a.ProviderName != "msgcompare" {
				t.Errorf("answer %+v", a)
			}
			if tc.wantTitle != "" && a.Title != tc.wantTitle {
				t.Errorf("title %q, want %q", a.Title, tc.wantTitle)
			}
			// The HTML is a blockquote with a link, then the frame: what
			// WordPress keeps and shows until the frame loads.
			doc, err := html.Parse(strings.NewReader(a.HTML))
			if err != nil {
				t.Fatal(err)
			}
			var tags []string
			var src string
			for n := range doc.Descendants() {
				if n.Type != html.ElementNode || n.Data == "html" || n.Data == "head" || n.Data == "body" {
					continue
				}
				tags = append(tags, n.Data)
				for _, at := range n.Attr {
					if n.Data == "iframe" && at.Key == "src" {
						src = at.Val
					}
				}
			}
			if got := strings.Join(tags, " "); got != "blockquote p a iframe script" {
				t.Errorf("elements %q", got)
			}
			if src != tc.wantSrc {
				t.Errorf("the frame shows %q, want %q", src, tc.wantSrc)
			}
		})
	}
}

func TestOEmbedRefusesWhatIsNotOurs(t *testing.T) {
	s := newTestServer(t)
	for _, tc := range []struct {
		name, query string
		status      int
	}{
		{"another site", "url=" + url.QueryEscape("https://evil.example/compare?apps=signal"), http.StatusNotFound},
		{"another scheme", "url=" + url.QueryEscape("javascript://example.com/"), http.StatusNotFound},
		{"a page that is not a view", "url=" + url.QueryEscape("http://example.com/about"), http.StatusNotFound},
		{"an unknown messenger", "url=" + url.QueryEscape("http://example.com/app/nobody"), http.StatusNotFound},
		{"a malformed address", "url=%25zz%3A%2F%2F", http.StatusNotFound},
		{"no address", "format=json", http.StatusBadRequest},
		{"XML", "format=xml&url=" + url.QueryEscape("http://example.com/"), http.StatusNotImplemented},
		{"a width that is not a number", "maxwidth=wide&url=" + url.QueryEscape("http://example.com/"), http.StatusBadRequest},
		{"a negative height", "maxheight=-5&url=" + url.QueryEscape("http://example.com/"), http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, s, "/oembed?"+tc.query)
			if res.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %s", res.StatusCode, tc.status, body)
			}
			if strings.ContainsAny(body, "<>") {
				t.Errorf("the refusal reflects markup: %s", body)
			}
		})
	}
	// A huge width is clamped, not refused.
	res, body := get(t, s, "/oembed?maxwidth=99999999999&url="+url.QueryEscape("http://example.com/"))
	var a oEmbedAnswer
	if res.StatusCode != http.StatusOK || json.Unmarshal([]byte(body), &a) != nil || a.Width != oEmbedWidth {
		t.Errorf("a huge maxwidth gives %d %s", res.StatusCode, body)
	}
}

func TestEmbeddablePagesNameTheOEmbedEndpoint(t *testing.T) {
	s := newTestServer(t)
	for path, want := range map[string]bool{"/": true, "/compare?apps=signal,briar": true, "/embed": true, "/app/signal": true, "/about": false, "/changes": false} {
		_, body := get(t, s, path)
		has := strings.Contains(body, `type="application/json+oembed"`)
		if has != want {
			t.Errorf("%s has an oEmbed discovery link: %v, want %v", path, has, want)
		}
	}
}
