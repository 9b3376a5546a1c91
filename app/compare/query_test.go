package compare

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

func testCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(os.DirFS(filepath.Join("..", "catalog", "testdata", "valid")), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestDecode(t *testing.T) {
	cat := testCatalog(t)
	tests := []struct {
		name       string
		raw        string
		want       string // the decoded query, encoded again
		wantNotice []string
	}{
		{name: "an empty address shows everything", raw: "", want: ""},
		{name: "apps keep their order", raw: "apps=gamma,alpha", want: "apps=gamma,alpha"},
		{name: "unknown apps are dropped with a notice", raw: "apps=alpha,zulu", want: "apps=alpha", wantNotice: []string{`apps="zulu" ignored: no messenger has this id`}},
		{name: "duplicate apps are kept once", raw: "apps=alpha,alpha", want: "apps=alpha"},
		{name: "criteria are validated", raw: "criteria=forward_secrecy,nope", want: "criteria=forward_secrecy", wantNotice: []string{`criteria="nope"`}},
		{name: "require keeps valid conditions", raw: "require=forward_secrecy,!phone_number_required,platforms:ios", want: "require=forward_secrecy,!phone_number_required,platforms:ios"},
		{name: "require reports invalid conditions", raw: "require=forward_secrecy,bogus", want: "require=forward_secrecy", wantNotice: []string{`unknown criterion "bogus"`}},
		{name: "escaped require operators decode", raw: "require=group_size_limit%3E%3D100", want: "require=group_size_limit%3E%3D100"},
		{name: "repeated require parameters add up", raw: "require=forward_secrecy&require=platforms:ios", want: "require=forward_secrecy,platforms:ios"},
		{name: "a known preset is kept", raw: "preset=no-phone", want: "preset=no-phone"},
		{name: "an unknown preset is reported", raw: "preset=nsa-proof", want: "", wantNotice: []string{"no preset has this id"}},
		{name: "search text is trimmed", raw: "q=+tor+", want: "q=tor"},
		{name: "sort by score descending", raw: "sort=-score", want: "sort=-score"},
		{name: "sort by criterion", raw: "sort=group_size_limit", want: "sort=group_size_limit"},
		{name: "a bad sort is reported", raw: "sort=colour", want: "", wantNotice: []string{"expected name, score or a criterion id"}},
		{name: "view, diff, theme and lang", raw: "view=cards&diff=1&theme=dark&lang=de", want: "view=cards&diff=1&theme=dark&lang=de"},
		{name: "a bad theme is reported", raw: "theme=pink", want: "", wantNotice: []string{"expected one of auto, light, dark, contrast"}},
		{name: "unknown parameters are reported", raw: "utm_source=x", want: "", wantNotice: []string{`utm_source="x" ignored: unknown parameter`}},
		{name: "go-app's wasm switch is not ours to report", raw: "wasm=false", want: ""},
		{name: "a broken escape is reported, the rest kept", raw: "apps=alpha&q=%zz", want: "apps=alpha", wantNotice: []string{"could not be read"}},
		{name: "markup in values stays text", raw: "apps=%3Cscript%3E", want: "", wantNotice: []string{`apps="<script>"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, notices := Decode(tt.raw, cat)
			if got := q.Encode(); got != tt.want {
				t.Errorf("Decode(%q).Encode() = %q, want %q", tt.raw, got, tt.want)
			}
			if len(notices) != len(tt.wantNotice) {
				t.Fatalf("notices = %v, want %d", notices, len(tt.wantNotice))
			}
			for i, want := range tt.wantNotice {
				if !strings.Contains(notices[i].String(), want) {
					t.Errorf("notice %q does not contain %q", notices[i], want)
				}
			}
		})
	}
}

func TestToggleAddsAndRemoves(t *testing.T) {
	cat := testCatalog(t)
	q, _ := Decode("require=forward_secrecy", cat)
	c, _ := catalog.ParseCondition("!phone_number_required", cat)
	q2 := q.Toggle(c)
	if got := q2.Encode(); got != "require=forward_secrecy,!phone_number_required" {
		t.Errorf("after adding: %q", got)
	}
	if got := q2.Toggle(c).Encode(); got != "require=forward_secrecy" {
		t.Errorf("after removing: %q", got)
	}
	if got := q.Encode(); got != "require=forward_secrecy" {
		t.Errorf("Toggle changed the original query: %q", got)
	}
}

// FuzzDecode holds the URL codec's promises on any input: no panic, and
// decoding an encoded query gives the same query back.
func FuzzDecode(f *testing.F) {
	cat := testCatalog(f)
	for _, seed := range []string{"", "apps=alpha,beta&require=forward_secrecy", "require=group_size_limit%3E%3D5&q=x+y",
		"sort=-score&view=cards&diff=1", "q=%ff%fe", "require=platforms:ios|android,,!x", "%", "a=b=c&&=", "q=" + strings.Repeat("é", 200)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := Decode(raw, cat)
		enc := q.Encode()
		q2, notices := Decode(enc, cat)
		if len(notices) > 0 {
			t.Fatalf("re-decoding %q gave notices %v", enc, notices)
		}
		if !reflect.DeepEqual(normal(q), normal(q2)) {
			t.Fatalf("round trip changed the query:\n%+v\n%+v", q, q2)
		}
		if enc2 := q2.Encode(); enc2 != enc {
			t.Fatalf("encoding is not stable: %q then %q", enc, enc2)
		}
	})
}

// normal makes empty and nil slices compare equal.
func normal(q Query) Query {
	if len(q.Apps) == 0 {
		q.Apps = nil
	}
	if len(q.Criteria) == 0 {
		q.Criteria = nil
	}
	if len(q.Require) == 0 {
		q.Require = nil
	}
	return q
}

// TestShortenSaysTheSame drops the lists a GET form sends for its
// defaults, and only those: each query keeps its result.
func TestShortenSaysTheSame(t *testing.T) {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var byName, all, key []string
	for _, a := range ByName(cat) {
		byName = append(byName, a.ID)
	}
	for _, cr := range cat.Criteria {
		all = append(all, cr.ID)
		if cr.Key {
			key = append(key, cr.ID)
		}
	}
	if len(byName) < 2 || len(key) == 0 || len(key) == len(all) {
		t.Fatalf("the catalog needs two messengers and some, not all, key criteria (apps %d, key %d of %d)", len(byName), len(key), len(all))
	}
	reversed := slices.Clone(byName)
	slices.Reverse(reversed)
	for _, tc := range []struct {
		name      string
		apps      []string
		criteria  []string
		wantApps  []string
		wantCrit  []string
		wantAllCr bool
	}{
		{"the form's whole state", byName, key, nil, nil, false},
		{"every criterion", byName, all, nil, nil, true},
		{"other order of apps", reversed, key, reversed, nil, false},
		{"some apps", byName[:1], key[:1], byName[:1], key[:1], false},
	} {
		q := Query{Apps: tc.apps, Criteria: tc.criteria, Require: []catalog.Condition{{Criterion: all[0]}}}
		s := q
		s.Shorten(cat)
		if !slices.Equal(s.Apps, tc.wantApps) || !slices.Equal(s.Criteria, tc.wantCrit) || s.AllCriteria != tc.wantAllCr {
			t.Errorf("%s: Shorten: apps %v criteria %v all %v, want %v %v %v", tc.name, s.Apps, s.Criteria, s.AllCriteria, tc.wantApps, tc.wantCrit, tc.wantAllCr)
		}
		if a, b := Apply(cat, q), Apply(cat, s); !reflect.DeepEqual(a, b) {
			t.Errorf("%s: Apply differs after Shorten:\n%+v\n%+v", tc.name, a, b)
		}
		if len(s.Encode()) > len(q.Encode()) {
			t.Errorf("%s: %q is longer than %q", tc.name, s.Encode(), q.Encode())
		}
	}
}
