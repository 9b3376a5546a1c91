package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// markReady tells automated checks that the WebAssembly app has booted and
// rendered (contract §6), and installs the link click guard.
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
