//go:build js

package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// fetchEvidence returns the facts' notes and sources
// (catalog.EncodeEvidence), through the loader as FetchLanguage does.
func fetchEvidence() ([]byte, error) {
	return fetchPack("msgcompareFetchEvidence")
}

// refusedError is a fetch through the loader that the site answered
// with an error status (the loader's error carries it as status), as
// opposed to one that got no answer.
type refusedError struct {
	status int
	err    error
}

func (e *refusedError) Error() string { return e.err.Error() }

// needEvidence makes sure the notes and sources are in the catalog for a
// page that shows a fact's evidence. The wasm carries the facts' values
// and dates; the rest is the evidence pack (catalog.EncodeEvidence), which
// the loader fetches once (web/boot.js). Until it has come, a fact's body
// says it is loading, or that it failed; then the page renders again,
// after then (a page that keeps what it derived from the catalog derives
// it again there).
func needEvidence(ctx app.Context, cat *catalog.Catalog, s *state, then ...func()) {
	if !cat.Abridged {
		return
	}
	s.evidenceFailed = ""
	loadEvidence(ctx, cat, func(err error) {
		s.evidenceFailed = failedMessage(err)
		for _, f := range then {
			f()
		}
	})
}

// failedMessage is what a fact says when its evidence did not come with
// err: the site answered with an error (refusedError: a deploy may have
// replaced the pack, reloading helps), or nothing came (the connection).
func failedMessage(err error) string {
	var refused *refusedError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &refused):
		return msgEvidenceRefused
	default:
		return msgEvidenceFailed
	}
}

// prefetchEvidence loads the evidence pack once the browser is idle, on a
// page whose links lead to pages that show evidence (a messenger's page,
// the side-by-side table), so that those render with it at once. The
// service worker has cached the pack already, or does so at the same
// time: this costs no extra download. A failure changes nothing: a page
// that needs the pack asks again.
func prefetchEvidence(ctx app.Context, cat *catalog.Catalog) {
	if !cat.Abridged {
		return
	}
	whenIdle(func() { loadEvidence(ctx, cat, func(error) {}) })
}

// loadEvidence fetches the evidence pack in the background and adds it
// to cat on the UI goroutine, then calls done with the outcome; the
// page renders again.
func loadEvidence(ctx app.Context, cat *catalog.Catalog, done func(error)) {
	go func() { // not ctx.Async: see renderNow
		b, err := fetchEvidence()
		ctx.Dispatch(func(app.Context) { done(readEvidence(cat, b, err)) })
	}()
}

// BootEvidence reads the evidence pack into cat before the app's first
// render when the prerendered page shows a fact's evidence (a messenger's
// page, the side-by-side table), so that the first render shows it too;
// the loader has fetched it with the wasm, on the same test. Without it
// the app still runs, as on a page that asks for it later.
func BootEvidence(cat *catalog.Catalog) {
	if app.Window().Get("document").Call("querySelector", ".fact-body").Truthy() {
		b, err := fetchEvidence()
		readEvidence(cat, b, err)
	}
}

// readEvidence adds the evidence pack b, fetched with err, to cat, and
// says on the console when it could not.
func readEvidence(cat *catalog.Catalog, b []byte, err error) error {
	if err == nil {
		err = catalog.ReadEvidence(cat, b)
	}
	if err != nil {
		app.Window().Get("console").Call("warn", "msgcompare: the facts' notes and sources did not load.", err.Error())
	}
	return err
}
