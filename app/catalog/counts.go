package catalog

import (
	"slices"
	"strings"

	"msgcompare/app/plural"
)

// uiCounts are the messages of ui.json that carry a count, written in ICU
// MessageFormat's plural syntax rather than as printf formats, so that
// every language says each number as its grammar wants:
//
//	"audits": "{count, plural, one {# audit} other {# audits}}, latest {latest}"
//
// Each lists the arguments the code passes, in order, by the names the
// messages use: name:d a number (which a plural may count, and which shows
// in the language's digits), name:s a text. Weblate and Crowdin show the
// branches one by one (docs/translating.md).
var uiCounts = map[string]string{
	"count":                      "shown:d total:d",
	"score":                      "met:d total:d",
	"audits":                     "count:d latest:d",
	"show_all_criteria":          "count:d",
	"guide_option":               "count:d",
	"more_full":                  "count:d",
	"guide_rule":                 "count:d",
	"verdict_all":                "count:d",
	"verdict_some":               "met:d total:d missing:s",
	"notice_cut":                 "count:d",
	"notice_too_many":            "count:d",
	"notice_too_many_conditions": "max:d left:d",
	"notice_more":                "count:d",
}

// UnitArg is the argument of a number criterion's unit
// (criterion.<id>.unit in catalog.json), a count message too: the number
// with its unit, "{count, plural, one {# member} other {# members}}".
const UnitArg = "count"

// MessageArgs says whether key is a message of ui.json that carries a
// count (an ICU message) and, if so, the names of its arguments in the
// order the code passes them.
func MessageArgs(key string) ([]string, bool) {
	spec, ok := uiCounts[key]
	if !ok {
		return nil, false
	}
	var names []string
	for _, a := range strings.Fields(spec) {
		name, _, _ := strings.Cut(a, ":")
		names = append(names, name)
	}
	return names, true
}

// countMessage is the key of a count message in a file (ui.json's
// uiCounts, catalog.json's units) and, if so, its arguments as listed.
func countMessage(key string, catalogTexts bool) (string, bool) {
	if catalogTexts {
		return UnitArg + ":d", strings.HasPrefix(key, "criterion.") && strings.HasSuffix(key, ".unit")
	}
	spec, ok := uiCounts[key]
	return spec, ok
}

// checkCount reports a count message s of a language that needs the
// plural categories needs (plural.Rules.Needs) that does not read: one that does not parse, whose arguments
// are not the ones listed in spec (every one of them, no other), that
// counts a text, or whose plural lacks a branch the language needs.
func checkCount(r report, key, s, spec string, needs []string) {
	m, err := plural.Parse(s)
	if err != nil {
		r.add(key, "%v; see docs/translating.md", err)
		return
	}
	var want, numbers []string
	for _, a := range strings.Fields(spec) {
		name, kind, _ := strings.Cut(a, ":")
		want = append(want, name)
		if kind == "d" {
			numbers = append(numbers, name)
		}
	}
	slices.Sort(want)
	if got := m.Args(); !slices.Equal(got, want) {
		hint := ""
		if len(placeholders(s)) > 0 {
			hint = " (a count message names its arguments: {count}, not %d)"
		}
		r.add(key, "expected the arguments %s, got %s%s", braces(want), braces(got), hint)
		return
	}
	for _, p := range m.Plurals() {
		if !slices.Contains(numbers, p.Arg) {
			r.add(key, "expected a plural of a number, got {%s, plural, …}: %s is a text", p.Arg, p.Arg)
			return
		}
	}
	if lack := m.Missing(needs); lack != nil {
		r.add(key, "expected a branch for each plural category the language needs (%s), got none for %s; see docs/translating.md",
			strings.Join(needs, ", "), strings.Join(lack, "; "))
	}
}

// braces writes argument names as a message writes them: {count} {year},
// or (none).
func braces(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	return "{" + strings.Join(names, "} {") + "}"
}
