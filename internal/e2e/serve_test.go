package e2e

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"msgcompare/app/catalog"
	"msgcompare/data"
)

// repoRoot is the repository, seen from this package's directory.
var repoRoot = filepath.Join("..", "..")

// serveBinary is bin/serve as `make build` leaves it.
func serveBinary(t testing.TB) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(repoRoot, "bin", "serve"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("bin/serve is missing: run `make build` first (%v)", err)
	}
	return p
}

// serveProc is one bin/serve process listening on 127.0.0.1.
type serveProc struct {
	URL  string // http://127.0.0.1:PORT
	Addr string
	cmd  *exec.Cmd
	done chan struct{}
	mu   sync.Mutex
	log  bytes.Buffer
}

// startServe runs `bin/serve -addr 127.0.0.1:PORT args...` on a free
// port and waits until it answers; the test's end stops it with SIGTERM.
func startServe(t testing.TB, args ...string) *serveProc {
	t.Helper()
	return startServeAt(t, fmt.Sprintf("127.0.0.1:%d", freePort(t)), args...)
}

// startServeAt is startServe on a given address, for a restart on the
// same origin (a deploy).
func startServeAt(t testing.TB, addr string, args ...string) *serveProc {
	t.Helper()
	p := &serveProc{URL: "http://" + addr, Addr: addr, done: make(chan struct{})}
	p.cmd = exec.Command(serveBinary(t), append([]string{"-addr", addr}, args...)...)
	p.cmd.Stdout, p.cmd.Stderr = &lockedWriter{p}, &lockedWriter{p}
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting bin/serve: %v", err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			t.Logf("bin/serve %s log:\n%s", strings.Join(args, " "), p.output())
		}
	})
	for deadline := time.Now().Add(60 * time.Second); ; {
		res, err := http.Get(p.URL + "/robots.txt")
		if err == nil {
			res.Body.Close()
			return p
		}
		select {
		case <-p.done:
			t.Fatalf("bin/serve %s exited: %s", strings.Join(args, " "), p.output())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("bin/serve did not answer on %s: %s", addr, p.output())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type lockedWriter struct{ p *serveProc }

func (w *lockedWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	return w.p.log.Write(b)
}

func (p *serveProc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// stop sends SIGTERM, as a service manager would, and waits.
func (p *serveProc) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// serveCmd runs bin/serve with args to its end and returns its output and
// error.
func serveCmd(t testing.TB, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command(serveBinary(t), args...).CombinedOutput()
	return string(out), err
}

// runServe runs bin/serve with args to its end and returns its output; it
// fails the test when bin/serve fails.
func runServe(t testing.TB, args ...string) string {
	t.Helper()
	out, err := serveCmd(t, args...)
	if err != nil {
		t.Fatalf("bin/serve %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// exportSite writes the static export with the README's command,
// `bin/serve -export DIR` plus args (such as -base /x/msgcompare/), and
// returns DIR.
func exportSite(t testing.TB, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	runServe(t, append([]string{"-export", dir}, args...)...)
	return dir
}

// exportTo exports for prefix ("" or "/x/msgcompare"), the README's way,
// into a new directory and returns the directory to serve: the site
// itself, or its ancestor that puts the site at prefix.
func exportTo(t testing.TB, prefix string, args ...string) string {
	t.Helper()
	root := t.TempDir()
	if out, err := exportUnder(t, root, prefix, args...); err != nil {
		t.Fatalf("bin/serve -export for %q: %v\n%s", prefix, err, out)
	}
	return root
}

// exportUnder runs bin/serve -export for prefix into the folder of root
// that puts the site at prefix (with -base prefix/ when there is one),
// plus args, and returns its output.
func exportUnder(t testing.TB, root, prefix string, args ...string) (string, error) {
	site := filepath.Join(root, filepath.FromSlash(strings.Trim(prefix, "/")))
	if prefix != "" {
		args = append(args, "-base", prefix+"/")
	}
	return serveCmd(t, append([]string{"-export", site}, args...)...)
}

// readOnlyExports are the exports that tests only read, one per prefix,
// made once per run: an export of the real catalog costs about 17 s of CPU
// (each page's picture, brotli's best level), and eight tests read the
// same two. A test that changes its export makes its own (exportTo).
type readOnlyExports struct {
	mu    sync.Mutex
	dir   string // removed by TestMain
	roots map[string]*sharedExport
}

type sharedExport struct {
	once sync.Once
	root string
	out  string
	err  error
}

var exports = readOnlyExports{roots: map[string]*sharedExport{}}

// sharedExportTo is exportTo for a test that only reads the site: every
// such test of the run shares one export per prefix.
func sharedExportTo(t testing.TB, prefix string) string {
	t.Helper()
	exports.mu.Lock()
	if exports.dir == "" {
		dir, err := os.MkdirTemp("", "msgcompare-exports-")
		if err != nil {
			exports.mu.Unlock()
			t.Fatal(err)
		}
		exports.dir = dir
	}
	e := exports.roots[prefix]
	if e == nil {
		e = &sharedExport{root: filepath.Join(exports.dir, fmt.Sprint(len(exports.roots)))}
		exports.roots[prefix] = e
	}
	exports.mu.Unlock()
	e.once.Do(func() { e.out, e.err = exportUnder(t, e.root, prefix) })
	if e.err != nil {
		t.Fatalf("bin/serve -export for %q: %v\n%s", prefix, e.err, e.out)
	}
	return e.root
}

// removeSharedExports deletes the shared exports at the end of the run.
func removeSharedExports() {
	exports.mu.Lock()
	defer exports.mu.Unlock()
	if exports.dir != "" {
		os.RemoveAll(exports.dir)
	}
}

var workerVersion = regexp.MustCompile(`"app-"?\s*\+?\s*"?([0-9a-f]{16})"`)

// version reads the content version a server runs from its worker.
func version(t testing.TB, origin string) string {
	t.Helper()
	_, body := fetch(t, origin+"/app-worker.js")
	m := workerVersion.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no version in %s/app-worker.js", origin)
	}
	return m[1]
}

// fetch GETs url with headers given as "Name: value" and returns the
// response (body read) and the body.
func fetch(t testing.TB, url string, headers ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range headers {
		k, v, _ := strings.Cut(kv, ": ")
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return res, string(b)
}

func realCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load(data.FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// copyWeb copies web/ (as make build left it) into dir/web and returns
// dir, for -root; change is applied to each file's content.
func copyWeb(t testing.TB, change func(name string, b []byte) []byte) string {
	t.Helper()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "web"), 0o755)
	files, _ := filepath.Glob(filepath.Join(repoRoot, "web", "*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if change != nil {
			b = change(filepath.Base(f), b)
		}
		if err := os.WriteFile(filepath.Join(dir, "web", filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
