package catalog_test

import (
	"bytes"
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

// schemaURL is where the schema's relative $id (/api/catalog.schema.json)
// resolves; the host is a placeholder, nothing is fetched.
const schemaURL = "https://msgcompare.invalid/api/catalog.schema.json"

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(catalog.Schema))
	if err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	sch, err := c.Compile(schemaURL)
	if err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	return sch
}

// catalogDoc returns json.Marshal(cat) decoded the way the validator wants it.
func catalogDoc(t testing.TB, cat *catalog.Catalog) any {
	t.Helper()
	b, err := json.Marshal(cat)
	if err != nil {
		t.Fatalf("json.Marshal(catalog): %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func realCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatalf("Load(data.FS): %v", err)
	}
	return cat
}

func TestSchemaValidatesTheCatalog(t *testing.T) {
	sch := compileSchema(t)
	fixture, err := catalog.Load(os.DirFS("testdata/valid"), catalog.Options{})
	if err != nil {
		t.Fatalf("Load(testdata/valid): %v", err)
	}
	for name, cat := range map[string]*catalog.Catalog{
		"the real catalog in data/":  realCatalog(t),
		"the test catalog (fixture)": fixture,
	} {
		t.Run(name+" is valid", func(t *testing.T) {
			if err := sch.Validate(catalogDoc(t, cat)); err != nil {
				t.Errorf("/api/catalog.json does not match /api/catalog.schema.json:\n%v", err)
			}
		})
	}
}

func TestSchemaID(t *testing.T) {
	var s struct {
		Schema string `json:"$schema"`
		ID     string `json:"$id"`
	}
	if err := json.Unmarshal(catalog.Schema, &s); err != nil {
		t.Fatal(err)
	}
	if s.ID != "/api/catalog.schema.json" || s.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$id = %q, $schema = %q; want /api/catalog.schema.json and draft 2020-12", s.ID, s.Schema)
	}
}

// TestSchemaRejects checks that the schema is strict: each case breaks one
// thing in the real catalog's JSON, and validation must fail.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	base, err := json.Marshal(realCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	// Every mutation breaks the first messenger, the criteria, the presets
	// or the top level: the others only make each validation 30 times
	// longer. The document that is left must validate as it is.
	var whole map[string]any
	if err := json.Unmarshal(base, &whole); err != nil {
		t.Fatal(err)
	}
	whole["apps"] = whole["apps"].([]any)[:1]
	if base, err = json.Marshal(whole); err != nil {
		t.Fatal(err)
	}
	if doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(base)); err != nil {
		t.Fatal(err)
	} else if err := sch.Validate(doc); err != nil {
		t.Fatalf("the catalog with its first messenger only does not validate: %v", err)
	}
	tests := []struct {
		name   string
		mutate func(doc map[string]any)
	}{
		{"a cell value of the wrong type (an object)", func(d map[string]any) {
			knownCell(d)["value"] = map[string]any{"yes": true}
		}},
		{"a negative number", func(d map[string]any) {
			knownCell(d)["value"] = json.Number("-1")
		}},
		{"a fractional number", func(d map[string]any) {
			knownCell(d)["value"] = json.Number("1.5")
		}},
		{"a known value without sources", func(d map[string]any) {
			delete(knownCell(d), "sources")
		}},
		{"a known value with null sources", func(d map[string]any) {
			knownCell(d)["sources"] = nil
		}},
		{"a known value with an empty source list", func(d map[string]any) {
			knownCell(d)["sources"] = []any{}
		}},
		{"a source that is not an http(s) URL", func(d map[string]any) {
			knownCell(d)["sources"] = []any{"javascript:alert(1)"}
		}},
		{"an unknown value without a note", func(d map[string]any) {
			c := knownCell(d)
			c["value"] = nil
			delete(c, "note")
		}},
		{"a bad verified date", func(d map[string]any) {
			knownCell(d)["verified"] = "2024-13-01"
		}},
		{"an unknown field in a cell", func(d map[string]any) {
			knownCell(d)["confidence"] = "high"
		}},
		{"a history entry without sources", func(d map[string]any) {
			c := knownCell(d)
			c["history"] = []any{map[string]any{"value": c["value"], "until": "2020-01-01"}}
		}},
		{"an audit without a url", func(d map[string]any) {
			knownCell(d)["value"] = []any{map[string]any{"year": json.Number("2020"), "auditor": "X", "scope": "Y"}}
		}},
		{"a messenger id with an uppercase letter", func(d map[string]any) {
			app0(d)["id"] = "Signal"
		}},
		{"a cell keyed by a bad criterion id", func(d map[string]any) {
			v := app0(d)["values"].(map[string]any)
			v["Forward Secrecy"] = knownCell(d)
		}},
		{"a criterion id with a space", func(d map[string]any) {
			criterion0(d)["id"] = "forward secrecy"
		}},
		{"a criterion of an unknown type", func(d map[string]any) {
			criterion0(d)["type"] = "boolean"
		}},
		{"a criterion label without English", func(d map[string]any) {
			delete(criterion0(d)["label"].(map[string]any), "en")
		}},
		{"a text in a language that is not a tag", func(d map[string]any) {
			criterion0(d)["label"].(map[string]any)["Deutsch"] = "Telefonnummer"
		}},
		{"a bool criterion that lists values", func(d map[string]any) {
			for _, c := range d["criteria"].([]any) {
				if c := c.(map[string]any); c["type"] == "bool" {
					c["values"] = []any{"yes", "no"}
					return
				}
			}
		}},
		{"an unknown curator status", func(d map[string]any) {
			app0(d)["status"] = []any{map[string]any{
				"curator": "privacyguides", "status": "endorsed", "since": "2020-01-01",
				"reason": "r", "source": "https://example.org/",
			}}
		}},
		{"a homepage that is not a URL", func(d map[string]any) {
			app0(d)["homepage"] = "signal.org"
		}},
		{"a preset with neither source nor rationale", func(d map[string]any) {
			p := d["presets"].([]any)[0].(map[string]any)
			delete(p, "source")
			delete(p, "rationale")
		}},
		{"a bad updated date", func(d map[string]any) {
			d["updated"] = "25.11.2026"
		}},
		{"a missing version", func(d map[string]any) {
			delete(d, "version")
		}},
		{"an unknown top-level field", func(d map[string]any) {
			d["extra"] = true
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails validation", func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(base))
			if err != nil {
				t.Fatal(err)
			}
			tt.mutate(doc.(map[string]any))
			err = sch.Validate(doc)
			if err == nil {
				t.Fatal("Validate accepted the broken document")
			}
			if testing.Verbose() {
				t.Log(err)
			}
		})
	}
}

func app0(d map[string]any) map[string]any {
	return d["apps"].([]any)[0].(map[string]any)
}

func criterion0(d map[string]any) map[string]any {
	return d["criteria"].([]any)[0].(map[string]any)
}

// knownCell returns the first app's first cell (by criterion id) that has a
// value and sources, so each mutation breaks exactly one rule.
func knownCell(d map[string]any) map[string]any {
	values := app0(d)["values"].(map[string]any)
	ids := make([]string, 0, len(values))
	for id := range values {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		c := values[id].(map[string]any)
		if c["value"] != nil && c["sources"] != nil {
			return c
		}
	}
	panic("no known cell in the first app")
}

// TestSchemaNoLimit checks "no limit" in /api/catalog.json on the test
// catalog, whose beta has no group size limit: the value stays null (as the
// public contract has it) with "unlimited": true beside it, the schema
// accepts that, and it rejects the ways of getting it wrong.
func TestSchemaNoLimit(t *testing.T) {
	sch := compileSchema(t)
	fixture, err := catalog.Load(os.DirFS("testdata/valid"), catalog.Options{})
	if err != nil {
		t.Fatalf("Load(testdata/valid): %v", err)
	}
	base, err := json.Marshal(fixture)
	if err != nil {
		t.Fatal(err)
	}
	cell := func(d map[string]any, app, criterion string) map[string]any {
		for _, a := range d["apps"].([]any) {
			if a := a.(map[string]any); a["id"] == app {
				return a["values"].(map[string]any)[criterion].(map[string]any)
			}
		}
		t.Fatalf("no app %s in the fixture", app)
		return nil
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(base))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("the test catalog does not match the schema:\n%v", err)
	}
	beta := cell(doc.(map[string]any), "beta", "group_size_limit")
	if beta["value"] != nil || beta["unlimited"] != true {
		t.Errorf("beta group_size_limit = %v, want value null and unlimited true", beta)
	}
	if _, ok := cell(doc.(map[string]any), "alpha", "group_size_limit")["unlimited"]; ok {
		t.Error("alpha group_size_limit (1000) carries an unlimited field")
	}
	tests := []struct {
		name   string
		mutate func(doc map[string]any)
	}{
		{"unlimited beside a number", func(d map[string]any) {
			cell(d, "beta", "group_size_limit")["value"] = json.Number("1000")
		}},
		{"unlimited false", func(d map[string]any) {
			cell(d, "alpha", "group_size_limit")["unlimited"] = false
		}},
		{"unlimited without sources", func(d map[string]any) {
			cell(d, "beta", "group_size_limit")["sources"] = []any{}
		}},
		{"unlimited with null sources", func(d map[string]any) {
			cell(d, "beta", "group_size_limit")["sources"] = nil
		}},
		{"unlimited_allowed on a bool criterion", func(d map[string]any) {
			for _, c := range d["criteria"].([]any) {
				if c := c.(map[string]any); c["type"] == "bool" {
					c["unlimited_allowed"] = true
					return
				}
			}
		}},
		{"the removed null_means", func(d map[string]any) {
			for _, c := range d["criteria"].([]any) {
				if c := c.(map[string]any); c["type"] == "number" {
					c["null_means"] = map[string]any{"en": "No limit"}
					return
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" fails validation", func(t *testing.T) {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(base))
			if err != nil {
				t.Fatal(err)
			}
			tt.mutate(doc.(map[string]any))
			if err := sch.Validate(doc); err == nil {
				t.Fatal("Validate accepted the broken document")
			}
		})
	}
}
