package server

import (
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"msgcompare/app/compare"
	"msgcompare/internal/preview"
)

// servePreview answers /og/<page>[.<lang>].png (and .svg): the picture of
// the page's view for the request's query, as link previews show it
// (og:image). The query is cleaned as the page cleans it, so hostile
// parameters give the picture of the cleaned view; no text of the
// address is drawn. Pictures are drawn one render slot at a time and
// kept in the renderer's bounded cache.
func (s *Server) servePreview(w http.ResponseWriter, r *http.Request) {
	page, lang, f, ok := s.previews.ParsePath(r.URL.Path)
	if !ok {
		s.serveNotFound(w, r)
		return
	}
	pic, ok := s.previews.Picture(page, lang, r.URL.RawQuery)
	if !ok {
		s.serveNotFound(w, r)
		return
	}
	select {
	case s.renders <- struct{}{}:
	case <-r.Context().Done():
		return
	}
	b, err := s.previews.Render(pic, f)
	<-s.renders
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	a := &asset{contentType: "image/png", body: b, hash: contentHash(b)}
	if f == preview.SVG {
		a = s.cache.newAsset("image/svg+xml", b, pageLevels)
	}
	serveAsset(w, r, a, http.StatusOK)
}

// previewMeta is the head's OpenGraph and Twitter tags of the page at u's
// picture: og:image (absolute under -public-url, else a path of the site,
// as the canonical link), its type, size and description in the page's
// language, and the large-picture card.
func (s *Server) previewMeta(u *url.URL) string {
	path := strings.TrimSuffix(u.Path, "/")
	if path == "" {
		path = "/"
	}
	q, _ := compare.Decode(u.RawQuery, s.cat)
	pic, ok := s.previews.Picture(path, q.Lang, u.RawQuery)
	if !ok {
		return ""
	}
	src := s.base + pic.URL(preview.PNG)
	if s.publicURL != "" {
		src = s.publicURL + pic.URL(preview.PNG)
	}
	meta := func(attr, name, content string) string {
		return `<meta ` + attr + `="` + name + `" content="` + html.EscapeString(content) + `">`
	}
	return meta("property", "og:image", src) +
		meta("property", "og:image:type", "image/png") +
		meta("property", "og:image:width", strconv.Itoa(preview.Width)) +
		meta("property", "og:image:height", strconv.Itoa(preview.Height)) +
		meta("property", "og:image:alt", s.previews.Alt(pic)) +
		meta("name", "twitter:card", "summary_large_image")
}

// PreviewImage draws the picture of the page at path (no query) in
// language lang ("" for English), for the static export: its Path is
// where the page's og:image points.
func (s *Server) PreviewImage(path, lang string) (File, error) {
	pic, ok := s.previews.Picture(path, lang, "")
	if !ok {
		return File{}, &url.Error{Op: "preview", URL: path, Err: http.ErrMissingFile}
	}
	b, err := s.previews.Render(pic, preview.PNG)
	if err != nil {
		return File{}, err
	}
	return File{Path: pic.Path(preview.PNG), ContentType: "image/png", Body: b}, nil
}

// serveBadge answers /badge/<id>.svg: the messenger's badge (its name and
// key facts, or with preset= whether it meets that preset) in the
// language of lang= (English without it, so that one address is one
// badge for every cache), for places that strip iframes.
func (s *Server) serveBadge(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/badge/"), ".svg")
	if !ok {
		s.serveNotFound(w, r)
		return
	}
	q := r.URL.Query()
	lang := s.cat.MatchLang(q.Get("lang"))
	b, ok := s.previews.Badge(id, lang, q.Get("preset"))
	if !ok {
		s.serveNotFound(w, r)
		return
	}
	serveAsset(w, r, s.cache.newAsset("image/svg+xml", b, pageLevels), http.StatusOK)
}

// Badges are the English badge of every messenger, for the static export.
func (s *Server) Badges() []File {
	var out []File
	for _, a := range s.cat.Apps {
		if b, ok := s.previews.Badge(a.ID, "", ""); ok {
			out = append(out, File{Path: "/badge/" + a.ID + ".svg", ContentType: "image/svg+xml", Body: b})
		}
	}
	return out
}
