package compare

import (
	"fmt"
	"strings"
	"testing"

	"msgcompare/app/catalog"
)

func ids(rows []Row) string {
	var s []string
	for _, r := range rows {
		s = append(s, r.App.ID)
	}
	return strings.Join(s, ",")
}

func excludedIDs(ex []Exclusion) string {
	var s []string
	for _, e := range ex {
		s = append(s, e.App.ID)
	}
	return strings.Join(s, ",")
}

func TestApply(t *testing.T) {
	cat := testCatalog(t)
	tests := []struct {
		raw          string
		kept, exclud string
	}{
		{"", "alpha,beta,gamma", ""},
		{"require=forward_secrecy", "alpha", "beta,gamma"},
		{"require=!phone_number_required", "beta,gamma", "alpha"},
		{"preset=no-phone", "beta,gamma", "alpha"},
		{"preset=no-phone&require=forward_secrecy", "", "alpha,beta,gamma"},
		{"require=platforms:ios", "alpha,gamma", "beta"},
		{"require=group_size_limit>=500", "alpha,beta", "gamma"},
		{"apps=gamma,alpha", "gamma,alpha", ""},
		{"apps=gamma,alpha&require=forward_secrecy", "alpha", "gamma"},
		{"q=handshake", "beta", "alpha,gamma"},
		{"q=peer", "beta,gamma", "alpha"},
		{"q=GAMMA", "gamma", "alpha,beta"},
		{"sort=-name", "gamma,beta,alpha", ""},
		{"sort=-group_size_limit", "beta,alpha,gamma", ""}, // no limit first
		{"sort=group_size_limit", "gamma,alpha,beta", ""},
		{"require=group_size_limit<=500", "gamma", "alpha,beta"},
		{"sort=-score&require=platforms:ios|android", "alpha,beta,gamma", ""},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			q, notices := Decode(tt.raw, cat)
			if len(notices) > 0 {
				t.Fatalf("notices: %v", notices)
			}
			res := Apply(cat, q)
			if got := ids(res.Kept); got != tt.kept {
				t.Errorf("kept %q, want %q", got, tt.kept)
			}
			if got := excludedIDs(res.Excluded); got != tt.exclud {
				t.Errorf("excluded %q, want %q", got, tt.exclud)
			}
		})
	}
}

func TestApplyGivesReasons(t *testing.T) {
	cat := testCatalog(t)
	q, _ := Decode("require=forward_secrecy,platforms:ios", cat)
	res := Apply(cat, q)
	reasons := map[string]string{}
	for _, ex := range res.Excluded {
		var parts []string
		for _, f := range ex.Failed {
			parts = append(parts, fmt.Sprintf("%s has %s", f.Condition, f.Value))
		}
		reasons[ex.App.ID] = strings.Join(parts, "; ")
	}
	want := map[string]string{
		"beta":  "forward_secrecy has null; platforms:ios has android",
		"gamma": "forward_secrecy has false",
	}
	for id, w := range want {
		if reasons[id] != w {
			t.Errorf("%s reasons %q, want %q", id, reasons[id], w)
		}
	}
}

// TestApplyReasonsSayNoLimitNotUnknown: a messenger without a group size
// limit fails an upper bound because of its value, which the reason names;
// it is not reported as unknown.
func TestApplyReasonsSayNoLimitNotUnknown(t *testing.T) {
	cat := testCatalog(t)
	q, _ := Decode("require=group_size_limit<=500", cat)
	for _, ex := range Apply(cat, q).Excluded {
		if ex.App.ID != "beta" {
			continue
		}
		if len(ex.Failed) != 1 || ex.Failed[0].Value.Null || !ex.Failed[0].Value.Unlimited {
			t.Errorf("beta failed %+v, want one failure with the value no limit", ex.Failed)
		}
		return
	}
	t.Error("beta (no limit) was not excluded by group_size_limit<=500")
}

func TestDiffShowsOnlyCriteriaThatDiffer(t *testing.T) {
	cat := testCatalog(t)
	q, _ := Decode("apps=beta,gamma&diff=1", cat)
	var got []string
	for _, cr := range Apply(cat, q).Criteria {
		got = append(got, cr.ID)
	}
	// beta and gamma agree on phone number (no), architecture (p2p) and
	// audits (none).
	want := "forward_secrecy,platforms,group_size_limit,first_release,protocol"
	if strings.Join(got, ",") != want {
		t.Errorf("diff criteria = %v, want %s", got, want)
	}
}

// synthetic builds a catalog of n messengers by m bool criteria with
// pseudo-random values, for benchmarks at sizes beyond the real data.
func synthetic(n, m int) *catalog.Catalog {
	groups := []catalog.Group{{ID: "g", Label: catalog.L10n{"en": "G"}}}
	crit := make([]catalog.Criterion, m)
	for j := range crit {
		crit[j] = catalog.Criterion{ID: fmt.Sprintf("c%d", j), Group: "g", Type: catalog.Bool, Label: catalog.L10n{"en": fmt.Sprint("C", j)}}
	}
	apps := make([]catalog.App, n)
	seed := uint32(1)
	for i := range apps {
		vals := make(map[string]*catalog.Cell, m)
		for j := range crit {
			seed = seed*1664525 + 1013904223
			vals[crit[j].ID] = &catalog.Cell{Value: catalog.Value{Type: catalog.Bool, Bool: seed>>28 > 3, Null: seed>>28 == 0},
				Sources: []string{"https://example.org/"}, Verified: "2026-01-01"}
		}
		apps[i] = catalog.App{ID: fmt.Sprintf("app%d", i), Name: fmt.Sprintf("App %d", i), Values: vals}
	}
	return catalog.New(groups, crit, nil, apps)
}

func BenchmarkApply(b *testing.B) {
	for _, size := range []struct{ apps, criteria int }{{15, 42}, {55, 135}, {1000, 150}} {
		cat := synthetic(size.apps, size.criteria)
		q, _ := Decode("require=c1,!c2,c3&sort=-score&diff=1", cat)
		b.Run(fmt.Sprintf("%dx%d", size.apps, size.criteria), func(b *testing.B) {
			for b.Loop() {
				Apply(cat, q)
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	cat := testCatalog(b)
	for b.Loop() {
		Decode("apps=alpha,beta&require=forward_secrecy,platforms:ios&sort=-score&q=tor&lang=de", cat)
	}
}

// BenchmarkDecodeLongRequire decodes a require list as long as a request
// line may be (60 KB, thousands of distinct conditions) before it is cut to
// MaxConditions. Each condition is checked against the ones before it, so a
// list search would make this quadratic: 4 s per request before the
// conditions were kept in a set.
func BenchmarkDecodeLongRequire(b *testing.B) {
	cat := testCatalog(b)
	var s strings.Builder
	s.WriteString("require=")
	for i := 0; s.Len() < 60<<10; i++ {
		fmt.Fprintf(&s, "group_size_limit>=%d,", 1000000+i)
	}
	raw := s.String()
	for b.Loop() {
		if q, _ := Decode(raw, cat); len(q.Require) != MaxConditions {
			b.Fatalf("decoded %d conditions, want %d", len(q.Require), MaxConditions)
		}
	}
}

// TestSearchLeavesCatalogAlone checks that a search never writes into the
// catalog: set values may have spare capacity after decoding, and many
// requests search the same catalog at once.
func TestSearchLeavesCatalogAlone(t *testing.T) {
	cat := testCatalog(t)
	var cells []*catalog.Cell
	for _, a := range cat.Apps {
		for i := range cat.Criteria {
			if c := a.Cell(cat.Criteria[i].ID); c != nil && !c.Value.Null && cat.Criteria[i].Type == catalog.Set {
				// Spare capacity, as after decoding: a stray append lands here.
				// The spare room holds a marker that must survive.
				n := len(c.Value.Set)
				grown := append(append(make([]string, 0, n+4), c.Value.Set...), "marker")
				c.Value.Set = grown[:n]
				cells = append(cells, c)
			}
		}
	}
	if len(cells) == 0 {
		t.Fatal("the test catalog has no set values")
	}
	for _, q := range []string{"q=zzz", "q=android", "q=qr"} {
		query, _ := Decode(q, cat)
		Apply(cat, query)
	}
	for _, c := range cells {
		if spare := c.Value.Set[len(c.Value.Set):cap(c.Value.Set)]; spare[0] != "marker" {
			t.Errorf("search wrote %q past the end of a set value %v", spare[0], c.Value.Set)
		}
	}
}
