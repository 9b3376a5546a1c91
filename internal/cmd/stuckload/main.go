// Command stuckload measures what stuck clients cost bin/serve: it opens
// -clients connections that each ask for one of the heaviest pages (a
// distinct query just under the 64 KB header limit, no compression) and
// never read the answer, samples the server's resident memory from
// /proc/PID/status meanwhile, and times ordinary requests from a client
// that reads normally, before and during that load.
//
//	bin/serve -addr 127.0.0.1:18090 & stuckload -addr 127.0.0.1:18090 -pid $!
//
// It is a measurement, not a test: its figures are in the report of the
// change that bounded the server's memory (internal/server/pagecache.go).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18090", "the server's address")
	pid := flag.Int("pid", 0, "the server's process id (its memory is read from /proc)")
	clients := flag.Int("clients", 100, "stuck clients")
	hold := flag.Duration("for", 30*time.Second, "how long the stuck clients hold their connections")
	limit := flag.Int("max-rss-mb", 8192, "stop the load when the server's memory passes this (a guard for the machine)")
	flag.Parse()
	if *pid == 0 {
		log.Fatal("stuckload: -pid is required")
	}
	ordinary := []string{"/", "/app/signal", "/about?lang=de"}
	rss := func() int { return readRSS(*pid) }

	fmt.Printf("RSS at rest: %d MB\n", rss()>>10)
	base := timeRequests(*addr, ordinary, 3*time.Second, nil)
	fmt.Printf("ordinary requests at rest: %s\n", base)

	var conns []net.Conn
	peak := rss()
	stop := make(chan struct{})
	start := time.Now()
	for i := 0; i < *clients; i++ {
		c, err := stuck(*addr, heavyQuery(i))
		if err != nil {
			log.Printf("stuckload: client %d: %v", i, err)
			continue
		}
		conns = append(conns, c)
	}
	fmt.Printf("%d stuck clients connected in %v\n", len(conns), time.Since(start).Round(time.Millisecond))
	done := make(chan string)
	go func() { done <- timeRequests(*addr, ordinary, *hold, stop).String() }()
	deadline := time.After(*hold)
sample:
	for {
		select {
		case <-deadline:
			break sample
		case <-time.After(200 * time.Millisecond):
			if m := rss(); m > peak {
				peak = m
			}
			if peak>>10 > *limit {
				fmt.Printf("stopped: RSS passed %d MB\n", *limit)
				break sample
			}
		}
	}
	close(stop)
	fmt.Printf("ordinary requests under load: %s\n", <-done)
	fmt.Printf("peak RSS with %d stuck clients: %d MB\n", len(conns), peak>>10)
	for _, c := range conns {
		c.Close()
	}
	time.Sleep(5 * time.Second)
	fmt.Printf("RSS 5 s after they closed: %d MB\n", rss()>>10)
}

// heavyQuery is the i-th distinct heaviest query: conditions that every
// messenger fails, which each excluded messenger lists, up to 60 KB.
func heavyQuery(i int) string {
	var b strings.Builder
	b.WriteString("/?criteria=all&require=")
	for k := 0; b.Len() < 60<<10; k++ {
		if k > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "group_size_limit>=%d", 1000000+i*100000+k)
	}
	return b.String()
}

// stuck sends one request and never reads its answer; the small receive
// buffer makes the server's writes block soon, as a stalled reader's do.
func stuck(addr, target string) (net.Conn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetReadBuffer(4096)
	}
	_, err = fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: stuckload\r\n\r\n", target, addr)
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// latencies summarises request times.
type latencies []time.Duration

func (l latencies) String() string {
	if len(l) == 0 {
		return "no request finished"
	}
	slices.Sort(l)
	pct := func(p int) time.Duration { return l[(len(l)-1)*p/100].Round(100 * time.Microsecond) }
	return fmt.Sprintf("%d requests, median %v, p95 %v, max %v", len(l), pct(50), pct(95), l[len(l)-1].Round(100*time.Microsecond))
}

// timeRequests asks for paths in turn, reading each answer whole, until
// d has passed or stop closes.
func timeRequests(addr string, paths []string, d time.Duration, stop chan struct{}) latencies {
	client := &http.Client{Timeout: 60 * time.Second}
	var out latencies
	end := time.Now().Add(d)
	for i := 0; time.Now().Before(end); i++ {
		select {
		case <-stop:
			return out
		default:
		}
		t0 := time.Now()
		res, err := client.Get("http://" + addr + paths[i%len(paths)])
		if err != nil {
			log.Printf("stuckload: ordinary request: %v", err)
			continue
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		out = append(out, time.Since(t0))
		time.Sleep(50 * time.Millisecond)
	}
	return out
}

// readRSS is the process's resident memory in KB.
func readRSS(pid int) int {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return 0
}
