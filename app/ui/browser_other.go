//go:build !js

package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// The server's side of browser_js.go. The server handles no events and
// never boots the app, so most of these are never called: the event
// handlers and cmd/wasm, which reach them, compile for the server too.

// nextTask runs f at once.
func nextTask(f func()) { f() }

// focus does nothing.
func focus(string) {}

// postToParent does nothing.
func postToParent(map[string]any) {}

// pushHistory does nothing.
func pushHistory(string) {}

// browserLang is the catalog's source language: the server negotiates
// the reader's from Accept-Language and adds it to the address as lang=.
func browserLang(*catalog.Catalog) string { return catalog.SourceLang }

// setDocumentLang writes the page's language; internal/server adds the
// writing direction to the prerendered document.
func setDocumentLang(ctx app.Context, lang locale) { ctx.Page().SetLang(lang.code) }

// Yield returns at once.
func Yield() {}

// BootLang is the catalog's source language.
func BootLang(*catalog.Catalog) string { return catalog.SourceLang }

// FetchLanguage fails: there is no loader.
func FetchLanguage(string) ([]byte, error) { return nil, errors.New("no loader on the server") }

// BootFailed does nothing.
func BootFailed(error) {}
