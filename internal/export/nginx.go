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
		{match: "~ /api/catalog\\.schema\\.json$", like: "/api/catalog.schema.json", comment: "Open data: any site may read it. The catalog's JSON Schema, with its own\n# media type (regular expressions are tried in order: this one first).",
			extra: []string{"types { }", "default_type application/schema+json;"}, tryFiles: "$uri =404"},
		{match: "~ /api/", like: "/api/catalog.json", comment: "The catalog as JSON and CSV.", tryFiles: "$uri =404"},
		{match: "^~ /.well-known/", like: "/.well-known/security.txt", comment: "ACME challenges (certbot --webroot) and security.txt: files the operator\n# puts in .well-known/ of the export's folder, which a new export carries\n# over. bin/serve has none: the TLS proxy in front of it answers these.",
			tryFiles: "$uri =404"},
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

# Files are referenced as /web/name?v=<content hash>: such a URL never
# changes, and is cached for a year when v= is the hash of the file it
# names (bin/serve says no-cache for any other v=, so that a rollback
# does not pin a wrong file). The export writes, beside each such file,
# an empty file .<name>.<hash> that says which hash is current (dot files
# are 404); the test is made in the server block below. Everything else
# (pages, app.js, the worker, the manifest, embed.js, the API) is
# revalidated with its ETag on every use.
map $arg_v $msgcompare_v {
    "~^[0-9a-f]{8,64}$"  $arg_v;
    default              "-";
}
map $uri $msgcompare_vfile {
    "~^(?<dir>.*/web/(?:[^/]+/)*)(?<name>[^/.][^/]*)$"  "$dir.$name.";
    default                                          "/.-/";
}
`)
	b.WriteString(langMap(langs))
	b.WriteString(`
server {
    listen 127.0.0.1:8080;
    server_name _;
    root /srv/msgcompare;

    # bin/serve's media types, whatever the system's mime.types says
    # (Debian's writes application/javascript and lacks CSV and the
    # manifest); the ones in charset_types get "; charset=utf-8" as there.
    types {
        text/html                  html;
        text/css                   css;
        text/javascript            js;
        application/wasm           wasm;
        application/json           json;
        application/manifest+json  webmanifest;
        application/atom+xml       atom;
        text/csv                   csv;
        text/plain                 txt;
        image/svg+xml              svg;
        image/png                  png;
        font/woff2                 woff2;
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/css text/plain text/javascript application/json text/csv application/atom+xml;
    gzip_static on;
    gzip_vary on;
    brotli_static on;
    etag on;
    server_tokens off;

    # Unknown paths (and /app/<unknown id>) get the helpful not-found page.
    error_page 404 /404.html;

    # Cached for a year only when ?v= names the current file (see above).
    set $msgcompare_cache "no-cache";
    if (-f "$document_root$msgcompare_vfile$msgcompare_v") {
        set $msgcompare_cache "public, max-age=31536000, immutable";
    }

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
// zh-Hans), else the first language of Accept-Language that the site has
// and the reader wants (its weight is not 0, q= in any case, beside other
// parameters); the result is the suffix of the page's file (PageFile), ""
// for English. bin/serve (catalog.Negotiate) takes the language of the
// highest weight, the first of equals: the same for every header whose
// weights go down, as browsers write them.
func langMap(langs []string) string {
	var tags []string
	for _, lang := range langs {
		tags = append(tags, tagPattern(lang, langs))
	}
	site := "(?:" + strings.Join(tags, "|") + ")"
	const (
		// A q parameter whose weight is not 0 (RFC 9110's qvalue).
		wanted = `\s*q\s*=\s*(?:0\.(?!0*\s*(?:[;,]|$))[0-9]{1,3}|1(?:\.0{0,3})?)\s*(?=[;,]|$)`
		// Any parameter but a q whose weight is 0 or unreadable.
		param = `(?:` + wanted + `|(?!\s*q\s*=)[^;,]*)`
	)
	// An element the reader does not want or the site does not have.
	skip := `(?:\s*(?!` + site + `\s*(?:[;,]|$))[^,]*|[^,;]*(?:;` + param + `)*;(?!` + wanted + `)\s*q\s*=[^;,]*(?:;[^;,]*)*)`
	var b strings.Builder
	b.WriteString(`
# Languages: ?lang= picks the page's language, else the first language of
# Accept-Language that the site has and whose weight (q=) is not 0; a page
# in another language than English is the file index.<lang>.html beside
# index.html.
map "$arg_lang|$http_accept_language" $msgcompare_lang {
    default "";
`)
	for _, lang := range langs[1:] {
		tag := tagPattern(lang, langs)
		fmt.Fprintf(&b, "    \"~*^%s\\|\" \".%s\";\n", tag, lang)
		fmt.Fprintf(&b, "    \"~*^\\|(?:%s,)*\\s*%s\\s*(?:;%s)*(?:,|$)\" \".%s\";\n", skip, tag, param, lang)
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
