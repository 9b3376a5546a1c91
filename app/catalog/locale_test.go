package catalog_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"msgcompare/app/catalog"
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

// TestStaleTranslationsAreDropped: a text English no longer has stays in
// a translation until the translation tool drops it; the build goes on,
// the text is not used, and Stale names it (the data test fails on it).
func TestStaleTranslationsAreDropped(t *testing.T) {
	fsys := fstest.MapFS{}
	root := os.DirFS(filepath.Join("testdata", "valid"))
	fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(root, p)
			fsys[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	var de map[string]string
	json.Unmarshal(fsys["locales/de/catalog.json"].Data, &de)
	de["app.removed.summary"] = "Ein entfernter Messenger."
	fsys["locales/de/catalog.json"].Data, _ = json.Marshal(de)
	cat, err := catalog.Load(fsys, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := cat.Locale("de").Stale; len(got) != 1 || got[0] != "catalog.json: app.removed.summary" {
		t.Errorf("Stale = %v, want the removed messenger's text", got)
	}
}
