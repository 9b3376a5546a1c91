package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sync"

	"github.com/andybalholm/brotli"
)

// asset is one response body held in memory, minified once, with its
// brotli and gzip variants computed once, so that serving it is a map
// lookup and a write.
type asset struct {
	contentType string
	body        []byte // minified, identity encoding
	br, gz      []byte // nil when compression does not pay
	hash        string // of body: the ETag and the ?v= version
	immutable   bool   // cached for a year when the URL carries ?v=hash
}

// compression levels: the server starts within a second with brotli's
// level 9 for large bodies (the API's catalog, the sources, the feeds:
// 0.3 s instead of 6 s of CPU at level 11, for 5 to 10 % more bytes) and
// the best level for the rest; the static export, written once, uses the
// best brotli level everywhere.
type levels struct {
	brLarge, brSmall, gz int
	memo                 bool // remember results by content (fixed assets only)
}

var (
	serverLevels = levels{brLarge: 9, brSmall: 11, gz: 9, memo: true}
	exportLevels = levels{brLarge: 11, brSmall: 11, gz: 9, memo: true}
	// pageLevels compress a prerendered page on a cache miss: fast,
	// and never remembered outside the bounded page cache.
	pageLevels = levels{brLarge: 5, brSmall: 5, gz: 6}
)

// largeBody is where brotli's best level starts to cost seconds (1 MB of
// JSON: 2.7 s at level 11, 0.15 s at level 9).
const largeBody = 256 << 10

// newAsset builds an asset from an already minified body and compresses it
// when its type compresses, remembering the result in c when lv.memo.
func (c *CompressionCache) newAsset(contentType string, body []byte, lv levels) *asset {
	a := &asset{contentType: contentType, body: body, hash: contentHash(body)}
	if compressible(contentType) && len(body) > 256 {
		brLevel, gzLevel := c.levels(len(body), lv)
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); a.br = keepIfSmaller(c.compressBrotli(body, brLevel, lv.memo), body) }()
		go func() { defer wg.Done(); a.gz = keepIfSmaller(c.compressGzip(body, gzLevel, lv.memo), body) }()
		wg.Wait()
	}
	return a
}

// newAssetPrecompressed is newAsset with a brotli variant made at build
// time (make build runs brotli -q 11 on the wasm, which takes seconds the
// server should not spend at start). The variant is used only when it
// decompresses to exactly body, so a stale file cannot serve old code.
func (c *CompressionCache) newAssetPrecompressed(contentType string, body, br []byte, lv levels) *asset {
	plain, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	if err != nil || !bytes.Equal(plain, body) {
		return c.newAsset(contentType, body, lv)
	}
	a := &asset{contentType: contentType, body: body, hash: contentHash(body), br: keepIfSmaller(br, body)}
	_, gzLevel := c.levels(len(body), lv)
	a.gz = keepIfSmaller(c.compressGzip(body, gzLevel, lv.memo), body)
	return a
}

// levels returns the brotli and gzip levels for a body of n bytes.
func (c *CompressionCache) levels(n int, lv levels) (br, gz int) {
	br, gz = lv.brSmall, lv.gz
	if n > largeBody {
		br = lv.brLarge
	}
	if c != nil && c.Quick {
		br, gz = min(br, pageLevels.brSmall), min(gz, pageLevels.gz)
	}
	return br, gz
}

// compressible is false for formats that are compressed already.
func compressible(contentType string) bool {
	switch mediaType(contentType) {
	case "image/png", "image/jpeg", "image/webp", "image/avif", "font/woff2":
		return false
	}
	return true
}

func keepIfSmaller(c, body []byte) []byte {
	if len(c) >= len(body) {
		return nil
	}
	return c
}

// contentHash is a short, URL-safe digest used for ETags and versions.
func contentHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// CompressionCache remembers compressed bodies by content, level and
// encoding. Servers built in one process (tests build many over the same
// 8 MB wasm) may share one through Config.Cache, so that each pays for a
// body's compression once; a nil cache remembers nothing.
type CompressionCache struct {
	// Quick caps the levels at those of a page made on request (brotli 5,
	// gzip 6): for tests of what the server serves, which would otherwise
	// spend most of their time at brotli's best level.
	Quick bool
	m     sync.Map // compressKey -> []byte
}

type compressKey struct {
	sum   [32]byte
	enc   string
	level int
}

func (c *CompressionCache) compressBrotli(b []byte, level int, remember bool) []byte {
	return c.memo(b, "br", level, remember, func(w *bytes.Buffer) {
		bw := brotli.NewWriterLevel(w, level)
		bw.Write(b)
		bw.Close()
	})
}

func (c *CompressionCache) compressGzip(b []byte, level int, remember bool) []byte {
	return c.memo(b, "gzip", level, remember, func(w *bytes.Buffer) {
		gw, err := gzip.NewWriterLevel(w, level)
		if err != nil {
			panic(fmt.Sprintf("gzip level %d: %v", level, err))
		}
		gw.Write(b)
		gw.Close()
	})
}

func (c *CompressionCache) memo(b []byte, enc string, level int, remember bool, compress func(*bytes.Buffer)) []byte {
	if c == nil || !remember {
		var w bytes.Buffer
		compress(&w)
		return w.Bytes()
	}
	k := compressKey{sha256.Sum256(b), enc, level}
	if v, ok := c.m.Load(k); ok {
		return v.([]byte)
	}
	var w bytes.Buffer
	compress(&w)
	out := w.Bytes()
	c.m.Store(k, out)
	return out
}
