package catalog

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// validDate reports whether s is a real calendar date written YYYY-MM-DD.
func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// validURL reports whether s is an absolute http or https URL with a host.
func validURL(s string) bool {
	if strings.TrimSpace(s) != s || strings.ContainsAny(s, " \t\n\r\"<>\\`") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// checkDate reports a bad or future date in field.
func (r report) checkDate(field, s, today string) bool {
	switch {
	case !validDate(s):
		r.add(field, "expected a date \"YYYY-MM-DD\", got %q", s)
		return false
	case today != "" && s > today:
		r.add(field, "date %s is in the future (today is %s)", s, today)
		return false
	}
	return true
}

// checkURLs reports sources that are not http(s) URLs, and a missing list
// when one is required.
func (r report) checkURLs(field string, urls []string, required bool) {
	if required && len(urls) == 0 {
		r.add(field, "expected at least one source URL")
	}
	for i, u := range urls {
		if !validURL(u) {
			r.add(indexed(field, i), "expected an http(s) URL, got %q", u)
		}
	}
}

// checkL10n reports missing languages in a translated text.
func (r report) checkL10n(field string, t L10n, langs ...string) {
	for _, lang := range langs {
		if strings.TrimSpace(t[lang]) == "" {
			r.add(field+"."+lang, "expected a non-empty text in language %q", lang)
		}
	}
	for lang := range t {
		if !ValidID(lang) || len(lang) > 8 {
			r.add(field+"."+lang, "expected a language code like \"en\" or \"de\"")
		}
	}
}

func indexed(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}

// checkID reports an invalid id and one already seen among the kind's
// ids, and records it as seen.
func (r report) checkID(field, kind, id string, seen map[string]bool) {
	switch {
	case !ValidID(id):
		r.add(field, "expected an id of a-z, 0-9, _ and -, got %q", id)
	case seen[id]:
		r.add(field, "duplicate %s id %q", kind, id)
	}
	seen[id] = true
}
