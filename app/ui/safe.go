package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// serverAttr escapes what go-app's prerenderer leaves open: it writes
// attribute values with strconv.Quote, so a double quote in a value would
// end the attribute ("\"" is not an HTML escape) and let the rest of the
// value become markup. HTML entities pass through strconv.Quote untouched.
var serverAttr = strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", `\`, "&#92;")

// attr makes text safe as an attribute value. In the browser, go-app sets
// attributes through the DOM, where any text is safe as it is.
func attr(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if app.IsServer {
		return serverAttr.Replace(s)
	}
	return s
}
