package server

import (
	"container/list"
	"context"
	"errors"
	"sync"
)

// errBusy is what pageCache.get returns when it could not make room for a
// new page before the caller gave up: every byte of the budget is held by
// pages being written to readers.
var errBusy = errors.New("page cache: every byte of its budget is being written")

// pageCache keeps the most recently used prerendered pages, bounded in
// both count and bytes, so that a stream of distinct query strings (a
// crawler, or someone filling memory on purpose) evicts old entries
// instead of growing the process. Concurrent requests for the same URL
// wait for one render.
//
// It counts every page it holds, including those it can no longer evict:
// a page stays in the cache (and in its bytes) while any response is
// writing it, however long a slow or stuck reader takes. When such pages
// fill the budget, a request for a page the cache does not have waits for
// room rather than rendering, so that stuck readers cannot make the
// process grow past the budget.
type pageCache struct {
	mu       sync.Mutex
	maxItems int
	maxBytes int
	bytes    int        // of every entry in order
	pinned   int        // of the entries some response is writing
	order    *list.List // front: most recently used; values are *pageEntry
	items    map[string]*list.Element
	freed    chan struct{} // closed (and replaced) when a pinned entry is released
}

type pageEntry struct {
	key   string
	ready chan struct{} // closed once asset is set
	asset *asset
	size  int
	refs  int // responses writing this entry, and requests waiting for it
}

func newPageCache(maxItems, maxBytes int) *pageCache {
	return &pageCache{maxItems: maxItems, maxBytes: maxBytes, order: list.New(), items: map[string]*list.Element{}, freed: make(chan struct{})}
}

// get returns the cached page for key, rendering it on a miss, and the
// function to call once the page is written: until then the page stays
// in the cache and counts against its budget. A render that returns nil
// (not a page) is not kept. A miss waits while pages being written hold
// the whole budget, and gives up with errBusy when ctx ends first.
func (c *pageCache) get(ctx context.Context, key string, render func() *asset) (*asset, func(), error) {
	c.mu.Lock()
	for {
		if el, ok := c.items[key]; ok {
			c.order.MoveToFront(el)
			e := el.Value.(*pageEntry)
			c.ref(e)
			c.mu.Unlock()
			<-e.ready
			return e.asset, c.releaser(e), nil
		}
		if c.pinned < c.maxBytes {
			break
		}
		freed := c.freed
		c.mu.Unlock()
		select {
		case <-freed:
		case <-ctx.Done():
			return nil, func() {}, errBusy
		}
		c.mu.Lock()
	}
	e := &pageEntry{key: key, ready: make(chan struct{})}
	c.items[key] = c.order.PushFront(e)
	c.ref(e)
	c.mu.Unlock()

	a := func() (a *asset) {
		defer func() {
			if a == nil {
				c.remove(e)
			}
			e.asset = a
			close(e.ready)
		}()
		return render()
	}()
	if a != nil {
		c.mu.Lock()
		c.resize(e, len(key)+len(a.body)+len(a.br)+len(a.gz))
		c.evict()
		c.mu.Unlock()
	}
	return a, c.releaser(e), nil
}

// ref pins e: called with c.mu held.
func (c *pageCache) ref(e *pageEntry) {
	if e.refs == 0 {
		c.pinned += e.size
	}
	e.refs++
}

// resize sets e's size once it is rendered: called with c.mu held.
func (c *pageCache) resize(e *pageEntry, size int) {
	if el, ok := c.items[e.key]; ok && el.Value == e {
		c.bytes += size - e.size
	}
	if e.refs > 0 {
		c.pinned += size - e.size
	}
	e.size = size
}

// releaser returns the function that unpins e, once.
func (c *pageCache) releaser(e *pageEntry) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			defer c.mu.Unlock()
			e.refs--
			if e.refs > 0 {
				return
			}
			c.pinned -= e.size
			c.evict()
			close(c.freed)
			c.freed = make(chan struct{})
		})
	}
}

// remove drops a failed render's entry.
func (c *pageCache) remove(e *pageEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[e.key]; ok && el.Value == e {
		c.order.Remove(el)
		delete(c.items, e.key)
		c.bytes -= e.size
	}
}

// evict drops the least recently used entries that no response is
// writing until the cache is within both bounds. Called with c.mu held.
func (c *pageCache) evict() {
	for el := c.order.Back(); el != nil && (c.order.Len() > c.maxItems || c.bytes > c.maxBytes); {
		prev := el.Prev()
		if e := el.Value.(*pageEntry); e.refs == 0 {
			c.order.Remove(el)
			delete(c.items, e.key)
			c.bytes -= e.size
		}
		el = prev
	}
}

// size reports the number of entries and their bytes, for tests.
func (c *pageCache) size() (int, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len(), c.bytes
}
