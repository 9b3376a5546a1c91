package preview

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"

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
