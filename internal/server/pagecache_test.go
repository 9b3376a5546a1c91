package server

import (
	"context"
	"errors"
	"testing"
	"time"
)

func page(n int) func() *asset { return func() *asset { return &asset{body: make([]byte, n)} } }

func TestPageCacheCountsThePagesBeingWritten(t *testing.T) {
	c := newPageCache(100, 2500)
	_, releaseA, _ := c.get(context.Background(), "a", page(1000))
	for _, k := range []string{"b", "c", "d", "e"} {
		_, release, _ := c.get(context.Background(), k, page(1000))
		release()
	}
	c.mu.Lock()
	_, kept := c.items["a"]
	pinned := c.pinned
	c.mu.Unlock()
	if !kept {
		t.Error("a page being written was evicted: its bytes would no longer count")
	}
	if pinned != 1001 {
		t.Errorf("%d bytes pinned, want 1001 (the page being written and its key)", pinned)
	}
	if _, b := c.size(); b > 2500 {
		t.Errorf("the cache holds %d bytes, bound 2500", b)
	}
	releaseA()
	releaseA() // a second call changes nothing
	c.mu.Lock()
	pinned = c.pinned
	c.mu.Unlock()
	if pinned != 0 {
		t.Errorf("%d bytes pinned after the write, want 0", pinned)
	}
}

func TestPageCacheMakesAMissWaitWhilePagesBeingWrittenFillIt(t *testing.T) {
	c := newPageCache(100, 2000)
	_, releaseA, _ := c.get(context.Background(), "a", page(1000))
	_, releaseB, _ := c.get(context.Background(), "b", page(1000))

	t.Run("a miss gives up when no room comes free", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		rendered := false
		_, release, err := c.get(ctx, "c", func() *asset { rendered = true; return &asset{} })
		release()
		if !errors.Is(err, errBusy) || rendered {
			t.Errorf("err %v, rendered %v; want errBusy without a render", err, rendered)
		}
	})
	t.Run("a hit is served at once", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		a, release, err := c.get(ctx, "a", page(1))
		release()
		if err != nil || len(a.body) != 1000 {
			t.Errorf("err %v; want the cached page", err)
		}
	})
	t.Run("a miss renders once a write ends", func(t *testing.T) {
		done := make(chan error)
		go func() {
			_, release, err := c.get(context.Background(), "c", page(10))
			release()
			done <- err
		}()
		select {
		case <-done:
			t.Fatal("the miss did not wait")
		case <-time.After(20 * time.Millisecond):
		}
		releaseA()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	releaseB()
}
