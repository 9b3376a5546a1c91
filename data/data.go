// Package data embeds the catalog's human-edited files (see docs/data.md), so
// that the server, the static export and the WebAssembly app all carry the
// same facts without a database or a network request.
package data

import "embed"

// FS holds criteria.json, presets.json, guide.json, freshness.json and
// apps/*.json.
//
//go:embed criteria.json presets.json guide.json freshness.json apps/*.json locales/*/*.json
var FS embed.FS

// Binary is the same catalog in its compact form (catalog.ReadBinary), which
// the WebAssembly app decodes in milliseconds instead of parsing JSON,
// without the other languages' texts and the facts' notes and sources,
// which the server serves as packs of their own.
// internal/cmd/catalogbin writes it; TestBinaryIsCurrent checks it matches
// the JSON files.
//
//go:embed catalog.bin
var Binary []byte
