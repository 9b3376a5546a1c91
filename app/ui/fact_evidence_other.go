//go:build !js

package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"msgcompare/app/catalog"
)

// The server's side of fact_evidence_js.go: the server's catalog has every
// fact's notes and sources (it is never abridged), so there is nothing to
// fetch.

// needEvidence does nothing.
func needEvidence(app.Context, *catalog.Catalog, *state, ...func()) {}

// prefetchEvidence does nothing.
func prefetchEvidence(app.Context, *catalog.Catalog) {}

// BootEvidence does nothing.
func BootEvidence(*catalog.Catalog) {}
