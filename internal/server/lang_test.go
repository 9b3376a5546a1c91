package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestPreferredLang(t *testing.T) {
	tests := []struct{ header, want string }{
		{"", ""},
		{"de", "de"},
		{"de-CH, de;q=0.9, en;q=0.8", "de"},
		{"en-US,en;q=0.9,de;q=0.8", "en"},
		{"fr-FR, fr;q=0.9, de;q=0.5", "de"},
		{"fr", ""},
		{"de;q=0.2, en;q=0.3", "en"},
		{"de;q=abc, en;q=0.1", "en"},
		{"*", ""},
		{"DE-at", "de"},
	}
	for _, tt := range tests {
		if got := preferredLang(tt.header, []string{"en", "de"}); got != tt.want {
			t.Errorf("preferredLang(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func FuzzPreferredLang(f *testing.F) {
	f.Add("de-CH, de;q=0.9, en;q=0.8")
	f.Add(strings.Repeat("de;q=0.1,", 100))
	f.Fuzz(func(t *testing.T, h string) {
		if got := preferredLang(h, []string{"en", "de"}); got != "" && got != "en" && got != "de" {
			t.Fatalf("preferredLang(%q) = %q", h, got)
		}
	})
}

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
