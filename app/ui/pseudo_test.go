package ui

import (
	"encoding/json"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// pseudoLang is a ninth language made for tests: "qaa" is reserved for
// local use. Its texts are English's in ⟦brackets⟧, so that any text a page
// shows without them did not come from the message files.
const pseudoLang = "qaa"

// withPseudoLang is the test catalog's files plus the pseudo language's
// folder, made from English's the way a translator's tool would write it.
// Every test of the package renders this catalog (go-app's router is one
// per process), so the pages always offer the pseudo language too.
func withPseudoLang(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS(filepath.Join("..", "catalog", "testdata", "valid"))
	fsys := fstest.MapFS{}
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{catalog.UIFile, catalog.TextsFile} {
		var en map[string]string
		if err := json.Unmarshal(fsys["locales/en/"+name].Data, &en); err != nil {
			t.Fatal(err)
		}
		for k, v := range en {
			en[k] = "⟦" + v + "⟧"
		}
		if name == catalog.UIFile {
			en[catalog.MsgLangName], en[catalog.MsgLangDir], en[catalog.MsgCalendar] = "Pseudo", "ltr", "gregorian"
			delete(en, catalog.MsgDigits)
		}
		b, _ := json.Marshal(en)
		fsys["locales/"+pseudoLang+"/"+name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// TestANinthLanguageIsOnlyFiles adds a language by adding its two files,
// as a translator would, and renders every kind of page in it: the
// language is offered, accepted in the address and by Accept-Language, and
// every text the pages show is either from its files or data that stays as
// it is (names, facts' own English texts, symbols). A text written into
// the Go code shows up here in plain English and fails the test.
func TestANinthLanguageIsOnlyFiles(t *testing.T) {
	cat, err := catalog.Load(withPseudoLang(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if cat.Locale(pseudoLang) == nil || cat.Negotiate("qaa-XX, en;q=0.5") != pseudoLang {
		t.Fatalf("languages %v: the new folder is not a language of the catalog", cat.Langs())
	}
	Routes(testConfig(cat))
	h := &app.Handler{Name: "msgcompare", Version: "test"}
	render := func(target string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		return rec.Body.String()
	}
	if en := render("/"); !strings.Contains(en, `hreflang="qaa"`) || !strings.Contains(en, "Pseudo") {
		t.Error("the English page does not offer the new language")
	}
	if b := render("/embed/builder"); !strings.Contains(b, `<option value="qaa">Pseudo</option>`) {
		t.Error("the builder does not offer the new language")
	}
	known := dataTexts(cat)
	for _, page := range []string{"/", "/?require=forward_secrecy&guide=no-phone:yes", "/app/alpha", "/app/gamma", "/compare?apps=beta,gamma",
		"/embed?apps=alpha,beta", "/about", "/changes", "/embed/builder", "/no/such/page",
		"/?apps=alpha,nope&criteria=nope&sort=colour&view=x&diff=2&preset=x&zz=1&q=%ff&require=nope,forward_secrecy:x,platforms,architecture>=2,group_size_limit>=x,!platforms:ios&guide=x:y,no-phone:z",
		"/compare?apps=alpha,beta,gamma,alpha,beta"} {
		target := withParams(page, "lang="+pseudoLang)
		body := render(target)
		if !strings.Contains(body, `<html lang="qaa"`) {
			t.Errorf("%s: the document is not in the new language", target)
		}
		body = body[strings.Index(body, "<body"):]
		if i := strings.Index(body, "%!"); i >= 0 {
			t.Errorf("%s: a message got the wrong arguments: %s", target, body[max(0, i-80):min(len(body), i+80)])
		}
		for _, text := range shownTexts(body) {
			if !strings.Contains(text, "⟦") && !known[text] {
				t.Errorf("%s shows %q, which is neither from the message files nor data", target, text)
			}
		}
	}
}

func withParams(page, params string) string {
	if strings.Contains(page, "?") {
		return page + "&" + params
	}
	return page + "?" + params
}

// textOrAttr matches what a reader sees or hears: the text between tags
// and the attributes that are read out or shown.
var (
	shownTagRE  = regexp.MustCompile(`(?s)<script.*?</script>|<code>.*?</code>|<style.*?</style>|<textarea.*?</textarea>|<[^>]*>`)
	shownAttrRE = regexp.MustCompile(`\s(?:title|aria-label|placeholder|alt|data-label)="([^"]*)"`)
)

// shownTexts lists the texts of a page: its text nodes and its read-out
// attributes, each trimmed, without the ones that hold no letter.
func shownTexts(body string) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(html.UnescapeString(s))
		if strings.IndexFunc(s, unicode.IsLetter) >= 0 {
			out = append(out, s)
		}
	}
	for _, m := range shownAttrRE.FindAllStringSubmatch(body, -1) {
		add(m[1])
	}
	for _, chunk := range shownTagRE.Split(body, -1) {
		add(chunk)
	}
	return out
}

// dataTexts are the texts a page shows as they are in the data, in every
// language: names, facts' own texts and notes, curators' reasons, sources,
// each language's own name, and the few proper names of the interface.
// (Identifiers in <code> are not texts.)
func dataTexts(cat *catalog.Catalog) map[string]bool {
	known := map[string]bool{"msgcompare": true, "JSON": true, "CSV": true, "Privacy Guides": true,
		"catalog.json": true, "catalog.csv": true, "catalog.schema.json": true, "Atom": true}
	add := func(ss ...string) {
		for _, s := range ss {
			known[s] = true
		}
	}
	for _, a := range cat.Apps {
		add(a.Name, a.ID, a.Homepage)
		for _, st := range a.Status {
			add(st.Reason, st.Source)
		}
		if d := a.Discontinued; d != nil {
			add(d.Note, d.Source)
		}
		for _, c := range a.Values {
			add(c.Value.Str, c.Note)
			add(c.Sources...)
			for _, au := range c.Value.Audits {
				add(au.Auditor, au.Scope, "· "+au.Scope)
			}
			for _, h := range c.History {
				add(h.Note, h.Value.Str)
				add(h.Sources...)
			}
		}
	}
	for _, l := range cat.Locales {
		add(l.Name) // each language's own name, in the language menu
	}
	for _, p := range cat.Presets {
		add(p.Rationale.In("en"), p.Source)
	}
	return known
}
