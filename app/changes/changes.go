// Package changes is the catalog's change log: every dated change the data
// records, extracted from the cells' history, the curators' status lists
// and the discontinued marks. It is pure Go (no go-app, no net/http), so
// the /changes page, the Atom feed, /api/changes.json and their tests all
// read the same list.
//
// Messengers "added" are not in the log: the data does not say when a
// messenger entered the catalog (that is in the repository's history, not
// in the files), and the earliest dated fact of a messenger (a history
// entry, a curator's first listing) dates an event of the messenger, not
// its addition here. An entry claiming otherwise would be a guess.
package changes

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"

	"msgcompare/app/catalog"
)

// Kind is what changed.
type Kind string

// The kinds of change the data records.
const (
	// Value is a fact that changed: a cell's history entry ended.
	Value Kind = "value"
	// Status is a curator's new verdict (listed, recommended, removed).
	Status Kind = "status"
	// Discontinued is a messenger whose service shut down.
	Discontinued Kind = "discontinued"
	// Added is a messenger that entered the catalog (App.Added).
	Added Kind = "added"
)

// Change is one dated change. For a Value change, From is the value that
// stopped being true on Date and To the one that followed (the next
// history entry's, or the cell's current value); for a Status change,
// From and To are the curator's previous and new status (From nil for
// the curator's first verdict); for Discontinued and Added, false and true
// (an Added change's source is the messenger's homepage).
type Change struct {
	ID        string   `json:"id"`
	Kind      Kind     `json:"kind"`
	Date      string   `json:"date"`
	App       string   `json:"app"`
	Criterion string   `json:"criterion,omitempty"`
	Curator   string   `json:"curator,omitempty"`
	From      any      `json:"from"`
	To        any      `json:"to"`
	Note      string   `json:"note,omitempty"`
	Sources   []string `json:"sources"`

	// FromValue and ToValue are From and To typed, for Value changes.
	FromValue catalog.Value `json:"-"`
	ToValue   catalog.Value `json:"-"`
}

// Extract returns every dated change of cat, newest first. Changes of the
// same day are ordered by messenger id, then value changes in the order of
// the criteria, then status changes and discontinuations, so that the
// order is the same on every build.
func Extract(cat *catalog.Catalog) []Change {
	order := make(map[string]int, len(cat.Criteria))
	for i, cr := range cat.Criteria {
		order[cr.ID] = i
	}
	var out []Change
	for i := range cat.Apps {
		a := &cat.Apps[i]
		for _, cr := range cat.Criteria {
			cell := a.Cell(cr.ID)
			if cell == nil {
				continue
			}
			for j, h := range cell.History {
				to := cell.Value
				if j+1 < len(cell.History) {
					to = cell.History[j+1].Value
				}
				out = append(out, Change{
					Kind: Value, Date: h.Until, App: a.ID, Criterion: cr.ID,
					FromValue: h.Value, ToValue: to, From: h.Value, To: to,
					Note: h.Note, Sources: nonNil(h.Sources),
				})
			}
		}
		last := map[string]string{}
		for _, s := range a.Status {
			var from any // null: the curator's first verdict
			if prev, ok := last[s.Curator]; ok {
				from = prev
			}
			out = append(out, Change{
				Kind: Status, Date: s.Since, App: a.ID, Curator: s.Curator,
				From: from, To: s.Status, Note: s.Reason, Sources: source(s.Source),
			})
			last[s.Curator] = s.Status
		}
		if a.Added != "" {
			out = append(out, Change{
				Kind: Added, Date: a.Added, App: a.ID,
				From: false, To: true, Sources: []string{a.Homepage},
			})
		}
		if d := a.Discontinued; d != nil {
			out = append(out, Change{
				Kind: Discontinued, Date: d.Date, App: a.ID,
				From: false, To: true, Note: d.Note, Sources: []string{d.Source},
			})
		}
	}
	for i := range out {
		out[i].ID = id(&out[i])
	}
	kindOrder := map[Kind]int{Value: 0, Status: 1, Discontinued: 2, Added: 3}
	slices.SortStableFunc(out, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(b.Date, a.Date),
			cmp.Compare(a.App, b.App),
			cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]),
			cmp.Compare(order[a.Criterion], order[b.Criterion]),
			cmp.Compare(a.ID, b.ID),
		)
	})
	return out
}

// id is a change's stable id: a hash of what identifies it (kind,
// messenger, criterion or curator, date, and the value or status it
// replaced), not of its position, its note or its sources, so that a
// corrected note or an added source keeps the id, and the same change has
// the same id in every release.
func id(c *Change) string {
	old, _ := json.Marshal(c.From)
	h := sha256.New()
	for _, part := range []string{string(c.Kind), c.App, c.Criterion + c.Curator, c.Date, string(old)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Filter keeps the changes of the given messengers and criteria; an empty
// list keeps all. A criterion filter keeps only value changes: status
// changes and discontinuations concern no criterion.
func Filter(list []Change, apps, criteria []string) []Change {
	if len(apps) == 0 && len(criteria) == 0 {
		return list
	}
	var out []Change
	for _, c := range list {
		if len(apps) > 0 && !slices.Contains(apps, c.App) {
			continue
		}
		if len(criteria) > 0 && (c.Kind != Value || !slices.Contains(criteria, c.Criterion)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// source is a change's one source as a list; none while the catalog has
// no sources yet (catalog.Abridged).
func source(u string) []string {
	if u == "" {
		return []string{}
	}
	return []string{u}
}
