package catalog_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"msgcompare/app/catalog"
	"msgcompare/app/plural"
	"msgcompare/data"
)

// languages is a catalog with the given language tags and nothing else:
// what matching needs.
func languages(tags ...string) *catalog.Catalog {
	c := catalog.New(nil, nil, nil, nil)
	for _, tag := range tags {
		c.Locales = append(c.Locales, catalog.Locale{Code: tag})
	}
	return c
}

func TestMatchLang(t *testing.T) {
	c := languages("en", "de", "fa", "pt-BR", "zh-Hans")
	for tag, want := range map[string]string{
		"en": "en", "EN-us": "en", "de-CH": "de", "fa": "fa", "fa-IR": "fa",
		"pt": "pt-BR", "pt-PT": "pt-BR", "pt-br": "pt-BR", "PT-BR": "pt-BR",
		"zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-SG": "zh-Hans", "zh-Hans-CN": "zh-Hans", "zh-hans": "zh-Hans",
		"zh-TW": "", "zh-HK": "", "zh-Hant": "", "zh-Hant-TW": "",
		"fr": "", "": "", "*": "", "e": "", "-": "", strings.Repeat("a", 40): "",
	} {
		if got := c.MatchLang(tag); got != want {
			t.Errorf("MatchLang(%q) = %q, want %q", tag, got, want)
		}
	}
}

func TestNegotiate(t *testing.T) {
	c := languages("en", "de", "fa", "pt-BR", "zh-Hans")
	for _, tt := range []struct{ header, want string }{
		{"", ""},
		{"de", "de"},
		{"de-CH, de;q=0.9, en;q=0.8", "de"},
		{"en-US,en;q=0.9,de;q=0.8", "en"},
		{"fr-FR, fr;q=0.9, de;q=0.5", "de"},
		{"fr", ""},
		{"de;q=0.2, en;q=0.3", "en"},
		{"de;q=abc, en;q=0.1", "en"},
		{"de;q=2, en;q=0.1", "en"},
		{"*", ""},
		{"DE-at", "de"},
		{"fa-IR,fa;q=0.9,en-US;q=0.8", "fa"},
		{"pt-PT,pt;q=0.9", "pt-BR"},
		{"zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans"},
		{"zh-TW,zh;q=0.8,en;q=0.9", "en"},
		{"zh-TW,en;q=0.1", "en"},
		{"en;q=0.5, fa ; q = 0.7", "fa"},
		{"de;q=0, fr", ""},
		{"de;q=0.000, fa", "fa"},
		{"de;Q=0.1, fa;q=0.05", "de"},
		{"de;level=1;q=0.4, fa;q=0.3", "de"},
		{"de;q=0.4;level=1, fa;q=0.5", "fa"},
		{"it, de;q=0.8", "de"},
		{"de;q=1.0, fa;q=1.001", "de"},
		{"de;q=0.5x, fa;q=0.1", "fa"},
		{"de;q=.5, fa;q=0.1", "fa"},
		{"de;q=1e-1, fa;q=0.1", "fa"},
		{"de;q=0.1234, fa;q=0.1", "fa"},
		{"de;q=, fa;q=0.1", "fa"},
	} {
		if got := c.Negotiate(tt.header); got != tt.want {
			t.Errorf("Negotiate(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func FuzzNegotiate(f *testing.F) {
	c := languages("en", "de", "pt-BR")
	f.Add("de-CH, de;q=0.9, en;q=0.8")
	f.Add(strings.Repeat("de;q=0.1,", 100))
	f.Fuzz(func(t *testing.T, h string) {
		if got := c.Negotiate(h); got != "" && c.Locale(got) == nil {
			t.Fatalf("Negotiate(%q) = %q, not a language of the catalog", h, got)
		}
	})
}

func TestPrefer(t *testing.T) {
	c := languages("en", "ru", "zh-Hans")
	if got := c.Prefer([]string{"uk-UA", "ru-RU", "en"}); got != "ru" {
		t.Errorf("Prefer = %q, want ru", got)
	}
	if got := c.Prefer([]string{"ja"}); got != "" {
		t.Errorf("Prefer = %q, want none", got)
	}
}

// TestVerbs: a translation may reorder its arguments but must format the
// same ones the same way.
func TestVerbs(t *testing.T) {
	same := [][2]string{
		{"%d of %d", "%[2]d 中的 %[1]d"},
		{"%s: %d%%", "%s：%d%%"},
		{"%[2]s %[3]d, %[1]d", "%[3]d %[2]s %[1]d"},
	}
	for _, p := range same {
		if a, b := catalog.Verbs(p[0]), catalog.Verbs(p[1]); strings.Join(a, " ") != strings.Join(b, " ") {
			t.Errorf("Verbs(%q) = %v, Verbs(%q) = %v: want the same", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{{"%d of %d", "%d"}, {"%s", "%d"}, {"%d of %d", "%[1]d of %[1]d"}}
	for _, p := range differ {
		if a, b := catalog.Verbs(p[0]), catalog.Verbs(p[1]); strings.Join(a, " ") == strings.Join(b, " ") {
			t.Errorf("Verbs(%q) and Verbs(%q) are both %v: want them to differ", p[0], p[1], a)
		}
	}
}

// TestTheSiteLanguages: the real data has English first and Persian
// written right to left.
func TestTheSiteLanguages(t *testing.T) {
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l := cat.Langs(); len(l) == 0 || l[0] != "en" {
		t.Fatalf("languages %v: want English first", l)
	}
	if fa := cat.Locale("fa"); fa == nil || fa.Dir != "rtl" {
		t.Errorf("fa = %+v, want a right-to-left language", fa)
	}
}

// withTexts is the valid test catalog with the given texts set in
// locales/<lang>/<file>: lang/file → key → text.
func withTexts(t *testing.T, set map[string]map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS(filepath.Join("testdata", "valid"))
	fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	for name, texts := range set {
		f := "locales/" + name
		var m map[string]string
		if err := json.Unmarshal(fsys[f].Data, &m); err != nil {
			t.Fatal(err)
		}
		for k, v := range texts {
			m[k] = v
		}
		fsys[f].Data, _ = json.Marshal(m)
	}
	return fsys
}

// TestEmptyTranslationsReadInEnglish: a translation tool writes an empty
// text for one not translated yet; it shows in English, as a missing key
// does, and Missing names it (the data test fails on it for the site's
// languages, make validate does not).
func TestEmptyTranslationsReadInEnglish(t *testing.T) {
	cat, err := catalog.Load(withTexts(t, map[string]map[string]string{
		"de/ui.json":      {"title": "", "count": " "},
		"de/catalog.json": {"criterion.protocol.label": ""},
	}), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	de := cat.Locale("de")
	if _, ok := de.Messages["title"]; ok {
		t.Errorf("de title = %q, want no text (the English one shows)", de.Messages["title"])
	}
	if got := cat.Criterion("protocol").Label; got["de"] != "" || got["en"] == "" {
		t.Errorf("protocol label = %v, want English only", got)
	}
	for _, want := range []string{"ui.json: count", "ui.json: title", "catalog.json: criterion.protocol.label"} {
		if !slices.Contains(de.Missing, want) {
			t.Errorf("Missing = %q, want it to name %q", de.Missing, want)
		}
	}
}

// TestPercentSigns: a percent sign reads as a translator wrote it. In a
// text without placeholders it is written as is, even in the notices the
// code formats with fmt.Sprintf; in a text with placeholders, as %%; in
// a count message (ICU MessageFormat), as is.
func TestPercentSigns(t *testing.T) {
	cat, err := catalog.Load(withTexts(t, map[string]map[string]string{
		"de/ui.json": {"title": "100% quelloffen", "notice_no_app": "kein Messenger (0% Treffer)", "choose_apps": "%d von %d (100%%) angezeigt.", "score": "{met} von {total} (100%) erfüllt"},
	}), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	de := cat.Locale("de")
	var none []any // as the notices without arguments are formatted
	for _, tt := range []struct{ key, got, want string }{
		{"title", de.Msg("title"), "100% quelloffen"},
		{"notice_no_app", fmt.Sprintf(de.Msg("notice_no_app"), none...), "kein Messenger (0% Treffer)"},
		{"choose_apps", fmt.Sprintf(de.Msg("choose_apps"), 3, 30), "3 von 30 (100%) angezeigt."},
		{"score", plural.Format(de.Msg("score"), plural.For("de"), map[string]plural.Value{"met": plural.Num(3, "3"), "total": plural.Num(30, "30")}), "3 von 30 (100%) erfüllt"},
	} {
		if tt.got != tt.want {
			t.Errorf("de %s reads %q, want %q", tt.key, tt.got, tt.want)
		}
	}
}
