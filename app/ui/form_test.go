package ui

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// TestFormsKeepTheState submits each page's prerendered form as a browser
// would, without changing anything, and checks that the next address holds
// the same query: before the app runs (and without JavaScript) a tap
// submits the form, and the reader must not lose messengers, theme,
// language or preset on the way.
func TestFormsKeepTheState(t *testing.T) {
	cat, err := catalog.Load(withPseudoLang(t), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	Routes(testConfig(cat))
	h := &app.Handler{Name: "msgcompare", Version: "test"}
	for _, target := range []string{
		"/?preset=no-phone&theme=dark&lang=de&require=platforms:ios",
		"/?require=forward_secrecy,!phone_number_required&q=alp&sort=-score&view=cards&diff=1",
		"/embed?apps=alpha,beta&criteria=forward_secrecy,platforms&require=forward_secrecy,platforms:ios&theme=contrast&lang=de&guide=no-phone:yes",
		"/compare?apps=beta,gamma&diff=1&criteria=forward_secrecy&theme=light&lang=de",
		"/embed/builder?apps=alpha&criteria=platforms&theme=dark&lang=de&preset=no-phone&guide=devices:ios",
		"/?guide=no-phone:yes,devices:android&lang=de",
	} {
		t.Run(target, func(t *testing.T) {
			u, _ := url.Parse(target)
			want, notes := compare.Decode(u.RawQuery, cat)
			if len(notes) > 0 {
				t.Fatalf("bad test address: %v", notes)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
			form := formRE.FindString(rec.Body.String())
			if form == "" {
				t.Fatal("no form on the page")
			}
			got, notes := compare.Decode(submit(form), cat)
			if len(notes) > 0 {
				t.Errorf("the submitted form gives notices: %v", notes)
			}
			if !sameQuery(got, want, cat) {
				t.Errorf("submitting the form changes the query\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// sameQuery compares two queries by what they select: the full list of
// messengers or criteria equals "all".
func sameQuery(a, b compare.Query, cat *catalog.Catalog) bool {
	norm := func(q compare.Query) compare.Query {
		if len(q.Apps) == len(cat.Apps) {
			q.Apps = nil
		}
		if len(q.Criteria) == len(cat.Criteria) {
			q.Criteria = nil
		}
		slices.SortFunc(q.Require, func(x, y catalog.Condition) int { return strings.Compare(x.String(), y.String()) })
		return q
	}
	return reflect.DeepEqual(norm(a).Encode(), norm(b).Encode())
}

var (
	formRE   = regexp.MustCompile(`(?s)<form .*?</form>`)
	fieldRE  = regexp.MustCompile(`(?s)<input\b([^>]*)>|<select\b([^>]*)>(.*?)</select>`)
	optionRE = regexp.MustCompile(`<option\b([^>]*)>`)
	attrsRE  = regexp.MustCompile(`([a-z-]+)(?:="([^"]*)")?`)
)

// submit is the query string a browser sends for form: hidden and text
// inputs, checked checkboxes, the selected option of each select.
func submit(form string) string {
	v := url.Values{}
	for _, m := range fieldRE.FindAllStringSubmatch(form, -1) {
		isSelect := m[2] != ""
		a := attrs(m[1] + m[2])
		name, ok := a["name"]
		if !ok {
			continue
		}
		switch {
		case isSelect:
			val := ""
			for i, o := range optionRE.FindAllStringSubmatch(m[3], -1) {
				oa := attrs(o[1])
				if _, sel := oa["selected"]; sel || i == 0 {
					val = oa["value"]
				}
			}
			v.Add(name, val)
		case a["type"] == "checkbox":
			if _, on := a["checked"]; on {
				v.Add(name, a["value"])
			}
		default:
			v.Add(name, a["value"])
		}
	}
	return v.Encode()
}

func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range attrsRE.FindAllStringSubmatch(s, -1) {
		out[m[1]] = html.UnescapeString(strings.TrimSpace(m[2]))
	}
	return out
}
