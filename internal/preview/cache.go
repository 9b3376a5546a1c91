package preview

import (
	"container/list"
	"sync"
)

// cache keeps the latest pictures up to a number of bytes, dropping the
// least recently used first.
type cache struct {
	mu    sync.Mutex
	limit int
	size  int
	order *list.List // of *entry, most recent first
	items map[string]*list.Element
}

type entry struct {
	key  string
	body []byte
}

func newCache(limit int) *cache {
	return &cache{limit: limit, order: list.New(), items: map[string]*list.Element{}}
}

func (c *cache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*entry).body, true
}

func (c *cache) put(key string, body []byte) {
	n := len(key) + len(body)
	if n > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&entry{key: key, body: body})
	c.size += n
	for c.size > c.limit {
		last := c.order.Back()
		en := last.Value.(*entry)
		c.order.Remove(last)
		delete(c.items, en.key)
		c.size -= len(en.key) + len(en.body)
	}
}

// stats reports the pictures and bytes the cache holds.
func (c *cache) stats() (items, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.size
}
