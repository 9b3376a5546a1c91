package server

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"msgcompare/app/compare"
)

// TestPrerenderFollowsAcceptLanguage: without lang in the address, the
// server prerenders in the reader's language and says the page varies by
// it; lang in the address wins.
func TestPrerenderFollowsAcceptLanguage(t *testing.T) {
	s := newTestServer(t)
	for _, tt := range []struct {
		target, accept, wantLang string
		vary                     bool
	}{
		{"/", "de-DE,de;q=0.9", "de", true},
		{"/", "en-GB", "en", true},
		{"/?lang=en", "de", "en", false},
		{"/about", "de", "de", true},
		{"/", "fa-IR,fa;q=0.9,en;q=0.5", "fa", true},
		{"/", "pt-PT", "pt-BR", true},
		{"/", "zh-CN,zh;q=0.9", "zh-Hans", true},
		{"/?lang=ZH-hans", "de", "zh-Hans", false},
	} {
		rec := newRecorderRequest(t, s, tt.target, tt.accept)
		body := rec.Body.String()
		if !strings.Contains(body, `lang="`+tt.wantLang+`"`) && !strings.Contains(body, `lang=`+tt.wantLang+`>`) && !strings.Contains(body, `lang=`+tt.wantLang+` `) {
			t.Errorf("%s with Accept-Language %q: page is not in %s", tt.target, tt.accept, tt.wantLang)
		}
		if got := strings.Contains(rec.Header().Get("Vary"), "Accept-Language"); got != tt.vary {
			t.Errorf("%s: Vary Accept-Language = %v, want %v", tt.target, got, tt.vary)
		}
	}
}

func newRecorderRequest(t *testing.T, h http.Handler, target, accept string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("Accept-Language", accept)
	h.ServeHTTP(rec, req)
	return rec
}

// TestPagesNameTheirLanguages: a page in Persian is right to left from its
// first byte, and every page links its other languages (hreflang).
func TestPagesNameTheirLanguages(t *testing.T) {
	s := newTestServer(t)
	body := newRecorderRequest(t, s, "/compare?apps=signal,briar&lang=fa", "").Body.String()
	if !regexp.MustCompile(`<html[^>]* dir="?rtl`).MatchString(body) {
		t.Errorf("a Persian page has no dir=rtl on <html>: %.200s", body)
	}
	for _, want := range []string{`rel="canonical" href="/compare?apps=signal,briar&amp;lang=fa"`, `hreflang="en" href="/compare?apps=signal,briar&amp;lang=en"`, `hreflang="x-default" href="/compare?apps=signal,briar"`, `hreflang="zh-Hans"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks the link %s", want)
		}
	}
	// The home page's no-JS form sends every checkbox: its links say the
	// same view in short, and a page with an ignored parameter keeps its
	// address (no canonical link).
	var form strings.Builder
	form.WriteString("/?q=&sort=&view=&require=forward_secrecy")
	for _, a := range compare.ByName(s.cat) {
		form.WriteString("&apps=" + a.ID)
	}
	for _, id := range compare.DefaultCriteria(s.cat, compare.Query{}) {
		form.WriteString("&criteria=" + id)
	}
	home := newRecorderRequest(t, s, form.String(), "").Body.String()
	if want := `rel="canonical" href="/?require=forward_secrecy"`; !strings.Contains(home, want) {
		t.Errorf("the page of the form's whole state lacks %s", want)
	}
	if bad := newRecorderRequest(t, s, "/?sort=nonsense", "").Body.String(); strings.Contains(bad, `rel="canonical"`) {
		t.Error("a page with an ignored parameter has a canonical link")
	}
	// A page with a trailing slash is the same page: one canonical address.
	for p, want := range map[string]string{"/about/": `rel="canonical" href="/about"`, "/app/signal/": `rel="canonical" href="/app/signal"`,
		"/compare/?apps=signal": `rel="canonical" href="/compare?apps=signal"`} {
		if got := newRecorderRequest(t, s, p, "").Body.String(); !strings.Contains(got, want) || strings.Contains(got, `href="`+strings.Split(p, "?")[0]) {
			t.Errorf("GET %s: want %s and no link to the address with its slash", p, want)
		}
	}
	if n := strings.Count(body, `rel="alternate" hreflang=`); n != len(s.cat.Locales)+1 {
		t.Errorf("%d alternates, want one per language and x-default (%d)", n, len(s.cat.Locales)+1)
	}
	// Facts' English notes keep their own direction inside a Persian page,
	// and the messengers' names are isolated in the change log.
	if app := newRecorderRequest(t, s, "/app/signal?lang=fa", "").Body.String(); !strings.Contains(app, `class="note" lang="en" dir="ltr"`) {
		t.Error(`a Persian page's English notes are not marked lang="en" dir="ltr"`)
	}
	if ch := newRecorderRequest(t, s, "/changes?lang=fa", "").Body.String(); !strings.Contains(ch, `<bdi>Signal</bdi>`) {
		t.Error("the change log does not isolate the messengers' names")
	}
	en := newRecorderRequest(t, s, "/", "").Body.String()
	if regexp.MustCompile(`<html[^>]* dir="?rtl`).MatchString(en) {
		t.Error("an English page is right to left")
	}
}
