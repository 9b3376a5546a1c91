package compare

import (
	"cmp"
	"slices"
	"strings"

	"msgcompare/app/catalog"
)

// Result is the answer to a query: which messengers and criteria to show,
// and why each excluded messenger was left out.
type Result struct {
	Conditions []catalog.Condition  // effective conditions (preset, then require)
	Criteria   []*catalog.Criterion // criteria to show, in order
	Kept       []Row                // messengers that meet every condition, sorted
	Excluded   []Exclusion          // messengers that fail, with the reasons
}

// Row is a kept messenger and its score: how many conditions it meets.
type Row struct {
	App   *catalog.App
	Score int
}

// Exclusion is a messenger the query leaves out and why.
type Exclusion struct {
	App     *catalog.App
	Score   int
	Failed  []Failure // conditions it does not meet
	NoMatch bool      // it does not match the search text
}

// Failure is one condition a messenger fails, with the value it has.
type Failure struct {
	Condition catalog.Condition
	Criterion *catalog.Criterion
	Value     catalog.Value // Null: unknown, which meets no condition; Unlimited: no limit
}

// Apply runs the query over the catalog. It never fails: the query was
// validated when it was decoded.
func Apply(cat *catalog.Catalog, q Query) Result {
	res := Result{Conditions: q.Conditions(cat)}
	search := strings.ToLower(strings.TrimSpace(q.Q))
	for _, app := range Candidates(cat, q) {
		score, failed := evaluate(cat, app, res.Conditions)
		noMatch := search != "" && !matches(cat, app, search, q.Lang)
		if len(failed) == 0 && !noMatch {
			res.Kept = append(res.Kept, Row{App: app, Score: score})
			continue
		}
		res.Excluded = append(res.Excluded, Exclusion{App: app, Score: score, Failed: failed, NoMatch: noMatch})
	}
	sortRows(cat, res.Kept, q.Sort)
	res.Criteria = shownCriteria(cat, q, res.Kept)
	return res
}

// Candidates returns the messengers the query names, in its order, or all
// of them by name: those Apply keeps or excludes.
func Candidates(cat *catalog.Catalog, q Query) []*catalog.App {
	var apps []*catalog.App
	if len(q.Apps) > 0 {
		for _, id := range q.Apps {
			if a := cat.App(id); a != nil {
				apps = append(apps, a)
			}
		}
		return apps
	}
	return ByName(cat)
}

// ByName returns every messenger of the catalog ordered by name.
func ByName(cat *catalog.Catalog) []*catalog.App {
	apps := make([]*catalog.App, len(cat.Apps))
	for i := range cat.Apps {
		apps[i] = &cat.Apps[i]
	}
	slices.SortStableFunc(apps, func(a, b *catalog.App) int {
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
	return apps
}

func evaluate(cat *catalog.Catalog, app *catalog.App, conds []catalog.Condition) (int, []Failure) {
	score := 0
	var failed []Failure
	for _, c := range conds {
		cr := cat.Criterion(c.Criterion)
		var v catalog.Value
		if cell := app.Cell(c.Criterion); cell != nil {
			v = cell.Value
		} else {
			v = catalog.Value{Type: cr.Type, Null: true}
		}
		if c.Match(cr, v) {
			score++
			continue
		}
		failed = append(failed, Failure{Condition: c, Criterion: cr, Value: v})
	}
	return score, failed
}

// matches reports whether the search text occurs in the messenger's name,
// id, or any of its values (as ids or as labels in lang).
func matches(cat *catalog.Catalog, app *catalog.App, search, lang string) bool {
	if strings.Contains(strings.ToLower(app.Name), search) || strings.Contains(app.ID, search) {
		return true
	}
	for i := range cat.Criteria {
		cr := &cat.Criteria[i]
		cell := app.Cell(cr.ID)
		if cell == nil || cell.Value.Null {
			continue
		}
		if strings.Contains(strings.ToLower(cell.Value.String()), search) {
			return true
		}
		// Set ids and the enum id, read in place: appending Str to Set
		// would write into the shared catalog where Set has spare capacity.
		if labelMatches(cr, cell.Value.Str, search, lang) {
			return true
		}
		for _, v := range cell.Value.Set {
			if labelMatches(cr, v, search, lang) {
				return true
			}
		}
	}
	return false
}

// labelMatches reports whether the label of value id contains search.
func labelMatches(cr *catalog.Criterion, id, search, lang string) bool {
	return id != "" && strings.Contains(strings.ToLower(cr.ValueLabel(id, lang)), search)
}

// sortRows orders kept messengers by name (the default), score or a
// criterion's value; a leading "-" reverses. Ties keep name order.
func sortRows(cat *catalog.Catalog, rows []Row, by string) {
	desc := strings.HasPrefix(by, "-")
	by = strings.TrimPrefix(by, "-")
	var key func(a, b Row) int
	switch by {
	case "", "name":
		if !desc {
			return
		}
		key = func(a, b Row) int { return cmp.Compare(strings.ToLower(a.App.Name), strings.ToLower(b.App.Name)) }
	case "score":
		key = func(a, b Row) int { return cmp.Compare(a.Score, b.Score) }
	default:
		cr := cat.Criterion(by)
		if cr == nil {
			return
		}
		key = func(a, b Row) int { return compareValues(a.App.Cell(by), b.App.Cell(by)) }
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		if desc {
			return key(b, a)
		}
		return key(a, b)
	})
}

// compareValues orders two cells of one criterion; unknown sorts first, so
// that it comes last in descending order, and no limit above every number.
func compareValues(a, b *catalog.Cell) int {
	an, bn := a == nil || a.Value.Null, b == nil || b.Value.Null
	switch {
	case an || bn:
		return cmp.Compare(boolInt(!an), boolInt(!bn))
	}
	va, vb := a.Value, b.Value
	switch va.Type {
	case catalog.Bool:
		return cmp.Compare(boolInt(va.Bool), boolInt(vb.Bool))
	case catalog.Number:
		if va.Unlimited || vb.Unlimited { // no limit is above every number
			return cmp.Compare(boolInt(va.Unlimited), boolInt(vb.Unlimited))
		}
		return cmp.Compare(va.Num, vb.Num)
	case catalog.Set:
		return cmp.Compare(len(va.Set), len(vb.Set))
	case catalog.Audits:
		return cmp.Compare(len(va.Audits), len(vb.Audits))
	}
	return cmp.Compare(va.Str, vb.Str)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// shownCriteria returns the criteria the query shows, in its order; with
// Diff, only those on which the kept messengers do not all agree.
func shownCriteria(cat *catalog.Catalog, q Query, kept []Row) []*catalog.Criterion {
	var list []*catalog.Criterion
	if len(q.Criteria) > 0 {
		for _, id := range q.Criteria {
			if cr := cat.Criterion(id); cr != nil {
				list = append(list, cr)
			}
		}
	} else {
		for _, id := range DefaultCriteria(cat, q) {
			list = append(list, cat.Criterion(id))
		}
	}
	if !q.Diff || len(kept) < 2 {
		return list
	}
	return slices.DeleteFunc(list, func(cr *catalog.Criterion) bool { return allEqual(kept, cr.ID) })
}

// DefaultCriteria lists the criteria shown when the query names none: the
// key criteria of the catalog (or all, with criteria=all or when none is
// marked key), in catalog order.
func DefaultCriteria(cat *catalog.Catalog, q Query) []string {
	return defaultCriteria(cat, q.AllCriteria)
}

func defaultCriteria(cat *catalog.Catalog, allCriteria bool) []string {
	var all, key []string
	for i := range cat.Criteria {
		all = append(all, cat.Criteria[i].ID)
		if cat.Criteria[i].Key {
			key = append(key, cat.Criteria[i].ID)
		}
	}
	if allCriteria || len(key) == 0 {
		return all
	}
	return key
}

func allEqual(rows []Row, criterion string) bool {
	first := cellValue(rows[0].App, criterion)
	for _, r := range rows[1:] {
		if !cellValue(r.App, criterion).Equal(first) {
			return false
		}
	}
	return true
}

func cellValue(app *catalog.App, criterion string) catalog.Value {
	if c := app.Cell(criterion); c != nil {
		return c.Value
	}
	return catalog.Value{Null: true}
}
