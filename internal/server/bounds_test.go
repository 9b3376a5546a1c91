package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// maxPageBytes is the most any one page may weigh, whatever its query:
// a request under the 64 KB header limit must not make a page that costs
// the server megabytes to render, cache and write.
const maxPageBytes = 1 << 20

// worstQueries are the queries that make the largest pages, each just under
// the 64 KB header limit: many distinct conditions every messenger fails
// (each excluded messenger lists every condition it fails), and many
// unknown parameters (each one a notice).
func worstQueries() map[string]string {
	const limit = 60 << 10
	fill := func(prefix string, part func(i int) string, sep string) string {
		var b strings.Builder
		b.WriteString(prefix)
		for i := 0; b.Len() < limit; i++ {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(part(i))
		}
		return b.String()
	}
	return map[string]string{
		"failing conditions": fill("/?criteria=all&require=", func(i int) string { return fmt.Sprintf("audits>=%d", 1000+i) }, ","),
		"group sizes":        fill("/?criteria=all&require=", func(i int) string { return fmt.Sprintf("group_size_limit>=%d", 1000000+i) }, ","),
		"repeated values":    fill("/?criteria=all&require=", func(i int) string { return "platforms:" + strings.Repeat("web|", 60+i) + "web" }, ","),
		"leading zeros":      fill("/?criteria=all&require=", func(i int) string { return "audits>=" + strings.Repeat("0", 1800) + fmt.Sprint(1000+i) }, ","),
		"unknown conditions": fill("/?require=", func(i int) string { return fmt.Sprintf("x%d", i) }, ","),
		"unknown parameters": fill("/?", func(i int) string { return fmt.Sprintf("p%d=%s", i, strings.Repeat("v", 40)) }, "&"),
		"unknown apps":       fill("/?apps=", func(i int) string { return fmt.Sprintf("a%d", i) }, ","),
		"widget conditions":  fill("/embed?criteria=all&require=", func(i int) string { return fmt.Sprintf("audits>=%d", 1000+i) }, ","),
		"compare conditions": fill("/compare?apps=signal,briar,wire,session&criteria=all&require=", func(i int) string { return fmt.Sprintf("audits>=%d", 1000+i) }, ","),
	}
}

func TestNoQueryMakesAPageOverOneMegabyte(t *testing.T) {
	s := newTestServer(t)
	for name, target := range worstQueries() {
		t.Run(name, func(t *testing.T) {
			res, body := get(t, s, target)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %.80s... = %d", target, res.StatusCode)
			}
			t.Logf("%s: %d KB page for a %d KB query", name, len(body)>>10, len(target)>>10)
			if len(body) > maxPageBytes {
				t.Errorf("the page weighs %d KB, want at most %d KB", len(body)>>10, maxPageBytes>>10)
			}
		})
	}
}
