package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// TestUntranslatedCatalogTextReadsInEnglishMarkedSo: a new messenger's
// summary that waits for its translation shows in English inside a page
// of another language, marked lang="en" (and left to right in Persian).
func TestUntranslatedCatalogTextReadsInEnglishMarkedSo(t *testing.T) {
	text := catalog.L10n{"en": "A new messenger.", "de": "Ein neuer Messenger."}
	for _, tt := range []struct {
		lang locale
		want string
	}{
		{locale{code: "de", dir: "ltr"}, "Ein neuer Messenger."},
		{locale{code: "en", dir: "ltr"}, "A new messenger."},
		{locale{code: "fr", dir: "ltr"}, `<span lang="en">A new messenger.</span>`},
		{locale{code: "fa", dir: "rtl"}, `<span dir="ltr" lang="en">A new messenger.</span>`},
	} {
		got := app.HTMLString(app.P().Body(l10nText(tt.lang, text)))
		// go-app writes attributes in no fixed order.
		if got = strings.Replace(got, `lang="en" dir="ltr"`, `dir="ltr" lang="en"`, 1); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %s, want %s", tt.lang.code, got, tt.want)
		}
	}
}
