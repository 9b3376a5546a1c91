// Package refresh proposes updates of the messengers' last_release facts
// from their public release feeds: it finds a messenger's feed in the URLs
// its data already cites, reads the feed's newest release through the
// forge's API, and writes the change as an edit of data/apps/<id>.json
// that a maintainer reviews as a unified diff before it is applied.
//
// The package does no I/O of its own beyond the HTTP requests of a
// Fetcher, whose base URLs and client are injected, so that tests serve
// recorded responses from a local server. internal/cmd/refresh (make
// refresh) is its command.
package refresh

import (
	"net/url"
	"slices"
	"strings"
)

// Kind is the type of API a feed is read through.
type Kind string

// The kinds of feed.
const (
	GitHub Kind = "github" // api.github.com: releases, else tags dated by their commits
	GitLab Kind = "gitlab" // /api/v4 of gitlab.com or a self-hosted GitLab
	Gitea  Kind = "gitea"  // /api/v1 of Codeberg (Forgejo) or another Gitea
	FDroid Kind = "fdroid" // f-droid.org/api/v1/packages: versions, no dates
)

// forgeKind says which API serves repositories on host, or "" for a host
// that is not a known forge. It is the one place that lists hosts: add a
// self-hosted GitLab or Gitea here when a messenger's data cites one.
// github.com and gitlab.com are recognised by their names; the others are
// the ones the data cites today (Briar's GitLab, Cwtch's Gitea and
// Conversations' Codeberg).
func forgeKind(host string) Kind {
	switch host {
	case "github.com":
		return GitHub
	case "gitlab.com", "code.briarproject.org":
		return GitLab
	case "codeberg.org", "git.openprivacy.ca":
		return Gitea
	}
	return ""
}

// Feed is where a messenger's releases are published.
type Feed struct {
	Kind Kind
	// Host is the forge's web host (github.com, gitlab.com, codeberg.org,
	// f-droid.org): release pages are linked there, whatever BaseURL the
	// Fetcher reads the API from.
	Host string
	// Repo is the repository path (owner/name, or group/subgroup/project
	// on GitLab); for F-Droid the application id.
	Repo string
	// From is the data's URL the feed was derived from.
	From string
}

// String names the feed as "host/repo", e.g. github.com/signalapp/Signal-iOS.
func (f Feed) String() string {
	switch f.Kind {
	case "":
		return ""
	case FDroid:
		return "f-droid.org/packages/" + f.Repo
	}
	return f.Host + "/" + f.Repo
}

// Owner is the repository's owner (the first path segment), lowercased:
// the account or group that publishes it.
func (f Feed) Owner() string {
	owner, _, _ := strings.Cut(f.Repo, "/")
	return strings.ToLower(owner)
}

// FeedFromURL recognises a URL on a forge or F-Droid and returns the feed
// it belongs to. releasePage is true when the URL is a list of releases or
// tags or one of them (…/releases, …/releases/tag/v1, …/-/tags), which
// says the project publishes its releases there.
//
// Recognised forms:
//
//	https://github.com/<owner>/<repo>[/...]
//	https://gitlab.com/<group>[/<subgroup>...]/<project>[/-/...]
//	https://<gitea host>/<owner>/<repo>[/...]
//	https://f-droid.org/[<lang>/]packages/<appid>[/]
//	https://gitlab.com/fdroid/fdroiddata/-/blob/<ref>/metadata/<appid>.yml
func FeedFromURL(raw string) (feed Feed, releasePage bool, ok bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return Feed{}, false, false
	}
	host := strings.ToLower(strings.TrimPrefix(u.Host, "www."))
	segs := segments(u.Path)
	if host == "f-droid.org" {
		if len(segs) >= 3 && segs[1] == "packages" && len(segs[0]) <= 7 {
			segs = segs[1:] // a language: /en/packages/<id>, /zh_Hans/packages/<id>
		}
		if len(segs) >= 2 && segs[0] == "packages" && validAppID(segs[1]) {
			return Feed{Kind: FDroid, Host: host, Repo: segs[1], From: raw}, true, true
		}
		return Feed{}, false, false
	}
	kind := forgeKind(host)
	switch kind {
	case GitHub, Gitea:
		if len(segs) < 2 {
			return Feed{}, false, false
		}
		repo := segs[0] + "/" + strings.TrimSuffix(segs[1], ".git")
		page := len(segs) >= 3 && (segs[2] == "releases" || segs[2] == "tags")
		return Feed{Kind: kind, Host: host, Repo: repo, From: raw}, page, true
	case GitLab:
		project, rest, _ := cutSegment(segs, "-")
		if len(project) < 2 {
			return Feed{}, false, false
		}
		if host == "gitlab.com" && strings.EqualFold(strings.Join(project, "/"), "fdroid/fdroiddata") {
			// F-Droid's build recipe: metadata/<appid>.yml names the package.
			if len(rest) >= 4 && rest[0] == "blob" && rest[len(rest)-2] == "metadata" {
				if id, yml := strings.CutSuffix(rest[len(rest)-1], ".yml"); yml && validAppID(id) {
					return Feed{Kind: FDroid, Host: "f-droid.org", Repo: id, From: raw}, true, true
				}
			}
			return Feed{}, false, false
		}
		repo := strings.Join(project, "/")
		repo = strings.TrimSuffix(repo, ".git")
		page := len(rest) >= 1 && (rest[0] == "releases" || rest[0] == "tags")
		return Feed{Kind: GitLab, Host: host, Repo: repo, From: raw}, page, true
	}
	return Feed{}, false, false
}

// segments splits a URL path into its non-empty segments.
func segments(p string) []string {
	var out []string
	for s := range strings.SplitSeq(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// cutSegment splits segs around the first segment equal to sep.
func cutSegment(segs []string, sep string) (before, after []string, found bool) {
	for i, s := range segs {
		if s == sep {
			return segs[:i], segs[i+1:], true
		}
	}
	return segs, nil, false
}

// validAppID reports whether s looks like an Android application id
// (org.briarproject.briar.android): dot-separated Java identifiers.
func validAppID(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" {
			return false
		}
		for i, r := range p {
			letter := r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
			if !letter && (i == 0 || r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

// DetectFeed chooses app's release feed from the URLs its data cites, or
// explains why it has none. The rules, first match wins:
//
//  0. A discontinued messenger, or one whose open_source_client is not
//     true, has no feed: its releases are not published on a forge it
//     owns, and a repository its sources cite belongs to someone else (a
//     packager, a patch project, a mirror).
//  1. A release or tag page (…/releases/tag/v1, …/releases, …/-/tags)
//     among last_release's sources, on a repository of the messenger's
//     own: one whose host and owner appear among open_source_client's
//     sources.
//  2. Any other URL of such an own repository among last_release's
//     sources (a changelog, a commit), in the order given.
//  3. The first repository among open_source_client's sources.
//  4. An F-Droid package (f-droid.org/packages/<id>, or its build recipe
//     in fdroiddata) among last_release's or open_source_client's
//     sources. F-Droid's API gives versions but no dates, so this feed
//     only reports the version (see Fetcher.Newest).
func DetectFeed(app *App) (Feed, string) {
	if app.Discontinued != "" {
		return Feed{}, "discontinued on " + app.Discontinued + ": no new releases to expect"
	}
	if string(app.OpenSource.Value) != "true" {
		return Feed{}, "the client is not open source (open_source_client is not true): no release feed of its own"
	}
	own := map[string]bool{} // host + "/" + owner
	var repos []Feed
	for _, s := range app.OpenSource.Sources {
		if f, _, ok := FeedFromURL(s); ok && f.Kind != FDroid {
			own[f.Host+"/"+f.Owner()] = true
			repos = append(repos, f)
		}
	}
	var pages, others []Feed
	for _, s := range app.LastRelease.Sources {
		f, page, ok := FeedFromURL(s)
		if !ok || f.Kind == FDroid || !own[f.Host+"/"+f.Owner()] {
			continue
		}
		if page {
			pages = append(pages, f)
		} else {
			others = append(others, f)
		}
	}
	for _, list := range [][]Feed{pages, others, repos} {
		if len(list) > 0 {
			return list[0], ""
		}
	}
	for _, s := range slices.Concat(app.LastRelease.Sources, app.OpenSource.Sources) {
		if f, _, ok := FeedFromURL(s); ok && f.Kind == FDroid {
			return f, ""
		}
	}
	return Feed{}, "no source of last_release or open_source_client is a repository on a known forge or an F-Droid package"
}
