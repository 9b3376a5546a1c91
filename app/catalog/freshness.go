package catalog

import (
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"time"
)

// FreshnessFile holds how old a fact may grow before readers are told,
// and where they report a correction.
const FreshnessFile = "freshness.json"

// Freshness is the data's rule for ageing facts: a fact whose verified date
// is more than StaleAfterDays old shows "not checked since …"; one more
// than HardLimitDays old fails `make stale` (bin/serve -stale), so that CI
// warns before readers meet facts nobody has looked at for years.
// CorrectionURL is a template for the "Report a correction" link: {title}
// and {body} become the prefilled report, {app} and {criterion} the ids,
// each query-escaped.
type Freshness struct {
	StaleAfterDays int    `json:"stale_after_days"`
	HardLimitDays  int    `json:"hard_limit_days"`
	CorrectionURL  string `json:"correction_url"`
}

// AgeDays is the number of whole days from verified to today (both
// YYYY-MM-DD), or -1 when either is not a date.
func AgeDays(verified, today string) int {
	v, err1 := time.Parse(time.DateOnly, verified)
	d, err2 := time.Parse(time.DateOnly, today)
	if err1 != nil || err2 != nil {
		return -1
	}
	return int(d.Sub(v).Hours() / 24)
}

// Stale reports whether a fact verified on that date is older than the
// threshold on today. A nil Freshness (a catalog without freshness.json)
// never marks a fact.
func (f *Freshness) Stale(verified, today string) bool {
	return f != nil && f.StaleAfterDays > 0 && AgeDays(verified, today) > f.StaleAfterDays
}

// Expired reports whether a fact is older than the hard limit.
func (f *Freshness) Expired(verified, today string) bool {
	return f != nil && f.HardLimitDays > 0 && AgeDays(verified, today) > f.HardLimitDays
}

// Correction fills the correction URL template, or returns "" when the
// data configures none.
func (f *Freshness) Correction(app, criterion, title, body string) string {
	if f == nil || f.CorrectionURL == "" {
		return ""
	}
	return strings.NewReplacer(
		"{app}", url.QueryEscape(app),
		"{criterion}", url.QueryEscape(criterion),
		"{title}", url.QueryEscape(title),
		"{body}", url.QueryEscape(body),
	).Replace(f.CorrectionURL)
}

// loadFreshness reads freshness.json; without one, no fact is marked stale
// and no correction link is shown.
func (l *loader) loadFreshness(cat *Catalog) {
	if _, err := fs.Stat(l.fsys, FreshnessFile); err != nil {
		return
	}
	var f Freshness
	if !l.read(FreshnessFile, &f) {
		return
	}
	r := l.report(FreshnessFile)
	if f.StaleAfterDays <= 0 {
		r.add("stale_after_days", "expected a number of days greater than 0, got %d", f.StaleAfterDays)
	}
	if f.HardLimitDays < f.StaleAfterDays {
		r.add("hard_limit_days", "expected a number of days at least stale_after_days (%d), got %d", f.StaleAfterDays, f.HardLimitDays)
	}
	if f.CorrectionURL != "" {
		probe := f.Correction("a", "c", "t", "b")
		if !validURL(probe) {
			r.add("correction_url", "expected an http(s) URL template, got %q", f.CorrectionURL)
		} else if probe == f.CorrectionURL {
			r.add("correction_url", "expected at least one of {title}, {body}, {app}, {criterion} in %q", f.CorrectionURL)
		}
	}
	cat.Freshness = &f
}

// AgedFact is a fact older than a review round's limit.
type AgedFact struct {
	App       *App
	Criterion *Criterion
	Cell      *Cell
	Days      int  // its age on the day asked
	Expired   bool // older than the hard limit
}

// OlderThan lists the facts verified more than days before today, oldest
// first and, for the same date, in messenger and criterion order: where a
// review round starts.
func (c *Catalog) OlderThan(days int, today string) []AgedFact {
	var out []AgedFact
	for i := range c.Apps {
		a := &c.Apps[i]
		for j := range c.Criteria {
			cr := &c.Criteria[j]
			cell := a.Cell(cr.ID)
			if cell == nil {
				continue
			}
			if age := AgeDays(cell.Verified, today); age > days {
				out = append(out, AgedFact{App: a, Criterion: cr, Cell: cell, Days: age, Expired: c.Freshness.Expired(cell.Verified, today)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Days > out[j].Days })
	return out
}
