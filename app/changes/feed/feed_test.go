package feed_test

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"msgcompare/app/catalog"
	"msgcompare/app/changes"
	"msgcompare/app/changes/feed"
	"msgcompare/data"
)

func realCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func fixture(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(os.DirFS(filepath.Join("..", "testdata", "catalog")), catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func summary(c *changes.Change) string {
	return string(c.Kind) + " " + c.Criterion + c.Curator + " & <more>"
}

var sites = []struct {
	name string
	site feed.Site
}{
	{"with a public URL", feed.Site{PublicURL: "https://example.org/tools/msgcompare/", Summary: summary}},
	{"without a public URL, at the root", feed.Site{Summary: summary}},
	{"without a public URL, under a prefix", feed.Site{Prefix: "/tools/msgcompare", Summary: summary}},
}

// TestAtomValidates checks the feed against the RELAX NG schema of RFC
// 4287 (testdata/atom.rng, from the RFC's Appendix B) with xmllint, for the
// real catalog and the fixture, with and without a public URL. Without
// xmllint (Debian's libxml2-utils) it is skipped, except under CI=true.
func TestAtomValidates(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint not found (apt-get install libxml2-utils); CI=true needs it")
		}
		t.Skip("xmllint not found (apt-get install libxml2-utils)")
	}
	dir := t.TempDir()
	for ci, cat := range []*catalog.Catalog{realCatalog(t), fixture(t)} {
		for si, s := range sites {
			name := filepath.Join(dir, "feed"+string(rune('a'+ci))+string(rune('0'+si))+".atom")
			if err := os.WriteFile(name, feed.Atom(cat, changes.Extract(cat), s.site), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(xmllint, "--noout", "--relaxng", filepath.Join("testdata", "atom.rng"), name).CombinedOutput()
			if err != nil {
				t.Errorf("%s: the feed does not validate: %v\n%s", s.name, err, out)
			}
		}
	}
}

// TestSchemaRejectsBrokenFeeds makes sure the schema is not so loose that
// anything passes: a feed without its title or with a bad date fails.
func TestSchemaRejectsBrokenFeeds(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not found")
	}
	cat := fixture(t)
	good := string(feed.Atom(cat, changes.Extract(cat), sites[0].site))
	for name, broken := range map[string]string{
		"no title": strings.Replace(good, "<title>msgcompare: what changed</title>", "", 1),
		"bad date": strings.Replace(good, "T00:00:00Z</updated>", "</updated>", 1),
		"no id":    strings.Replace(good, "<id>tag:example.org,2026:changes</id>", "", 1),
	} {
		file := filepath.Join(t.TempDir(), "broken.atom")
		os.WriteFile(file, []byte(broken), 0o644)
		if exec.Command(xmllint, "--noout", "--relaxng", filepath.Join("testdata", "atom.rng"), file).Run() == nil {
			t.Errorf("a feed with %s validates; the schema should reject it", name)
		}
	}
}

type atomFeed struct {
	ID      string     `xml:"id"`
	Author  string     `xml:"author>name"`
	Links   []atomLink `xml:"link"`
	Entries []struct {
		ID      string     `xml:"id"`
		Title   string     `xml:"title"`
		Updated string     `xml:"updated"`
		Links   []atomLink `xml:"link"`
		Content string     `xml:"content"`
	} `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

// TestAtomEntries checks what the schema cannot (the RFC's Schematron
// rules and ours): one entry per change, newest first, unique tag: ids
// that do not depend on the prefix, an alternate link on every entry, and
// links absolute from the public URL, or relative to the site's root.
func TestAtomEntries(t *testing.T) {
	cat := realCatalog(t)
	list := changes.Extract(cat)
	ids := map[string][]string{}
	for _, s := range sites {
		t.Run(s.name, func(t *testing.T) {
			var f atomFeed
			if err := xml.Unmarshal(feed.Atom(cat, list, s.site), &f); err != nil {
				t.Fatal(err)
			}
			if len(f.Entries) != len(list) {
				t.Fatalf("%d entries for %d changes", len(f.Entries), len(list))
			}
			if f.Author == "" {
				t.Error("the feed has no author, and its entries have none")
			}
			want := s.site.Prefix + "/"
			if s.site.PublicURL != "" {
				want = strings.TrimSuffix(s.site.PublicURL, "/") + "/"
			}
			seen := map[string]bool{}
			for i, e := range f.Entries {
				if !strings.HasPrefix(e.ID, "tag:") || seen[e.ID] {
					t.Errorf("entry %d: id %q is not a unique tag: URI", i, e.ID)
				}
				seen[e.ID] = true
				ids[s.name] = append(ids[s.name], e.ID)
				if e.Updated != list[i].Date+"T00:00:00Z" {
					t.Errorf("entry %d: updated %s, want the change's date %s", i, e.Updated, list[i].Date)
				}
				alternate := false
				for _, l := range e.Links {
					if l.Rel == "via" {
						continue
					}
					alternate = alternate || l.Rel == "alternate"
					if !strings.HasPrefix(l.Href, want) {
						t.Errorf("entry %d: link %s does not start with %s", i, l.Href, want)
					}
				}
				if !alternate {
					t.Errorf("entry %d has no alternate link", i)
				}
			}
		})
	}
	// The two sites without a public URL share their ids: the prefix is
	// where the site lives, not who made the change.
	a, b := ids[sites[1].name], ids[sites[2].name]
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Error("entry ids depend on the prefix")
	}
}

// TestAtomIsTheSameForTheSameData: the feed depends on the data alone (no
// clock), so its ETag only changes when the data does.
func TestAtomIsTheSameForTheSameData(t *testing.T) {
	cat := realCatalog(t)
	a := feed.Atom(cat, changes.Extract(cat), sites[0].site)
	b := feed.Atom(cat, changes.Extract(cat), sites[0].site)
	if !bytes.Equal(a, b) {
		t.Error("two feeds of the same data differ")
	}
}

func TestJSONMatchesItsSchema(t *testing.T) {
	const url = "https://msgcompare.invalid/api/changes.schema.json"
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(feed.Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range []*catalog.Catalog{realCatalog(t), fixture(t)} {
		b, err := feed.JSON(cat, changes.Extract(cat))
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("changes.json does not match changes.schema.json: %v", err)
		}
	}
}
