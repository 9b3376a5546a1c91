//go:build js

package plural

import "syscall/js"

// rules is the browser's Intl.PluralRules for a language: the CLDR data
// the browser already has (Node's full ICU under make test-wasm), so the
// wasm carries no tables of its own.
type rules struct{ pr js.Value }

func newRules(lang string) rules {
	return rules{js.Global().Get("Intl").Get("PluralRules").New(lang)}
}

func (r rules) selectInt(n int) string {
	return r.pr.Call("select", n).String()
}
