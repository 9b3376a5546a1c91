package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// ogsScript reads the pages with open-graph-scraper, the OpenGraph and
// Twitter card parser that link-preview services run on Node, and prints
// what it found for each.
const ogsScript = `
import ogs from "open-graph-scraper";
const out = [];
for (const url of JSON.parse(process.argv[1])) {
  const { error, result } = await ogs({ url });
  out.push({ url, error, result });
}
console.log(JSON.stringify(out));
`

type ogsImage struct {
	URL    string `json:"url"`
	Width  any    `json:"width"`
	Height any    `json:"height"`
	Type   string `json:"type"`
	Alt    string `json:"alt"`
}

type ogsResult struct {
	URL    string `json:"url"`
	Error  bool   `json:"error"`
	Result struct {
		OgTitle     string     `json:"ogTitle"`
		OgImage     []ogsImage `json:"ogImage"`
		TwitterCard string     `json:"twitterCard"`
	} `json:"result"`
}

// TestOpenGraphConsumersSeeEveryPicture has a real OpenGraph parser read
// pages of every kind in several languages from bin/serve with a public
// URL, and checks each field, then fetches each picture and decodes it.
func TestOpenGraphConsumersSeeEveryPicture(t *testing.T) {
	mods := filepath.Join(repoRoot, ".ci", "node_modules", "open-graph-scraper")
	if _, err := os.Stat(mods); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("open-graph-scraper is missing (%v): run .ci/npm-install", err)
		}
		t.Skipf("open-graph-scraper is missing; run .ci/npm-install (%v)", err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	srv := startServeAt(t, addr, "-public-url", "http://"+addr+"/")
	pages := []string{
		"/", "/?lang=fa", "/?preset=pg-minimum&lang=ru", "/?guide=no-phone:yes,devices:ios&lang=zh-Hans",
		"/compare?apps=signal,briar,simplex&lang=de", "/app/signal?lang=fa", "/app/threema?lang=pt-BR",
		"/embed?apps=signal,briar&lang=es", "/changes?lang=fr", "/about",
	}
	urls := make([]string, len(pages))
	for i, p := range pages {
		urls[i] = srv.URL + p
	}
	list, _ := json.Marshal(urls)
	cmd := exec.Command("node", "--input-type=module", "-e", ogsScript, string(list))
	cmd.Dir = filepath.Join(repoRoot, ".ci")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("open-graph-scraper: %v\n%s", err, out)
	}
	var results []ogsResult
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, r := range results {
		res := r.Result
		if r.Error || res.OgTitle == "" || len(res.OgImage) != 1 {
			t.Errorf("%s: error %v, title %q, %d images", r.URL, r.Error, res.OgTitle, len(res.OgImage))
			continue
		}
		img := res.OgImage[0]
		if !strings.HasPrefix(img.URL, srv.URL+"/og/") || fmt.Sprint(img.Width) != "1200" || fmt.Sprint(img.Height) != "630" ||
			img.Type != "image/png" || img.Alt == "" || res.TwitterCard != "summary_large_image" {
			t.Errorf("%s: image %+v, twitter:card %q", r.URL, img, res.TwitterCard)
			continue
		}
		resp, err := http.Get(img.URL)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/png" {
			t.Errorf("%s: GET %s = %d %s", r.URL, img.URL, resp.StatusCode, resp.Header.Get("Content-Type"))
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(body))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: the picture %s decodes as %d × %d (%v)", r.URL, img.URL, cfg.Width, cfg.Height, err)
		}
	}
}

// TestExportWritesThePicturesItsPagesName exports under a sub-path and
// checks that each page's og:image is a file of the export, a 1200 × 630
// PNG, and that the badges are there.
func TestExportWritesThePicturesItsPagesName(t *testing.T) {
	t.Parallel()
	root := sharedExportTo(t, "/x/msgcompare")
	site := filepath.Join(root, "x", "msgcompare")
	ogImage := regexp.MustCompile(`<meta property="?og:image"? content="?([^" >]+)`)
	for _, page := range []string{"index.html", "index.fa.html", "compare/index.zh-Hans.html", "app/signal/index.ru.html", "embed/index.html", "changes/index.de.html"} {
		b, err := os.ReadFile(filepath.Join(site, page))
		if err != nil {
			t.Fatal(err)
		}
		m := ogImage.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s has no og:image", page)
			continue
		}
		src := string(m[1])
		rel, ok := strings.CutPrefix(src, "/x/msgcompare/og/")
		if !ok {
			t.Errorf("%s: og:image %s is not under the export's base", page, src)
			continue
		}
		f, err := os.Open(filepath.Join(site, "og", filepath.FromSlash(rel)))
		if err != nil {
			t.Errorf("%s: og:image %s is not in the export: %v", page, src, err)
			continue
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: %s is %d × %d (%v)", page, src, cfg.Width, cfg.Height, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(site, "badge", "signal.svg")); err != nil || !bytes.Contains(b, []byte("<title>Signal on msgcompare")) {
		t.Errorf("the export's badge of Signal: %v\n%s", err, b)
	}
}
