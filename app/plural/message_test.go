package plural

import (
	"strings"
	"testing"
)

// TestFormat formats messages of each language for the numbers whose
// forms differ.
func TestFormat(t *testing.T) {
	const (
		en = "{count, plural, one {# audit} other {# audits}}, latest {year}"
		fr = "{count, plural, one {# audit} other {# audits}}, le dernier en {year}"
		ru = "{count, plural, one {# аудит} few {# аудита} many {# аудитов} other {# аудита}}, последний — в {year}"
		zh = "{count, plural, other {# 次审计}}，最近一次在 {year} 年"
		fa = "{count, plural, one {# ممیزی} other {# ممیزی}}، آخرین در {year}"
	)
	tests := []struct {
		lang, msg string
		n         int
		want      string
	}{
		{"en", en, 0, "0 audits, latest 2024"},
		{"en", en, 1, "1 audit, latest 2024"},
		{"en", en, 2, "2 audits, latest 2024"},
		{"en", en, 21, "21 audits, latest 2024"},
		{"de", "{count, plural, one {# Audit} other {# Audits}}", 1, "1 Audit"},
		{"de", "{count, plural, one {# Audit} other {# Audits}}", 5, "5 Audits"},
		{"fr", fr, 0, "0 audit, le dernier en 2024"},
		{"fr", fr, 1, "1 audit, le dernier en 2024"},
		{"fr", fr, 2, "2 audits, le dernier en 2024"},
		{"es", "{count, plural, one {# auditoría} other {# auditorías}}", 1, "1 auditoría"},
		{"es", "{count, plural, one {# auditoría} other {# auditorías}}", 0, "0 auditorías"},
		{"pt-BR", "{count, plural, one {# auditoria} other {# auditorias}}", 0, "0 auditoria"},
		{"pt-BR", "{count, plural, one {# auditoria} other {# auditorias}}", 2, "2 auditorias"},
		{"ru", ru, 1, "1 аудит, последний — в 2024"},
		{"ru", ru, 2, "2 аудита, последний — в 2024"},
		{"ru", ru, 5, "5 аудитов, последний — в 2024"},
		{"ru", ru, 11, "11 аудитов, последний — в 2024"},
		{"ru", ru, 21, "21 аудит, последний — в 2024"},
		{"ru", ru, 22, "22 аудита, последний — в 2024"},
		{"ru", ru, 25, "25 аудитов, последний — в 2024"},
		{"ru", ru, 101, "101 аудит, последний — в 2024"},
		{"fa", fa, 0, "0 ممیزی، آخرین در 2024"},
		{"zh-Hans", zh, 1, "1 次审计，最近一次在 2024 年"},
		{"en", "{n, plural, =0 {no audit} one {# audit} other {# audits}}", 0, "no audit"},
		{"en", "{n, plural, =0 {no audit} one {# audit} other {# audits}}", 1, "1 audit"},
		{"en", "Meets {met} of your {n, plural, one {# need} other {# needs}}", 3, "Meets 2 of your 3 needs"},
		{"en", "{n, plural, one {one: {met, plural, one {# met} other {# met}}} other {#}}", 1, "one: 2 met"},
		{"en", "'{n}' is {n}; it''s # '#'", 4, "{n} is 4; it's # '#'"},
		{"fr", "{n, plural, one {l'audit '#'#} other {les # audits}}", 1, "l'audit #1"},
	}
	for _, tt := range tests {
		args := map[string]Value{"count": Num(tt.n, itoa(tt.n)), "n": Num(tt.n, itoa(tt.n)), "year": Num(2024, "2024"), "met": Num(2, "2")}
		if got := Format(tt.msg, For(tt.lang), args); got != tt.want {
			t.Errorf("%s %q with %d:\n got %q\nwant %q", tt.lang, tt.msg, tt.n, got, tt.want)
		}
	}
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		if n /= 10; n == 0 {
			return s
		}
	}
}

// TestFormatWritesTheGivenDigits writes # and {name} as the caller wrote
// the number: Persian's digits.
func TestFormatWritesTheGivenDigits(t *testing.T) {
	got := Format("{n, plural, one {# ممیزی} other {# ممیزی}} ({n})", For("fa"), map[string]Value{"n": Num(12, "۱۲")})
	if want := "۱۲ ممیزی (۱۲)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestFormatShowsAMissingArgument leaves {name} for an argument the
// caller does not give, which the tests of real messages look for.
func TestFormatShowsAMissingArgument(t *testing.T) {
	if got := Format("{a} and {b, plural, other {#}}", For("en"), nil); got != "{a} and {b}" {
		t.Errorf("got %q", got)
	}
}

// TestParseErrors names what was expected and where.
func TestParseErrors(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"{count, plural, one {# audit}}", `expected an "other" branch in "{count, plural, …}"`},
		{"{count, plural, one {# audit} other {# audits}", `expected "}" to close "{count, plural, …"`},
		{"{count, plural, one {# audit} other {# audits", `expected "}" to close the branch "other"`},
		{"{count, plural, single {#} other {#}}", `expected a category (zero, one, two, few, many, other) or =N, got "single"`},
		{"{count, plural, = {#} other {#}}", `expected a category (zero, one, two, few, many, other) or =N, got "="`},
		{"{count, plural, one {#} one {#} other {#}}", `expected the branch "one" of "{count, plural, …}" once`},
		{"{count, select, one {#} other {#}}", `expected "plural" after "{count," (the only kind of argument here), got "select"`},
		{"{count plural}", `expected "}" or ", plural," after "{count"`},
		{"{count, plural one {#} other {#}}", `expected "," after "{count, plural"`},
		{"{count, plural, one # other {#}}", `expected "{" and the text of the branch "one"`},
		{"{}", `expected an argument's name after "{"`},
		{"50 } off", `expected no "}" here without its "{"`},
		{"'{unclosed", `expected an apostrophe to close the quote`},
		{"{count, plural, offset:1 one {#} other {#}}", `expected a category (zero, one, two, few, many, other) or =N, got "offset"`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.msg)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want an error with %q", tt.msg, err, tt.want)
		}
	}
	_, err := Parse("Un texte assez long avant {count, plural, one {#} autre {#}}")
	if err == nil || !strings.Contains(err.Error(), `(at character 51: "…al, one {#} autre {#}}")`) {
		t.Errorf("error %v: want the place, as character 51 and the text around it", err)
	}
}

// TestArgsAndPlurals lists what a message uses, for Load's checks.
func TestArgsAndPlurals(t *testing.T) {
	m, err := Parse("Meets {met} of your {total, plural, one {# need} other {# needs; {missing}}}")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(m.Args(), " "); got != "met missing total" {
		t.Errorf("Args = %q", got)
	}
	pl := m.Plurals()
	if len(pl) != 1 || pl[0].Arg != "total" || strings.Join(pl[0].Keys, " ") != "one other" {
		t.Errorf("Plurals = %v", pl)
	}
	if got := m.Missing(For("ru").Needs()); len(got) != 1 || got[0] != "total: few, many" {
		t.Errorf("Missing(ru) = %q, want [total: few, many]", got)
	}
	if got := m.Missing(For("zh-Hans").Needs()); got != nil {
		t.Errorf("Missing(zh-Hans) = %q, want none", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"{n, plural, one {# a} other {# b}}", "'{'", "{a}", "x } y", "{n, plural, =0 {{m, plural, other {#}}} other {}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Parse(s)
		if err != nil {
			return
		}
		m.Format(For("ru"), map[string]Value{"n": Num(3, "3")})
	})
}
