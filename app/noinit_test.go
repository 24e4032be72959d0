package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// TestNoTranslationAtInit fails when a package-level variable of app/ or
// widgets/ calls the lang package: translations are loaded in Run, after
// package initialisation, so such a string would stay untranslated (and Fyne
// logs a translation failure at start-up under any non-English locale).
func TestNoTranslationAtInit(t *testing.T) {
	for _, dir := range []string{".", "../widgets"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, name := range files {
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				ast.Inspect(gd, func(n ast.Node) bool {
					if _, ok := n.(*ast.FuncLit); ok {
						return false // runs later, when called
					}
					if sel, ok := n.(*ast.SelectorExpr); ok {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == "lang" {
							t.Errorf("%s: package-level variable calls lang.%s at initialisation", name, sel.Sel.Name)
						}
					}
					return true
				})
			}
		}
	}
}
