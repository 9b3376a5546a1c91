package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestASlowButLiveDownloadIsNotCut reads the uncompressed wasm slowly but
// steadily from a server whose WriteTimeout is far shorter than the
// download: the deadline follows the progress, so the whole file arrives.
func TestASlowButLiveDownloadIsNotCut(t *testing.T) {
	if testing.Short() && raceEnabled {
		t.Skip("reads 9 MB slowly; the race detector makes it slower still")
	}
	s := newTestServer(t)
	hs := NewHTTPServer(s)
	hs.WriteTimeout = 300 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	defer hs.Close()

	want := len(s.assets["/web/app.wasm"].body)
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.(*net.TCPConn).SetReadBuffer(64 << 10)
	fmt.Fprintf(c, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	start, got, buf := time.Now(), 0, make([]byte, 256<<10)
	for {
		n, err := c.Read(buf)
		got += n
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d bytes: %v", got, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	took := time.Since(start)
	if got < want {
		t.Errorf("%d of %d bytes arrived in %v: the download was cut", got, want, took)
	}
	if took < hs.WriteTimeout {
		t.Logf("the download took %v, less than the WriteTimeout: the test proves nothing on this machine", took)
	}
}

// TestShutdownCutsWhatOutlivesTheGrace: a response still running when the
// grace ends is cut and Serve says so (bin/serve then exits 1); one that
// finishes within it ends cleanly (TestShutdownFinishesRequestsInFlight).
func TestShutdownCutsWhatOutlivesTheGrace(t *testing.T) {
	started := make(chan struct{})
	stuck := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(3 * time.Second)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, stuck, 100*time.Millisecond) }()
	go http.Get("http://" + ln.Addr().String() + "/")
	<-started
	cancel()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "cut") {
			t.Errorf("Serve = %v, want an error saying responses were cut", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Serve waited past its grace")
	}
}
