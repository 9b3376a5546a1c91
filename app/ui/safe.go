package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// serverAttr escapes what go-app's prerenderer leaves open: it writes
// attribute values with strconv.Quote, so a double quote in a value would
// end the attribute ("\"" is not an HTML escape) and let the rest of the
// value become markup. HTML entities pass through strconv.Quote untouched.
var serverAttr = strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", `\`, "&#92;")

// attr makes text safe as an attribute value of the page's body. In the
// browser, go-app sets attributes through the DOM, where any text is safe
// as it is. On the server, what strconv.Quote would write as a Go escape
// is written as an HTML one instead: quotes and backslashes, and the
// characters it does not print (a soft hyphen, a direction mark), which it
// would write as \u00ad. Control characters (C0 and C1) become spaces. The head's
// values (SetTitle, SetDescription) need none of this: the server rewrites
// go-app's head escaped (internal/server's fixDocument), so they are set
// as plain text.
func attr(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || 0x7f <= r && r <= 0x9f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	if !app.IsServer {
		return s
	}
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
