//go:build js

package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// matrixDOM is what a page keeps of its matrix in the browser: the last
// neutral HTML, which depends only on the columns, the candidates, the
// layout and the language (so most renders reuse it instead of writing a
// quarter megabyte again), and every row of the rendered table, attached
// or not, so that patchMatrix can take rows out of the DOM and put them
// back; with the order of the attached rows and the score each shows, so
// that it touches only the rows that change.
type matrixDOM struct {
	key, html string
	tbody     app.Value
	byID      map[string]app.Value
	order     []string             // the ids of the attached rows, in DOM order
	bars      map[string]*scoreBar // each row's score, found once
}

// scoreBar is a row's at-a-glance score in the DOM and what it shows:
// conditions met, of total (0: hidden).
type scoreBar struct {
	wrap, meter, text app.Value
	met, total        int
}

// markup is the matrix's HTML in the browser: the neutral one, with every
// candidate row (matrixHTML), written again only when its key changes.
func (m *matrixDOM) markup(cat *catalog.Catalog, s *state) string {
	var k strings.Builder
	for _, cr := range s.result.Criteria {
		k.WriteString(cr.ID + ",")
	}
	linked := keep(s.query)
	if s.embedded {
		linked = s.query // the widget's fact links carry all of it
		linked.Widget.Fact = ""
	}
	k.WriteString("|" + strings.Join(s.query.Apps, ",") + "|" + s.query.View + "|" + s.lang.code + "|" + linked.Encode() + "|" + cat.Version)
	if key := k.String(); key != m.key {
		m.key, m.html = key, matrixHTML(cat, s, true)
	}
	return m.html
}

// patchMatrix puts the kept rows in the DOM, in order and with their
// scores, and takes the excluded ones out (docs/contract.md §6: not in
// the DOM), in the browser, after a render. Each DOM call from WebAssembly costs,
// and moving a row makes the browser lay the table out again, so it
// leaves in place the longest run of rows already in order (a longest
// increasing subsequence), moves only the others and rewrites a score
// only where it changed.
func patchMatrix(s *state) {
	wrap := app.Window().Get("document").Call("getElementById", "matrix")
	if !wrap.Truthy() {
		return
	}
	tbody := wrap.Call("querySelector", "tbody")
	m := &s.matrix
	if m.tbody == nil || !m.tbody.Equal(tbody) {
		// A new table (its columns changed): it holds every candidate
		// row, in catalog order, with hidden scores.
		m.tbody, m.byID, m.order, m.bars = tbody, map[string]app.Value{}, nil, map[string]*scoreBar{}
		list := tbody.Get("rows")
		for i := 0; i < list.Length(); i++ {
			r := list.Index(i)
			id := r.Get("dataset").Get("app").String()
			m.byID[id], m.order = r, append(m.order, id)
		}
	}
	wrap.Set("hidden", len(s.result.Kept) == 0)
	want := make([]string, 0, len(s.result.Kept))
	kept := make(map[string]bool, len(s.result.Kept))
	for _, k := range s.result.Kept {
		if _, ok := m.byID[k.App.ID]; ok {
			want, kept[k.App.ID] = append(want, k.App.ID), true
		}
	}
	pos := make(map[string]int, len(m.order))
	for _, id := range m.order {
		if kept[id] {
			pos[id] = len(pos)
		} else {
			m.byID[id].Call("remove")
		}
	}
	stay := inOrder(want, pos)
	var next any // insertBefore(row, null) appends
	for i := len(want) - 1; i >= 0; i-- {
		r := m.byID[want[i]]
		if !stay[want[i]] {
			tbody.Call("insertBefore", r, next)
		}
		next = r
	}
	m.order = want
	total := len(s.result.Conditions)
	for _, k := range s.result.Kept {
		r, ok := m.byID[k.App.ID]
		if !ok {
			continue
		}
		met := k.Score
		if total == 0 {
			met = 0
		}
		bar := m.bars[k.App.ID]
		if bar == nil {
			sc := r.Call("querySelector", ".score")
			bar = &scoreBar{wrap: sc, meter: sc.Call("querySelector", "meter"), text: sc.Call("querySelector", ".score-text")}
			m.bars[k.App.ID] = bar
		} else if bar.met == met && bar.total == total {
			continue
		}
		bar.met, bar.total = met, total
		bar.wrap.Set("hidden", total == 0)
		if total > 0 {
			bar.meter.Set("max", total)
			bar.meter.Set("value", met)
			bar.meter.Call("setAttribute", "aria-label", fmtMsg(s.lang, msgScore, met, total))
			bar.text.Set("textContent", s.lang.num(met)+"/"+s.lang.num(total))
		}
	}
}
