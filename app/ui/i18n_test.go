package ui

import (
	"strings"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

// TestFormatDate: dates read in the reader's language, in its digits.
func TestFormatDate(t *testing.T) {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, lang, want string }{
		{"2026-11-25", "en", "Nov 25, 2026"},
		{"2026-11-25", "de", "25. Nov. 2026"},
		{"bad", "de", "bad"},
		{"2026-13-01", "en", "2026-13-01"},
	}
	for _, tt := range tests {
		if got := formatDate(tt.in, localeOf(cat, tt.lang)); got != tt.want {
			t.Errorf("formatDate(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

// TestDigits: a language that writes other digits gets them in numbers and
// in every %d of its messages, and English gets 0-9.
func TestDigits(t *testing.T) {
	fa := locale{code: "fa", digits: []rune("۰۱۲۳۴۵۶۷۸۹"), msgs: map[string]string{"n": "%[2]d از %[1]d"}}
	if got := fmtMsg(fa, "n", 3, 45); got != "۴۵ از ۳" {
		t.Errorf("fmtMsg in fa = %q", got)
	}
	if got := fa.num(2026); got != "۲۰۲۶" {
		t.Errorf("num in fa = %q", got)
	}
	en := locale{code: "en", msgs: map[string]string{"n": "%d of %d"}}
	if got := fmtMsg(en, "n", 3, 45); got != "3 of 45" {
		t.Errorf("fmtMsg in en = %q", got)
	}
}

func TestToggleID(t *testing.T) {
	all := []string{"a", "b", "c"}
	tests := []struct {
		shown []string
		id    string
		want  string
	}{
		{nil, "b", "a,c"},
		{[]string{"a"}, "b", "a,b"},
		{[]string{"a", "b"}, "c", ""}, // all again: back to the empty list
		{[]string{"a", "b"}, "a", "b"},
	}
	for _, tt := range tests {
		if got := strings.Join(toggleID(tt.shown, all, tt.id), ","); got != tt.want {
			t.Errorf("toggleID(%v, %q) = %q, want %q", tt.shown, tt.id, got, tt.want)
		}
	}
}

func TestAttrNeverLetsAValueEndItsAttribute(t *testing.T) {
	for _, in := range []string{`" autofocus onfocus="alert(1)`, `\" x`, "a\x00b", `&quot;`} {
		got := attr(in)
		if strings.ContainsAny(got, "\"\\\x00") {
			t.Errorf("attr(%q) = %q still holds a quote, backslash or control character", in, got)
		}
	}
}
