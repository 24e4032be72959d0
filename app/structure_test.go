package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parseApp parses the package's non-test files.
func parseApp(t *testing.T) map[string]*ast.File {
	t.Helper()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	fset := token.NewFileSet()
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = f
	}
	if len(files) < 10 {
		t.Fatalf("only %d files parsed", len(files))
	}
	return files
}

// TestNoScreenIsBuiltFromTheWholeUI: each screen is built from what it
// needs (the session, the window, callbacks), never from *ui, so that no
// screen can reach into another.
func TestNoScreenIsBuiltFromTheWholeUI(t *testing.T) {
	constructors := 0
	for name, f := range parseApp(t) {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "new") {
				continue
			}
			constructors++
			for _, p := range fn.Type.Params.List {
				if takesUI(p.Type) {
					t.Errorf("%s: %s takes a *ui", name, fn.Name.Name)
				}
			}
		}
	}
	if constructors < 8 {
		t.Errorf("only %d constructors found", constructors)
	}
}

// takesUI reports whether a parameter's type is *ui (or ui).
func takesUI(e ast.Expr) bool {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "ui"
}

// TestNoScreenHoldsTheWholeUI: a screen's struct has no *ui field either.
func TestNoScreenHoldsTheWholeUI(t *testing.T) {
	for name, f := range parseApp(t) {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || ts.Name.Name == "ui" {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, fl := range st.Fields.List {
					if takesUI(fl.Type) {
						t.Errorf("%s: %s holds a *ui", name, ts.Name.Name)
					}
				}
			}
			return true
		})
	}
}

// TestTheSessionHasNoFyne: the session is tested without a window; it
// imports nothing of Fyne.
func TestTheSessionHasNoFyne(t *testing.T) {
	src, err := os.ReadFile("session.go")
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "session.go", src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		if strings.Contains(imp.Path.Value, "fyne.io") {
			t.Errorf("session.go imports %s", imp.Path.Value)
		}
	}
}
