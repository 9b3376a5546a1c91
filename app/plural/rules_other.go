//go:build !js

package plural

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// rules is x/text's cardinal rule for a language: CLDR's tables, compiled
// into the server (a language falls back to its parent: pt-BR to pt,
// zh-Hans to zh).
type rules struct{ tag language.Tag }

func newRules(lang string) rules { return rules{language.Make(lang)} }

// forms names x/text's forms by their CLDR keywords.
var forms = [...]string{
	plural.Other: Other,
	plural.Zero:  Zero,
	plural.One:   One,
	plural.Two:   Two,
	plural.Few:   Few,
	plural.Many:  Many,
}

func (r rules) selectInt(n int) string {
	// A whole number: n itself, no visible fraction digits.
	return forms[plural.Cardinal.MatchPlural(r.tag, n, 0, 0, 0, 0)]
}
