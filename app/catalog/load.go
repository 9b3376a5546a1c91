package catalog

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// Options tune Load.
type Options struct {
	// Dir is the data directory as maintainers see it; it prefixes file
	// names in errors. Default "data".
	Dir string
	// Today, as YYYY-MM-DD, rejects dates after it. Empty skips the check
	// (the browser's clock is not to be trusted for it).
	Today string
	// DatesChecked says the files' dates were already checked against a
	// clock, when the program that embeds them was built (make build
	// writes data/catalog.bin through Load with the build's date; make
	// validate and the data test do the same): Today is then not applied.
	// A server whose clock is a few days behind the build machine's must
	// still start with the catalog it carries, and the catalog's own
	// dates cannot judge it: none is after its newest. Every other check
	// runs.
	DatesChecked bool
}

// The files of the data directory.
const (
	CriteriaFile = "criteria.json"
	PresetsFile  = "presets.json"
	AppsDir      = "apps"
)

// Load reads and validates the catalog in fsys (the layout of data/). It
// returns every problem it finds as Errors, not only the first.
func Load(fsys fs.FS, opt Options) (*Catalog, error) {
	if opt.Dir == "" {
		opt.Dir = "data"
	}
	if opt.DatesChecked {
		opt.Today = ""
	}
	l := loader{fsys: fsys, opt: opt, hash: sha256.New()}
	cat := &Catalog{License: License}
	l.loadLocales(cat)
	l.loadCriteria(cat)
	cat.index()
	l.loadPresets(cat)
	l.loadApps(cat)
	l.loadGuide(cat)
	l.loadFreshness(cat)
	if len(l.errs) == 0 {
		l.checkUnusedTexts()
	}
	cat.index()
	if len(l.errs) > 0 {
		return nil, l.errs
	}
	cat.Version = hex.EncodeToString(l.hash.Sum(nil))[:12]
	cat.Updated = newestVerified(cat)
	return cat, nil
}

type loader struct {
	fsys  fs.FS
	opt   Options
	errs  Errors
	hash  hash.Hash
	texts texts
}

func (l *loader) report(name string) report {
	return report{file: path.Join(l.opt.Dir, name), errs: &l.errs}
}

// read decodes one JSON file strictly into dst, reporting syntax errors with
// their line, unknown fields by name, and what encoding/json would let
// through (checkStrict): duplicate keys and text that is not UTF-8.
func (l *loader) read(name string, dst any) bool {
	r := l.report(name)
	b, ok := l.readFile(name)
	if !ok {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		r.addLine(lineOf(b, syn.Offset), "invalid JSON: %v", syn)
		return false
	}
	checkStrict(r, b)
	if err != nil {
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &typ):
			r.add(typ.Field, "expected %s, got JSON %s", typ.Type, typ.Value)
		default:
			msg := strings.TrimPrefix(err.Error(), "json: ")
			if msg == `unknown field "null_means"` {
				msg += ` (replaced by "unlimited_allowed": true on the criterion and "unlimited": true in the cells; see docs/data.md)`
			}
			r.add("", "%s", msg)
		}
		return false
	}
	if dec.More() {
		r.add("", "unexpected content after the JSON document")
		return false
	}
	return true
}

// readFile reads one data file and adds it to the catalog's version hash.
func (l *loader) readFile(name string) ([]byte, bool) {
	b, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		l.report(name).add("", "cannot read file: %v", errors.Unwrap(err))
		return nil, false
	}
	l.hash.Write([]byte(name))
	l.hash.Write(b)
	return b, true
}

func lineOf(b []byte, offset int64) int {
	if offset > int64(len(b)) {
		offset = int64(len(b))
	}
	return bytes.Count(b[:offset], []byte("\n")) + 1
}

func (l *loader) loadCriteria(cat *Catalog) {
	var file struct {
		Groups   []Group     `json:"groups"`
		Criteria []Criterion `json:"criteria"`
	}
	if !l.read(CriteriaFile, &file) {
		return
	}
	r := l.report(CriteriaFile)
	groups := map[string]bool{}
	for i := range file.Groups {
		g := &file.Groups[i]
		f := indexed("groups", i)
		r.checkID(f+".id", "group", g.ID, groups)
		inlineText(r, f+".label", g.Label, "group."+g.ID)
		g.Label = l.text("group."+g.ID, "the name of group "+g.ID)
	}
	if len(file.Criteria) == 0 {
		r.add("criteria", "expected at least one criterion")
	}
	seen := map[string]bool{}
	for i := range file.Criteria {
		c := &file.Criteria[i]
		f := indexed("criteria", i)
		r.checkID(f+".id", "criterion", c.ID, seen)
		f = "criteria." + c.ID
		if !groups[c.Group] {
			r.add(f+".group", "expected one of the groups' ids, got %q", c.Group)
		}
		checkCriterion(r, f, c)
		if c.Added != "" {
			r.checkDate(f+".added", c.Added, l.opt.Today)
		}
		l.criterionTexts(r, f, c)
	}
	cat.Groups, cat.Criteria = file.Groups, file.Criteria
}

func checkCriterion(r report, f string, c *Criterion) {
	if !slices.Contains(Types, c.Type) {
		r.add(f+".type", "expected one of %s, got %q", quoteList(typeNames()), c.Type)
	}
	listed := c.Type == Enum || c.Type == Set
	switch {
	case listed && len(c.Values) == 0:
		r.add(f+".values", "expected the list of allowed values (type %s)", c.Type)
	case !listed && len(c.Values) > 0:
		r.add(f+".values", "only enum and set criteria list values (type %s)", c.Type)
	}
	seen := map[string]bool{}
	for i, v := range c.Values {
		if !ValidID(v) {
			r.add(indexed(f+".values", i), "expected an id of a-z, 0-9, _ and -, got %q", v)
		} else if seen[v] {
			r.add(indexed(f+".values", i), "duplicate value %q", v)
		}
		seen[v] = true
	}
	if c.Good != nil && c.Type != Bool {
		r.add(f+".good", "only bool criteria say which answer is good (type %s)", c.Type)
	}
	if c.UnlimitedAllowed && c.Type != Number {
		r.add(f+".unlimited_allowed", "only number criteria can allow \"unlimited\" (type %s)", c.Type)
	}
}

// criterionTexts takes criterion c's texts from the languages' files:
// its label and description, its values' labels and a number's unit.
func (l *loader) criterionTexts(r report, f string, c *Criterion) {
	key := "criterion." + c.ID
	inlineText(r, f+".label", c.Label, key+".label")
	inlineText(r, f+".description", c.Description, key+".description")
	inlineText(r, f+".unit", c.Unit, key+".unit")
	if c.ValueLabels != nil {
		r.add(f+".value_labels", "texts live in %s/<lang>/%s: move them there as %q", LocalesDir, TextsFile, key+".value.<value>")
	}
	c.Label = l.text(key+".label", "the name of criterion "+c.ID)
	c.Description = l.text(key+".description", "what criterion "+c.ID+" means")
	if c.Unit = l.optionalText(key + ".unit"); c.Unit != nil && c.Type != Number {
		l.report(path.Join(LocalesDir, SourceLang, TextsFile)).add(key+".unit", "only number criteria have a unit (type %s)", c.Type)
	}
	if len(c.Values) > 0 {
		c.ValueLabels = make(map[string]L10n, len(c.Values))
	}
	for _, v := range c.Values {
		c.ValueLabels[v] = l.text(key+".value."+v, "how value "+v+" of criterion "+c.ID+" reads")
	}
}

func typeNames() []string {
	names := make([]string, len(Types))
	for i, t := range Types {
		names[i] = string(t)
	}
	return names
}

func (l *loader) loadPresets(cat *Catalog) {
	var file struct {
		Presets []Preset `json:"presets"`
	}
	if !l.read(PresetsFile, &file) {
		return
	}
	r := l.report(PresetsFile)
	seen := map[string]bool{}
	for i, p := range file.Presets {
		f := indexed("presets", i)
		r.checkID(f+".id", "preset", p.ID, seen)
		f = "presets." + p.ID
		inlineText(r, f+".label", p.Label, "preset."+p.ID+".label")
		inlineText(r, f+".description", p.Description, "preset."+p.ID+".description")
		file.Presets[i].Label = l.text("preset."+p.ID+".label", "the name of preset "+p.ID)
		file.Presets[i].Description = l.optionalText("preset." + p.ID + ".description")
		conds, errs := ParseConditions(p.Require, cat)
		for _, err := range errs {
			r.add(f+".require", "%v", err)
		}
		if len(conds) == 0 && len(errs) == 0 {
			r.add(f+".require", "expected at least one condition")
		}
		if p.Source == "" && p.Rationale == nil {
			r.add(f, "expected a source URL or a rationale")
		}
		if p.Source != "" && !validURL(p.Source) {
			r.add(f+".source", "expected an http(s) URL, got %q", p.Source)
		}
		if p.Rationale != nil {
			r.checkL10n(f+".rationale", p.Rationale, "en")
		}
	}
	cat.Presets = file.Presets
}

func (l *loader) loadApps(cat *Catalog) {
	names, err := fs.Glob(l.fsys, AppsDir+"/*")
	if err != nil || len(names) == 0 {
		l.report(AppsDir).add("", "expected one .json file per messenger")
		return
	}
	sort.Strings(names)
	seen := map[string]string{}
	for _, name := range names {
		r := l.report(name)
		if path.Ext(name) != ".json" {
			r.add("", "expected only .json files in %s/", AppsDir)
			continue
		}
		app, ok := l.loadApp(name, cat)
		if !ok {
			continue
		}
		if prev, dup := seen[app.ID]; dup {
			r.add("id", "duplicate messenger id %q (also in %s)", app.ID, prev)
			continue
		}
		seen[app.ID] = name
		if app.Draft {
			cat.Drafts = append(cat.Drafts, app.ID)
			continue
		}
		cat.Apps = append(cat.Apps, *app)
	}
}

// rawApp is an app file before its cells are typed by their criteria.
type rawApp struct {
	App
	Values map[string]json.RawMessage `json:"values"`
}

type rawCell struct {
	Value     json.RawMessage `json:"value"`
	Unlimited json.RawMessage `json:"unlimited"`
	Sources   []string        `json:"sources"`
	Verified  string          `json:"verified"`
	Note      string          `json:"note"`
	History   []struct {
		Value     json.RawMessage `json:"value"`
		Unlimited json.RawMessage `json:"unlimited"`
		Until     string          `json:"until"`
		Sources   []string        `json:"sources"`
		Note      string          `json:"note"`
	} `json:"history"`
}

// cellValue types a cell's or history entry's value and its "unlimited"
// flag, reporting a problem under field f (the cell or the entry).
func cellValue(r report, f string, value, unlimited json.RawMessage, cr *Criterion) (Value, bool) {
	v, err := parseValue(value, cr)
	if err != nil {
		r.add(f+".value", "%v", err)
		return v, false
	}
	if field, err := parseUnlimited(unlimited, &v, cr); err != nil {
		r.add(f+"."+field, "%v", err)
		return v, false
	}
	return v, true
}

func (l *loader) loadApp(name string, cat *Catalog) (*App, bool) {
	var raw rawApp
	if !l.read(name, &raw) {
		return nil, false
	}
	r := l.report(name)
	app := raw.App
	before := len(l.errs)
	want := strings.TrimSuffix(path.Base(name), ".json")
	switch {
	case !ValidID(app.ID):
		r.add("id", "expected an id of a-z, 0-9, _ and -, got %q", app.ID)
	case app.ID != want:
		r.add("id", "expected %q to match the file name, got %q", want, app.ID)
	}
	if strings.TrimSpace(app.Name) == "" {
		r.add("name", "expected the messenger's name")
	}
	if !validURL(app.Homepage) {
		r.add("homepage", "expected an http(s) URL, got %q", app.Homepage)
	}
	inlineText(r, "summary", app.Summary, "app."+app.ID+".summary")
	app.Summary = l.text("app."+app.ID+".summary", "a one-line summary of "+app.ID)
	if app.Added != "" {
		r.checkDate("added", app.Added, l.opt.Today)
	}
	if d := app.Discontinued; d != nil {
		r.checkDate("discontinued.date", d.Date, l.opt.Today)
		r.checkURLs("discontinued.source", []string{d.Source}, true)
	}
	l.checkStatus(r, app.Status)
	if app.Status == nil {
		app.Status = []Status{}
	}
	app.Values = make(map[string]*Cell, len(raw.Values))
	for _, id := range sortedKeys(raw.Values) {
		f := "values." + id
		cr := cat.Criterion(id)
		if cr == nil {
			r.add(f, "unknown criterion %q (see %s/%s)", id, l.opt.Dir, CriteriaFile)
			continue
		}
		if cell, ok := l.loadCell(r, f, raw.Values[id], cr); ok {
			app.Values[id] = cell
		}
	}
	for _, cr := range cat.Criteria {
		if _, ok := raw.Values[cr.ID]; !ok && cr.Added != "" {
			app.Values[cr.ID] = &Cell{Value: Value{Type: cr.Type, Null: true}, Verified: cr.Added,
				Note: fmt.Sprintf(NotResearched, cr.Added), Pending: true}
			continue
		}
		if _, ok := raw.Values[cr.ID]; !ok {
			r.add("values."+cr.ID, "missing: every criterion needs a cell (use \"value\": null with a note when unknown), unless the criterion has an \"added\" date")
		}
	}
	return &app, len(l.errs) == before
}

func (l *loader) loadCell(r report, f string, b json.RawMessage, cr *Criterion) (*Cell, bool) {
	var raw rawCell
	if err := strictUnmarshal(b, &raw); err != nil {
		r.add(f, "expected a cell {value, unlimited, sources, verified, note, history}: %s", strings.TrimPrefix(err.Error(), "json: "))
		return nil, false
	}
	v, ok := cellValue(r, f, raw.Value, raw.Unlimited, cr)
	if !ok {
		return nil, false
	}
	if raw.Sources == nil {
		raw.Sources = []string{}
	}
	cell := &Cell{Value: v, Sources: raw.Sources, Verified: raw.Verified, Note: strings.TrimSpace(raw.Note)}
	r.checkURLs(f+".sources", raw.Sources, !v.Null)
	r.checkDate(f+".verified", raw.Verified, l.opt.Today)
	if v.Null && cell.Note == "" {
		if cr.UnlimitedAllowed {
			r.add(f+".note", "expected a note that explains the unknown (null) value (if there is no limit, write \"unlimited\": true with sources)")
		} else {
			r.add(f+".note", "expected a note that explains the unknown (null) value")
		}
	}
	prev := ""
	for i, h := range raw.History {
		hf := indexed(f+".history", i)
		hv, _ := cellValue(r, hf, h.Value, h.Unlimited, cr)
		if r.checkDate(hf+".until", h.Until, l.opt.Today) {
			switch {
			case h.Until <= prev:
				r.add(hf+".until", "history out of order: %s is not after %s (oldest first, dates strictly increasing)", h.Until, prev)
			case validDate(raw.Verified) && h.Until > raw.Verified:
				r.add(hf+".until", "%s is after the cell's verified date %s", h.Until, raw.Verified)
			}
			prev = h.Until
		}
		r.checkURLs(hf+".sources", h.Sources, true)
		cell.History = append(cell.History, Change{Value: hv, Until: h.Until, Sources: h.Sources, Note: strings.TrimSpace(h.Note)})
	}
	return cell, true
}

func (l *loader) checkStatus(r report, list []Status) {
	prev := ""
	for i, s := range list {
		f := indexed("status", i)
		if !ValidID(s.Curator) {
			r.add(f+".curator", "expected a curator id such as \"privacyguides\", got %q", s.Curator)
		}
		if !slices.Contains(Statuses, s.Status) {
			r.add(f+".status", "expected one of %s, got %q", quoteList(Statuses), s.Status)
		}
		if r.checkDate(f+".since", s.Since, l.opt.Today) {
			if s.Since < prev {
				r.add(f+".since", "status out of order: %s is before %s (oldest first)", s.Since, prev)
			}
			prev = s.Since
		}
		if strings.TrimSpace(s.Reason) == "" {
			r.add(f+".reason", "expected a short reason in your own words")
		}
		r.checkURLs(f+".source", []string{s.Source}, true)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func newestVerified(cat *Catalog) string {
	newest := ""
	for _, a := range cat.Apps {
		for _, c := range a.Values {
			newest = max(newest, c.Verified)
		}
	}
	return newest
}

// String summarises the catalog for logs.
func (c *Catalog) String() string {
	return fmt.Sprintf("catalog %s (%d messengers, %d criteria, %d presets, updated %s)",
		c.Version, len(c.Apps), len(c.Criteria), len(c.Presets), c.Updated)
}
