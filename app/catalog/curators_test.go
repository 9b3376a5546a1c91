package catalog

import "testing"

func TestAgreementOfCurrentVerdicts(t *testing.T) {
	st := func(curator, status string) Status { return Status{Curator: curator, Status: status} }
	a := App{Status: []Status{
		st("privacyguides", "recommended"),
		st("kuketz", "recommended"),
		st("privacyguides", "removed"),
	}}
	got := a.CurrentVerdicts()
	if len(got) != 2 || got[0].Status != "removed" || got[1].Curator != "kuketz" {
		t.Fatalf("CurrentVerdicts = %+v, want privacyguides removed, kuketz recommended", got)
	}
	tests := []struct {
		verdicts []Status
		want     string
	}{
		{nil, AgreeSingle},
		{[]Status{st("a", "recommended")}, AgreeSingle},
		{[]Status{st("a", "recommended"), st("b", "recommended_with_caveats")}, AgreeAll},
		{[]Status{st("a", "removed"), st("b", "not_recommended")}, AgreeAll},
		{got, AgreeDisagree},
		{[]Status{st("a", "listed"), st("b", "recommended")}, AgreePartly},
		{[]Status{st("a", "listed"), st("b", "listed")}, AgreeAll},
	}
	for _, tt := range tests {
		if g := Agreement(tt.verdicts); g != tt.want {
			t.Errorf("Agreement(%+v) = %s, want %s", tt.verdicts, g, tt.want)
		}
	}
}
