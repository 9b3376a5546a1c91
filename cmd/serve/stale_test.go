package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msgcompare/app/catalog"
)

func TestStaleReport(t *testing.T) {
	cat, err := catalog.Load(os.DirFS(filepath.Join("..", "..", "app", "catalog", "testdata", "valid")), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, today string
		days        int
		expired     bool
		want        []string
	}{
		{"a fresh catalog lists nothing", "2026-02-01", 0, false, []string{"0 of the facts"}},
		{"past the threshold, grouped by messenger with sources", "2027-01-04", 0, false,
			[]string{"Alpha (data/apps/alpha.json)", "forward_secrecy", "https://alpha.example/spec", "verified 2026-01-02"}},
		{"a shorter round lists more", "2026-02-01", 10, false, []string{"Beta (data/apps/beta.json)"}},
		{"past the hard limit fails", "2029-01-01", 0, true, []string{"PAST THE HARD LIMIT"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := staleReport(&out, cat, tt.days, tt.today)
			if got := errors.Is(err, errExpired); got != tt.expired {
				t.Errorf("error %v, want expired %v", err, tt.expired)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("report lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
