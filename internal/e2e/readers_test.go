package e2e

import (
	"fmt"
	"testing"
)

// readerPage is an address a reader reaches by using the site (choosing
// messengers, a preset, answering the guide, opening a fact, following a
// shared link), in one language and theme. The route list of
// TestAccessibility and TestNuHTMLChecker shows each page in its plain
// state; these are the states readers actually look at.
type readerPage struct {
	path  string
	lang  string
	theme a11yTheme
	phone bool // on a 390 x 844 phone instead of a 1280 x 800 desktop
}

func (p readerPage) String() string {
	s := p.path + " in " + p.theme.String() + ", " + p.lang
	if p.phone {
		s += " (phone)"
	}
	return s
}

// url is the page's address with its language and theme.
func (p readerPage) url() string {
	path, hash := p.path, ""
	for i := range path {
		if path[i] == '#' {
			path, hash = path[:i], path[i:]
			break
		}
	}
	return withParams(path, "theme="+p.theme.param+"&lang="+p.lang) + hash
}

// readerPages are the addresses readers reach, a few per language rather
// than every one in every language (that would add minutes to make test):
// each kind of state (messengers chosen, differences only, a preset, the
// guide answered with and without a full match, search, the filters open,
// a fact opened on a messenger's page and in the widget, the widget with
// its options, the change log filtered) is seen at least once, and the
// right-to-left, Cyrillic and Chinese texts each on several of them.
var readerPages = []readerPage{
	{path: "/compare?apps=signal,briar", lang: "en", theme: a11yTheme{"auto", "light"}},
	{path: "/compare?apps=signal,briar,simplex,threema&diff=1", lang: "fa", theme: a11yTheme{"dark", "light"}},
	{path: "/compare?apps=signal,molly,session&diff=1", lang: "ru", theme: a11yTheme{"contrast", "light"}, phone: true},
	{path: "/compare?apps=whatsapp,telegram,signal,wickr", lang: "zh-Hans", theme: a11yTheme{"auto", "dark"}},
	{path: "/?preset=pg-minimum", lang: "zh-Hans", theme: a11yTheme{"light", "light"}},
	{path: "/?preset=no-internet&view=cards", lang: "ru", theme: a11yTheme{"auto", "light"}, phone: true},
	{path: "/?preset=tor&diff=1&sort=-score", lang: "fa", theme: a11yTheme{"contrast", "light"}},
	{path: "/?guide=no-phone:yes,devices:ios", lang: "fa", theme: a11yTheme{"auto", "light"}, phone: true},
	{path: "/?guide=offline:yes,group-video:yes,devices:windows", lang: "ru", theme: a11yTheme{"dark", "light"}},
	{path: "/?guide=where:cn,censored:yes", lang: "zh-Hans", theme: a11yTheme{"contrast", "light"}, phone: true},
	{path: "/?guide=metadata:yes&q=signal&filters=1", lang: "en", theme: a11yTheme{"auto", "dark"}, phone: true},
	{path: "/?criteria=all&require=!phone_number_required,audits>=1", lang: "de", theme: a11yTheme{"light", "light"}},
	{path: "/app/signal#phone_number_required", lang: "fa", theme: a11yTheme{"auto", "light"}, phone: true},
	{path: "/app/briar#offline_mesh", lang: "ru", theme: a11yTheme{"contrast", "light"}},
	{path: "/app/wickr", lang: "zh-Hans", theme: a11yTheme{"dark", "light"}},
	{path: "/embed?apps=signal,briar&fact=briar/forward_secrecy", lang: "en", theme: a11yTheme{"auto", "light"}},
	{path: "/embed?preset=pg-best&rows=6&show=filters,whynot&accent=0a7d55&font=serif", lang: "fa", theme: a11yTheme{"dark", "light"}},
	{path: "/embed?apps=signal,simplex,threema&diff=1&show=none&bg=transparent", lang: "zh-Hans", theme: a11yTheme{"light", "light"}, phone: true},
	{path: "/embed?require=!phone_number_required&view=cards", lang: "ru", theme: a11yTheme{"contrast", "light"}},
	{path: "/changes?apps=signal,briar", lang: "fa", theme: a11yTheme{"auto", "dark"}},
	{path: "/changes?criteria=phone_number_required", lang: "ru", theme: a11yTheme{"light", "light"}},
	{path: "/about", lang: "zh-Hans", theme: a11yTheme{"contrast", "light"}, phone: true},
}

// TestAccessibilityWhereReadersAre runs axe-core (WCAG 2.0 to 2.2 A and
// AA, and best practice) on readerPages, and checks <html lang> as
// TestAccessibility does.
func TestAccessibilityWhereReadersAre(t *testing.T) {
	t.Parallel()
	src := axeSource(t)
	needBrowser(t)
	ts := startServe(t)
	tally := &axeTally{}
	const perTab = a11yPerTab
	for i := 0; i < len(readerPages); i += perTab {
		group := readerPages[i:min(i+perTab, len(readerPages))]
		t.Run(fmt.Sprintf("group %d", i/perTab+1), func(t *testing.T) {
			var desk, phone *browser
			for _, p := range group {
				b := &desk
				w, h, device := 1280, 800, ""
				if p.phone {
					b, w, h, device = &phone, 390, 844, "phone"
				}
				if *b == nil {
					*b = newBrowser(t, w, h)
				}
				t.Run(p.String(), func(t *testing.T) {
					checkURL(t, *b, src, ts.URL, p.url(), p.lang, p.theme, device, tally)
				})
			}
			for _, b := range []*browser{desk, phone} {
				if b != nil {
					b.checkClean(t, ts.URL)
				}
			}
		})
	}
	if len(tally.rules) > 0 {
		t.Logf("violations:\n%s", tally.report())
	}
}
