package preview

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

var realCatalog = sync.OnceValues(func() (*catalog.Catalog, error) { return catalog.Load(data.FS, catalog.Options{}) })

var write = flag.String("write", "", "folder to write the pictures of TestPictures to, to look at them")

func renderer(t testing.TB) *Renderer {
	t.Helper()
	cat, err := realCatalog()
	if err != nil {
		t.Fatal(err)
	}
	r, err := New(cat, 0)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// views are pages of every kind: the comparison, a preset, a guide
// answer, side by side, a messenger, the widget and the change log.
var views = []struct{ name, path, query string }{
	{"home", "/", ""},
	{"preset", "/", "preset=pg-minimum"},
	{"guide", "/", "guide=no-phone:yes,devices:ios"},
	{"compare", "/compare", "apps=signal,briar,simplex,whatsapp"},
	{"app", "/app/signal", ""},
	{"embed", "/embed", "apps=signal,briar&criteria=forward_secrecy,e2ee_default"},
	{"changes", "/changes", ""},
}

func TestPictures(t *testing.T) {
	r := renderer(t)
	for _, lang := range r.cat.Langs() {
		for _, v := range views {
			p, ok := r.Picture(v.path, lang, v.query)
			if !ok {
				t.Fatalf("%s: no picture", v.path)
			}
			b, err := r.Render(p, PNG)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s %s: %v", v.name, lang, err)
			}
			if got := img.Bounds().Size(); got.X != Width || got.Y != Height {
				t.Errorf("%s %s: %v, want %d × %d", v.name, lang, got, Width, Height)
			}
			if *write != "" {
				if err := os.WriteFile(filepath.Join(*write, "og-"+v.name+"-"+lang+".png"), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// BenchmarkRender draws pictures of queries the cache has never seen
// (every iteration another view), then serves one from the cache.
func BenchmarkRender(b *testing.B) {
	r := renderer(b)
	ids := make([]string, 0, len(r.cat.Apps))
	for _, a := range r.cat.Apps {
		ids = append(ids, a.ID)
	}
	b.Run("new", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			q := "apps=" + ids[i%len(ids)] + "," + ids[(i/len(ids)+i+1)%len(ids)]
			p, _ := r.Picture("/compare", r.cat.Langs()[i%len(r.cat.Langs())], q)
			r.cache = newCache(DefaultCacheBytes)
			if _, err := r.Render(p, PNG); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		p, _ := r.Picture("/compare", "fa", "apps=signal,briar")
		r.Render(p, PNG)
		for b.Loop() {
			if _, err := r.Render(p, PNG); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestFontsCoverTheCatalog fails when a text of the catalog has a
// character that the subset fonts lack (a translator added one): run
// `make fonts` and commit the fonts.
func TestFontsCoverTheCatalog(t *testing.T) {
	r := renderer(t)
	for _, c := range Runes(Texts(r.cat)) {
		s, ok := ScriptOf(c)
		if ok {
			if !has(r.fonts.regular[s], c) || !has(r.fonts.bold[s], c) {
				t.Errorf("%q (U+%04X) is not in the fonts of its script: run make fonts", c, c)
			}
			continue
		}
		found := false
		for _, f := range r.fonts.regular {
			found = found || has(f, c)
		}
		if !found {
			t.Errorf("%q (U+%04X) is in no font: run make fonts", c, c)
		}
	}
}

func TestLongTextsAreCutToTheirPlace(t *testing.T) {
	r := renderer(t)
	ts := r.fonts.typesetter()
	long := strings.Repeat("Signal Briar مسنجر 信使 \u202eevil\u202c ", 40)
	for _, rtl := range []bool{false, true} {
		for _, width := range []float64{0, 40, 300, 1088} {
			l := ts.line(long, titleStyle, rtl, width)
			if l.width > width && width >= 60 {
				t.Errorf("rtl %v: a line for %v px is %v px wide", rtl, width, l.width)
			}
		}
	}
	cat := *r.cat
	cat.Apps = append([]catalog.App(nil), r.cat.Apps...)
	cat.Apps[0].Name = "Aa " + long
	r2, err := New(catalog.New(cat.Groups, cat.Criteria, cat.Presets, cat.Apps), 0)
	if err != nil {
		t.Fatal(err)
	}
	r2.cat.Locales = r.cat.Locales
	p, _ := r2.Picture("/", "fa", "")
	b, err := r2.Render(p, PNG)
	if err != nil {
		t.Fatal(err)
	}
	if *write != "" {
		os.WriteFile(filepath.Join(*write, "long-name-fa.png"), b, 0o644)
	}
}

func TestHostileQueriesShareTheCleanedViewsPicture(t *testing.T) {
	r := renderer(t)
	clean, _ := r.Picture("/compare", "fa", "apps=signal,briar")
	for _, q := range []string{
		"apps=signal,briar&theme=dark&utm=1",
		"apps=signal,%3Cscript%3E,briar&view=cards",
		"apps=signal,briar&lang=xx&%ZZ",
	} {
		p, ok := r.Picture("/compare", "fa", q)
		if !ok || p != clean {
			t.Errorf("%s: %+v, want %+v", q, p, clean)
		}
		b, err := r.Render(p, SVG)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("<script")) || bytes.Contains(b, []byte("<text")) {
			t.Errorf("%s: the SVG holds text of the address", q)
		}
	}
	if _, ok := r.Picture("/nope", "en", ""); ok {
		t.Error("a picture of a page that does not exist")
	}
	for _, p := range []string{"/og/index.en.png", "/og/x.png", "/og/index.png.png", "/og/app/nope.fa.png", "/og/compare.fa.gif"} {
		if _, _, _, ok := r.ParsePath(p); ok {
			t.Errorf("ParsePath(%q) accepted it", p)
		}
	}
	for _, p := range []Picture{{Page: "/", Lang: "en"}, {Page: "/app/signal", Lang: "zh-Hans"}, {Page: "/embed/builder", Lang: "fa"}} {
		page, lang, f, ok := r.ParsePath(p.Path(PNG))
		if !ok || page != p.Page || lang != p.Lang || f != PNG {
			t.Errorf("ParsePath(%q) = %q %q %q %v", p.Path(PNG), page, lang, f, ok)
		}
	}
}

func TestTheCacheStaysWithinItsBytes(t *testing.T) {
	c := newCache(1000)
	for i := range 100 {
		c.put(strings.Repeat("k", i%7+1)+string(rune('a'+i%26))+string(rune('a'+i/26)), make([]byte, 90))
	}
	items, size := c.stats()
	if size > 1000 || items == 0 || items > 11 {
		t.Errorf("the cache holds %d items, %d bytes; want at most 1000 bytes", items, size)
	}
	c.put("huge", make([]byte, 2000))
	if _, ok := c.get("huge"); ok {
		t.Error("the cache kept a picture larger than itself")
	}
}

var timings = flag.Bool("timings", false, "report the median and 95th percentile of drawing new pictures and of cache hits")

// TestTimings reports, with -timings, how long a picture of a query the
// cache has not seen takes, and a cache hit, as median and 95th
// percentile (docs/benchmarks.md).
func TestTimings(t *testing.T) {
	if !*timings {
		t.Skip("run with -timings")
	}
	r := renderer(t)
	var queries []Picture
	for i, a := range r.cat.Apps {
		for j, b := range r.cat.Apps {
			if i != j && len(queries) < 150 {
				p, _ := r.Picture("/compare", r.cat.Langs()[(i+j)%len(r.cat.Langs())], "apps="+a.ID+","+b.ID)
				queries = append(queries, p)
			}
		}
	}
	measure := func(f func(Picture)) (median, p95 time.Duration) {
		var d []time.Duration
		for _, p := range queries {
			start := time.Now()
			f(p)
			d = append(d, time.Since(start))
		}
		slices.Sort(d)
		return d[len(d)/2], d[len(d)*95/100]
	}
	nm, n95 := measure(func(p Picture) { r.Render(p, PNG) })
	cm, c95 := measure(func(p Picture) { r.Render(p, PNG) })
	items, size := r.cache.stats()
	t.Logf("new picture: median %v, p95 %v; cache hit: median %v, p95 %v; cache %d pictures, %d KB", nm, n95, cm, c95, items, size>>10)
}

func TestConcurrentRenders(t *testing.T) {
	r := renderer(t)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j, lang := range []string{"fa", "zh-Hans", "en"} {
				p, _ := r.Picture("/compare", lang, "apps=signal,"+r.cat.Apps[(i+j)%len(r.cat.Apps)].ID)
				if _, err := r.Render(p, PNG); err != nil {
					t.Error(err)
				}
				r.Badge(r.cat.Apps[i].ID, lang, "")
			}
		}()
	}
	wg.Wait()
}
