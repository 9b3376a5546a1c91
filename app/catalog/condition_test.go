package catalog

import (
	"strings"
	"testing"
)

func TestParseCondition(t *testing.T) {
	cat, err := Load(validFS(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in      string
		want    string // String() of the parsed condition
		wantErr string
	}{
		{in: "forward_secrecy", want: "forward_secrecy"},
		{in: " !phone_number_required ", want: "!phone_number_required"},
		{in: "platforms:ios", want: "platforms:ios"},
		{in: "platforms:ios|android", want: "platforms:ios|android"},
		{in: "architecture:p2p", want: "architecture:p2p"},
		{in: "!platforms:ios", want: "!platforms:ios"},
		{in: " !platforms:ios|android", want: "!platforms:ios|android"},
		{in: "!forward_secrecy:yes", wantErr: "needs an enum or set criterion"},
		{in: "!platforms:windows", wantErr: `"windows" is not a value of platforms`},
		{in: "!nope:x", wantErr: `unknown criterion "nope"`},
		{in: "group_size_limit>=100", want: "group_size_limit>=100"},
		{in: "group_size_limit<=5", want: "group_size_limit<=5"},
		{in: "nope", wantErr: `unknown criterion "nope"`},
		{in: "platforms", wantErr: "need a bool criterion"},
		{in: "forward_secrecy:yes", wantErr: "needs an enum or set criterion"},
		{in: "platforms:windows", wantErr: `"windows" is not a value of platforms`},
		{in: "group_size_limit>=many", wantErr: "expected a whole number"},
		{in: "group_size_limit>=-1", wantErr: "expected a whole number"},
		{in: "forward_secrecy>=1", wantErr: "need a number or audits criterion"},
		{in: "audits>=1", want: "audits>=1"},
		{in: "", wantErr: "empty condition"},
	}
	for _, tt := range tests {
		c, err := ParseCondition(tt.in, cat)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParseCondition(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
		case tt.wantErr == "" && err != nil:
			t.Errorf("ParseCondition(%q) error = %v", tt.in, err)
		case tt.wantErr == "" && c.String() != tt.want:
			t.Errorf("ParseCondition(%q) = %q, want %q", tt.in, c.String(), tt.want)
		}
	}
}

func TestConditionMatch(t *testing.T) {
	cat, err := Load(validFS(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cond, app string
		want      bool
	}{
		{"forward_secrecy", "alpha", true},
		{"forward_secrecy", "gamma", false},
		{"forward_secrecy", "beta", false}, // unknown meets nothing
		{"!forward_secrecy", "beta", false},
		{"!phone_number_required", "beta", true},
		{"platforms:ios", "gamma", true},
		{"platforms:ios", "beta", false},
		{"platforms:ios|android", "beta", true},
		{"architecture:p2p", "alpha", false},
		{"!platforms:ios", "gamma", false},
		{"!platforms:ios", "beta", true},
		{"!platforms:ios|android", "beta", false},
		{"!architecture:p2p", "alpha", true},
		{"group_size_limit>=500", "alpha", true},
		{"group_size_limit>=500", "gamma", false},
		{"group_size_limit>=500", "beta", true}, // beta has no limit
		{"group_size_limit<=500", "beta", false},
		{"group_size_limit>=0", "beta", true},
		{"audits>=1", "alpha", true},
		{"audits>=1", "beta", false},
		{"audits<=0", "beta", true},
	}
	for _, tt := range tests {
		c, err := ParseCondition(tt.cond, cat)
		if err != nil {
			t.Fatal(err)
		}
		cr := cat.Criterion(c.Criterion)
		if got := c.Match(cr, cat.App(tt.app).Cell(c.Criterion).Value); got != tt.want {
			t.Errorf("%s on %s = %v, want %v", tt.cond, tt.app, got, tt.want)
		}
	}
}

// TestConditionMatchKeepsUnknownApartFromNoLimit: no limit meets every
// lower bound and no upper bound; an unknown number meets neither, even on a
// criterion that allows "unlimited".
func TestConditionMatchKeepsUnknownApartFromNoLimit(t *testing.T) {
	cat, err := Load(validFS(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cr := cat.Criterion("group_size_limit")
	unknown := Value{Type: Number, Null: true}
	unlimited := Value{Type: Number, Unlimited: true}
	tests := []struct {
		cond string
		v    Value
		want bool
	}{
		{"group_size_limit>=100000", unlimited, true},
		{"group_size_limit<=100000", unlimited, false},
		{"group_size_limit>=1", unknown, false},
		{"group_size_limit>=0", unknown, false},
		{"group_size_limit<=100000", unknown, false},
	}
	for _, tt := range tests {
		c, err := ParseCondition(tt.cond, cat)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Match(cr, tt.v); got != tt.want {
			t.Errorf("%s on %s = %v, want %v", tt.cond, tt.v, got, tt.want)
		}
	}
}

func TestParseConditionsKeepsValidOnesAndReportsTheRest(t *testing.T) {
	cat, _ := Load(validFS(t), Options{})
	conds, errs := ParseConditions("forward_secrecy,,nope,forward_secrecy,platforms:ios", cat)
	if len(conds) != 2 || len(errs) != 1 {
		t.Errorf("got %d conditions and %d errors, want 2 and 1", len(conds), len(errs))
	}
}
