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
	if !app.IsClient {
		return
	}
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
// 0 ms), after the current one has ended and the page could paint; on the
// server, at once.
func nextTask(f func()) {
	if !app.IsClient {
		f()
		return
	}
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

// fetchEvidence returns the facts' notes and sources
// (catalog.EncodeEvidence), through the loader as FetchLanguage does.
func fetchEvidence() ([]byte, error) {
	return fetchPack("msgcompareFetchEvidence")
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

// refusedError is a fetch through the loader that the site answered
// with an error status (the loader's error carries it as status), as
// opposed to one that got no answer.
type refusedError struct {
	status int
	err    error
}

func (e *refusedError) Error() string { return e.err.Error() }

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
