package ui

import (
	"net/url"
	"sort"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// hiddenState carries, as hidden inputs, the part of query q that a form
// has no visible control for: rest is q with the form's own fields
// cleared. Before the app runs (and without JavaScript) a change submits
// the form, and the next page must keep everything else the reader had:
// the messengers, the theme, the language, a preset.
func hiddenState(rest compare.Query) app.UI {
	values, _ := url.ParseQuery(rest.Encode())
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	inputs := make([]app.UI, 0, len(keys))
	for _, k := range keys {
		for _, v := range values[k] {
			inputs = append(inputs, app.Input().Type("hidden").Name(k).Value(attr(v)))
		}
	}
	return app.Range(inputs).Slice(func(i int) app.UI { return inputs[i] })
}

// withoutToggles keeps the conditions that no requirement checkbox of the
// form shows: a toggle submits its own condition when checked.
func withoutToggles(conds []catalog.Condition, toggles []*catalog.Criterion) []catalog.Condition {
	var out []catalog.Condition
	for _, c := range conds {
		shown := false
		for _, cr := range toggles {
			if toggleCondition(cr).String() == c.String() {
				shown = true
				break
			}
		}
		if !shown {
			out = append(out, c)
		}
	}
	return out
}

// boolCriteria lists the criteria of type bool among crits.
func boolCriteria(crits []*catalog.Criterion) []*catalog.Criterion {
	var out []*catalog.Criterion
	for _, cr := range crits {
		if cr.Type == catalog.Bool {
			out = append(out, cr)
		}
	}
	return out
}
