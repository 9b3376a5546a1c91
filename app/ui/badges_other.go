//go:build !js

package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// badgesView is the badges of the builder's messengers, with its preset.
func badgesView(cat *catalog.Catalog, site string, ids []string, preset string, lang locale) app.UI {
	var mds, htms []string
	for _, id := range ids {
		if a := cat.App(id); a != nil {
			md, htm, _ := badgeSnippets(site, a, preset, lang)
			mds, htms = append(mds, md), append(htms, htm)
		}
	}
	if len(mds) == 0 {
		return nil
	}
	return app.Div().Class("badge-offer").Body(
		app.H2().Text(t(lang, msgBadgeOffer)),
		codeBoxUI("badges-md", t(lang, msgMarkdown), strings.Join(mds, " "), 2),
		codeBoxUI("badges-html", t(lang, msgHTML), strings.Join(htms, "\n"), 3),
	)
}
