package server

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"msgcompare/web"
)

// fuzzServer is built once per fuzz worker process, with a small web/.
var fuzzServer = sync.OnceValues(func() (*Server, error) { return build(Config{Web: smallWeb()}) })

// FuzzServe throws arbitrary paths, queries and headers at the handler:
// whatever comes in, the answer is never a 5xx and never a panic.
func FuzzServe(f *testing.F) {
	for _, s := range []string{"/", "/?require=forward_secrecy", "/?apps=signal,%ff&q=\x00", "/app/%2e%2e/x", "/compare?apps=" + strings.Repeat("a,", 500),
		"/embed?theme=<script>", "/?sort=-\xff", "/app/signal/", "/web/app.css?v=", "//", "/%", "/?lang=zz&view=x&diff=2&criteria=,,,"} {
		f.Add("GET", s, "br;q=\xff")
	}
	f.Fuzz(func(t *testing.T, method, target, acceptEncoding string) {
		s, err := fuzzServer()
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(method, "http://127.0.0.1"+target, nil)
		if err != nil {
			t.Skip()
		}
		req.Header.Set("Accept-Encoding", acceptEncoding)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Errorf("%s %q = %d", method, target, rec.Code)
		}
	})
}

// smallWeb is web/ with a stand-in app.wasm: each fuzz worker builds its
// own server, and compressing the real 9 MB wasm in every one of them
// reads to the fuzzer as a hang.
func smallWeb() fstest.MapFS {
	m := fstest.MapFS{}
	entries, _ := web.FS.ReadDir(".")
	for _, e := range entries {
		b, _ := web.FS.ReadFile(e.Name())
		m[e.Name()] = &fstest.MapFile{Data: b}
	}
	m["app.wasm"] = &fstest.MapFile{Data: []byte("\x00asm\x01\x00\x00\x00")}
	delete(m, "app.wasm.br") // the real wasm's, if make build made one
	return m
}

// TestHostileRequestsOverTheWire sends what a client library would refuse
// to build over a raw connection to the real http.Server: invalid UTF-8,
// very long URLs, huge headers. None may get a 5xx.
func TestHostileRequestsOverTheWire(t *testing.T) {
	s := newTestServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := NewHTTPServer(s)
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	for _, tc := range []struct{ name, raw string }{
		{"invalid UTF-8 in the path", "GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"invalid UTF-8 in the query", "GET /?q=\xff&require=\xc3\x28 HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"a 60 KB query", "GET /?q=" + strings.Repeat("a", 60<<10) + " HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"a 1 MB URL", "GET /?q=" + strings.Repeat("a", 1<<20) + " HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"a 1 MB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("b", 1<<20) + "\r\n\r\n"},
		{"a thousand parameters", "GET /?" + strings.Repeat("apps=signal&", 1000) + " HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"traversal", "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"a hostile Host", "GET / HTTP/1.1\r\nHost: <script>\r\n\r\n"},
		{"an absolute URI", "GET http://other.example/ HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"odd method", "BREW / HTTP/1.1\r\nHost: x\r\n\r\n"},
		{"a body on GET", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"},
	} {
		t.Run(tc.name+" gets no 5xx", func(t *testing.T) {
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(10 * time.Second))
			go c.Write([]byte(tc.raw))
			res, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatalf("no response: %v", err)
			}
			res.Body.Close()
			if res.StatusCode >= 500 {
				t.Errorf("status %d", res.StatusCode)
			}
			t.Logf("%d", res.StatusCode)
		})
	}
}
