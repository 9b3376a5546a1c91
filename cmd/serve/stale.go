package main

import (
	"fmt"
	"io"

	"msgcompare/app/catalog"
)

// errExpired is staleReport's answer when a fact is older than the data's
// hard limit: `make stale` then exits non-zero, so that CI warns.
var errExpired = fmt.Errorf("facts older than the hard limit of data/%s", catalog.FreshnessFile)

// staleReport writes, for a maintainers' review round, the facts verified
// more than days before today (0: the data's stale threshold), grouped by
// messenger with their sources, oldest first within a messenger. It
// returns errExpired when any fact is older than the hard limit.
func staleReport(w io.Writer, cat *catalog.Catalog, days int, today string) error {
	f := cat.Freshness
	if days <= 0 && f != nil {
		days = f.StaleAfterDays
	}
	aged := cat.OlderThan(days, today)
	byApp := map[string][]catalog.AgedFact{}
	expired := 0
	for _, a := range aged {
		byApp[a.App.ID] = append(byApp[a.App.ID], a)
		if a.Expired {
			expired++
		}
	}
	fmt.Fprintf(w, "%d of the facts were verified more than %d days before %s", len(aged), days, today)
	if f != nil {
		fmt.Fprintf(w, " (stale after %d days, hard limit %d days, data/%s)", f.StaleAfterDays, f.HardLimitDays, catalog.FreshnessFile)
	}
	fmt.Fprintln(w)
	for i := range cat.Apps {
		a := &cat.Apps[i]
		list := byApp[a.ID]
		if len(list) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (data/apps/%s.json): %d\n", a.Name, a.ID, len(list))
		for _, af := range list {
			mark := ""
			if af.Expired {
				mark = "  PAST THE HARD LIMIT"
			}
			fmt.Fprintf(w, "  %-32s verified %s (%d days)%s\n", af.Criterion.ID, af.Cell.Verified, af.Days, mark)
			for _, src := range af.Cell.Sources {
				fmt.Fprintf(w, "      %s\n", src)
			}
		}
	}
	if expired > 0 {
		fmt.Fprintf(w, "\n%d facts are older than the hard limit: review them.\n", expired)
		return fmt.Errorf("%d %w", expired, errExpired)
	}
	return nil
}
