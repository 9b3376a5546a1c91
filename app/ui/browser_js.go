//go:build js

package ui

import (
	"errors"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// markReady tells automated checks that the WebAssembly app has booted and
// rendered (docs/contract.md §6), and installs the link click guard.
func markReady() {
	installClickGuard()
	win := app.Window()
	if win.Get("document").Get("documentElement").Get("dataset").Get("wasm").String() == "ready" {
		return
	}
	if perf := win.Get("performance"); perf.Truthy() && perf.Get("mark").Truthy() {
		perf.Call("mark", "msgcompare:ready")
	}
	win.Get("document").Get("documentElement").Get("dataset").Set("wasm", "ready")
}

// installClickGuard wraps go-app's global link handler, which turns every
// link click into in-app navigation: links that open a new tab or leave
// the site go to the browser (which honours rel="noopener"), and clicks a
// component already handled are left alone.
func installClickGuard() {
	win := app.Window()
	// The flag lives on the page's window, not in Go: every page calls
	// markReady when it mounts, and the guard must wrap go-app's handler once.
	if win.Get("msgcompareClickGuard").Truthy() {
		return
	}
	win.Set("msgcompareClickGuard", true)
	goapp := win.Get("onclick")
	if !goapp.Truthy() {
		return
	}
	origin := win.Get("location").Get("origin").String()
	doc := win.Get("document").Get("documentElement")
	win.Set("onclick", app.FuncOf(func(this app.Value, args []app.Value) any {
		ev := args[0]
		if ev.Get("defaultPrevented").Bool() {
			return nil
		}
		if t := ev.Get("target"); t.Truthy() && t.Get("closest").Truthy() {
			a := t.Call("closest", "a")
			if a.Truthy() && (a.Get("target").String() == "_blank" || a.Get("origin").String() != origin) {
				return nil
			}
			// A link to the page in another language loads that page: the
			// app carries the texts of the language it started in only.
			if a.Truthy() && a.Get("hreflang").String() != "" && a.Get("hreflang").String() != doc.Get("lang").String() {
				return nil
			}
		}
		goapp.Call("call", win, ev)
		return nil
	}))
}

// nextTask runs f in a later task of the browser's event loop (a timer of
// 0 ms), after the current one has ended and the page could paint.
func nextTask(f func()) {
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		f()
		return nil
	})
	app.Window().Call("setTimeout", cb, 0)
}

// whenIdle runs f once the browser has nothing else to do
// (requestIdleCallback, within two seconds), or after a second where the
// browser cannot tell.
func whenIdle(f func()) {
	var cb app.Func
	cb = app.FuncOf(func(app.Value, []app.Value) any {
		cb.Release()
		f()
		return nil
	})
	win := app.Window()
	if win.Get("requestIdleCallback").Truthy() {
		win.Call("requestIdleCallback", cb, map[string]any{"timeout": 2000})
	} else {
		win.Call("setTimeout", cb, 1000)
	}
}

// Yield returns after the browser has run its event loop once: the Go
// program waits on a timer callback, and while it waits the page's thread
// is free.
func Yield() {
	done := make(chan struct{})
	nextTask(func() { close(done) })
	<-done
}

// BootLang is the language the app's first page renders in, by the rule
// every page follows (pageLang), from a catalog of the languages only
// (catalog.ReadLanguages): the address's lang=, read as compare.Decode
// reads it, else the browser's languages. cmd/wasm fetches its pack
// before it decodes the catalog.
func BootLang(langs *catalog.Catalog) string {
	v, _ := url.ParseQuery(strings.TrimPrefix(app.Window().Get("location").Get("search").String(), "?"))
	return pageLang(langs, compare.Query{Lang: langs.MatchLang(v.Get("lang"))})
}

// FetchLanguage returns the pack of language code (catalog.EncodeLanguage),
// through the loader (web/boot.js), which fetches it from the site, or
// from the service worker's cache offline, and has usually started to
// while the wasm compiled.
func FetchLanguage(code string) ([]byte, error) {
	return fetchPack("msgcompareFetchLang", code)
}

// fetchPack calls the loader's function fn, which returns a promise of
// an ArrayBuffer, and copies the bytes into Go.
func fetchPack(fn string, args ...any) ([]byte, error) {
	fetch := app.Window().Get(fn)
	if !fetch.Truthy() {
		return nil, errors.New("the loader has no " + fn)
	}
	buf, err := await(fetch.Invoke(args...))
	if err != nil {
		return nil, err
	}
	u8 := app.Window().Get("Uint8Array").New(buf)
	b := make([]byte, u8.Length())
	app.CopyBytesToGo(b, u8)
	return b, nil
}

// BootFailed leaves the prerendered page as it is, working as forms and
// links, with the loader's quiet notice that the interactive version did
// not load (docs/contract.md §6: data-wasm="failed").
func BootFailed(err error) {
	win := app.Window()
	win.Get("document").Get("documentElement").Get("dataset").Set("wasm", "failed")
	if n := win.Get("document").Call("getElementById", "boot-failed"); n.Truthy() {
		n.Set("hidden", false)
	}
	win.Get("console").Call("warn", "msgcompare: the interactive version did not load; the page works as plain forms.", err.Error())
}

// await waits for a JavaScript promise; the page's thread is free while
// it waits.
func await(p app.Value) (app.Value, error) {
	type result struct {
		v   app.Value
		err error
	}
	done := make(chan result, 1)
	var ok, fail app.Func
	ok = app.FuncOf(func(_ app.Value, args []app.Value) any {
		done <- result{v: args[0]}
		return nil
	})
	fail = app.FuncOf(func(_ app.Value, args []app.Value) any {
		err := errors.New(args[0].Call("toString").String())
		if st := args[0].Get("status"); st.Type() == app.TypeNumber && st.Int() > 0 {
			err = &refusedError{status: st.Int(), err: err}
		}
		done <- result{err: err}
		return nil
	})
	p.Call("then", ok, fail)
	r := <-done
	ok.Release()
	fail.Release()
	return r.v, r.err
}

// focus moves the keyboard focus to the first element matching selector.
func focus(selector string) {
	if el := app.Window().Get("document").Call("querySelector", selector); el.Truthy() {
		el.Call("focus")
	}
}

// postToParent sends one of the two embed messages to the host page. The
// target origin is "*": the messages carry nothing private, and the
// widget cannot know which site embeds it.
func postToParent(msg map[string]any) {
	win := app.Window()
	parent := win.Get("parent")
	if !parent.Truthy() || parent.Equal(win.JSValue()) {
		return
	}
	parent.Call("postMessage", msg, "*")
}

// pushHistory adds address u to the browser's history, as the current
// entry, without loading it.
func pushHistory(u string) {
	app.Window().Get("history").Call("pushState", nil, "", u)
}

// browserLang picks the reader's language from navigator.languages, the
// way the server reads Accept-Language (the server adds lang= to the
// pages it negotiates, so this is for the rest: a static host, a page
// from the offline cache).
func browserLang(cat *catalog.Catalog) string {
	var tags []string
	langs := app.Window().Get("navigator").Get("languages")
	for i := 0; langs.Truthy() && i < langs.Length() && i < 32; i++ {
		tags = append(tags, langs.Index(i).String())
	}
	if l := cat.Prefer(tags); l != "" {
		return l
	}
	return catalog.SourceLang
}

// setDocumentLang puts the page's language and writing direction on the
// document. The server's prerender writes lang only (internal/server adds
// dir).
func setDocumentLang(ctx app.Context, lang locale) {
	ctx.Page().SetLang(lang.code)
	app.Window().Get("document").Get("documentElement").Set("dir", lang.dir)
}
