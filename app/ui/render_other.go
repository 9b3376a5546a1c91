//go:build !js

package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The server's side of render_js.go: the prerendered page works without
// the app, and is what the app starts from.

// showChoices is true: the prerendered page has every checkbox, which
// works without the app.
func (h *Home) showChoices(string) bool { return true }

// setChecked writes the attribute only when on: a prerendered
// checked="false" would read as checked.
func setChecked(in app.HTMLInput, on bool) app.HTMLInput {
	if on {
		in = in.Checked(true)
	}
	return in
}

// bootFailedView is the quiet notice web/boot.js shows when the
// interactive version cannot load (offline without a cache, a policy that
// forbids WebAssembly): the page still works as forms and links.
func bootFailedView(lang locale) app.UI {
	return app.P().Class("notice boot-failed").ID("boot-failed").Hidden(true).Attr("role", "status").Text(t(lang, msgBootFailed))
}

// today is the build's date (Config.Today), or else the server's clock.
func today(build string) string {
	if build != "" {
		return build
	}
	return time.Now().Format(time.DateOnly)
}

// serverAttr escapes what go-app's prerenderer leaves open: it writes
// attribute values with strconv.Quote, so a double quote in a value would
// end the attribute ("\"" is not an HTML escape) and let the rest of the
// value become markup. HTML entities pass through strconv.Quote untouched.
var serverAttr = strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", `\`, "&#92;")

// escapeAttr writes s for go-app's prerenderer, as attr says.
func escapeAttr(s string) string {
	s = serverAttr.Replace(s)
	if !strings.ContainsFunc(s, unprintable) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unprintable(r) {
			b.WriteString("&#x" + strconv.FormatInt(int64(r), 16) + ";")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unprintable reports the characters strconv.Quote writes as escapes.
func unprintable(r rune) bool { return r >= 0x80 && !strconv.IsPrint(r) }
