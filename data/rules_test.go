package data

import (
	"slices"
	"strings"
	"testing"

	"msgcompare/app/catalog"
)

// TestRulesAcrossMessengers checks the rules of docs/data.md ("Rules that
// hold across messengers") that the data can show: an absent feature is
// recorded as its "no" value, not as unknown, and a date known only to the
// month is that month's first day.
func TestRulesAcrossMessengers(t *testing.T) {
	cat, err := catalog.Load(FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range cat.Apps {
		a := &cat.Apps[i]
		cell := func(id string) *catalog.Cell { return a.Cell(id) }
		is := func(id string, want bool) bool {
			c := cell(id)
			return c != nil && !c.Value.Null && c.Value.Bool == want
		}
		has := func(id, v string) bool {
			c := cell(id)
			return c != nil && !c.Value.Null && slices.Contains(c.Value.Set, v)
		}
		// R2: without the feature, the criteria about it say no.
		// A limit of 0 means no end-to-end encrypted groups at all, which
		// e2ee_groups must say too (groups encrypted only when someone
		// turns it on are e2ee_groups no, with their own limit).
		if c := cell("group_size_limit"); c != nil && !c.Value.Null && !c.Value.Unlimited && c.Value.Num == 0 && !is("e2ee_groups", false) {
			t.Errorf("%s: group_size_limit 0 (no encrypted groups), but e2ee_groups is not no (docs/data.md, rule 2)", a.ID)
		}
		if is("voice_calls", false) && is("video_calls", false) && !is("e2ee_calls", false) {
			t.Errorf("%s: no calls, so e2ee_calls must be no (rule 2)", a.ID)
		}
		if is("group_calls", false) && !is("e2ee_group_calls", false) {
			t.Errorf("%s: no group calls, so e2ee_group_calls must be no (rule 2)", a.ID)
		}
		if c := cell("platforms"); c != nil && !c.Value.Null {
			if !has("platforms", "android") && !is("works_without_google_play", false) {
				t.Errorf("%s: no Android app, so works_without_google_play must be no (rule 2)", a.ID)
			}
			if !has("platforms", "android") && !has("platforms", "ios") {
				if p := cell("push"); p == nil || p.Value.Null || len(p.Value.Set) > 0 {
					t.Errorf("%s: no mobile app, so push must be empty (rule 2)", a.ID)
				}
			}
		}
		// R3: a date known only to the month is its first day.
		for id, c := range a.Values {
			if c.Value.Null || c.Value.Type != catalog.Date {
				continue
			}
			if strings.Contains(strings.ToLower(c.Note), "month only") && !strings.HasSuffix(c.Value.Str, "-01") {
				t.Errorf("%s %s: the note says month only, so the date must be the month's first day, not %s (rule 3)", a.ID, id, c.Value.Str)
			}
		}
	}
}
