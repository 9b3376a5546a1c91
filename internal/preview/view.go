package preview

import (
	"strings"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
	"msgcompare/app/ui"
)

// Limits of what a picture shows, so that it reads at half its size (600
// × 315, as link previews show it): the rest is counted ("+26 more").
const (
	maxColumns  = 4 // messengers of a table
	maxRows     = 5 // criteria of a table
	maxPicks    = 4 // messengers of a shortlist
	maxAppFacts = 8 // facts of a messenger's page
)

// kind is the layout of a picture.
type kind int

const (
	kindCard      kind = iota // a title, a line and the catalog's size
	kindTable                 // messengers by criteria
	kindShortlist             // the guide's ranked picks and their verdicts
	kindApp                   // one messenger's key facts
)

// view is what a page shows, reduced to what its picture draws: every
// text is already in the page's language.
type view struct {
	kind     kind
	words    ui.Words
	title    string
	subtitle string
	apps     []*catalog.App
	criteria []*catalog.Criterion
	more     int // messengers the page shows beyond apps
	picks    []pick
	oldest   string // the earliest and latest verification of the facts shown
	newest   string
}

type pick struct {
	name, verdict string
}

// newView computes what the page at path shows for the query, with the
// code the page uses (compare.Decode, Apply and Guide), in language lang.
// The query is cleaned as the page cleans it: what it ignores, the
// picture ignores, and no text of it is drawn.
func newView(cat *catalog.Catalog, path, lang, rawQuery string) *view {
	q, _ := compare.Decode(rawQuery, cat)
	w := ui.WordsIn(cat, lang)
	v := &view{words: w, kind: kindCard, title: w.Headline(), subtitle: w.Tagline()}
	switch {
	case path == "/" && len(q.Guide) > 0:
		v.shortlist(cat, q)
	case path == "/" || path == "/embed":
		v.table(cat, q, compare.Apply(cat, q))
		if p := cat.Preset(q.Preset); p != nil {
			v.subtitle = p.Label.In(lang)
		}
	case path == "/compare":
		v.title = w.SideBySide()
		if len(q.Apps) > ui.MaxCompare {
			q.Apps = q.Apps[:ui.MaxCompare]
		}
		if len(q.Apps) < 2 {
			v.subtitle = w.Msg("pick_two")
			v.cardApps(cat)
			break
		}
		v.table(cat, q, compare.Apply(cat, q))
		v.subtitle = w.List(v.names(v.apps))
	case strings.HasPrefix(path, "/app/"):
		if a := cat.App(strings.TrimPrefix(path, "/app/")); a != nil {
			v.app(cat, a, lang)
		}
	case path == "/changes":
		v.title = w.Changes()
		v.cardApps(cat)
	case path == "/about":
		v.title = w.About()
		v.cardApps(cat)
	case path == "/embed/builder":
		v.title = w.Builder()
		v.cardApps(cat)
	case path == "/curators":
		v.title = w.Msg("curators_title")
		v.cardApps(cat)
	}
	return v
}

func names(apps []*catalog.App) []string {
	out := make([]string, len(apps))
	for i, a := range apps {
		out[i] = a.Name
	}
	return out
}

// names are the messengers' names for a list in the view's language: in
// a right-to-left language each ends with a left-to-right mark (a closing
// parenthesis stays the name's) and a right-to-left one, so that a list
// of Latin names reads from the right ("WhatsApp ،Briar ،Signal") instead
// of running together as one left-to-right phrase.
func (v *view) names(apps []*catalog.App) []string {
	out := names(apps)
	if v.words.RTL() {
		for i := range out {
			out[i] += "\u200e\u200f"
		}
	}
	return out
}

// table is the messengers the query keeps, in the page's order, by the
// criteria the page shows first (the key ones unless the reader chose).
func (v *view) table(cat *catalog.Catalog, q compare.Query, res compare.Result) {
	v.kind = kindTable
	for i, r := range res.Kept {
		if i == maxColumns {
			v.more = len(res.Kept) - maxColumns
			break
		}
		v.apps = append(v.apps, r.App)
	}
	ids := q.Criteria
	if len(ids) == 0 {
		ids = compare.DefaultCriteria(cat, compare.Query{})
	}
	for _, id := range ids {
		cr := cat.Criterion(id)
		if cr == nil || q.Diff && len(v.apps) > 1 && sameEverywhere(v.apps, id) {
			continue
		}
		v.criteria = append(v.criteria, cr)
		if len(v.criteria) == maxRows {
			break
		}
	}
	v.dates(v.apps, v.criteria)
	if len(v.apps) == 0 {
		v.kind = kindCard
		v.subtitle = v.words.Msg("none_kept")
	} else {
		v.subtitle = v.words.Msg("count", len(res.Kept), len(cat.Apps))
	}
}

func sameEverywhere(apps []*catalog.App, criterion string) bool {
	key := func(a *catalog.App) string {
		if c := a.Cell(criterion); c != nil {
			return c.Value.String()
		}
		return ""
	}
	for _, a := range apps[1:] {
		if key(a) != key(apps[0]) {
			return false
		}
	}
	return true
}

// shortlist is the guide's answer: the first picks with their verdicts.
func (v *view) shortlist(cat *catalog.Catalog, q compare.Query) {
	v.kind = kindShortlist
	v.title = v.words.Shortlist()
	sl := compare.Guide(cat, q)
	var needs []string
	for _, n := range sl.Needs {
		needs = append(needs, n.Answer.Label.In(v.words.Lang()))
	}
	v.subtitle = v.words.List(needs)
	var apps []*catalog.App
	for i, p := range sl.Picks {
		if i == maxPicks {
			v.more = len(sl.Picks) - maxPicks + sl.More
			break
		}
		v.picks = append(v.picks, pick{name: p.App.Name, verdict: v.words.Verdict(p, len(sl.Needs))})
		apps = append(apps, p.App)
	}
	v.apps = apps
	if v.more > 0 {
		v.subtitle += " — " + v.words.Picture("more", v.more)
	}
	var crs []*catalog.Criterion
	for _, n := range sl.Needs {
		for _, c := range n.Conditions {
			if cr := cat.Criterion(c.Criterion); cr != nil {
				crs = append(crs, cr)
			}
		}
	}
	v.dates(apps, crs)
}

// app is a messenger's page: its name, its summary and its key facts.
func (v *view) app(cat *catalog.Catalog, a *catalog.App, lang string) {
	v.kind = kindApp
	v.title = a.Name
	v.subtitle = a.Summary.In(lang)
	if a.Discontinued != nil {
		v.subtitle = v.words.Discontinued() + " — " + v.subtitle
	}
	v.apps = []*catalog.App{a}
	for _, id := range compare.DefaultCriteria(cat, compare.Query{}) {
		if len(v.criteria) == maxAppFacts {
			break
		}
		v.criteria = append(v.criteria, cat.Criterion(id))
	}
	v.dates(v.apps, v.criteria)
}

// cardApps lists the catalog's messengers by name under a card's title.
func (v *view) cardApps(cat *catalog.Catalog) {
	all := compare.ByName(cat)
	n := min(len(all), 8)
	v.apps = all[:n]
	v.more = len(all) - n
	v.criteria = nil
	v.dates(all, nil)
	if v.subtitle == v.words.Tagline() || v.subtitle == "" {
		v.subtitle = v.words.Tagline()
	}
}

// dates finds the earliest and latest verification of the facts shown
// (every fact of the messengers when no criterion is).
func (v *view) dates(apps []*catalog.App, crs []*catalog.Criterion) {
	see := func(c *catalog.Cell) {
		if c == nil || c.Verified == "" {
			return
		}
		if v.oldest == "" || c.Verified < v.oldest {
			v.oldest = c.Verified
		}
		if c.Verified > v.newest {
			v.newest = c.Verified
		}
	}
	for _, a := range apps {
		if len(crs) == 0 {
			for _, c := range a.Values {
				see(c)
			}
			continue
		}
		for _, cr := range crs {
			see(a.Cell(cr.ID))
		}
	}
}

// checked says when the facts shown were verified.
func (v *view) checked() string {
	switch {
	case v.oldest == "":
		return ""
	case v.oldest == v.newest:
		return v.words.Verified(v.oldest)
	}
	return v.words.Picture("checked", v.words.Date(v.oldest), v.words.Date(v.newest))
}

// alt describes the picture in the page's language, for og:image:alt.
func (v *view) alt() string {
	shown := v.names(v.apps)
	if v.more > 0 {
		shown = append(shown, v.words.Picture("more", v.more))
	}
	s := v.words.Picture("alt", v.title, v.words.List(shown))
	if c := v.checked(); c != "" {
		s += " " + c + "."
	}
	return s
}
