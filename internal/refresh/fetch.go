package refresh

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Release is a feed's newest release.
type Release struct {
	Version string // the tag, e.g. v8.23.0
	// Date is the day it was published (UTC), YYYY-MM-DD; "" when the
	// feed gives no date (F-Droid).
	Date string
	URL  string // its public page, the source a proposal cites
	// Tag says the date is that of the tag's commit, because the
	// repository publishes no releases.
	Tag bool
}

// Config tunes a Fetcher. The zero value works against the real APIs.
type Config struct {
	// Client makes the requests; nil is a client with a 30-second timeout.
	Client *http.Client
	// BaseURL maps an API host (api.github.com, gitlab.com, codeberg.org,
	// f-droid.org...) to the URL its API paths are appended to; nil means
	// "https://" + host. Tests point every host at one local server.
	BaseURL func(host string) string
	// UserAgent is sent with every request.
	UserAgent string
	// GitHubToken, if set, is sent to api.github.com (and only there) as
	// a bearer token: 5000 requests an hour instead of 60.
	GitHubToken string
	// MaxBytes limits every response body; default 4 MiB (30 GitHub
	// releases with long notes and many assets stay well below).
	MaxBytes int64
	// PerPage is how many releases or tags one request asks for; default 30.
	PerPage int
	// TagDates is how many of a GitHub repository's newest tags are dated
	// (one request each) when it publishes no releases; default 5.
	TagDates int
}

// DefaultUserAgent identifies make refresh to the APIs.
const DefaultUserAgent = "msgcompare-refresh/1 (data maintenance: make refresh; Go net/http)"

// Fetcher reads release feeds. It holds no state between calls and is safe
// for concurrent use.
type Fetcher struct {
	cfg Config
}

// NewFetcher returns a Fetcher with cfg's zero fields set to defaults.
func NewFetcher(cfg Config) *Fetcher {
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if cfg.BaseURL == nil {
		cfg.BaseURL = func(host string) string { return "https://" + host }
	}
	cfg.UserAgent = cmp.Or(cfg.UserAgent, DefaultUserAgent)
	cfg.MaxBytes = cmp.Or(cfg.MaxBytes, 4<<20)
	cfg.PerPage = cmp.Or(cfg.PerPage, 30)
	cfg.TagDates = cmp.Or(cfg.TagDates, 5)
	return &Fetcher{cfg: cfg}
}

// ErrNoRelease says a feed has no release to propose: no release that is
// not a draft or pre-release, and no such tag.
var ErrNoRelease = errors.New("no stable release or tag found")

// ErrTooLarge says a response was larger than Config.MaxBytes.
var ErrTooLarge = errors.New("response too large")

// HTTPError is a response with a status other than 200.
type HTTPError struct {
	URL    string
	Status int
	// RateLimited says GitHub refused for the hourly limit.
	RateLimited bool
}

func (e *HTTPError) Error() string {
	if e.RateLimited {
		return fmt.Sprintf("GitHub's rate limit is used up (HTTP %d from %s); set GITHUB_TOKEN", e.Status, e.URL)
	}
	return fmt.Sprintf("HTTP %d %s from %s", e.Status, http.StatusText(e.Status), e.URL)
}

// Newest returns feed's newest release that is not a draft or a
// pre-release. GitHub, GitLab and Gitea feeds read the releases and fall
// back to the tags when there are none; an F-Droid feed returns the
// suggested version without a date.
func (f *Fetcher) Newest(ctx context.Context, feed Feed) (Release, error) {
	switch feed.Kind {
	case GitHub:
		return f.github(ctx, feed)
	case GitLab:
		return f.gitlab(ctx, feed)
	case Gitea:
		return f.gitea(ctx, feed)
	case FDroid:
		return f.fdroid(ctx, feed)
	}
	return Release{}, fmt.Errorf("unknown feed kind %q", feed.Kind)
}

// getJSON fetches u into dst, within the size limit.
func (f *Fetcher) getJSON(ctx context.Context, u string, github bool, dst any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	if github {
		req.Header.Set("Accept", "application/vnd.github+json")
		req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
		if f.cfg.GitHubToken != "" {
			req.Header.Set("Authorization", "Bearer "+f.cfg.GitHubToken)
		}
	}
	resp, err := f.cfg.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		limited := github && (resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests) &&
			resp.Header.Get("X-RateLimit-Remaining") == "0"
		return &HTTPError{URL: u, Status: resp.StatusCode, RateLimited: limited}
	}
	if resp.ContentLength > f.cfg.MaxBytes {
		return fmt.Errorf("%w: %s announces %d bytes, the limit is %d", ErrTooLarge, u, resp.ContentLength, f.cfg.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return fmt.Errorf("reading %s: %w", u, err)
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return fmt.Errorf("%w: %s sent more than %d bytes", ErrTooLarge, u, f.cfg.MaxBytes)
	}
	if err := json.Unmarshal(body, dst); err != nil {
		return fmt.Errorf("malformed JSON from %s: %w", u, err)
	}
	return nil
}

// day turns an RFC 3339 timestamp into its UTC date, YYYY-MM-DD.
func day(ts string) (string, bool) {
	t, err := time.Parse(time.RFC3339, ts)
	if err != nil {
		return "", false
	}
	return t.UTC().Format(time.DateOnly), true
}

// preRelease reports whether a tag or release name reads as a test
// build: a word alpha, beta, rc, pre, preview, dev, nightly, snapshot or
// canary, alone or followed by digits (v1.2.0-rc.1, 1.18.5-rc1, 2.0beta).
func preRelease(name string) bool {
	word := func(r rune) bool { return 'a' <= r && r <= 'z' }
	for w := range strings.FieldsFuncSeq(strings.ToLower(name), func(r rune) bool { return !word(r) }) {
		switch w {
		case "alpha", "beta", "rc", "pre", "preview", "dev", "nightly", "snapshot", "canary":
			return true
		}
	}
	return false
}

// newest picks the release with the latest date; ties keep the first.
func newest(rels []Release) (Release, error) {
	if len(rels) == 0 {
		return Release{}, ErrNoRelease
	}
	best := rels[0]
	for _, r := range rels[1:] {
		if r.Date > best.Date {
			best = r
		}
	}
	return best, nil
}

// GitHub: https://docs.github.com/en/rest/releases/releases#list-releases
type githubRelease struct {
	TagName     string `json:"tag_name"`
	HTMLURL     string `json:"html_url"`
	Draft       bool   `json:"draft"`
	Prerelease  bool   `json:"prerelease"`
	PublishedAt string `json:"published_at"`
}

type githubTag struct {
	Name   string `json:"name"`
	Commit struct {
		SHA string `json:"sha"`
	} `json:"commit"`
}

type githubCommit struct {
	Commit struct {
		Committer struct {
			Date string `json:"date"`
		} `json:"committer"`
	} `json:"commit"`
}

func (f *Fetcher) github(ctx context.Context, feed Feed) (Release, error) {
	api := f.cfg.BaseURL("api.github.com") + "/repos/" + feed.Repo
	var list []githubRelease
	if err := f.getJSON(ctx, fmt.Sprintf("%s/releases?per_page=%d", api, f.cfg.PerPage), true, &list); err != nil {
		return Release{}, err
	}
	var rels []Release
	for _, r := range list {
		d, ok := day(r.PublishedAt)
		if r.Draft || r.Prerelease || !ok {
			continue
		}
		page := cmp.Or(r.HTMLURL, "https://"+feed.Host+"/"+feed.Repo+"/releases/tag/"+url.PathEscape(r.TagName))
		rels = append(rels, Release{Version: r.TagName, Date: d, URL: page})
	}
	if r, listed, err := fromReleases(len(list), rels, "drafts or pre-releases"); listed {
		return r, err
	}
	// No releases: the newest tags, each dated by its commit.
	var tags []githubTag
	if err := f.getJSON(ctx, fmt.Sprintf("%s/tags?per_page=%d", api, f.cfg.PerPage), true, &tags); err != nil {
		return Release{}, err
	}
	for _, t := range tags {
		if len(rels) == f.cfg.TagDates {
			break
		}
		if preRelease(t.Name) || t.Commit.SHA == "" {
			continue
		}
		var c githubCommit
		if err := f.getJSON(ctx, api+"/commits/"+url.PathEscape(t.Commit.SHA), true, &c); err != nil {
			return Release{}, err
		}
		d, ok := day(c.Commit.Committer.Date)
		if !ok {
			return Release{}, fmt.Errorf("tag %s: commit %s has no date", t.Name, t.Commit.SHA)
		}
		page := "https://" + feed.Host + "/" + feed.Repo + "/releases/tag/" + url.PathEscape(t.Name)
		rels = append(rels, Release{Version: t.Name, Date: d, URL: page, Tag: true})
	}
	return newest(rels)
}

// fromReleases answers from a forge's releases: the newest of rels, the
// usable ones among the listed; an error when none of them is usable
// (skipped says what they were). listed is false when the forge listed
// no release at all: its tags stand in.
func fromReleases(n int, rels []Release, skipped string) (r Release, listed bool, err error) {
	if n == 0 {
		return Release{}, false, nil
	}
	if len(rels) == 0 {
		return Release{}, true, fmt.Errorf("%w: the newest %d releases are %s", ErrNoRelease, n, skipped)
	}
	r, err = newest(rels)
	return r, true, err
}

// GitLab: https://docs.gitlab.com/api/releases/ and /api/tags/
type gitlabRelease struct {
	TagName         string `json:"tag_name"`
	ReleasedAt      string `json:"released_at"`
	UpcomingRelease bool   `json:"upcoming_release"`
	Links           struct {
		Self string `json:"self"`
	} `json:"_links"`
}

type gitlabTag struct {
	Name   string `json:"name"`
	Commit struct {
		CommittedDate string `json:"committed_date"`
	} `json:"commit"`
}

func (f *Fetcher) gitlab(ctx context.Context, feed Feed) (Release, error) {
	api := f.cfg.BaseURL(feed.Host) + "/api/v4/projects/" + strings.ReplaceAll(url.PathEscape(feed.Repo), "/", "%2F")
	web := "https://" + feed.Host + "/" + feed.Repo
	var list []gitlabRelease
	if err := f.getJSON(ctx, fmt.Sprintf("%s/releases?per_page=%d", api, f.cfg.PerPage), false, &list); err != nil {
		return Release{}, err
	}
	var rels []Release
	for _, r := range list {
		d, ok := day(r.ReleasedAt)
		if r.UpcomingRelease || preRelease(r.TagName) || !ok {
			continue
		}
		page := cmp.Or(r.Links.Self, web+"/-/releases/"+url.PathEscape(r.TagName))
		rels = append(rels, Release{Version: r.TagName, Date: d, URL: page})
	}
	if r, listed, err := fromReleases(len(list), rels, "upcoming or pre-releases"); listed {
		return r, err
	}
	var tags []gitlabTag
	if err := f.getJSON(ctx, fmt.Sprintf("%s/repository/tags?order_by=updated&sort=desc&per_page=%d", api, f.cfg.PerPage), false, &tags); err != nil {
		return Release{}, err
	}
	for _, t := range tags {
		d, ok := day(t.Commit.CommittedDate)
		if preRelease(t.Name) || !ok {
			continue
		}
		rels = append(rels, Release{Version: t.Name, Date: d, URL: web + "/-/tags/" + url.PathEscape(t.Name), Tag: true})
	}
	return newest(rels)
}

// Gitea and Forgejo: https://codeberg.org/api/swagger (repoListReleases,
// repoListTags).
type giteaRelease struct {
	TagName     string `json:"tag_name"`
	HTMLURL     string `json:"html_url"`
	Draft       bool   `json:"draft"`
	Prerelease  bool   `json:"prerelease"`
	PublishedAt string `json:"published_at"`
}

type giteaTag struct {
	Name   string `json:"name"`
	Commit struct {
		Created string `json:"created"`
	} `json:"commit"`
}

func (f *Fetcher) gitea(ctx context.Context, feed Feed) (Release, error) {
	api := f.cfg.BaseURL(feed.Host) + "/api/v1/repos/" + feed.Repo
	web := "https://" + feed.Host + "/" + feed.Repo
	var list []giteaRelease
	if err := f.getJSON(ctx, fmt.Sprintf("%s/releases?limit=%d", api, f.cfg.PerPage), false, &list); err != nil {
		return Release{}, err
	}
	var rels []Release
	for _, r := range list {
		d, ok := day(r.PublishedAt)
		if r.Draft || r.Prerelease || !ok {
			continue
		}
		page := cmp.Or(r.HTMLURL, web+"/releases/tag/"+url.PathEscape(r.TagName))
		rels = append(rels, Release{Version: r.TagName, Date: d, URL: page})
	}
	if r, listed, err := fromReleases(len(list), rels, "drafts or pre-releases"); listed {
		return r, err
	}
	var tags []giteaTag
	if err := f.getJSON(ctx, fmt.Sprintf("%s/tags?limit=%d", api, f.cfg.PerPage), false, &tags); err != nil {
		return Release{}, err
	}
	for _, t := range tags {
		d, ok := day(t.Commit.Created)
		if preRelease(t.Name) || !ok {
			continue
		}
		rels = append(rels, Release{Version: t.Name, Date: d, URL: web + "/releases/tag/" + url.PathEscape(t.Name), Tag: true})
	}
	return newest(rels)
}

// F-Droid: https://f-droid.org/docs/All_our_APIs/ (the per-package API).
type fdroidPackage struct {
	PackageName          string `json:"packageName"`
	SuggestedVersionCode int64  `json:"suggestedVersionCode"`
	Packages             []struct {
		VersionName string `json:"versionName"`
		VersionCode int64  `json:"versionCode"`
	} `json:"packages"`
}

// fdroid returns the suggested version of an F-Droid package, undated: the
// per-package API has no dates. The dated source is the repository index
// (https://f-droid.org/repo/index-v2.json, packages.<id>.versions.<sha256>
// .added, milliseconds since 1970), but it describes every app in the
// repository and is tens of megabytes, too large to fetch per run; see
// docs/data.md.
func (f *Fetcher) fdroid(ctx context.Context, feed Feed) (Release, error) {
	var p fdroidPackage
	if err := f.getJSON(ctx, f.cfg.BaseURL("f-droid.org")+"/api/v1/packages/"+url.PathEscape(feed.Repo), false, &p); err != nil {
		return Release{}, err
	}
	page := "https://f-droid.org/packages/" + feed.Repo + "/"
	var best string
	var bestCode int64 = -1
	for _, v := range p.Packages {
		if v.VersionCode == p.SuggestedVersionCode {
			return Release{Version: v.VersionName, URL: page}, nil
		}
		if v.VersionCode > bestCode {
			best, bestCode = v.VersionName, v.VersionCode
		}
	}
	if bestCode < 0 {
		return Release{}, fmt.Errorf("%w: F-Droid lists no versions of %s", ErrNoRelease, feed.Repo)
	}
	return Release{Version: best, URL: page}, nil
}
