package compare

import (
	"strings"
	"testing"

	"msgcompare/app/catalog"
)

func TestGuideKeepsFullMatchesApartFromTheClosest(t *testing.T) {
	cat := testCatalog(t)
	tests := []struct {
		raw     string
		want    string // picks in order, "*" after a tie
		closest string // the closest ones, the same way
		full    int
	}{
		{"guide=devices:android", "alpha,beta", "", 2}, // alpha: audited and recommended
		{"guide=no-phone:yes,devices:android,devices:ios", "", "alpha,beta*,gamma*", 0},
		{"guide=no-phone:yes", "beta*,gamma*", "", 2},
		{"", "", "", 0},
	}
	ids := func(ps []Pick) string {
		var got []string
		for _, p := range ps {
			s := p.App.ID
			if p.Tie {
				s += "*"
			}
			got = append(got, s)
		}
		return strings.Join(got, ",")
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			q, notes := Decode(tt.raw, cat)
			if len(notes) > 0 {
				t.Fatal(notes)
			}
			sl := Guide(cat, q)
			if g, c := ids(sl.Picks), ids(sl.Closest); g != tt.want || c != tt.closest || sl.Full != tt.full {
				t.Errorf("Guide(%s) = %s, closest %s (full %d), want %s, closest %s (full %d)", tt.raw, g, c, sl.Full, tt.want, tt.closest, tt.full)
			}
			for _, p := range sl.Picks {
				if p.Met != len(sl.Needs) || len(p.Missed) > 0 {
					t.Errorf("pick %s misses %v", p.App.ID, p.Missed)
				}
			}
			for _, p := range sl.Closest {
				if p.Met == 0 || p.Met == len(sl.Needs) {
					t.Errorf("closest %s meets %d of %d needs", p.App.ID, p.Met, len(sl.Needs))
				}
			}
		})
	}
}

func TestAssuranceCountsAuditsReleasesAndVerdicts(t *testing.T) {
	audits := func(years ...int) *catalog.Cell {
		v := catalog.Value{Type: catalog.Audits}
		for _, y := range years {
			v.Audits = append(v.Audits, catalog.Audit{Year: y, Auditor: "A"})
		}
		return &catalog.Cell{Value: v}
	}
	release := func(d string) *catalog.Cell {
		return &catalog.Cell{Value: catalog.Value{Type: catalog.Date, Str: d}}
	}
	const asOf = "2026-12-01"
	tests := []struct {
		name       string
		app        catalog.App
		score      int
		maintained bool
		auditYear  int
	}{
		{"nothing known", catalog.App{Values: map[string]*catalog.Cell{}}, -1, false, 0},
		{"a recent audit, a release this year", catalog.App{Values: map[string]*catalog.Cell{
			"audits": audits(2017, 2024), "last_release": release("2026-06-01")}}, 3, true, 2024},
		{"an old audit, a release 18 months ago", catalog.App{Values: map[string]*catalog.Cell{
			"audits": audits(2017), "last_release": release("2025-06-01")}}, 1, false, 2017},
		{"no release for three years", catalog.App{Values: map[string]*catalog.Cell{
			"last_release": release("2023-06-01")}}, -1, false, 0},
		{"the current verdict of each curator", catalog.App{Values: map[string]*catalog.Cell{"last_release": release("2026-11-01")},
			Status: []catalog.Status{
				{Curator: "privacyguides", Status: "recommended", Since: "2019-01-01"},
				{Curator: "kuketz", Status: "not_recommended", Since: "2020-01-01"},
				{Curator: "privacyguides", Status: "removed", Since: "2022-01-01"},
			}}, -2, true, 0}, // +1 release, -1 removed, -2 not recommended
	}
	for _, tt := range tests {
		as := AssuranceOf(&tt.app, asOf)
		if as.Score != tt.score || as.Maintained != tt.maintained {
			t.Errorf("%s: score %d, maintained %v; want %d, %v", tt.name, as.Score, as.Maintained, tt.score, tt.maintained)
		}
		if y := 0; as.Audit != nil || tt.auditYear != 0 {
			if as.Audit != nil {
				y = as.Audit.Year
			}
			if y != tt.auditYear {
				t.Errorf("%s: newest audit %d, want %d", tt.name, y, tt.auditYear)
			}
		}
	}
	if as := AssuranceOf(&tests[4].app, asOf); len(as.Verdicts) != 2 || as.Verdicts[0].Status != "removed" {
		t.Errorf("verdicts %+v, want privacyguides removed, then kuketz", as.Verdicts)
	}
}

func TestGuideAnswersInTheURL(t *testing.T) {
	cat := testCatalog(t)
	q, notes := Decode("guide=devices:ios,nope:yes,devices:windows,devices:ios", cat)
	if got := q.Encode(); got != "guide=devices:ios" {
		t.Errorf("Encode = %q, want guide=devices:ios", got)
	}
	if len(notes) != 2 {
		t.Errorf("want a notice for the unknown question and the unknown answer, got %v", notes)
	}
}

func TestDefaultCriteriaAreTheKeyOnes(t *testing.T) {
	cat := testCatalog(t)
	if got, want := len(DefaultCriteria(cat, Query{})), len(cat.Criteria); got != want {
		t.Fatalf("without key criteria the default is all: got %d, want %d", got, want)
	}
	cat.Criteria[1].Key = true
	if got := DefaultCriteria(cat, Query{}); len(got) != 1 || got[0] != cat.Criteria[1].ID {
		t.Errorf("DefaultCriteria = %v, want only the key criterion %s", got, cat.Criteria[1].ID)
	}
	q, notes := Decode("criteria=all", cat)
	if len(notes) > 0 || !q.AllCriteria || len(DefaultCriteria(cat, q)) != len(cat.Criteria) {
		t.Errorf("criteria=all: %+v %v", q, notes)
	}
	if q.Encode() != "criteria=all" {
		t.Errorf("Encode = %q, want criteria=all", q.Encode())
	}
	if res := Apply(cat, Query{}); len(res.Criteria) != 1 {
		t.Errorf("Apply shows %d criteria, want the 1 key criterion", len(res.Criteria))
	}
}

func TestToggleAnswerAddsThenRemoves(t *testing.T) {
	g := GuideAnswer{"devices", "ios"}
	q := Query{}.ToggleAnswer(g)
	if !q.Answered("devices", "ios") || len(q.Guide) != 1 {
		t.Fatalf("after one toggle: %v", q.Guide)
	}
	if q = q.ToggleAnswer(g); q.Guide != nil {
		t.Errorf("after two toggles: %v, want none", q.Guide)
	}
}
