// Package feed writes the change log (package changes) as the files the
// server serves and the static export writes: an Atom 1.0 feed (RFC 4287)
// at /changes.atom and open data at /api/changes.json, with its JSON
// Schema. It is pure Go without go-app, used by the server only, so the
// WebAssembly app carries none of it.
package feed

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"

	"msgcompare/app/catalog"
	"msgcompare/app/changes"
)

// Media types of the files.
const (
	AtomType   = "application/atom+xml; charset=utf-8"
	JSONType   = "application/json; charset=utf-8"
	SchemaType = "application/schema+json"
)

// Schema is the JSON Schema of /api/changes.json, served at
// /api/changes.schema.json.
//
//go:embed changes.schema.json
var Schema []byte

// tagDate is the date of the tag: URIs' authority (RFC 4151). It is part
// of every entry id and never changes.
const tagDate = "2026"

// fallbackAuthority names the feed in tag: ids when the site's public
// address is unknown. The .invalid top-level domain belongs to no one, so
// these ids can clash with no one else's.
const fallbackAuthority = "msgcompare.invalid"

// Site is where the feed's links point.
type Site struct {
	// PublicURL is the site's address as readers see it, such as
	// https://example.org/tools/msgcompare/ (the server's -public-url). It
	// makes every link absolute and names the feed in its entry ids.
	// The Host header of a request is never used: anyone can send any.
	//
	// Without it, links are relative to the site's root (Prefix + path),
	// which feed readers resolve against the feed's own address, and ids
	// use the authority msgcompare.invalid: they stay stable, but change
	// once when a public URL is configured.
	PublicURL string
	// Prefix is the path the site lives under, "" or "/sub/path"; used only
	// without PublicURL (which already holds it).
	Prefix string
	// Summary says in one line what a change was (ui.ChangeSummary), in
	// English, the feed's language.
	Summary func(*changes.Change) string
}

func (s Site) link(path string) string {
	if s.PublicURL != "" {
		return strings.TrimSuffix(s.PublicURL, "/") + path
	}
	return s.Prefix + path
}

func (s Site) authority() string {
	if u, err := url.Parse(s.PublicURL); err == nil && u.Hostname() != "" {
		return strings.ToLower(u.Hostname())
	}
	return fallbackAuthority
}

// EntryID is a change's Atom id: a tag: URI (RFC 4151) from the change's
// stable id, the same in every release.
func (s Site) EntryID(c *changes.Change) string {
	return "tag:" + s.authority() + "," + tagDate + ":change:" + c.ID
}

// updated is the feed's date: its newest change, else the catalog's date.
// It depends on the data alone, so that every build of the same data
// writes the same bytes (and the same ETag).
func updated(cat *catalog.Catalog, list []changes.Change) string {
	if len(list) > 0 {
		return list[0].Date
	}
	return cat.Updated
}

func stamp(date string) string { return date + "T00:00:00Z" }

// Atom writes list (newest first, as changes.Extract returns it) as an
// Atom 1.0 feed.
func Atom(cat *catalog.Catalog, list []changes.Change, site Site) []byte {
	var b bytes.Buffer
	x := func(s string) string {
		var e strings.Builder
		xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">` + "\n")
	b.WriteString(`<title>msgcompare: what changed</title>` + "\n")
	b.WriteString(`<subtitle>Every dated change of the private messenger comparison: facts that changed, curators' verdicts, messengers discontinued.</subtitle>` + "\n")
	b.WriteString(`<id>tag:` + x(site.authority()) + `,` + tagDate + `:changes</id>` + "\n")
	b.WriteString(`<link rel="self" type="application/atom+xml" href="` + x(site.link("/changes.atom")) + `"/>` + "\n")
	b.WriteString(`<link rel="alternate" type="text/html" href="` + x(site.link("/changes")) + `"/>` + "\n")
	b.WriteString(`<updated>` + stamp(updated(cat, list)) + `</updated>` + "\n")
	b.WriteString(`<author><name>msgcompare contributors</name></author>` + "\n")
	b.WriteString(`<rights>Data licensed CC BY-SA 4.0</rights>` + "\n")
	b.WriteString(`<generator>msgcompare</generator>` + "\n")
	for i := range list {
		c := &list[i]
		a := cat.App(c.App)
		name := c.App
		if a != nil {
			name = a.Name
		}
		title := name + ": " + site.Summary(c)
		b.WriteString("<entry>\n")
		b.WriteString(`<id>` + x(site.EntryID(c)) + `</id>` + "\n")
		b.WriteString(`<title type="text">` + x(title) + `</title>` + "\n")
		b.WriteString(`<updated>` + stamp(c.Date) + `</updated>` + "\n")
		b.WriteString(`<link rel="alternate" type="text/html" href="` + x(site.link("/changes?apps="+url.QueryEscape(c.App)+"#change-"+c.ID)) + `"/>` + "\n")
		b.WriteString(`<link rel="related" type="text/html" href="` + x(site.link("/app/"+c.App)) + `"/>` + "\n")
		for _, src := range c.Sources {
			b.WriteString(`<link rel="via" href="` + x(src) + `"/>` + "\n")
		}
		b.WriteString(`<category term="` + x(c.App) + `" label="` + x(name) + `"/>` + "\n")
		if c.Criterion != "" {
			b.WriteString(`<category term="` + x(c.Criterion) + `"/>` + "\n")
		}
		b.WriteString(`<content type="text">` + x(content(title, c)) + `</content>` + "\n")
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// content is an entry's text: what changed, when, why, and the sources.
func content(title string, c *changes.Change) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s).", title, c.Date)
	if c.Note != "" {
		b.WriteString("\n" + c.Note)
	}
	if len(c.Sources) > 0 {
		b.WriteString("\nSources: " + strings.Join(c.Sources, " "))
	}
	return b.String()
}

// Document is /api/changes.json: the change log as open data.
type Document struct {
	Version string           `json:"version"`
	Updated string           `json:"updated"`
	License string           `json:"license"`
	Changes []changes.Change `json:"changes"`
}

// JSON writes list as /api/changes.json.
func JSON(cat *catalog.Catalog, list []changes.Change) ([]byte, error) {
	if list == nil {
		list = []changes.Change{}
	}
	b, err := json.Marshal(Document{Version: cat.Version, Updated: updated(cat, list), License: cat.License, Changes: list})
	if err != nil {
		return nil, fmt.Errorf("changes.json: %w", err)
	}
	return b, nil
}
