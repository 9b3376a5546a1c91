package ui

import "msgcompare/app/compare"

// links writes the addresses of a page's links to messengers and their
// facts. On the site they lead to the messenger's page. In the widget,
// whose frame may show nothing but /embed (other pages forbid framing),
// a fact opens in the widget itself and a messenger's page in a new tab,
// so that no link turns the host's frame into an error page; web/boot.js
// passes the new tabs on where the host's sandbox has none (WordPress).
type links struct {
	at   paths
	keep compare.Query  // what carries over to another page
	in   *compare.Query // the widget's own query; nil outside the widget
}

// links returns the links of the page s is the state of.
func (s *state) links() links {
	l := links{at: s.at, keep: keep(s.query)}
	if s.embedded {
		q := s.query
		l.in = &q
	}
	return l
}

// app is the address of messenger id's page.
func (l links) app(id string) string { return l.at.href("/app/"+id, l.keep) }

// fact is the address of a fact's evidence: the widget with the fact
// open, or the messenger's page at the fact.
func (l links) fact(id, criterion string) string {
	if l.in != nil {
		q := *l.in
		q.Widget.Fact = id + "/" + criterion
		return l.at.href("/embed", q)
	}
	return l.app(id) + "#" + criterion
}

// out is what an anchor that leaves the page carries: in the widget, a
// new tab.
func (l links) out() []string {
	if l.in != nil {
		return []string{"target", "_blank", "rel", "noopener"}
	}
	return nil
}

// a is the attributes of a link to href, with out's.
func (l links) a(href string, attrs ...string) []string {
	return append(append([]string{"href", href}, attrs...), l.out()...)
}
