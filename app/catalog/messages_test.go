package catalog

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"msgcompare/app/plural"
	"msgcompare/data"
)

// TestMessagesMatchTheCode: the messages Load holds English to are the
// ones app/ui names (its msg constants), every status and condition has
// its message, and no message is listed twice.
func TestMessagesMatchTheCode(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "ui", "i18n.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	var prefixes []string
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
				named[k] = true
			}
		}
		return true
	})
	if len(named) < 100 {
		t.Fatalf("found %d message keys in app/ui/i18n.go: the parse is wrong", len(named))
	}
	for k := range named {
		if _, ok := uiMessage(k); !ok {
			t.Errorf("app/ui names message %q, which app/catalog/messages.go does not list", k)
		}
	}
	for _, s := range Statuses {
		named["status_"+s] = true
	}
	for _, c := range ConditionCodes {
		if _, ok := uiFormats["notice_"+c]; !ok {
			t.Errorf("condition code %q has no message notice_%s in uiFormats", c, c)
		}
	}
	listed := slices.Clone(uiTexts)
	for k := range uiFormats {
		listed = append(listed, k)
	}
	for k := range uiCounts {
		listed = append(listed, k)
	}
	slices.Sort(listed)
	for i, k := range listed {
		if i > 0 && listed[i-1] == k {
			t.Errorf("message %q is listed twice", k)
		}
		used := named[k] || k == MsgLangName || k == MsgLangDir || k == MsgDigits || k == MsgCalendar
		for _, p := range prefixes {
			used = used || strings.HasPrefix(k, p)
		}
		if !used {
			t.Errorf("app/catalog/messages.go lists %q, which app/ui does not use", k)
		}
	}
}

// TestVerbsIgnoreWhatIsNoPlaceholder: only %s, %d and their indexed forms
// are placeholders; %% and a % before anything else are not.
func TestVerbsIgnoreWhatIsNoPlaceholder(t *testing.T) {
	for s, want := range map[string]string{
		"%d of %d":      "1:d 2:d",
		"%[2]d / %[1]d": "1:d 2:d",
		"100%% of %s":   "1:s",
		"50 % des %s":   "1:s",
		"100%":          "",
		"%5d":           "",
		"%[0]d":         "",
	} {
		if got := strings.Join(Verbs(s), " "); got != want {
			t.Errorf("Verbs(%q) = %q, want %q", s, got, want)
		}
	}
}

// argsFor is arguments of the types a message's placeholders take.
func argsFor(want string) []any {
	var args []any
	for _, v := range Verbs(want) {
		if strings.HasSuffix(v, ":d") {
			args = append(args, 7)
		} else {
			args = append(args, "x")
		}
	}
	return args
}

// TestNoMessagePrintsAFormatError formats every message of the real data
// the way the program does, with arguments of the types it passes: none
// may print Go's %!(EXTRA …), %!(NOVERB) or %!x(MISSING).
func TestNoMessagePrintsAFormatError(t *testing.T) {
	cat, err := Load(data.FS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range cat.Locales {
		for k, want := range uiFormats {
			s, ok := loc.Messages[k]
			if !ok {
				continue // the English text shows
			}
			if out := fmt.Sprintf(s, argsFor(want)...); strings.Contains(out, "%!") {
				t.Errorf("%s %s prints %q", loc.Code, k, out)
			}
		}
	}
}

// TestCountMessagesRead formats every count message of the real data in
// every language for the counts 0 to 30, as the program does: each reads
// with its numbers and texts, no brace, # or placeholder left, and in the
// language's own words (a plural that falls back to English's would have
// been refused by Load). A message a partial translation lacks is read
// as the program reads it: English's text by English's rules (the English
// locale's turn checks those).
func TestCountMessagesRead(t *testing.T) {
	cat, err := Load(data.FS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range cat.Locales {
		rules := plural.For(loc.Code)
		msgs := map[string]string{}
		for k := range uiCounts {
			if s, ok := loc.Messages[k]; ok {
				msgs[k] = s
			}
		}
		for _, cr := range cat.Criteria {
			if cr.Unit.Has(loc.Code) {
				msgs["criterion."+cr.ID+".unit"] = cr.Unit[loc.Code]
			}
		}
		for k, s := range msgs {
			if s == "" {
				t.Errorf("%s %s: no text", loc.Code, k)
				continue
			}
			spec, _ := countMessage(k, strings.HasSuffix(k, ".unit"))
			for n := 0; n <= 30; n++ {
				args := map[string]plural.Value{}
				for _, a := range strings.Fields(spec) {
					name, kind, _ := strings.Cut(a, ":")
					args[name] = plural.Text("X")
					if kind == "d" {
						args[name] = plural.Num(n, "N"+strconv.Itoa(n))
					}
				}
				out := plural.Format(s, rules, args)
				if strings.ContainsAny(out, "{}#") || len(placeholders(out)) > 0 {
					t.Errorf("%s %s with %d reads %q", loc.Code, k, n, out)
				}
				if !strings.Contains(out, "N"+strconv.Itoa(n)) && !strings.Contains(s, "=") && rules.Select(n) != plural.One {
					t.Errorf("%s %s with %d reads %q: without the number", loc.Code, k, n, out)
				}
			}
		}
	}
}

// FuzzTranslation puts arbitrary text in a message with placeholders, one
// the code formats without any, and one shown as written: what Load
// accepts reads as the translator wrote it, never with a format error.
func FuzzTranslation(f *testing.F) {
	for _, s := range []string{"%d von %d", "100%", "100%%", "%[2]d / %[1]d (50 %%)", "50 % des", "%d%", "%!d(MISSING)", "%%!(NOVERB)", "%[1]d %d"} {
		f.Add(s)
	}
	base := validFS(f)
	var de map[string]string
	json.Unmarshal(base["locales/de/ui.json"].Data, &de)
	var none []any // as a notice without arguments is formatted
	cases := []struct {
		key  string
		read func(msg, s string) (got, want string)
	}{
		{"choose_apps", func(msg, s string) (string, string) { return fmt.Sprintf(msg, 3, 30), render(s, 3, 30) }},
		{"notice_no_app", func(msg, s string) (string, string) { return fmt.Sprintf(msg, none...), s }},
		{"title", func(msg, s string) (string, string) { return msg, s }},
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // json.Marshal would write U+FFFD
		}
		for _, tt := range cases {
			fsys := maps.Clone(base)
			texts := maps.Clone(de)
			texts[tt.key] = s
			b, _ := json.Marshal(texts)
			fsys["locales/de/ui.json"] = &fstest.MapFile{Data: b}
			cat, err := Load(fsys, Options{})
			if err != nil {
				continue
			}
			msg, ok := cat.Locale("de").Messages[tt.key]
			if !ok {
				continue // empty: the English text shows
			}
			if got, want := tt.read(msg, s); got != want {
				t.Errorf("%s %q reads %q, want %q", tt.key, s, got, want)
			}
		}
	})
}

// render reads a message with placeholders as a translator does: %% is a
// percent sign, a placeholder its argument.
func render(s string, args ...int) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if strings.HasPrefix(s[i:], "%%") {
			b.WriteByte('%')
			i++
			continue
		}
		m := placeholder.FindStringSubmatch(s[i:])
		if m[1] != "" {
			n, _ = strconv.Atoi(m[1])
		} else {
			n++
		}
		b.WriteString(strconv.Itoa(args[n-1]))
		i += len(m[0]) - 1
	}
	return b.String()
}
