package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestPagesStartNoAsync keeps renderNow's condition: app.ClientDispatcher's
// Consume first waits for every goroutine started with ctx.Async (and
// ctx.After, which is one), so a page that started one would hold every
// click's render until it ended. Background work is a plain goroutine
// that dispatches its result (loadEvidence).
func TestPagesStartNoAsync(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "time" {
				return true // time.After is not go-app's
			}
			if sel.Sel.Name == "Async" || sel.Sel.Name == "After" {
				t.Errorf("%s: a call to %s: renderNow's Consume would wait for it on every click; use a plain goroutine and ctx.Dispatch", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
