package export

import (
	"fmt"
	"strings"

	"msgcompare/internal/server"
)

// nginxLocation is one location block of the nginx configuration: the
// URIs it matches and a path of the server's that stands for them, whose
// headers (HeaderPolicy.Headers) the block sends.
type nginxLocation struct {
	match, like, comment string
	extra                []string // directives before the headers
	tryFiles             string
}

// pageVary tells caches that a page depends on the reader's languages
// (the map below picks the file by Accept-Language), as bin/serve does.
const pageVary = `add_header Vary "Accept-Language" always;`

// nginxLocations are the kinds of response whose headers differ. nginx
// does not merge add_header into a location that has its own, so every
// block lists every header it sends.
func nginxLocations() []nginxLocation {
	return []nginxLocation{
		{match: "/", like: "/", comment: "Pages and files. /about is served from about/index.html without a redirect,\n# so the address stays the one the app routes on.",
			extra: []string{"limit_except GET { deny all; }", pageVary}, tryFiles: "$uri/index$msgcompare_lang.html $uri $uri/index.html =404"},
		{match: "~ /embed(/|$)", like: "/embed", comment: "The widget: other sites may frame it (bin/serve -frame-ancestors), and it\n# gets no Cross-Origin-Opener-Policy, which would cut it off from its host.",
			extra: []string{"limit_except GET { deny all; }", pageVary}, tryFiles: "$uri/index$msgcompare_lang.html $uri $uri/index.html =404"},
		{match: "~ /web/(app\\.wasm|evidence\\.bin|lang/[^/]+\\.bin)$", like: "/web/app.wasm", comment: "The wasm and the packs: a widget in a sandboxed iframe (origin \"null\")\n# fetches them cross-origin.",
			tryFiles: "$uri =404"},
		{match: "~ /api/", like: "/api/catalog.json", comment: "Open data: any site may read it.", tryFiles: "$uri =404"},
		{match: "~ \\.webmanifest$", like: "/manifest.webmanifest", comment: "The manifest, with its media type (Debian's mime.types lacks it).",
			extra: []string{"types { application/manifest+json webmanifest; }"}, tryFiles: "$uri =404"},
	}
}

// NginxConf writes the nginx configuration that serves an export with the
// headers of p, which bin/serve sends: docs/nginx.conf is its output for
// the default policy (`go test ./internal/export -run NginxConf -update`
// rewrites it, and the test fails when the file drifts).
func NginxConf(p server.HeaderPolicy, langs []string) string {
	var b strings.Builder
	b.WriteString(`# nginx for the msgcompare static export, with the same headers as bin/serve.
# Generated from the server's header policy by internal/export (NginxConf);
# do not edit: ` + "`go test ./internal/export -run NginxConf -update`" + ` rewrites it.
#
#   bin/serve -export /srv/msgcompare                 # site at the root
#   bin/serve -export /srv/www/tools/msgcompare -base /tools/msgcompare/
#                                                     # site under a sub-path:
#                                                     # root /srv/www, and
#                                                     # error_page 404 /tools/msgcompare/404.html;
#
# Include this file inside http { } (e.g. as /etc/nginx/conf.d/msgcompare.conf)
# and change ` + "`listen`, `server_name` and `root`" + `. Debian packages: nginx and
# libnginx-mod-http-brotli-static (for brotli_static; without that module,
# delete the brotli_static line and gzip_static still serves the .gz files).
# .ci/nginx-serve runs this file as it is, with only the listen port, the
# root and the not-found page's path replaced.

# Files are referenced as /web/name?v=<content hash>: such URLs never
# change. Everything else (pages, app.js, the worker, the manifest,
# embed.js, the API) is revalidated with its ETag on every use.
map "$uri:$arg_v" $msgcompare_cache {
    "~/web/[^:]*:.+"  "public, max-age=31536000, immutable";
    default           "no-cache";
}
`)
	b.WriteString(langMap(langs))
	b.WriteString(`
server {
    listen 127.0.0.1:8080;
    server_name _;
    root /srv/msgcompare;

    charset utf-8;
    charset_types text/css text/plain text/javascript application/javascript application/json application/manifest+json text/csv application/atom+xml;
    gzip_static on;
    gzip_vary on;
    brotli_static on;
    etag on;
    server_tokens off;

    # Unknown paths (and /app/<unknown id>) get the helpful not-found page.
    error_page 404 /404.html;

    # The export's marker file and any other dot file stay private.
    location ~ /\. {
        return 404;
    }
`)
	for _, l := range nginxLocations() {
		fmt.Fprintf(&b, "\n    # %s\n    location %s {\n", strings.ReplaceAll(l.comment, "\n# ", "\n    # "), l.match)
		for _, d := range l.extra {
			fmt.Fprintf(&b, "        %s\n", d)
		}
		h := p.Headers(l.like)
		for _, name := range server.PolicyHeaders() {
			if v := h.Get(name); v != "" {
				fmt.Fprintf(&b, "        add_header %s \"%s\" always;\n", name, v)
			}
		}
		b.WriteString("        add_header Cache-Control $msgcompare_cache always;\n")
		fmt.Fprintf(&b, "        try_files %s;\n    }\n", l.tryFiles)
	}
	b.WriteString("}\n")
	return b.String()
}

// langMap writes the map that picks a page's language for nginx: lang= in
// the address (as the app reads it: any case, pt for pt-BR, zh-CN for
// zh-Hans), else the first language of Accept-Language; the result is the
// suffix of the page's file (PageFile), "" for English. bin/serve weighs
// every language of Accept-Language by its quality; nginx takes the
// first, which is the reader's first choice in every browser.
func langMap(langs []string) string {
	var b strings.Builder
	b.WriteString(`
# Languages: ?lang= picks the page's language, else the first language of
# Accept-Language; a page in another language than English is the file
# index.<lang>.html beside index.html.
map "$arg_lang|$http_accept_language" $msgcompare_lang {
    default "";
`)
	for _, lang := range langs[1:] {
		tag := tagPattern(lang, langs)
		fmt.Fprintf(&b, "    \"~*^%s\\|\" \".%s\";\n", tag, lang)
		fmt.Fprintf(&b, "    \"~*^\\|\\s*%s\\s*([,;]|$)\" \".%s\";\n", tag, lang)
	}
	b.WriteString("}\n")
	return b.String()
}

// tagPattern is a regular expression of the language tags that read lang
// (see catalog.MatchLang): the tag itself and, when lang is the only one
// of its base language, the base with any region; Chinese only in its
// Simplified forms.
func tagPattern(lang string, langs []string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	n := 0
	for _, l := range langs {
		if b, _, _ := strings.Cut(strings.ToLower(l), "-"); b == base {
			n++
		}
	}
	switch {
	case n > 1:
		return strings.ToLower(lang)
	case base == "zh":
		return "zh(-hans(-[a-z0-9]+)*|-cn|-sg|-my)?"
	default:
		return base + "(-[a-z0-9]+)*"
	}
}
