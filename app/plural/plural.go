// Package plural writes the messages that carry a count the way each
// language says them: ICU MessageFormat's plural syntax inside a message,
//
//	{count, plural, one {# audit} other {# audits}}
//
// which Weblate and Crowdin read and edit branch by branch, with the
// branches chosen by CLDR's plural rules. The rules come from a maintained
// library, never from this code: golang.org/x/text on the server and in
// native tests (rules_other.go), and the browser's own CLDR data through
// Intl.PluralRules in the WebAssembly program (rules_js.go), so that the
// wasm carries no tables. TestRulesMatchCLDR holds both to the same
// categories.
package plural

import "slices"

// The CLDR plural categories, in CLDR's order. Every language has other;
// the others are the ones its rules name (Russian: one, few, many).
const (
	Zero  = "zero"
	One   = "one"
	Two   = "two"
	Few   = "few"
	Many  = "many"
	Other = "other"
)

// categories are the six category keywords, in CLDR's order.
var categories = [...]string{Zero, One, Two, Few, Many, Other}

// Rules is the cardinal plural rule of one language.
type Rules struct{ r rules }

// For returns the plural rule of the language with BCP 47 tag lang
// (en, pt-BR, zh-Hans); a language the library does not know has
// only other.
func For(lang string) Rules { return Rules{newRules(lang)} }

// Select returns the category of the whole number n: "one" for 1 in
// English, "few" for 22 in Russian.
func (r Rules) Select(n int) string {
	if n < 0 {
		n = -n
	}
	return r.r.selectInt(n)
}

// everyday is how far Needs looks: the counts a page shows (messengers,
// criteria, conditions, characters) stay far below it, and every
// language's categories for whole numbers recur within it except those
// for the millions (French, Spanish and Portuguese say "de" after a
// million: many, in newer CLDR).
const everyday = 1000

// Needs lists the categories the language gives whole numbers from 0 to
// 1000, in CLDR's order, with other always: the branches a message in
// the language must have (English: one, other; Russian: one, few, many,
// other; Chinese: other).
func (r Rules) Needs() []string {
	seen := map[string]bool{Other: true}
	for n := 0; n <= everyday; n++ {
		seen[r.Select(n)] = true
	}
	var out []string
	for _, c := range categories {
		if seen[c] {
			out = append(out, c)
		}
	}
	return out
}

// categoryList is the keywords for error messages.
const categoryList = "zero, one, two, few, many, other"

// isCategory says whether s is one of CLDR's six keywords.
func isCategory(s string) bool { return slices.Contains(categories[:], s) }
