package catalog

import (
	"cmp"
	"slices"
)

// Where the curators stand on a messenger: each one's newest verdict, and
// whether they agree.

// CurrentVerdicts is each curator's newest verdict on the messenger, one
// per curator, in the order the curators first judged it. A curator that
// has removed the messenger keeps "removed" as its verdict.
func (a *App) CurrentVerdicts() []Status {
	var out []Status
	at := map[string]int{}
	for _, st := range a.Status {
		if i, ok := at[st.Curator]; ok {
			out[i] = st
			continue
		}
		at[st.Curator] = len(out)
		out = append(out, st)
	}
	return out
}

// Leaning is which way a verdict goes: +1 for (recommended, recommended
// with caveats), -1 against (removed, not recommended), 0 for listed.
func Leaning(status string) int {
	switch status {
	case "recommended", "recommended_with_caveats":
		return 1
	case "removed", "not_recommended":
		return -1
	}
	return 0
}

// The ways curators' current verdicts relate (Agreement).
const (
	AgreeSingle   = "single"   // one curator or none: nothing to compare
	AgreeAll      = "agree"    // every verdict leans the same way
	AgreeDisagree = "disagree" // some for, some against
	AgreePartly   = "partly"   // some lean one way, others only list it
)

// Agreement says how the current verdicts relate.
func Agreement(verdicts []Status) string {
	if len(verdicts) < 2 {
		return AgreeSingle
	}
	var pos, neg, zero int
	for _, v := range verdicts {
		switch Leaning(v.Status) {
		case 1:
			pos++
		case -1:
			neg++
		default:
			zero++
		}
	}
	switch {
	case pos > 0 && neg > 0:
		return AgreeDisagree
	case zero > 0 && zero < len(verdicts):
		return AgreePartly
	}
	return AgreeAll
}

// Curators lists the curators that judge any messenger of the catalog,
// the one that judges the most first (ties by id).
func (c *Catalog) Curators() []string {
	covers := map[string]int{}
	var ids []string
	for i := range c.Apps {
		for _, v := range c.Apps[i].CurrentVerdicts() {
			if covers[v.Curator] == 0 {
				ids = append(ids, v.Curator)
			}
			covers[v.Curator]++
		}
	}
	slices.SortFunc(ids, func(a, b string) int {
		if d := cmp.Compare(covers[b], covers[a]); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	})
	return ids
}
