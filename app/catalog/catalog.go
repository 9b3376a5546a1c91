// Package catalog holds the messenger catalog: the criteria that are compared,
// the presets for threat models and one entry per messenger, each fact with
// its sources, verified date and history. It loads and validates the
// human-edited files of data/ and never imports UI or server code, so it
// builds and tests natively and as WebAssembly.
package catalog

import (
	"encoding/json"
	"strings"
)

// License is the licence of the catalog's data.
const License = "CC-BY-SA-4.0"

// Type is the kind of value a criterion takes.
type Type string

// The criterion types of the data format (docs/data.md).
const (
	Bool   Type = "bool"
	Enum   Type = "enum"
	Set    Type = "set"
	Number Type = "number"
	Date   Type = "date"
	Text   Type = "text"
	Audits Type = "audits"
)

// Types lists every valid criterion type, in documentation order.
var Types = []Type{Bool, Enum, Set, Number, Date, Text, Audits}

// L10n is a text in several languages, keyed by language code.
type L10n map[string]string

// In returns the text in lang, falling back to English.
func (t L10n) In(lang string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	return t["en"]
}

// Has reports whether the text exists in lang itself, not by falling
// back to English.
func (t L10n) Has(lang string) bool { return t[lang] != "" }

// Group is a heading under which criteria are shown.
type Group struct {
	ID    string `json:"id"`
	Label L10n   `json:"label"`
}

// Criterion is one compared property, such as forward_secrecy.
type Criterion struct {
	ID          string          `json:"id"`
	Group       string          `json:"group"`
	Type        Type            `json:"type"`
	Values      []string        `json:"values,omitempty"`
	ValueLabels map[string]L10n `json:"value_labels,omitempty"`
	Good        *bool           `json:"good,omitempty"`
	// UnlimitedAllowed lets a number criterion's cells say "no limit"
	// ("value": null, "unlimited": true), as group_size_limit does.
	UnlimitedAllowed bool `json:"unlimited_allowed,omitempty"`
	// Key marks the criteria the matrix shows when the reader has chosen
	// none: a readable table first, every criterion one click away.
	Key         bool `json:"key,omitempty"`
	Unit        L10n `json:"unit,omitempty"`
	Label       L10n `json:"label"`
	Description L10n `json:"description"`
	// Added is the day the criterion entered the catalog (YYYY-MM-DD).
	// A messenger file may lack a cell for a criterion that has one: the
	// cell is then unknown and pending (NotResearched), so that adding a
	// criterion is its definition and its labels, not an edit of every
	// messenger's file.
	Added string `json:"added,omitempty"`
}

// HasValue reports whether v is one of the criterion's enum or set values.
func (c *Criterion) HasValue(v string) bool {
	for _, x := range c.Values {
		if x == v {
			return true
		}
	}
	return false
}

// ValueLabel returns the display name of an enum or set value in lang.
func (c *Criterion) ValueLabel(v, lang string) string {
	if l := c.ValueLabels[v].In(lang); l != "" {
		return l
	}
	return v
}

// Preset is a named rule set for a threat model.
type Preset struct {
	ID          string `json:"id"`
	Label       L10n   `json:"label"`
	Description L10n   `json:"description,omitempty"`
	Require     string `json:"require"`
	Source      string `json:"source,omitempty"`
	Rationale   L10n   `json:"rationale,omitempty"`
}

// Audit is one independent security review.
type Audit struct {
	Year    int    `json:"year"`
	Auditor string `json:"auditor"`
	Scope   string `json:"scope"`
	URL     string `json:"url"`
}

// Change is an earlier value of a cell and the date it stopped being true.
type Change struct {
	Value   Value    `json:"value"`
	Until   string   `json:"until"`
	Sources []string `json:"sources,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// MarshalJSON writes the change as the data format has it: an unlimited
// value is "value": null with "unlimited": true.
func (c Change) MarshalJSON() ([]byte, error) {
	type plain Change
	return json.Marshal(struct {
		plain
		Unlimited bool `json:"unlimited,omitempty"`
	}{plain(c), c.Value.Unlimited})
}

// Cell is one fact: a messenger's value for a criterion, with its evidence.
type Cell struct {
	Value    Value    `json:"value"`
	Sources  []string `json:"sources"`
	Verified string   `json:"verified"`
	Note     string   `json:"note,omitempty"`
	History  []Change `json:"history,omitempty"`
	// Pending marks a cell the messenger's file lacks, for a criterion
	// added after its research (Criterion.Added): unknown, with the
	// NotResearched note. Only Load sets it; the data's report lists
	// these cells (Catalog.Pending).
	Pending bool `json:"-"`
}

// NotResearched is the note of a pending cell (%s: the day its criterion
// was added).
const NotResearched = "Not researched yet: this criterion was added on %s, after this messenger's facts were collected."

// Pending lists the cells the messenger files lack for criteria added
// later ("app/criterion"), in catalog order: the research still to do.
func (c *Catalog) Pending() []string {
	var out []string
	for i := range c.Apps {
		for j := range c.Criteria {
			if cell := c.Apps[i].Cell(c.Criteria[j].ID); cell != nil && cell.Pending {
				out = append(out, c.Apps[i].ID+"/"+c.Criteria[j].ID)
			}
		}
	}
	return out
}

// MarshalJSON writes the cell as the data format has it: an unlimited
// value is "value": null with "unlimited": true, so that readers of
// /api/catalog.json who only know null see no number.
func (c Cell) MarshalJSON() ([]byte, error) {
	type plain Cell
	return json.Marshal(struct {
		plain
		Unlimited bool `json:"unlimited,omitempty"`
	}{plain(c), c.Value.Unlimited})
}

// Status is a curator's verdict on a messenger from a date on.
type Status struct {
	Curator string `json:"curator"`
	Status  string `json:"status"`
	Since   string `json:"since"`
	Reason  string `json:"reason"`
	Source  string `json:"source"`
}

// Statuses lists the valid Status.Status values.
//
// recommended_with_caveats is a recommendation with reservations (Kuketz'
// "eingeschränkt"); not_recommended is an explicit verdict against the
// messenger, unlike removed, which ends an earlier listing.
var Statuses = []string{"recommended", "recommended_with_caveats", "listed", "not_recommended", "removed"}

// Discontinued marks a messenger whose service has shut down.
type Discontinued struct {
	Date   string `json:"date"`
	Source string `json:"source"`
	Note   string `json:"note,omitempty"`
}

// App is one messenger and its facts.
type App struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	Homepage     string        `json:"homepage"`
	Summary      L10n          `json:"summary"`
	Discontinued *Discontinued `json:"discontinued,omitempty"`
	// Added is the day the messenger entered the catalog, for the change
	// log ("" for catalogs that do not record it).
	Added  string           `json:"added,omitempty"`
	Values map[string]*Cell `json:"values"`
	Status []Status         `json:"status"`
	// Draft marks a messenger still being researched (make new-app writes
	// it): its file is checked like any other, but it is left out of the
	// catalog (Catalog.Drafts names it) until the maintainer removes the
	// flag, so that readers never meet a row of unknowns.
	Draft bool `json:"draft,omitempty"`
}

// Cell returns the app's cell for a criterion, or nil when it has none.
func (a *App) Cell(criterion string) *Cell {
	return a.Values[criterion]
}

// Catalog is the whole data set: what is compared and the messengers.
type Catalog struct {
	Version  string      `json:"version"`
	Updated  string      `json:"updated"`
	License  string      `json:"license"`
	Groups   []Group     `json:"groups"`
	Criteria []Criterion `json:"criteria"`
	Presets  []Preset    `json:"presets"`
	Apps     []App       `json:"apps"`
	Guide    []Question  `json:"guide"`
	// Drafts are the ids of the messengers being researched (App.Draft),
	// checked but not part of Apps.
	Drafts []string `json:"-"`
	// Freshness is nil when the data has no freshness.json.
	Freshness *Freshness `json:"freshness,omitempty"`
	// Locales are the site's languages, English first (see locale.go).
	Locales []Locale `json:"languages"`
	// Abridged marks a catalog whose cells have no notes or sources yet:
	// ReadBinary leaves them out, ReadEvidence adds them.
	Abridged bool `json:"-"`

	criteria map[string]*Criterion
	apps     map[string]*App
	presets  map[string]*Preset
}

// index builds the lookup maps after loading.
func (c *Catalog) index() {
	c.criteria = make(map[string]*Criterion, len(c.Criteria))
	for i := range c.Criteria {
		c.criteria[c.Criteria[i].ID] = &c.Criteria[i]
	}
	c.apps = make(map[string]*App, len(c.Apps))
	for i := range c.Apps {
		c.apps[c.Apps[i].ID] = &c.Apps[i]
	}
	c.presets = make(map[string]*Preset, len(c.Presets))
	for i := range c.Presets {
		c.presets[c.Presets[i].ID] = &c.Presets[i]
	}
}

// Criterion returns the criterion with that id, or nil.
func (c *Catalog) Criterion(id string) *Criterion { return c.criteria[id] }

// App returns the messenger with that id, or nil.
func (c *Catalog) App(id string) *App { return c.apps[id] }

// Preset returns the preset with that id, or nil.
func (c *Catalog) Preset(id string) *Preset { return c.presets[id] }

// Group returns the group with that id, or nil.
func (c *Catalog) Group(id string) *Group {
	for i := range c.Groups {
		if c.Groups[i].ID == id {
			return &c.Groups[i]
		}
	}
	return nil
}

// ValidID reports whether s is a valid id: lowercase a-z, 0-9, '_' and '-'.
func ValidID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) < 0
}

// New builds an indexed catalog from parts already validated, such as a
// synthetic catalog for benchmarks. Load is the way to read data files.
func New(groups []Group, criteria []Criterion, presets []Preset, apps []App) *Catalog {
	c := &Catalog{License: License, Groups: groups, Criteria: criteria, Presets: presets, Apps: apps}
	c.index()
	return c
}
