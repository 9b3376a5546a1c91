package catalog

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite the want lines of testdata/broken/*.txt")

const today = "2026-11-25"

// validFS returns the valid test catalog as an in-memory file system that a
// test may change.
func validFS(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := filepath.Join("testdata", "valid")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func TestLoadValidCatalog(t *testing.T) {
	cat, err := Load(validFS(t), Options{Today: today})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got, want := len(cat.Apps), 3; got != want {
		t.Errorf("apps = %d, want %d", got, want)
	}
	if cat.Updated != "2026-01-04" {
		t.Errorf("Updated = %q, want the newest verified date 2026-01-04", cat.Updated)
	}
	if len(cat.Version) != 12 {
		t.Errorf("Version = %q, want a 12-digit content hash", cat.Version)
	}
	alpha := cat.App("alpha")
	tests := []struct {
		criterion string
		want      string
	}{
		{"phone_number_required", "true"},
		{"architecture", "centralized"},
		{"platforms", "android|ios"},
		{"group_size_limit", "1000"},
		{"first_release", "2014-07-29"},
		{"audits", "2016 Example Labs"},
	}
	for _, tt := range tests {
		if got := alpha.Cell(tt.criterion).Value.String(); got != tt.want {
			t.Errorf("alpha %s = %q, want %q", tt.criterion, got, tt.want)
		}
	}
	if h := alpha.Cell("forward_secrecy").History; len(h) != 1 || h[0].Value.Bool || h[0].Until != "2020-05-01" {
		t.Errorf("alpha forward_secrecy history = %+v, want one entry false until 2020-05-01", h)
	}
	if !cat.App("beta").Cell("forward_secrecy").Value.Null {
		t.Error("beta forward_secrecy should be unknown (null)")
	}
	if v := cat.App("beta").Cell("group_size_limit").Value; !v.Unlimited || v.Null || v.String() != "unlimited" {
		t.Errorf("beta group_size_limit = %+v, want no limit (Unlimited, not Null)", v)
	}
}

// TestDatesCheckedIgnoresASlowClock: a server whose clock is behind the
// build machine's starts with the catalog it carries, whose dates the
// build checked; the same files from disk, as make validate reads them,
// are held to the host's date.
func TestDatesCheckedIgnoresASlowClock(t *testing.T) {
	behind := "2026-01-01" // the newest verified date is 2026-01-04
	tests := []struct {
		name string
		opt  Options
		want string // "" for no error
	}{
		{"the embedded catalog loads on a clock three days behind", Options{Today: behind, DatesChecked: true}, ""},
		{"files from disk are held to the host's date", Options{Today: behind}, "is in the future (today is 2026-01-01)"},
		{"a clock on time accepts both", Options{Today: today}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(validFS(t), tt.opt)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Load: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Load error = %v, want one saying %q", err, tt.want)
			}
		})
	}
}

// TestNoLimitInJSON: /api/catalog.json keeps the value null, as the public
// contract has it, and says "unlimited": true beside it; other cells carry
// no unlimited field.
func TestNoLimitInJSON(t *testing.T) {
	cat, err := Load(validFS(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(cat.App("beta").Cell("group_size_limit"))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if v, ok := got["value"]; !ok || v != nil || got["unlimited"] != true {
		t.Errorf("beta group_size_limit JSON = %s, want \"value\": null and \"unlimited\": true", b)
	}
	b, _ = json.Marshal(cat.App("alpha").Cell("group_size_limit"))
	if strings.Contains(string(b), "unlimited") || !strings.Contains(string(b), `"value":1000`) {
		t.Errorf("alpha group_size_limit JSON = %s, want value 1000 and no unlimited field", b)
	}
}

func TestVersionChangesWithTheData(t *testing.T) {
	fsys := validFS(t)
	a, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := fsys["apps/beta.json"]
	f.Data = []byte(strings.Replace(string(f.Data), "Beta Handshake", "Beta Handshake 2", 1))
	b, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Version == b.Version {
		t.Errorf("version %s did not change when a value changed", a.Version)
	}
}

// TestBrokenFiles loads the valid catalog with one file replaced by each
// fixture in testdata/broken and checks that the maintainer gets the
// fixture's expected message: file, field and what was expected.
func TestBrokenFiles(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.txt"))
	if len(paths) < 20 {
		t.Fatalf("found %d broken fixtures, want at least 20", len(paths))
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			fx := readFixture(t, path)
			fsys := validFS(t)
			for name, data := range fx.files {
				if data == "" {
					delete(fsys, name)
					continue
				}
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := Load(fsys, Options{Today: today})
			if err == nil {
				t.Fatalf("Load accepted the broken catalog; want %q", fx.want)
			}
			got := err.Error()
			if *update {
				fx.want = strings.SplitN(got, "\n", 2)[0]
				writeFixture(t, path, fx)
				return
			}
			if !strings.Contains(got, fx.want) {
				t.Errorf("Load errors:\n%s\nwant a line:\n%s", got, fx.want)
			}
		})
	}
}

// fixture is a broken-file case: the expected error line and the files that
// replace (or, when empty, delete) files of the valid catalog.
type fixture struct {
	comment string
	want    string
	files   map[string]string
	order   []string
}

// readFixture parses the txtar-like format:
//
//	# comment
//	want: data/apps/alpha.json: values.x: ...
//	-- apps/alpha.json --
//	{ ... }
func readFixture(t *testing.T, path string) fixture {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fx := fixture{files: map[string]string{}}
	var cur string
	var body strings.Builder
	flush := func() {
		if cur != "" {
			fx.files[cur] = body.String()
			fx.order = append(fx.order, cur)
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(b), "\n") {
		trimmed := strings.TrimRight(line, "\n")
		switch {
		case strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --"):
			flush()
			cur = strings.TrimSuffix(strings.TrimPrefix(trimmed, "-- "), " --")
		case cur != "":
			body.WriteString(line)
		case strings.HasPrefix(trimmed, "want: "):
			fx.want = strings.TrimPrefix(trimmed, "want: ")
		case strings.HasPrefix(trimmed, "#"):
			fx.comment += line
		}
	}
	flush()
	if fx.want == "" && !*update {
		t.Fatalf("%s has no want: line", path)
	}
	return fx
}

func writeFixture(t *testing.T, path string, fx fixture) {
	var b strings.Builder
	b.WriteString(fx.comment)
	b.WriteString("want: " + fx.want + "\n")
	for _, name := range fx.order {
		b.WriteString("-- " + name + " --\n" + fx.files[name])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzLoadApp feeds arbitrary bytes as a messenger file: Load may reject
// them but must never panic, and what it accepts must be valid.
func FuzzLoadApp(f *testing.F) {
	base := validFS(f)
	f.Add(base["apps/alpha.json"].Data)
	f.Add(base["apps/beta.json"].Data)
	f.Add([]byte(`{"id":"alpha","values":{"platforms":{"value":["android","android"]}}}`))
	f.Add([]byte(`{"id":"alpha","values":{"audits":{"value":[{"year":1e400}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := validFS(t)
		fsys["apps/alpha.json"] = &fstest.MapFile{Data: data}
		cat, err := Load(fsys, Options{Today: today})
		if err == nil && cat.App("alpha") == nil {
			t.Fatal("Load accepted the file but lost the app")
		}
	})
}

// FuzzCheckStrict feeds arbitrary bytes to the scanner of duplicate keys
// and text that is not UTF-8: it must never panic nor hang, even on what
// is not JSON, and a JSON document it passes decodes with every key it holds and without a replacement
// character it did not hold.
func FuzzCheckStrict(f *testing.F) {
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Add([]byte(`{"a":{"b":[1,{"c":"\ud83d\ude00","c":"x"}]}}`))
	f.Add([]byte("{\"a\":\"caf\xe9\"}"))
	f.Add([]byte(`["\ud800", "\\u", "\"", {"\u0061":1, "a":2}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var errs Errors
		checkStrict(report{file: "f.json", errs: &errs}, b)
		if len(errs) > 0 || !json.Valid(b) || strings.Contains(string(b), "\ufffd") || strings.Contains(strings.ToLower(string(b)), `\ufffd`) {
			return
		}
		var v any
		if json.Unmarshal(b, &v) != nil {
			return
		}
		out, _ := json.Marshal(v)
		if strings.Contains(string(out), "\ufffd") {
			t.Errorf("checkStrict passed %q, which decodes with U+FFFD", b)
		}
		if written, kept := keyCount(b), entries(v); written != kept {
			t.Errorf("checkStrict passed %q, whose %d keys decode to %d", b, written, kept)
		}
	})
}

// keyCount is the number of object keys written in the JSON document b.
func keyCount(b []byte) int {
	type open struct{ object, wantKey bool }
	dec := json.NewDecoder(strings.NewReader(string(b)))
	var stack []open
	n := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			return n
		}
		if top := len(stack) - 1; top >= 0 && stack[top].wantKey && tok != json.Delim('}') {
			n++
			stack[top].wantKey = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, open{object: true, wantKey: true})
			continue
		case json.Delim('['):
			stack = append(stack, open{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		// A value ended: an object around it expects its next key.
		if top := len(stack) - 1; top >= 0 && stack[top].object {
			stack[top].wantKey = true
		}
	}
}

// entries is the number of object keys in a decoded JSON value.
func entries(v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		n += len(v)
		for _, e := range v {
			n += entries(e)
		}
	case []any:
		for _, e := range v {
			n += entries(e)
		}
	}
	return n
}

// A criterion with an "added" date may be missing from messenger files:
// their cells load as unknown and pending, with a note that says why,
// and Pending lists them; without the date a missing cell is an error.
func TestCriterionAddedLaterIsPending(t *testing.T) {
	fsys := validFS(t)
	crit := fsys["criteria.json"]
	var file map[string]any
	if err := json.Unmarshal(crit.Data, &file); err != nil {
		t.Fatal(err)
	}
	file["criteria"] = append(file["criteria"].([]any), map[string]any{"id": "screenshot_blocking", "group": file["groups"].([]any)[0].(map[string]any)["id"], "type": "bool", "good": true, "added": "2026-01-05"})
	b, _ := json.Marshal(file)
	fsys["criteria.json"] = &fstest.MapFile{Data: b}
	en := fsys["locales/en/catalog.json"]
	var texts map[string]string
	if err := json.Unmarshal(en.Data, &texts); err != nil {
		t.Fatal(err)
	}
	texts["criterion.screenshot_blocking.label"] = "Screenshot blocking"
	texts["criterion.screenshot_blocking.description"] = "Yes if the app can stop screenshots."
	b, _ = json.Marshal(texts)
	fsys["locales/en/catalog.json"] = &fstest.MapFile{Data: b}
	cat, err := Load(fsys, Options{})
	if err != nil {
		t.Fatalf("a criterion added later must load without its cells:\n%v", err)
	}
	p := cat.Pending()
	if len(p) != len(cat.Apps) || !strings.HasSuffix(p[0], "/screenshot_blocking") {
		t.Errorf("Pending = %v, want one cell per messenger", p)
	}
	c := cat.Apps[0].Cell("screenshot_blocking")
	if c == nil || !c.Value.Null || c.Verified != "2026-01-05" || !strings.Contains(c.Note, "2026-01-05") {
		t.Errorf("pending cell = %+v", c)
	}
	file["criteria"].([]any)[len(file["criteria"].([]any))-1].(map[string]any)["added"] = nil
	delete(file["criteria"].([]any)[len(file["criteria"].([]any))-1].(map[string]any), "added")
	b, _ = json.Marshal(file)
	fsys["criteria.json"] = &fstest.MapFile{Data: b}
	if _, err := Load(fsys, Options{}); err == nil || !strings.Contains(err.Error(), "values.screenshot_blocking: missing") {
		t.Errorf("without added: err = %v, want the missing cells", err)
	}
}
