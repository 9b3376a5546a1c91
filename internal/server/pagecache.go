package server

import (
	"container/list"
	"sync"
)

// pageCache keeps the most recently used prerendered pages, bounded in
// both count and bytes, so that a stream of distinct query strings (a
// crawler, or someone filling memory on purpose) evicts old entries
// instead of growing the process. Concurrent requests for the same URL
// wait for one render.
type pageCache struct {
	mu       sync.Mutex
	maxItems int
	maxBytes int
	bytes    int
	order    *list.List // front: most recently used; values are *pageEntry
	items    map[string]*list.Element
}

type pageEntry struct {
	key   string
	ready chan struct{} // closed once asset or status is set
	asset *asset
	size  int
}

func newPageCache(maxItems, maxBytes int) *pageCache {
	return &pageCache{maxItems: maxItems, maxBytes: maxBytes, order: list.New(), items: map[string]*list.Element{}}
}

// get returns the cached page for key, rendering it with render on a
// miss. A render that returns nil (not a page) is not kept.
func (c *pageCache) get(key string, render func() *asset) *asset {
	c.mu.Lock()
	if el, ok := c.items[key]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*pageEntry)
		c.mu.Unlock()
		<-e.ready
		return e.asset
	}
	e := &pageEntry{key: key, ready: make(chan struct{})}
	c.items[key] = c.order.PushFront(e)
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
		e.size = len(key) + len(a.body) + len(a.br) + len(a.gz)
		if el, still := c.items[key]; still && el.Value == e {
			c.bytes += e.size
		}
		c.evict()
		c.mu.Unlock()
	}
	return a
}

func (c *pageCache) remove(e *pageEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[e.key]; ok && el.Value == e {
		c.order.Remove(el)
		delete(c.items, e.key)
		c.bytes -= e.size
	}
}

// evict drops the least recently used finished entries until the cache
// is within both bounds. Called with c.mu held.
func (c *pageCache) evict() {
	for el := c.order.Back(); el != nil && (c.order.Len() > c.maxItems || c.bytes > c.maxBytes); {
		prev := el.Prev()
		e := el.Value.(*pageEntry)
		select {
		case <-e.ready:
			c.order.Remove(el)
			delete(c.items, e.key)
			c.bytes -= e.size
		default: // still rendering: its waiters need it
		}
		el = prev
	}
}

// len reports the number of entries and their bytes, for tests.
func (c *pageCache) size() (int, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len(), c.bytes
}
