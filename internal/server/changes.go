package server

import (
	"msgcompare/app/catalog"
	"msgcompare/app/changes"
	"msgcompare/app/changes/feed"
	"msgcompare/app/ui"
)

// addChanges serves the change log as files (the page /changes is a route
// of ui): the Atom feed at /changes.atom, the open data at
// /api/changes.json and its schema. Like the rest of the API they are
// revalidated by ETag, and the static export writes them with the other
// assets.
//
// publicURL makes the feed's links absolute (-public-url); the Host header
// of a request is never used for it. Without one, the links are relative
// to the site's root (prefix + path), which feed readers resolve against
// the feed's own address.
func (s *Server) addChanges(cat *catalog.Catalog, publicURL, prefix string, lv levels) error {
	list := changes.Extract(cat)
	site := feed.Site{PublicURL: publicURL, Prefix: prefix, Summary: func(c *changes.Change) string {
		return ui.ChangeSummary(cat, c, "en")
	}}
	j, err := feed.JSON(cat, list)
	if err != nil {
		return err
	}
	schema, err := minifyBytes(s.min, "application/schema+json", feed.Schema)
	if err != nil {
		return err
	}
	s.assets["/changes.atom"] = s.cache.newAsset(feed.AtomType, feed.Atom(cat, list, site), lv)
	s.assets["/api/changes.json"] = s.cache.newAsset(feed.JSONType, j, lv)
	s.assets["/api/changes.schema.json"] = s.cache.newAsset(feed.SchemaType, schema, lv)
	return nil
}
