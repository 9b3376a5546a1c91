//go:build !js

package ui

import "msgcompare/app/catalog"

// matrixDOM is empty on the server, which prerenders the matrix as the
// page shows it and never patches it (see matrix_js.go).
type matrixDOM struct{}

// markup is the matrix as the server prerenders it: the kept rows in
// order with their scores; none at all when no messenger is kept.
func (*matrixDOM) markup(cat *catalog.Catalog, s *state) string {
	if len(s.result.Kept) == 0 {
		return ""
	}
	return matrixHTML(cat, s, false)
}

// patchMatrix does nothing: the server's matrix is as the page shows it.
func patchMatrix(*state) {}
