package compare

import (
	"slices"
	"strings"
	"testing"
)

func TestWidgetOptionsRoundTrip(t *testing.T) {
	cat := testCatalog(t)
	for _, tc := range []struct {
		name, raw, want string
		notices         int
	}{
		{"defaults leave no trace", "rows=3&show=filters,whynot&font=system&bg=theme", "", 0},
		{"an open fact keeps its slash", "fact=alpha/forward_secrecy", "fact=alpha/forward_secrecy", 0},
		{"an accent is lower-case, six digits, without #", "accent=%23ABC", "accent=aabbcc", 0},
		{"parts come in their own order", "show=whynot,filters,whynot", "", 0},
		{"one part", "show=whynot", "show=whynot", 0},
		{"no part", "show=none", "show=none", 0},
		{"none beside a part, as a form sends it", "show=none,whynot", "show=whynot", 0},
		{"none beside every part", "show=none,filters,whynot", "", 0},
		{"rows and more", "rows=5&more=1", "rows=5&more=1", 0},
		{"font and background", "font=serif&bg=transparent", "bg=transparent&font=serif", 0},
		{"rows out of range", "rows=0", "", 1},
		{"rows too many", "rows=13", "", 1},
		{"rows not a number", "rows=x", "", 1},
		{"a colour that is not hex", "accent=red", "", 1},
		{"markup in a colour", "accent=%22%3E%3Cscript%3E", "", 1},
		{"an unknown part", "show=ads", "", 1},
		{"an unknown font", "font=comic", "", 1},
		{"a fact of no messenger", "fact=nobody/forward_secrecy", "", 1},
		{"a fact of no criterion", "fact=alpha/nothing", "", 1},
		{"a fact without a criterion", "fact=alpha", "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, notices := Decode(tc.raw, cat)
			if got := q.Encode(); got != tc.want {
				t.Errorf("Decode(%q).Encode() = %q, want %q", tc.raw, got, tc.want)
			}
			if len(notices) != tc.notices {
				t.Errorf("Decode(%q) gave %d notices (%v), want %d", tc.raw, len(notices), notices, tc.notices)
			}
			for _, n := range notices {
				if strings.ContainsAny(n.Value, "<>") && !strings.Contains(tc.raw, "%3C") {
					t.Errorf("notice %v", n)
				}
			}
		})
	}
}

func TestWidgetParts(t *testing.T) {
	for _, tc := range []struct {
		show          []string
		filters, whyN bool
	}{
		{nil, true, true},
		{[]string{}, false, false},
		{[]string{PartWhyNot}, false, true},
	} {
		w := Widget{Show: tc.show}
		if w.Shows(PartFilters) != tc.filters || w.Shows(PartWhyNot) != tc.whyN {
			t.Errorf("Widget{Show: %v} shows filters %v, why-not %v", tc.show, w.Shows(PartFilters), w.Shows(PartWhyNot))
		}
	}
	if got := (Widget{}).RowLimit(); got != DefaultRows {
		t.Errorf("the default row limit is %d, want %d", got, DefaultRows)
	}
	if got := (Widget{Rows: 5, More: true}).RowLimit(); got != 0 {
		t.Errorf("with more=1 the limit is %d, want none", got)
	}
	if !slices.Contains(Fonts, "system") {
		t.Error("the system font is not a choice")
	}
}
