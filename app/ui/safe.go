package ui

import "strings"

// attr makes text safe as an attribute value of the page's body. In the
// browser, go-app sets attributes through the DOM, where any text is safe
// as it is. On the server (escapeAttr), what strconv.Quote would write as a Go escape
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
	return escapeAttr(s)
}
