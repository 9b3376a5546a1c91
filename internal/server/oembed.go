package server

import (
	"encoding/json"
	"errors"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// oEmbed 1.0 (https://oembed.com): a site that is given the address of
// one of our views (WordPress, Ghost, Discourse, Drupal, Iframely...)
// asks /oembed for the HTML to show in its place, and gets the widget of
// that view. Every embeddable page names the endpoint in a
// <link rel="alternate" type="application/json+oembed"> (oEmbedLink).

// The widget's size in an oEmbed answer: what the widget takes by default
// (docs/contract.md §5), within what the consumer allows.
const (
	oEmbedWidth  = 700
	oEmbedHeight = 1000
	oEmbedMin    = 200 // WordPress clamps embeds to 200-1000 px
)

// embeddable reports whether path (without the site's prefix) is a view
// an oEmbed answer can show: a subset of ui.IsPage's pages.
func embeddable(cat *catalog.Catalog, path string) bool {
	switch path {
	case "/", "/compare", "/embed":
		return true
	}
	id, ok := strings.CutPrefix(path, "/app/")
	return ok && cat.App(id) != nil
}

// oEmbedAnswer is the JSON of a "rich" oEmbed response.
type oEmbedAnswer struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Title        string `json:"title"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	CacheAge     int    `json:"cache_age"`
}

// serveOEmbed answers /oembed?url=…&format=json[&maxwidth=…&maxheight=…]:
// 400 for a request it cannot read, 404 for an address that is not one
// of our embeddable views, 501 for a format other than JSON.
func (s *Server) serveOEmbed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fail := func(status int, why string) {
		h := w.Header()
		h.Set("Content-Type", "text/plain; charset=utf-8")
		h.Set("Cache-Control", cacheRevalidate)
		w.WriteHeader(status)
		w.Write([]byte(why + "\n"))
	}
	if f := q.Get("format"); f != "" && f != "json" {
		fail(http.StatusNotImplemented, "format: only json is served")
		return
	}
	width, ok1 := oEmbedBound(q.Get("maxwidth"), oEmbedWidth)
	height, ok2 := oEmbedBound(q.Get("maxheight"), oEmbedHeight)
	if !ok1 || !ok2 {
		fail(http.StatusBadRequest, "maxwidth, maxheight: expected a whole number of pixels")
		return
	}
	raw := q.Get("url")
	if raw == "" {
		fail(http.StatusBadRequest, "url: expected the address of a msgcompare page")
		return
	}
	site := s.siteURL(r)
	view, err := s.ownView(raw, site)
	if err != nil {
		fail(http.StatusNotFound, "url: not an embeddable msgcompare page")
		return
	}
	ans := s.oEmbedOf(view, site, width, height)
	b, err := json.Marshal(ans)
	if err != nil {
		fail(http.StatusInternalServerError, "encoding the answer failed")
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", cacheRevalidate) // Access-Control-Allow-Origin: HeaderPolicy
	if r.Method == http.MethodHead {
		return
	}
	w.Write(b)
}

// oEmbedBound reads a consumer's maximum (empty: none) and returns the
// size to use: def, or less when the consumer allows less.
func oEmbedBound(v string, def int) (int, bool) {
	if v == "" {
		return def, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, false
	}
	return max(min(n, def), oEmbedMin), true
}

// siteURL is the site's address as readers see it: -public-url, or,
// without it, the request's own host (what the consumer asked).
func (s *Server) siteURL(r *http.Request) string {
	if s.publicURL != "" {
		return s.publicURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + s.base
}

// ownView checks that raw is one of our embeddable views, under site (or
// a path of the site) and returns it as a path without the site's prefix
// and a query.
func (s *Server) ownView(raw, site string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	base, err := url.Parse(site)
	if err != nil {
		return nil, err
	}
	if u.Host != "" || u.Scheme != "" {
		if !strings.EqualFold(u.Host, base.Host) || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, errNotOurs
		}
	}
	p, ok := strings.CutPrefix(u.Path, base.Path)
	if !ok {
		return nil, errNotOurs
	}
	if p == "" {
		p = "/"
	}
	if q := strings.TrimSuffix(p, "/"); q != "" {
		p = q
	}
	if !embeddable(s.cat, p) {
		return nil, errNotOurs
	}
	return &url.URL{Path: p, RawQuery: u.RawQuery}, nil
}

var errNotOurs = errors.New("not a view of this site")

// oEmbedOf is the answer for view: the widget of the same comparison (a
// messenger's page shows as the widget of that messenger), with a link to
// the view before it, which WordPress shows until the widget has loaded
// and which any consumer that drops frames keeps.
func (s *Server) oEmbedOf(view *url.URL, site string, width, height int) oEmbedAnswer {
	q, _ := compare.Decode(view.RawQuery, s.cat)
	var names []string
	if id, ok := strings.CutPrefix(view.Path, "/app/"); ok {
		q = compare.Query{Apps: []string{id}, Theme: q.Theme, Lang: q.Lang}
	}
	if view.Path == "/" {
		q.Shorten(s.cat)
	}
	for _, id := range q.Apps {
		if a := s.cat.App(id); a != nil {
			names = append(names, a.Name)
		}
	}
	title := "msgcompare: private messengers compared"
	if len(names) > 0 {
		title = "msgcompare: " + strings.Join(names, ", ")
	}
	page := site + view.Path
	if view.RawQuery != "" {
		page += "?" + view.RawQuery
	}
	src := site + "/embed"
	if enc := q.Encode(); enc != "" {
		src += "?" + enc
	}
	e := html.EscapeString
	markup := `<blockquote class="msgcompare-embed"><p><a href="` + e(page) + `">` + e(title) + `</a></p></blockquote>` +
		// width="100%": WordPress keeps the attribute and drops style, and a
		// fixed width would make a phone's page scroll sideways.
		`<iframe src="` + e(src) + `" width="100%" height="` + strconv.Itoa(height) +
		`" title="` + e(title) + `" frameborder="0" loading="lazy" style="width:100%;max-width:` + strconv.Itoa(width) + `px;border:0" data-msgcompare></iframe>` +
		`<script src="` + e(site+"/embed.js") + `" async></script>`
	return oEmbedAnswer{
		Version: "1.0", Type: "rich", ProviderName: "msgcompare", ProviderURL: site + "/",
		Title: title, HTML: markup, Width: width, Height: height, CacheAge: 86400,
	}
}

// oEmbedLink is the discovery link of the page at u (path without the
// site's prefix), or "" for a page that is not embeddable.
func (s *Server) oEmbedLink(u *url.URL) string {
	p := u.Path
	if q := strings.TrimSuffix(p, "/"); q != "" {
		p = q
	}
	if !embeddable(s.cat, p) {
		return ""
	}
	site := s.publicURL
	if site == "" {
		site = s.base // a path of the site: the Host header is not ours to trust
	}
	page := site + p
	if u.RawQuery != "" {
		page += "?" + u.RawQuery
	}
	href := site + "/oembed?url=" + url.QueryEscape(page) + "&format=json"
	return `<link rel="alternate" type="application/json+oembed" href="` + html.EscapeString(href) + `" title="msgcompare">`
}
