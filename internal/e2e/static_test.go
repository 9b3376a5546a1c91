package e2e

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// staticHost is a static file server run as a separate process, so that
// a test can stop it to take the site offline.
type staticHost struct {
	url  string // http://127.0.0.1:PORT
	cmd  *exec.Cmd
	done chan struct{}
}

// startStatic serves dir with kind "python" (python3 -m http.server) or
// "nginx" (.ci/nginx-serve, docs/nginx.conf), the site being at prefix
// ("" or "/x/msgcompare") inside dir. It skips when the program is
// missing, except under CI=true.
func startStatic(t testing.TB, kind, dir, prefix string) *staticHost {
	t.Helper()
	// A port from freePort can be taken by another parallel test before
	// this host binds it; the host then exits at once while the dial
	// below reaches the other one. So the host must still run a moment
	// after it answers, or it is started again on a new port.
	for try := 1; ; try++ {
		h, err := tryStatic(t, kind, dir, prefix)
		if err == nil {
			return h
		}
		if try == 3 {
			t.Fatal(err)
		}
	}
}

func tryStatic(t testing.TB, kind, dir, prefix string) (*staticHost, error) {
	port := freePort(t)
	var cmd *exec.Cmd
	switch kind {
	case "python":
		needProgram(t, "python3")
		cmd = exec.Command("python3", "-m", "http.server", "--bind", "127.0.0.1", "-d", dir, fmt.Sprint(port))
	case "nginx":
		needProgram(t, "nginx", "/usr/sbin/nginx")
		cmd = exec.Command(filepath.Join(repoRoot, ".ci", "nginx-serve"), dir, fmt.Sprint(port), prefix)
	}
	if kind == "nginx" {
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr // python logs every request
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", kind, err)
	}
	h := &staticHost{url: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(h.done) }()
	t.Cleanup(h.stop)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			select {
			case <-h.done:
				return nil, fmt.Errorf("%s exited after %s answered (its port was taken)", kind, addr)
			case <-time.After(300 * time.Millisecond):
				return h, nil
			}
		}
		select {
		case <-h.done:
			return nil, fmt.Errorf("%s exited before listening on %s", kind, addr)
		default:
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s did not listen on %s", kind, addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop ends the host and its children (nginx workers) and waits.
func (h *staticHost) stop() {
	select {
	case <-h.done:
		return
	default:
	}
	syscall.Kill(-h.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-h.done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-h.cmd.Process.Pid, syscall.SIGKILL)
		<-h.done
	}
}

func needProgram(t testing.TB, name string, also ...string) {
	t.Helper()
	for _, p := range also {
		if _, err := os.Stat(p); err == nil {
			return
		}
	}
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found; CI=true requires it (.ci/run installs it)", name)
		}
		t.Skipf("%s not found; test skipped (required under CI=true)", name)
	}
}
