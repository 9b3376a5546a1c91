package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
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
		{"2026-12-02", "fa", "۱۱ آذر ۱۴۰۵"},
		{"2024-03-20", "fa", "۱ فروردین ۱۴۰۳"},
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

// TestMessageKeys: every message key the code names exists in English,
// and every English message is named by the code (or by a prefix the
// code completes, such as month_), so that no text is blank and none is
// dead weight for translators.
func TestMessageKeys(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "i18n.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys, prefixes []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || !strings.HasPrefix(vs.Names[0].Name, "msg") || len(vs.Values) != 1 {
			return true
		}
		if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			k, _ := strconv.Unquote(lit.Value)
			if strings.HasSuffix(k, "_") {
				prefixes = append(prefixes, k)
			} else {
				keys = append(keys, k)
			}
		}
		return true
	})
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "locales", "en", "ui.json"))
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := json.Unmarshal(b, &en); err != nil {
		t.Fatal(err)
	}
	if len(keys) < 100 {
		t.Fatalf("found %d message keys in i18n.go: the parse is wrong", len(keys))
	}
	named := map[string]bool{catalog.MsgLangName: true, catalog.MsgLangDir: true, catalog.MsgDigits: true, catalog.MsgCalendar: true}
	for _, k := range keys {
		named[k] = true
		if _, ok := en[k]; !ok {
			t.Errorf("message %q is not in data/locales/en/ui.json", k)
		}
	}
	for k := range en {
		used := named[k] || strings.HasPrefix(k, "status_") // status_<curator status>
		for _, p := range prefixes {
			used = used || strings.HasPrefix(k, p)
		}
		if !used {
			t.Errorf("data/locales/en/ui.json has %q, which no code uses", k)
		}
	}
}

// TestFormattingLeavesItsArgumentsAlone: a notice's arguments are formatted
// at every render; formatting must not rewrite them (they would be isolated
// again and again in a right-to-left page, and lose their type).
func TestFormattingLeavesItsArgumentsAlone(t *testing.T) {
	fa := locale{code: "fa", dir: "rtl", digits: []rune("۰۱۲۳۴۵۶۷۸۹"), msgs: map[string]string{"n": "%s: %d"}}
	args := []any{"Signal", 4}
	first := fmtMsg(fa, "n", args...)
	if again := fmtMsg(fa, "n", args...); again != first {
		t.Errorf("the second formatting gives %q, the first %q", again, first)
	}
	if args[0] != "Signal" || args[1] != 4 {
		t.Errorf("formatting changed its arguments to %v", args)
	}
}

// TestCountsReadInEachLanguage formats the real messages that carry a
// count as the pages do: each language's plural form of the number, in
// its digits, and a text not translated yet by English's rules.
func TestCountsReadInEachLanguage(t *testing.T) {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	group := cat.Criterion("group_size_limit")
	tests := []struct {
		lang string
		got  func(l locale) string
		want string
	}{
		{"en", func(l locale) string { return fmtMsg(l, msgAudits, 1, 2016) }, "1 audit, in 2016"},
		{"en", func(l locale) string { return fmtMsg(l, msgAudits, 3, 2024) }, "3 audits, latest 2024"},
		{"en", func(l locale) string { return fmtMsg(l, msgVerdictAll, 2) }, "Meets all 2 of your needs."},
		{"en", func(l locale) string { return fmtMsg(l, msgMoreFull, 1) }, "1 more meets all your needs."},
		{"en", func(l locale) string { return l.unit(group, 1) }, "1 member"},
		{"de", func(l locale) string { return fmtMsg(l, msgScore, 1, 1) }, "1 von 1 Anforderung erfüllt"},
		{"fr", func(l locale) string { return fmtMsg(l, msgCount, 0, 30) }, "0 messagerie affichée sur 30."},
		{"fr", func(l locale) string { return fmtMsg(l, msgMoreFull, 14) }, "14 autres messageries répondent à tous vos besoins."},
		{"fr", func(l locale) string { return fmtMsg(l, msgVerdictAll, 1) }, "Répond à votre besoin."},
		{"ru", func(l locale) string { return fmtMsg(l, msgMoreFull, 1) }, "Ещё 1 мессенджер выполняет все ваши требования."},
		{"ru", func(l locale) string { return fmtMsg(l, msgMoreFull, 22) }, "Ещё 22 мессенджера выполняют все ваши требования."},
		{"ru", func(l locale) string { return fmtMsg(l, msgMoreFull, 25) }, "Ещё 25 мессенджеров выполняют все ваши требования."},
		{"ru", func(l locale) string { return fmtMsg(l, msgVerdictAll, 21) }, "Выполняет все 21 ваше требование."},
		{"ru", func(l locale) string { return l.unit(group, 1000) }, "1000 участников"},
		{"ru", func(l locale) string { return l.unit(group, 1001) }, "1001 участник"},
		{"ru", func(l locale) string { return l.unit(group, 1024) }, "1024 участника"},
		{"fa", func(l locale) string { return fmtMsg(l, msgAudits, 2, 2023) }, "۲ ممیزی، آخرین در ۲۰۲۳"},
		{"fa", func(l locale) string { return fmtMsg(l, msgVerdictSome, 1, 2, "Signal") }, "۱ مورد از ۲ نیاز شما را برآورده می\u200cکند؛ کمبودها: \u2068Signal\u2069."},
		{"zh-Hans", func(l locale) string { return l.unit(group, 200000) }, "200000 人"},
	}
	for _, tt := range tests {
		if got := tt.got(localeOf(cat, tt.lang)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}

	// German without the text: English's, by English's rules.
	de := localeOf(cat, "de")
	de.msgs = map[string]string{}
	if got, want := fmtMsg(de, msgAudits, 1, 2016), "1 audit, in 2016"; got != want {
		t.Errorf("de without the text: %q, want %q", got, want)
	}
}
