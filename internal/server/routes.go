package server

import (
	"fmt"
	"sync"

	"msgcompare/app/ui"
)

// goappRouter mirrors go-app's router, which is one per process: routes
// registered twice do not replace the first ones (the first matching
// pattern wins), so a second server with another catalog would render
// the first one's. It is this package's only package-level state, and it
// exists to make that limit an error instead of wrong pages: servers of
// one process share one catalog (by content) and one public URL.
var goappRouter struct {
	sync.Mutex
	catalog   string // hash of /api/catalog.json of the registered catalog
	publicURL string
	done      bool
}

// registerRoutes registers the app's pages (ui.Routes) once per process;
// a later server must bring the same catalog (catalogHash) and public URL.
func registerRoutes(cfg ui.Config, catalogHash string) error {
	goappRouter.Lock()
	defer goappRouter.Unlock()
	if !goappRouter.done {
		ui.Routes(cfg)
		goappRouter.catalog, goappRouter.publicURL, goappRouter.done = catalogHash, cfg.PublicURL, true
		return nil
	}
	if goappRouter.catalog != catalogHash || goappRouter.publicURL != cfg.PublicURL {
		return fmt.Errorf("server: go-app's router is one per process and serves the catalog and public URL %q of the first server; this one has another catalog or public URL %q", goappRouter.publicURL, cfg.PublicURL)
	}
	return nil
}
