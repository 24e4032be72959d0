package layout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// root is the module's root, seen from this package's folder.
const root = "../.."

// noGlobals are the folders (with their sub-folders) whose non-test files
// must declare no exported mutable package variable: the search and the
// storage, which the GUI, the command line and the reports build on.
// Options are passed in and caches are fields, so that two users of a
// package never change each other's behaviour.
var noGlobals = []string{"data/search", "storage"}

// TestNoExportedMutableGlobals fails on any exported package-level var in
// those packages other than a sentinel error made with errors.New (which
// callers compare with errors.Is and nothing assigns).
func TestNoExportedMutableGlobals(t *testing.T) {
	files := 0
	for _, dir := range noGlobals {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			files++
			for _, bad := range exportedVars(t, path) {
				t.Errorf("%s: exported package variable %s: pass it in as an option, or make it a constant or a sentinel error", bad.pos, bad.name)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 15 {
		t.Fatalf("only %d files checked: the folders moved?", files)
	}
}

type finding struct{ pos, name string }

// exportedVars returns the exported package-level variables of a Go file
// that are not sentinel errors.
func exportedVars(t *testing.T, path string) []finding {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if !name.IsExported() {
					continue
				}
				if i < len(vs.Values) && isErrorsNew(vs.Values[i]) {
					continue
				}
				rel, _ := filepath.Rel(root, fset.Position(name.Pos()).Filename)
				out = append(out, finding{pos: rel + ":" + strconv.Itoa(fset.Position(name.Pos()).Line), name: name.Name})
			}
		}
	}
	return out
}

// isErrorsNew reports whether e is a call errors.New("...").
func isErrorsNew(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "errors" && sel.Sel.Name == "New"
}

// The finder itself finds what it must: an exported var that is not a
// sentinel error, in a file written for the purpose.
func TestExportedVarsFindsThem(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.go")
	src := `package x

import "errors"

var ErrX = errors.New("x")
var Hook = func() {}
var (
	Limit    = 3
	internal = 4
)
var A, b = 1, 2
`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range exportedVars(t, path) {
		names = append(names, f.name)
	}
	if want := []string{"Hook", "Limit", "A"}; !slices.Equal(names, want) {
		t.Errorf("found %v, want %v", names, want)
	}
}

// TestEnginesOnlyUnderInternal: go list shows the engines (the search's
// index and languages, the import's planning) only under internal/:
// data/search itself is the only other package of the search, and the
// storage's other packages are its public formats and helpers.
func TestEnginesOnlyUnderInternal(t *testing.T) {
	cmd := exec.Command("go", "list", "./data/search/...", "./storage/...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := strings.Fields(string(out))
	for _, want := range engines {
		if !slices.Contains(pkgs, want) {
			t.Errorf("go list does not show the engine %s (packages: %v)", want, pkgs)
		}
	}
	for _, p := range pkgs {
		if strings.HasPrefix(p, "scoplan/data/search/") && !strings.HasPrefix(p, "scoplan/data/search/internal/") {
			t.Errorf("%s: a package of the search outside data/search/internal", p)
		}
		if strings.HasPrefix(p, "scoplan/storage/") && !slices.Contains(storagePackages, p) && !strings.HasPrefix(p, "scoplan/storage/internal/") {
			t.Errorf("%s: a package of the storage outside storage/internal and the public ones %v", p, storagePackages)
		}
	}
}

// engines are the packages that hold the search's and the import's engines.
var engines = []string{
	"scoplan/data/search/internal/index",  // the index and the fuzzy matcher
	"scoplan/data/search/internal/lang",   // translations, pinyin and Russian stems
	"scoplan/storage/internal/importplan", // what an import brings, planned over a snapshot
}

// storagePackages are the public packages under storage/: formats and
// helpers other packages use, not engines.
var storagePackages = []string{"scoplan/storage/statusfile", "scoplan/storage/shared", "scoplan/storage/storagetest"}
