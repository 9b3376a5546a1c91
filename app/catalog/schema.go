package catalog

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the document served at
// /api/catalog.json, which is json.Marshal of a *Catalog. It is published at
// /api/catalog.schema.json so that sites reusing the open data can check what
// they download; the tests validate the real catalog against it, so the schema
// and the Go types cannot drift apart unnoticed.
//
//go:embed schema.json
var Schema []byte
