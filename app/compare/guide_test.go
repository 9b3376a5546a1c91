package compare

import (
	"strings"
	"testing"
)

func TestGuideRanksByNeedsThenPointsThenName(t *testing.T) {
	cat := testCatalog(t)
	tests := []struct {
		raw       string
		want      string // picks in order, "*" after a tie
		full, met int    // full matches; needs the first pick meets
	}{
		{"guide=devices:android", "alpha*,beta*,gamma", 2, 1},
		{"guide=no-phone:yes,devices:android,devices:ios", "alpha*,beta*,gamma*", 0, 2},
		{"guide=no-phone:yes", "beta*,gamma*,alpha", 2, 1},
		{"", "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			q, notes := Decode(tt.raw, cat)
			if len(notes) > 0 {
				t.Fatal(notes)
			}
			sl := Guide(cat, q)
			var got []string
			for _, p := range sl.Picks {
				s := p.App.ID
				if p.Tie {
					s += "*"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, ","); g != tt.want || sl.Full != tt.full {
				t.Errorf("Guide(%s) = %s (full %d), want %s (full %d)", tt.raw, g, sl.Full, tt.want, tt.full)
			}
			if len(sl.Picks) > 0 && sl.Picks[0].Met != tt.met {
				t.Errorf("first pick meets %d needs, want %d", sl.Picks[0].Met, tt.met)
			}
		})
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
