package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
	"msgcompare/data"
)

// TestVerdictSentencesOfTheRealCatalog writes the guide's verdicts and
// caveats for a few typical answers, on the real catalog, in every
// language, and compares them with golden files: a change in the data or
// the wording shows up as a readable diff (rerun with -update).
func TestVerdictSentencesOfTheRealCatalog(tt *testing.T) {
	msg := t
	t := tt
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	answers := []string{
		"guide=no-phone:yes",
		"guide=no-phone:yes,devices:android,devices:ios",
		"guide=offline:yes,metadata:yes",
		"guide=group-video:yes,devices:windows,devices:macos,devices:linux",
		"guide=offline:yes,devices:ios",
	}
	for _, code := range cat.Langs() {
		lang := localeOf(cat, code)
		var b strings.Builder
		for _, raw := range answers {
			q, notes := compare.Decode(raw, cat)
			if len(notes) > 0 {
				t.Fatalf("%s: %v", raw, notes)
			}
			sl := compare.Guide(cat, q)
			b.WriteString("# " + raw + "\n")
			if sl.Full == 0 {
				b.WriteString(msg(lang, msgNoFullMatch) + "\n")
			}
			for i, p := range sl.Picks {
				b.WriteString(itoa(i+1) + ". " + p.App.Name)
				if p.Tie {
					b.WriteString(" (" + msg(lang, msgTie) + ")")
				}
				b.WriteString(": " + verdict(p, len(sl.Needs), lang))
				for _, f := range p.Caveats {
					b.WriteString(" | " + f.Criterion.Label.In(lang.code) + ": " + show(f.Criterion, f.Value, lang).Word)
				}
				b.WriteString("\n")
				for _, r := range assuranceReasons(p.Assurance, lang) {
					b.WriteString("   " + r.sym + " " + r.text + "\n")
				}
				if tied := tiedWith(sl.Picks, i); len(tied) > 0 {
					b.WriteString("   " + fmtMsg(lang, msgTieWhy, lang.list(tied)) + "\n")
				}
			}
			if sl.More > 0 {
				b.WriteString(fmtMsg(lang, msgMoreFull, sl.More) + "\n")
			}
			if len(sl.Closest) > 0 {
				b.WriteString(msg(lang, msgClosest) + "\n")
			}
			for _, p := range sl.Closest {
				b.WriteString("~ " + p.App.Name + ": " + verdict(p, len(sl.Needs), lang) + "\n")
			}
		}
		path := filepath.Join("testdata", "golden", "verdicts-"+code+".txt")
		if *update {
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./app/ui -run TestVerdict -update)", err)
		}
		if b.String() != string(want) {
			t.Errorf("verdicts in %s differ from %s; run `make generate` if intended\n%s", code, path, firstDiff(string(want), b.String()))
		}
	}
}
