package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"msgcompare/app/compare"
)

// preferredLang picks the supported language the reader ranks highest in
// an Accept-Language header ("de-CH, de;q=0.9, en;q=0.8"), or "" when
// none of them is supported.
func preferredLang(header string, supported []string) string {
	best, bestQ := "", 0.0
	for i, part := range strings.Split(header, ",") {
		if i > 32 {
			break // a header this long is not a reader's
		}
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		for _, s := range supported {
			if base == s && q > bestQ {
				best, bestQ = s, q
			}
		}
	}
	return best
}

// withLang returns r's URL as the page should be prerendered: when the
// address names no language, the reader's Accept-Language chooses one. The
// second result says whether the header mattered (the response then
// varies by it).
func withLang(r *http.Request) (*url.URL, bool) {
	u := *r.URL
	q := u.Query()
	if q.Has("lang") {
		return &u, false
	}
	if lang := preferredLang(r.Header.Get("Accept-Language"), compare.Langs); lang != "" && lang != "en" {
		if u.RawQuery != "" {
			u.RawQuery += "&"
		}
		u.RawQuery += "lang=" + lang
	}
	return &u, true
}
