package refresh

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Status is the outcome of one messenger's refresh.
type Status string

// The outcomes, as the report prints them.
const (
	Updated   Status = "updated"   // a newer release: Result.New holds the proposed file
	Unchanged Status = "unchanged" // the feed's newest release is not newer than the data's
	Undated   Status = "no date"   // the feed gives a version but no date (F-Droid): check by hand
	NoFeed    Status = "no feed"   // the data cites no release feed
	Failed    Status = "error"     // the feed could not be read, or the proposal would not be valid
)

// Result is one messenger's refresh.
type Result struct {
	App     *App
	Status  Status
	Feed    Feed    // zero for NoFeed
	Release Release // the feed's newest, when read
	Reason  string  // why, in a few words
	New     []byte  // the proposed file, for Updated
}

// String is the report's line for r, e.g.
// "signal: updated 2026-08-06 → 2026-11-30 (8.30.0 from github.com/signalapp/Signal-iOS)".
func (r Result) String() string {
	return fmt.Sprintf("%s: %s: %s", r.App.ID, r.Status, r.Reason)
}

// Propose compares rel, the newest release of app's feed, with the date
// app's data holds and proposes the update when rel is newer. today
// (YYYY-MM-DD) becomes the cell's verified date; a release dated after it
// is refused (the loader would refuse it).
func Propose(app *App, feed Feed, rel Release, today string) Result {
	res := Result{App: app, Status: Unchanged, Feed: feed, Release: rel}
	recorded := app.LastRelease.RecordedDate()
	switch {
	case rel.Date == "":
		res.Status = Undated
		res.Reason = fmt.Sprintf("%s suggests version %s but gives no date; compare with the recorded %s by hand (%s)",
			feed, rel.Version, orUnknown(recorded), rel.URL)
		return res
	case rel.Date > today:
		res.Status = Failed
		res.Reason = fmt.Sprintf("%s's newest release %s is dated %s, after today (%s)", feed, rel.Version, rel.Date, today)
		return res
	case recorded != "" && rel.Date <= recorded:
		res.Reason = fmt.Sprintf("newest release %s of %s (%s) is not newer than the recorded %s", rel.Version, rel.Date, feed, recorded)
		return res
	}
	u := Update{Date: rel.Date, Sources: []string{rel.URL}, Note: Note(feed, rel), Verified: today}
	b, err := Apply(app, u)
	if err != nil {
		res.Status = Failed
		res.Reason = err.Error()
		return res
	}
	res.Status = Updated
	res.New = b
	res.Reason = fmt.Sprintf("%s → %s (%s from %s)", orUnknown(recorded), rel.Date, rel.Version, feed)
	return res
}

func orUnknown(date string) string {
	if date == "" {
		return "unknown"
	}
	return date
}

// Note is the proposed cell's note: which release of which repository,
// and how it was dated. The maintainer may reword it in review.
func Note(feed Feed, rel Release) string {
	if rel.Tag {
		return fmt.Sprintf("Tag %s of %s, dated by its commit (the repository publishes no releases); its newest tag that is not a test build. Other clients were not checked.", rel.Version, feed)
	}
	return fmt.Sprintf("Release %s of %s, its newest that is not a draft or pre-release. Other clients were not checked.", rel.Version, feed)
}

// Refresh runs one refresh per app, at most concurrency at a time (at
// least 1), and returns the results in apps' order. A failure of one feed
// is that messenger's Failed result, never an error of the run.
func Refresh(ctx context.Context, f *Fetcher, apps []*App, today string, concurrency int) []Result {
	results := make([]Result, len(apps))
	sem := make(chan struct{}, max(concurrency, 1))
	var wg sync.WaitGroup
	for i, app := range apps {
		feed, why := DetectFeed(app)
		if why != "" {
			results[i] = Result{App: app, Status: NoFeed, Reason: why}
			continue
		}
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			rel, err := f.Newest(ctx, feed)
			if err != nil {
				results[i] = Result{App: app, Status: Failed, Feed: feed, Reason: fmt.Sprintf("%s: %v", feed, err)}
				return
			}
			results[i] = Propose(app, feed, rel, today)
		})
	}
	wg.Wait()
	return results
}

// Today is the current UTC date, the verified date of proposals.
func Today(now time.Time) string { return now.UTC().Format(time.DateOnly) }

// Summary counts results by status, e.g. "2 updated, 15 unchanged, 10 no feed, 3 error".
func Summary(results []Result) string {
	counts := map[Status]int{}
	for _, r := range results {
		counts[r.Status]++
	}
	var parts []string
	for _, s := range []Status{Updated, Unchanged, Undated, NoFeed, Failed} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return strings.Join(parts, ", ")
}
