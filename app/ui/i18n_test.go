package ui

import (
	"strings"
	"testing"
)

// TestMessagesComplete checks that every UI string exists in every
// language with the same format verbs, so that no reader meets a missing
// or garbled text.
func TestMessagesComplete(t *testing.T) {
	en := messages["en"]
	for lang, msgs := range messages {
		for key, want := range en {
			got, ok := msgs[key]
			if !ok || strings.TrimSpace(got) == "" {
				t.Errorf("%s: message %q is missing", lang, key)
				continue
			}
			if verbs(got) != verbs(want) {
				t.Errorf("%s: message %q has verbs %q, English has %q", lang, key, verbs(got), verbs(want))
			}
		}
		for key := range msgs {
			if _, ok := en[key]; !ok {
				t.Errorf("%s: message %q is not in English", lang, key)
			}
		}
	}
	for _, l := range []string{"en", "de"} {
		if len(aboutParagraphs[l]) == 0 {
			t.Errorf("no about text in %s", l)
		}
	}
}

func verbs(s string) string {
	var v []string
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			v = append(v, s[i:i+2])
			i++
		}
	}
	return strings.Join(v, "")
}

func TestFormatDate(t *testing.T) {
	tests := []struct{ in, lang, want string }{
		{"2026-11-25", "en", "2026-11-25"},
		{"2026-11-25", "de", "25.11.2026"},
		{"bad", "de", "bad"},
	}
	for _, tt := range tests {
		if got := formatDate(tt.in, tt.lang); got != tt.want {
			t.Errorf("formatDate(%q, %q) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
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
