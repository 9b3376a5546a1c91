package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"msgcompare/app/catalog"
)

// copyData copies the repository's data directory to a temporary one.
func copyData(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "data")
	src := "../../../data"
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// now is after any date the data may hold, and the fake feeds' releases
// are dated the day before, so that every feed has a newer release
// whatever the data's current values.
var now = time.Date(2099, 12, 31, 12, 0, 0, 0, time.UTC)

// feeds answers every release list of GitHub, GitLab and Gitea with one
// release of 2099-12-30, and F-Droid's package API with a version.
func feeds(t *testing.T, status int) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if status != http.StatusOK {
			w.WriteHeader(status)
			return
		}
		p := r.URL.EscapedPath()
		host, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		switch {
		case strings.Contains(rest, "/packages/"):
			fmt.Fprint(w, `{"packageName":"x.y","suggestedVersionCode":2,"packages":[{"versionName":"2.0","versionCode":2}]}`)
		case strings.HasPrefix(rest, "api/v4/projects/") && strings.HasSuffix(rest, "/releases"):
			fmt.Fprintf(w, `[{"tag_name":"v99.0","released_at":"2099-12-30T10:00:00Z","upcoming_release":false,"_links":{"self":"https://%s/x/-/releases/v99.0"}}]`, host)
		case strings.HasSuffix(rest, "/berty/berty/releases"): // a page URL the loader refuses
			fmt.Fprint(w, `[{"tag_name":"v99.0","html_url":"https://github.com/berty/berty/releases/tag/v 99.0","draft":false,"prerelease":false,"published_at":"2099-12-30T10:00:00Z"}]`)
		case strings.HasSuffix(rest, "/releases"):
			fmt.Fprintf(w, `[{"tag_name":"v99.0","html_url":"https://%s/x/releases/tag/v99.0","draft":false,"prerelease":false,"published_at":"2099-12-30T10:00:00Z"}]`, strings.TrimPrefix(host, "api."))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func runCmd(t *testing.T, srv *httptest.Server, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), options{
		args:    args,
		getenv:  func(string) string { return "" },
		stdout:  &out,
		stderr:  &errOut,
		now:     now,
		baseURL: func(host string) string { return srv.URL + "/" + host },
	})
	return code, out.String(), errOut.String()
}

func TestRunWrite(t *testing.T) {
	data := copyData(t)
	signal := filepath.Join(data, "apps/signal.json")
	before, _ := os.ReadFile(signal)
	code, stdout, stderr := runCmd(t, feeds(t, http.StatusOK), "-data", data, "-write")
	t.Log(stderr)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"signal: updated", "whatsapp: no feed",
		`berty: error: the proposal would not validate: ` + filepath.ToSlash(data) + `/apps/berty.json: values.last_release.sources[0]: expected an http(s) URL, got "https://github.com/berty/berty/releases/tag/v 99.0"`, "skype: no feed: discontinued", "written; review with git diff"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if !strings.Contains(stdout, "--- a/"+strings.TrimPrefix(filepath.ToSlash(signal), "/")) || !strings.Contains(stdout, `+      "verified": "2099-12-31",`) {
		t.Errorf("stdout lacks signal's diff:\n%.2000s", stdout)
	}
	after, _ := os.ReadFile(signal)
	if string(after) == string(before) || !strings.Contains(string(after), `"until": "2099-12-30"`) {
		t.Errorf("signal.json not written:\n%s", after)
	}
	if strings.Contains(stdout, "berty.json") {
		t.Error("the diff has berty's invalid proposal")
	}
	if b, _ := os.ReadFile(filepath.Join(data, "apps/berty.json")); strings.Contains(string(b), "v 99.0") {
		t.Error("berty's invalid proposal was written")
	}
	if _, err := catalog.Load(os.DirFS(data), catalog.Options{Dir: data, Today: "2099-12-31"}); err != nil {
		t.Errorf("the written data does not load:\n%v", err)
	}
	// A second run finds nothing newer and writes nothing.
	code, stdout, stderr = runCmd(t, feeds(t, http.StatusOK), "-data", data, "-write", "-only", "signal,briar")
	if code != 0 || stdout != "" || strings.Contains(stderr, ": updated") {
		t.Errorf("second run: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	if again, _ := os.ReadFile(signal); string(again) != string(after) {
		t.Error("the second run changed signal.json")
	}
}

func TestRunDiffOnly(t *testing.T) {
	data := copyData(t)
	before, _ := os.ReadFile(filepath.Join(data, "apps/briar.json"))
	code, stdout, stderr := runCmd(t, feeds(t, http.StatusOK), "-data", data, "-only", "briar,conversations,whatsapp")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if got := strings.Count(stderr, "\n"); got != 5 { // three messengers, the summary, the hint
		t.Errorf("stderr:\n%s", stderr)
	}
	if !strings.Contains(stderr, "briar: updated") || !strings.Contains(stderr, "conversations: updated") || !strings.Contains(stdout, "codeberg.org") {
		t.Errorf("stderr:\n%s\nstdout:\n%s", stderr, stdout)
	}
	if after, _ := os.ReadFile(filepath.Join(data, "apps/briar.json")); string(after) != string(before) {
		t.Error("briar.json changed without -write")
	}
	// The diff applies with git apply and the result loads.
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	// The temporary directory is not below the working directory, so
	// the diff names the files by their absolute paths, without the
	// leading "/".
	if !strings.Contains(stdout, "--- a/"+strings.TrimPrefix(filepath.ToSlash(data), "/")+"/apps/briar.json\n") {
		t.Errorf("diff header:\n%.300s", stdout)
	}
	cmd := exec.Command(git, "apply", "-")
	cmd.Dir = "/"
	cmd.Stdin = strings.NewReader(stdout)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	if after, _ := os.ReadFile(filepath.Join(data, "apps/briar.json")); string(after) == string(before) {
		t.Error("git apply did not change briar.json")
	}
	if _, err := catalog.Load(os.DirFS(data), catalog.Options{Dir: data, Today: "2099-12-31"}); err != nil {
		t.Errorf("the patched data does not load:\n%v", err)
	}
}

func TestRunFeedErrors(t *testing.T) {
	data := copyData(t)
	code, stdout, stderr := runCmd(t, feeds(t, http.StatusInternalServerError), "-data", data, "-write")
	if code != 0 || stdout != "" {
		t.Errorf("exit %d, stdout %q: network errors are per messenger", code, stdout)
	}
	if !regexp.MustCompile(`signal: error: github.com/signalapp/Signal-[A-Za-z]+: HTTP 500`).MatchString(stderr) || strings.Contains(stderr, ": updated") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func TestRunUsage(t *testing.T) {
	data := copyData(t)
	srv := feeds(t, http.StatusOK)
	for _, args := range [][]string{
		{"-nosuchflag"},
		{"-data", data, "extra"},
		{"-data", data, "-concurrency", "0"},
		{"-data", data, "-only", "nosuchapp"},
		{"-data", filepath.Join(data, "missing")},
	} {
		if code, _, stderr := runCmd(t, srv, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2\n%s", args, code, stderr)
		}
	}
	// Data that does not validate is not refreshed.
	os.WriteFile(filepath.Join(data, "presets.json"), []byte("{"), 0o644)
	if code, _, stderr := runCmd(t, srv, "-data", data); code != 1 || !strings.Contains(stderr, "does not validate") {
		t.Errorf("invalid data: exit %d\n%s", code, stderr)
	}
}

func TestShownName(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"data/apps/signal.json":                          "data/apps/signal.json",
		filepath.Join(wd, "data", "apps", "signal.json"): "data/apps/signal.json",
		"/elsewhere/data/apps/signal.json":               "/elsewhere/data/apps/signal.json",
	} {
		if got := shownName(in); got != want {
			t.Errorf("shownName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteFileEditedMeanwhile: a file edited since it was read is not
// overwritten.
func TestWriteFileEditedMeanwhile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(name, []byte("edited\n"), 0o600)
	if err := writeFile(name, []byte("read\n"), []byte("proposed\n")); err == nil || !strings.Contains(err.Error(), "changed since it was read") {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(name); string(b) != "edited\n" {
		t.Errorf("file now %q", b)
	}
	if err := writeFile(name, []byte("edited\n"), []byte("proposed\n")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(name)
	info, _ := os.Stat(name)
	if string(b) != "proposed\n" || info.Mode().Perm() != 0o600 {
		t.Errorf("written %q, mode %v", b, info.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(name), ".refresh-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
