package catalog_test

import (
	"os"
	"path/filepath"
	"testing"

	"msgcompare/app/catalog"
)

func TestFreshness(t *testing.T) {
	f := &catalog.Freshness{StaleAfterDays: 365, HardLimitDays: 730, CorrectionURL: "https://t.example/new?title={title}&body={body}"}
	tests := []struct {
		name            string
		verified, today string
		stale, expired  bool
	}{
		{"a fact checked today is fresh", "2026-12-02", "2026-12-02", false, false},
		{"exactly the threshold is not yet stale", "2025-12-02", "2026-12-02", false, false},
		{"a day past the threshold is stale", "2025-12-01", "2026-12-02", true, false},
		{"past the hard limit is stale and expired", "2024-12-01", "2026-12-02", true, true},
		{"a bad date is never marked", "soon", "2026-12-02", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := f.Stale(tt.verified, tt.today); got != tt.stale {
				t.Errorf("Stale(%s, %s) = %v, want %v", tt.verified, tt.today, got, tt.stale)
			}
			if got := f.Expired(tt.verified, tt.today); got != tt.expired {
				t.Errorf("Expired(%s, %s) = %v, want %v", tt.verified, tt.today, got, tt.expired)
			}
		})
	}
	var none *catalog.Freshness
	if none.Stale("2000-01-01", "2026-12-02") || none.Correction("a", "b", "c", "d") != "" {
		t.Error("a catalog without freshness.json marks facts or links corrections")
	}
	if got, want := f.Correction("signal", "e2ee", "Fix: a & b", "line 1\nline 2"), "https://t.example/new?title=Fix%3A+a+%26+b&body=line+1%0Aline+2"; got != want {
		t.Errorf("Correction = %s, want %s", got, want)
	}
}

func TestOlderThan(t *testing.T) {
	cat, err := catalog.Load(os.DirFS(filepath.Join("testdata", "valid")), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// alpha's facts are verified 2026-01-02, beta's and gamma's later.
	aged := cat.OlderThan(365, "2027-01-03")
	if len(aged) == 0 {
		t.Fatal("no fact older than 365 days on 2027-01-03")
	}
	for i, f := range aged {
		if f.Days <= 365 || f.Expired {
			t.Errorf("fact %d (%s/%s): %d days, expired %v", i, f.App.ID, f.Criterion.ID, f.Days, f.Expired)
		}
		if i > 0 && aged[i-1].Days < f.Days {
			t.Errorf("fact %d is older than the one before it", i)
		}
	}
	if all := cat.OlderThan(-1, "2027-01-03"); len(all) != len(cat.Apps)*len(cat.Criteria) {
		t.Errorf("OlderThan(-1) = %d facts, want all %d", len(all), len(cat.Apps)*len(cat.Criteria))
	}
	if expired := cat.OlderThan(0, "2030-01-01"); !expired[0].Expired {
		t.Error("a fact four years old is not past the 730-day hard limit")
	}
}
