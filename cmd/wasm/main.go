// Command wasm is the browser side of msgcompare: it decodes the embedded
// catalog, registers the pages and runs the go-app engine. Build it with
// GOOS=js GOARCH=wasm; it carries no server code, and no JSON decoder or
// validation for the catalog: data/catalog.bin holds the facts the server
// validated, in a compact form that decodes in milliseconds, with the
// English texts; a reader of another language gets that language's pack
// from the site (catalog.EncodeLanguage), not all eight in the wasm, and
// the facts' notes and sources come in a pack of their own
// (catalog.EncodeEvidence) when a page first shows them.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
	"msgcompare/app/ui"
	"msgcompare/data"
)

func main() {
	cat, err := load()
	if err != nil {
		// The prerendered page stays, as forms and links, with a notice.
		ui.BootFailed(err)
		return
	}
	ui.Routes(ui.Config{Catalog: cat})
	// Let the browser paint and handle input between the start of the Go
	// runtime with the catalog and go-app's first render: two shorter
	// tasks instead of one long one.
	ui.Yield()
	app.RunWhenOnBrowser()
}

// load decodes the catalog with the texts of the language the first page
// renders in, and with the facts' notes and sources if that page shows
// them (else they come later, once, through ui's needEvidence). A link to
// another language loads that page anew.
func load() (*catalog.Catalog, error) {
	langs, err := catalog.ReadLanguages(data.Binary)
	if err != nil {
		return nil, err
	}
	var packs [][]byte
	if code := ui.BootLang(langs); code != catalog.SourceLang {
		pack, err := ui.FetchLanguage(code)
		if err != nil {
			return nil, err
		}
		packs = append(packs, pack)
	}
	cat, err := catalog.ReadBinary(data.Binary, packs...)
	if err == nil {
		ui.BootEvidence(cat)
	}
	return cat, err
}
