package refresh

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// route is one recorded response of the test server: a fixture file
// under testdata, or a body, with a status (default 200).
type route struct {
	file   string
	body   string
	status int
	header map[string]string
}

// apiServer serves routes by escaped path ("/api.github.com/repos/..."),
// 404 for the rest, and records the requests it got.
type apiServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []*http.Request
}

func serve(t *testing.T, routes map[string]route) *apiServer {
	t.Helper()
	s := &apiServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.reqs = append(s.reqs, r.Clone(context.Background()))
		s.mu.Unlock()
		rt, ok := routes[r.URL.EscapedPath()]
		if !ok {
			http.Error(w, `{"message":"Not Found"}`, http.StatusNotFound)
			return
		}
		body := []byte(rt.body)
		if rt.file != "" {
			var err error
			if body, err = os.ReadFile(filepath.Join("testdata", rt.file)); err != nil {
				t.Errorf("fixture: %v", err)
			}
		}
		for k, v := range rt.header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		if rt.status != 0 {
			w.WriteHeader(rt.status)
		}
		w.Write(body)
	}))
	t.Cleanup(s.Close)
	return s
}

// fetcher reads every host's API from s.
func (s *apiServer) fetcher(cfg Config) *Fetcher {
	cfg.BaseURL = func(host string) string { return s.URL + "/" + host }
	return NewFetcher(cfg)
}

func (s *apiServer) requests() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

var (
	ghAndroid = Feed{Kind: GitHub, Host: "github.com", Repo: "example/chat-android"}
	ghIOS     = Feed{Kind: GitHub, Host: "github.com", Repo: "example/Chat-iOS"}
)

func TestFeedFromURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want Feed
		page bool
		ok   bool
	}{
		{"https://github.com/signalapp/Signal-iOS/releases/tag/8.23.0.1789", Feed{GitHub, "github.com", "signalapp/Signal-iOS", ""}, true, true},
		{"https://github.com/TryQuiet/quiet/releases", Feed{GitHub, "github.com", "TryQuiet/quiet", ""}, true, true},
		{"https://github.com/example/chat/tags", Feed{GitHub, "github.com", "example/chat", ""}, true, true},
		{"https://github.com/briar/briar/commit/b46d008", Feed{GitHub, "github.com", "briar/briar", ""}, false, true},
		{"https://github.com/berty/berty", Feed{GitHub, "github.com", "berty/berty", ""}, false, true},
		{"https://www.github.com/example/chat.git", Feed{GitHub, "github.com", "example/chat", ""}, false, true},
		{"https://github.com/holepunchto", Feed{}, false, false},
		{"https://gitlab.com/example/apps/chat/-/releases/release-1.5.20", Feed{GitLab, "gitlab.com", "example/apps/chat", ""}, true, true},
		{"https://gitlab.com/example/chat/-/tags", Feed{GitLab, "gitlab.com", "example/chat", ""}, true, true},
		{"https://code.briarproject.org/briar/briar", Feed{GitLab, "code.briarproject.org", "briar/briar", ""}, false, true},
		{"https://gitlab.com/example", Feed{}, false, false},
		{"https://codeberg.org/iNPUTmice/Conversations/src/branch/master/CHANGELOG.md", Feed{Gitea, "codeberg.org", "iNPUTmice/Conversations", ""}, false, true},
		{"https://git.openprivacy.ca/cwtch.im/cwtch-ui/releases", Feed{Gitea, "git.openprivacy.ca", "cwtch.im/cwtch-ui", ""}, true, true},
		{"https://f-droid.org/packages/org.briarproject.briar.android/", Feed{FDroid, "f-droid.org", "org.briarproject.briar.android", ""}, true, true},
		{"https://f-droid.org/en/packages/eu.siacs.conversations", Feed{FDroid, "f-droid.org", "eu.siacs.conversations", ""}, true, true},
		{"https://gitlab.com/fdroid/fdroiddata/-/blob/master/metadata/chat.simplex.app.yml", Feed{FDroid, "f-droid.org", "chat.simplex.app", ""}, true, true},
		{"https://gitlab.com/fdroid/fdroiddata/-/commits/master", Feed{}, false, false},
		{"https://f-droid.org/en/docs/", Feed{}, false, false},
		{"https://signal.org/blog/", Feed{}, false, false},
		{"ftp://github.com/a/b", Feed{}, false, false},
	} {
		got, page, ok := FeedFromURL(tc.url)
		if ok {
			tc.want.From = tc.url
		}
		if got != tc.want || page != tc.page || ok != tc.ok {
			t.Errorf("FeedFromURL(%q) = %+v, %v, %v; want %+v, %v, %v", tc.url, got, page, ok, tc.want, tc.page, tc.ok)
		}
	}
}

func app(lastRelease, openSource []string, osValue string) *App {
	return &App{ID: "chat", File: "data/apps/chat.json",
		LastRelease: Cell{Value: []byte(`"2026-08-20"`), Sources: lastRelease},
		OpenSource:  Cell{Value: []byte(osValue), Sources: openSource}}
}

func TestDetectFeed(t *testing.T) {
	own := []string{"https://github.com/example/chat-android", "https://github.com/example/Chat-iOS"}
	for _, tc := range []struct {
		name        string
		app         *App
		want        string // Feed.String(), "" for none
		wantFrom    string
		whyContains string
	}{
		{"release page first", app([]string{
			"https://github.com/example/chat-android/blob/main/CHANGELOG.md",
			"https://github.com/EXAMPLE/Chat-iOS/releases/tag/8.30.1.5"}, own, "true"),
			"github.com/EXAMPLE/Chat-iOS", "https://github.com/EXAMPLE/Chat-iOS/releases/tag/8.30.1.5", ""},
		{"another own URL", app([]string{
			"https://gitlab.com/fdroid/fdroiddata/-/blob/master/metadata/org.example.chat.yml",
			"https://github.com/example/chat-android/blob/main/CHANGELOG.md"}, own, "true"),
			"github.com/example/chat-android", "https://github.com/example/chat-android/blob/main/CHANGELOG.md", ""},
		{"someone else's release page is not the messenger's", app([]string{
			"https://github.com/patcher/ChatPatch/releases/tag/v0.31.0"}, own, "true"),
			"github.com/example/chat-android", "https://github.com/example/chat-android", ""},
		{"same owner on another host is not the same", app([]string{
			"https://github.com/briar/briar/commit/b46d008"}, []string{"https://code.briarproject.org/briar/briar"}, "true"),
			"code.briarproject.org/briar/briar", "https://code.briarproject.org/briar/briar", ""},
		{"F-Droid when no repository", app([]string{
			"https://gitlab.com/fdroid/fdroiddata/-/blob/master/metadata/org.example.chat.yml"}, []string{"https://chat.example.org/source"}, "true"),
			"f-droid.org/packages/org.example.chat", "https://gitlab.com/fdroid/fdroiddata/-/blob/master/metadata/org.example.chat.yml", ""},
		{"closed source", app([]string{"https://github.com/patcher/ChatPatch/releases/tag/v0.31.0"}, nil, "false"),
			"", "", "not open source"},
		{"unknown openness", app(nil, own, "null"), "", "", "not open source"},
		{"nothing on a forge", app([]string{"https://chat.example.org/news"}, []string{"https://chat.example.org/source"}, "true"),
			"", "", "no source"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			feed, why := DetectFeed(tc.app)
			if feed.String() != tc.want || feed.From != tc.wantFrom || !strings.Contains(why, tc.whyContains) || (tc.want == "") != (why != "") {
				t.Errorf("DetectFeed = %q from %q, %q; want %q from %q, %q", feed, feed.From, why, tc.want, tc.wantFrom, tc.whyContains)
			}
		})
	}
	discontinued := app(nil, own, "true")
	discontinued.Discontinued = "2025-05-05"
	if feed, why := DetectFeed(discontinued); feed.Kind != "" || !strings.Contains(why, "discontinued on 2025-05-05") {
		t.Errorf("discontinued: %v, %q", feed, why)
	}
}

// TestDetectFeedData checks the rules on the real data: every open-source
// messenger that still exists has a feed, and no other has one.
func TestDetectFeedData(t *testing.T) {
	files, err := filepath.Glob("../../data/apps/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no data files: %v", err)
	}
	feeds := 0
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseApp(name, b)
		if err != nil {
			t.Fatal(err)
		}
		feed, why := DetectFeed(a)
		open := string(a.OpenSource.Value) == "true" && a.Discontinued == ""
		if open != (feed.Kind != "") {
			t.Errorf("%s: open source and active %v, but feed %q (%s)", a.ID, open, feed, why)
		}
		if feed.Kind != "" {
			feeds++
			t.Logf("%s: %s (from %s)", a.ID, feed, feed.From)
		} else {
			t.Logf("%s: no feed: %s", a.ID, why)
		}
	}
	if feeds == 0 {
		t.Error("no messenger has a feed")
	}
}

func TestNewestGitHubReleases(t *testing.T) {
	s := serve(t, map[string]route{"/api.github.com/repos/example/chat-android/releases": {file: "github/releases.json"}})
	rel, err := s.fetcher(Config{GitHubToken: "t0ken", UserAgent: "test-agent"}).Newest(context.Background(), ghAndroid)
	want := Release{Version: "v2.60.0", Date: "2026-11-20", URL: "https://github.com/example/chat-android/releases/tag/v2.60.0"}
	if err != nil || rel != want {
		t.Fatalf("Newest = %+v, %v; want %+v (the draft and the pre-release skipped)", rel, err, want)
	}
	req := s.requests()[0]
	if got := req.URL.Query().Get("per_page"); got != "30" {
		t.Errorf("per_page = %q", got)
	}
	for h, want := range map[string]string{"User-Agent": "test-agent", "Authorization": "Bearer t0ken", "Accept": "application/vnd.github+json"} {
		if got := req.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
}

func TestNewestGitHubPreReleasesOnly(t *testing.T) {
	s := serve(t, map[string]route{"/api.github.com/repos/example/chat-android/releases": {file: "github/releases-prerelease-only.json"}})
	_, err := s.fetcher(Config{}).Newest(context.Background(), ghAndroid)
	if !errors.Is(err, ErrNoRelease) {
		t.Fatalf("err = %v, want ErrNoRelease", err)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("%d requests: a repository with releases is not read for tags", n)
	}
}

func TestNewestGitHubTags(t *testing.T) {
	s := serve(t, map[string]route{
		"/api.github.com/repos/example/Chat-iOS/releases":                                         {file: "github/releases-empty.json"},
		"/api.github.com/repos/example/Chat-iOS/tags":                                             {file: "github/tags.json"},
		"/api.github.com/repos/example/Chat-iOS/commits/c0ffee0000000000000000000000000000000003": {file: "github/commit-c0ffee0000000000000000000000000000000003.json"},
		"/api.github.com/repos/example/Chat-iOS/commits/c0ffee0000000000000000000000000000000002": {file: "github/commit-c0ffee0000000000000000000000000000000002.json"},
	})
	rel, err := s.fetcher(Config{}).Newest(context.Background(), ghIOS)
	want := Release{Version: "8.30.1.5", Date: "2026-11-24", URL: "https://github.com/example/Chat-iOS/releases/tag/8.30.1.5", Tag: true}
	if err != nil || rel != want {
		t.Fatalf("Newest = %+v, %v; want %+v (the rc tag skipped)", rel, err, want)
	}
	for _, r := range s.requests() {
		if r.Header.Get("Authorization") != "" {
			t.Errorf("%s: Authorization sent without a token", r.URL)
		}
	}
	// TagDates bounds the commits read.
	s2 := serve(t, map[string]route{
		"/api.github.com/repos/example/Chat-iOS/releases":                                         {file: "github/releases-empty.json"},
		"/api.github.com/repos/example/Chat-iOS/tags":                                             {file: "github/tags.json"},
		"/api.github.com/repos/example/Chat-iOS/commits/c0ffee0000000000000000000000000000000003": {file: "github/commit-c0ffee0000000000000000000000000000000003.json"},
	})
	if rel, err := s2.fetcher(Config{TagDates: 1}).Newest(context.Background(), ghIOS); err != nil || rel.Version != "8.30.1.5" || len(s2.requests()) != 3 {
		t.Errorf("TagDates 1: %+v, %v, %d requests", rel, err, len(s2.requests()))
	}
}

func TestNewestGitLab(t *testing.T) {
	feed := Feed{Kind: GitLab, Host: "gitlab.com", Repo: "example/apps/chat"}
	s := serve(t, map[string]route{"/gitlab.com/api/v4/projects/example%2Fapps%2Fchat/releases": {file: "gitlab/releases.json"}})
	rel, err := s.fetcher(Config{GitHubToken: "t0ken"}).Newest(context.Background(), feed)
	want := Release{Version: "release-1.5.20", Date: "2026-10-02", URL: "https://gitlab.com/example/apps/chat/-/releases/release-1.5.20"}
	if err != nil || rel != want {
		t.Fatalf("releases: Newest = %+v, %v; want %+v (the upcoming release skipped)", rel, err, want)
	}
	if got := s.requests()[0].Header.Get("Authorization"); got != "" {
		t.Errorf("the GitHub token was sent to GitLab: %q", got)
	}

	s = serve(t, map[string]route{
		"/code.briarproject.org/api/v4/projects/example%2Fchat/releases":        {body: "[]"},
		"/code.briarproject.org/api/v4/projects/example%2Fchat/repository/tags": {file: "gitlab/tags.json"},
	})
	feed = Feed{Kind: GitLab, Host: "code.briarproject.org", Repo: "example/chat"}
	rel, err = s.fetcher(Config{}).Newest(context.Background(), feed)
	want = Release{Version: "release-1.5.21", Date: "2026-11-19", URL: "https://code.briarproject.org/example/chat/-/tags/release-1.5.21", Tag: true}
	if err != nil || rel != want {
		t.Fatalf("tags: Newest = %+v, %v; want %+v (beta skipped, dated in UTC)", rel, err, want)
	}
}

func TestNewestGitea(t *testing.T) {
	feed := Feed{Kind: Gitea, Host: "codeberg.org", Repo: "example/Chat"}
	s := serve(t, map[string]route{"/codeberg.org/api/v1/repos/example/Chat/releases": {file: "gitea/releases.json"}})
	rel, err := s.fetcher(Config{}).Newest(context.Background(), feed)
	want := Release{Version: "2.20.3", Date: "2026-11-01", URL: "https://codeberg.org/example/Chat/releases/tag/2.20.3"}
	if err != nil || rel != want {
		t.Fatalf("releases: Newest = %+v, %v; want %+v", rel, err, want)
	}
	if got := s.requests()[0].URL.Query().Get("limit"); got != "30" {
		t.Errorf("limit = %q", got)
	}
	s = serve(t, map[string]route{
		"/codeberg.org/api/v1/repos/example/Chat/releases": {body: "[]"},
		"/codeberg.org/api/v1/repos/example/Chat/tags":     {file: "gitea/tags.json"},
	})
	rel, err = s.fetcher(Config{}).Newest(context.Background(), feed)
	want = Release{Version: "2.20.3", Date: "2026-11-01", URL: "https://codeberg.org/example/Chat/releases/tag/2.20.3", Tag: true}
	if err != nil || rel != want {
		t.Fatalf("tags: Newest = %+v, %v; want %+v", rel, err, want)
	}
}

func TestNewestFDroid(t *testing.T) {
	feed := Feed{Kind: FDroid, Host: "f-droid.org", Repo: "org.example.chat"}
	s := serve(t, map[string]route{"/f-droid.org/api/v1/packages/org.example.chat": {file: "fdroid/package.json"}})
	rel, err := s.fetcher(Config{}).Newest(context.Background(), feed)
	want := Release{Version: "1.5.20", URL: "https://f-droid.org/packages/org.example.chat/"}
	if err != nil || rel != want {
		t.Fatalf("Newest = %+v, %v; want %+v (the suggested version, no date)", rel, err, want)
	}
	res := Propose(app(nil, nil, "true"), feed, rel, "2026-12-07")
	if res.Status != Undated || res.New != nil || !strings.Contains(res.Reason, "1.5.20") {
		t.Errorf("Propose = %s, %q", res.Status, res.Reason)
	}
}

func TestNewestErrors(t *testing.T) {
	big := "[" + strings.Repeat(`{"tag_name":"v1","draft":false},`, 100) + `{"tag_name":"v1"}]`
	s := serve(t, map[string]route{
		"/api.github.com/repos/e/missing/releases":   {status: 404, body: `{"message":"Not Found"}`},
		"/api.github.com/repos/e/broken/releases":    {status: 500, body: "oops"},
		"/api.github.com/repos/e/malformed/releases": {file: "malformed.json"},
		"/api.github.com/repos/e/big/releases":       {body: big},
		"/api.github.com/repos/e/limited/releases": {status: 403, body: `{"message":"API rate limit exceeded"}`,
			header: map[string]string{"X-RateLimit-Remaining": "0"}},
		"/api.github.com/repos/e/notags/releases": {body: "[]"},
		"/api.github.com/repos/e/notags/tags":     {body: "[]"},
	})
	f := s.fetcher(Config{MaxBytes: 1000})
	for repo, want := range map[string]string{
		"e/missing":   "HTTP 404 Not Found from " + s.URL + "/api.github.com/repos/e/missing/releases?per_page=30",
		"e/broken":    "HTTP 500 Internal Server Error",
		"e/malformed": "malformed JSON from",
		"e/big":       "response too large",
		"e/limited":   "rate limit is used up",
		"e/notags":    "no stable release or tag found",
	} {
		_, err := f.Newest(context.Background(), Feed{Kind: GitHub, Host: "github.com", Repo: repo})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", repo, err, want)
		}
	}
	var he *HTTPError
	if _, err := f.Newest(context.Background(), Feed{Kind: GitHub, Host: "github.com", Repo: "e/missing"}); !errors.As(err, &he) || he.Status != 404 {
		t.Errorf("404: %v is not an *HTTPError", err)
	}
	if _, err := f.Newest(context.Background(), Feed{Kind: GitHub, Host: "github.com", Repo: "e/big"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("big: %v is not ErrTooLarge", err)
	}
}

func readApp(t *testing.T, name string) *App {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/apps", name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseApp("data/apps/chat.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestProposeNewer(t *testing.T) {
	a := readApp(t, "chat.json")
	rel := Release{Version: "v2.60.0", Date: "2026-11-20", URL: "https://github.com/example/chat-android/releases/tag/v2.60.0"}
	feed, _ := DetectFeed(a)
	if feed.String() != "github.com/example/chat-android" {
		t.Fatalf("feed %s", feed)
	}
	res := Propose(a, feed, rel, "2026-12-07")
	if res.Status != Updated || res.Reason != "2026-08-20 → 2026-11-20 (v2.60.0 from github.com/example/chat-android)" {
		t.Fatalf("Propose = %s: %s", res.Status, res.Reason)
	}
	want, _ := os.ReadFile("testdata/apps/chat.want.json")
	if string(res.New) != string(want) {
		t.Errorf("proposed file:\n%s\nwant (testdata/apps/chat.want.json):\n%s", res.New, want)
	}
	wantDiff, _ := os.ReadFile("testdata/apps/chat.diff")
	if got := Diff(a.File, a.Data, res.New); got != string(wantDiff) {
		t.Errorf("diff:\n%s\nwant (testdata/apps/chat.diff):\n%s", got, wantDiff)
	}
	if string(a.Data) == string(res.New) {
		t.Error("Propose changed the app's data in place")
	}

	// A second release: appended to the history, oldest first.
	b := readApp(t, "chat.want.json")
	res = Propose(b, feed, Release{Version: "v2.61.0", Date: "2026-12-05", URL: "https://github.com/example/chat-android/releases/tag/v2.61.0"}, "2026-12-07")
	if res.Status != Updated {
		t.Fatalf("second: %s: %s", res.Status, res.Reason)
	}
	again, err := ParseApp(b.File, res.New)
	if err != nil {
		t.Fatal(err)
	}
	if h := again.LastRelease.History; len(h) != 2 || h[0].Until != "2026-11-20" || h[1].Until != "2026-12-05" {
		t.Errorf("history %+v", h)
	}
}

func TestProposeNotNewer(t *testing.T) {
	a := readApp(t, "chat.json")
	for _, date := range []string{"2026-08-20", "2026-07-01"} {
		res := Propose(a, ghAndroid, Release{Version: "v2.59.0", Date: date, URL: "https://github.com/example/chat-android/releases/tag/v2.59.0"}, "2026-12-07")
		if res.Status != Unchanged || res.New != nil || !strings.Contains(res.Reason, "not newer than the recorded 2026-08-20") {
			t.Errorf("%s: %s: %s", date, res.Status, res.Reason)
		}
	}
}

func TestProposeUnknownValue(t *testing.T) {
	a := readApp(t, "chat.json")
	data := strings.Replace(string(a.Data), `"value": "2026-08-20"`, `"value": null`, 1)
	a, err := ParseApp(a.File, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	res := Propose(a, ghAndroid, Release{Version: "v2.60.0", Date: "2026-11-20", URL: "https://github.com/example/chat-android/releases/tag/v2.60.0"}, "2026-12-07")
	if res.Status != Updated || strings.Contains(string(res.New), `"history"`) || !strings.Contains(res.Reason, "unknown → 2026-11-20") {
		t.Errorf("%s: %s\n%s", res.Status, res.Reason, res.New)
	}
}

func TestProposeRefused(t *testing.T) {
	a := readApp(t, "chat.json")
	rel := Release{Version: "v9", Date: "2026-12-08", URL: "https://github.com/example/chat-android/releases/tag/v9"}
	if res := Propose(a, ghAndroid, rel, "2026-12-07"); res.Status != Failed || !strings.Contains(res.Reason, "after today") {
		t.Errorf("future release: %s: %s", res.Status, res.Reason)
	}
	// An earlier history entry that ends after the new release: the
	// history's dates would not increase.
	b := readApp(t, "chat.want.json")
	b.LastRelease.Value = []byte(`"2026-11-01"`)
	rel.Date = "2026-11-10"
	if res := Propose(b, ghAndroid, rel, "2026-12-07"); res.Status != Failed || !strings.Contains(res.Reason, "history") {
		t.Errorf("history out of order: %s: %s", res.Status, res.Reason)
	}
}

func TestDiff(t *testing.T) {
	if d := Diff("x", []byte("a\n"), []byte("a\n")); d != "" {
		t.Errorf("equal files: %q", d)
	}
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n"
	new := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\nseventeen"
	want := `--- a/x
+++ b/x
@@ -1,6 +1,6 @@
 1
 2
-3
+three
 4
 5
 6
@@ -14,3 +14,4 @@
 14
 15
 16
+seventeen
\ No newline at end of file
`
	if got := Diff("x", []byte(old), []byte(new)); got != want {
		t.Errorf("Diff:\n%s\nwant:\n%s", got, want)
	}
}

// TestDiffApplies checks that git apply takes the diff and makes the
// proposed file.
func TestDiffApplies(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	old, _ := os.ReadFile("testdata/apps/chat.json")
	want, _ := os.ReadFile("testdata/apps/chat.want.json")
	diff, _ := os.ReadFile("testdata/apps/chat.diff")
	if err := os.MkdirAll(filepath.Join(dir, "data/apps"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "data/apps/chat.json"), old, 0o644)
	os.WriteFile(filepath.Join(dir, "p.diff"), diff, 0o644)
	cmd := exec.Command(git, "apply", "p.diff")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "data/apps/chat.json")); string(got) != string(want) {
		t.Errorf("applied:\n%s", got)
	}
}

func TestRefresh(t *testing.T) {
	s := serve(t, map[string]route{
		"/api.github.com/repos/example/chat-android/releases": {file: "github/releases.json"},
		"/api.github.com/repos/example/old/releases":          {file: "github/releases.json"},
		"/api.github.com/repos/example/broken/releases":       {status: 500},
		"/api.github.com/repos/example/malformed/releases":    {file: "malformed.json"},
	})
	base := readApp(t, "chat.json")
	variant := func(id, repo, recorded string) *App {
		data := strings.ReplaceAll(string(base.Data), "example/chat-android", "example/"+repo)
		data = strings.Replace(data, `"value": "2026-08-20"`, `"value": "`+recorded+`"`, 1)
		a, err := ParseApp("data/apps/"+id+".json", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		a.ID = id
		return a
	}
	closed := variant("closed", "x", "2026-08-20")
	closed.OpenSource.Value = []byte("false")
	apps := []*App{
		variant("newer", "chat-android", "2026-08-20"),
		variant("same", "old", "2026-11-20"),
		closed,
		variant("broken", "broken", "2026-08-20"),
		variant("missing", "missing", "2026-08-20"),
		variant("malformed", "malformed", "2026-08-20"),
	}
	results := Refresh(context.Background(), s.fetcher(Config{}), apps, "2026-12-07", 2)
	want := []Status{Updated, Unchanged, NoFeed, Failed, Failed, Failed}
	for i, r := range results {
		if r.App != apps[i] || r.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", apps[i].ID, r.Status, r.Reason, want[i])
		}
		t.Log(r)
	}
	if got := Summary(results); got != "1 updated, 1 unchanged, 1 no feed, 3 error" {
		t.Errorf("Summary = %q", got)
	}
	for _, r := range results[3:] {
		if !strings.Contains(r.Reason, "github.com/example/") {
			t.Errorf("%s: the reason does not name the feed: %s", r.App.ID, r.Reason)
		}
	}
}

// TestValidate checks proposals against the real data with the catalog
// loader: a proposal for a real file validates, a broken one does not.
func TestValidate(t *testing.T) {
	data := os.DirFS("../../data")
	b, err := os.ReadFile("../../data/apps/signal.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseApp("data/apps/signal.json", b)
	if err != nil {
		t.Fatal(err)
	}
	today := "2099-12-31" // after any date the data may hold
	rel := Release{Version: "v99.0.0", Date: "2099-12-30", URL: "https://github.com/signalapp/Signal-Desktop/releases/tag/v99.0.0"}
	res := Propose(a, Feed{Kind: GitHub, Host: "github.com", Repo: "signalapp/Signal-Desktop"}, rel, today)
	if res.Status != Updated {
		t.Fatalf("%s: %s", res.Status, res.Reason)
	}
	if errs := Validate(data, "data", map[string][]byte{"apps/signal.json": res.New}, today); errs != nil {
		t.Errorf("the proposal does not validate:\n%v", errs)
	}
	broken := strings.Replace(string(res.New), `"until": "2099-12-30"`, `"until": "2100-01-01"`, 1)
	errs := Validate(data, "data", map[string][]byte{"apps/signal.json": []byte(broken)}, today)
	if len(errs) == 0 || errs[0].File != "data/apps/signal.json" {
		t.Errorf("a history entry after verified validates: %v", errs)
	}
}
