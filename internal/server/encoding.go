package server

import (
	"strconv"
	"strings"
)

// negotiate picks the encoding to send from an Accept-Encoding header:
// "br", "gzip" or "" (identity). Brotli wins ties because it is smaller;
// q=0 refuses an encoding; a malformed entry is ignored rather than failing
// the request.
func negotiate(acceptEncoding string) string {
	brQ, gzQ, starQ := -1.0, -1.0, -1.0
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok || strings.ToLower(strings.TrimSpace(k)) != "q" {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				f = 0
			}
			q = f
		}
		switch name {
		case "br":
			brQ = q
		case "gzip", "x-gzip":
			gzQ = q
		case "*":
			starQ = q
		}
	}
	if brQ < 0 {
		brQ = starQ
	}
	if gzQ < 0 {
		gzQ = starQ
	}
	switch {
	case brQ > 0 && brQ >= gzQ:
		return "br"
	case gzQ > 0:
		return "gzip"
	}
	return ""
}
