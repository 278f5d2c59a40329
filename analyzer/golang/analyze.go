package golang

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"unicode/utf8"

	"golang.org/x/tools/go/packages"

	"github.com/asterkit/aster/analyzer"
)

// analysis is the state of one Build run.
type analysis struct {
	dir    string
	fset   *token.FileSet
	loaded map[string]*packages.Package // by import path
	decls  map[string]*typeDecl         // by type key (path.Name)
	files  map[string][]byte            // file contents, for columns

	structs map[string]*structInfo // by type key
	byObj   map[*types.TypeName]*structInfo
	enums   map[string]map[string][]*types.Const
	warned  map[string]bool
	model   Model
	// recorded are the directives of each package (by import path) as
	// Package.Directives lists them.
	recorded map[string][]string
}

// typeDecl is a package-level type declaration of a loaded package.
type typeDecl struct {
	pkg  *packages.Package
	spec *ast.TypeSpec
	obj  *types.TypeName
	dirs []directive
}

// Build maps the loaded packages onto the model. dir is the directory
// error positions are made relative to.
func Build(dir string, pkgs []*packages.Package) (*Model, error) {
	a := &analysis{
		dir: dir, loaded: map[string]*packages.Package{}, decls: map[string]*typeDecl{},
		files: map[string][]byte{}, structs: map[string]*structInfo{}, byObj: map[*types.TypeName]*structInfo{},
		enums: map[string]map[string][]*types.Const{}, warned: map[string]bool{},
		recorded: map[string][]string{},
	}
	slices.SortFunc(pkgs, func(x, y *packages.Package) int { return cmp.Compare(x.PkgPath, y.PkgPath) })
	for _, p := range pkgs {
		if a.fset == nil {
			a.fset = p.Fset
		}
		a.loaded[p.PkgPath] = p
	}
	var services [][]*typeDecl
	for _, p := range pkgs {
		sv, err := a.scan(p)
		if err != nil {
			return nil, err
		}
		services = append(services, sv)
	}
	for i, p := range pkgs {
		if len(services[i]) == 0 {
			continue
		}
		out, err := a.buildPackage(p, services[i])
		if err != nil {
			return nil, err
		}
		a.model.Packages = append(a.model.Packages, out)
	}
	return &a.model, nil
}

// scan records every package-level type declaration of p with its
// directives, checks that each directive sits on the right kind of
// declaration, and returns the service interfaces in source order.
func (a *analysis) scan(p *packages.Package) ([]*typeDecl, error) {
	var services []*typeDecl
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			if gd.Tok != token.TYPE {
				if dirs, err := a.directives(gd.Doc); err != nil {
					return nil, err
				} else if len(dirs) > 0 {
					return nil, a.fail(dirs[0].Pos, "put //aster:service on an interface type and //aster:wire_type on a struct type",
						"//aster:%s must be in the doc comment of a type declaration", dirs[0].Kind)
				}
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				docs := []*ast.CommentGroup{ts.Doc}
				if gd.Lparen == token.NoPos {
					docs = append(docs, gd.Doc)
				}
				dirs, err := a.directives(docs...)
				if err != nil {
					return nil, err
				}
				obj, _ := p.TypesInfo.Defs[ts.Name].(*types.TypeName)
				if obj == nil {
					continue
				}
				td := &typeDecl{pkg: p, spec: ts, obj: obj, dirs: dirs}
				a.decls[typeKey(obj)] = td
				a.record(p, ts.Name.Name, dirs)
				isService, err := a.checkTypeDirectives(td)
				if err != nil {
					return nil, err
				}
				if err := a.methodDirectives(p, ts, isService); err != nil {
					return nil, err
				}
				if isService {
					services = append(services, td)
				}
			}
		}
	}
	return services, nil
}

// checkTypeDirectives validates the directives on a type declaration and
// reports whether it declares a service.
func (a *analysis) checkTypeDirectives(td *typeDecl) (bool, error) {
	if len(td.dirs) == 0 {
		return false, nil
	}
	if len(td.dirs) > 1 {
		return false, a.fail(td.dirs[1].Pos, "keep one //aster: directive per type", "%s has more than one //aster: directive", td.spec.Name.Name)
	}
	d := td.dirs[0]
	under := td.obj.Type().Underlying()
	if n, ok := td.obj.Type().(*types.Named); ok && n.TypeParams().Len() > 0 && (d.Kind == "service" || d.Kind == "wire_type") {
		return false, a.fail(td.spec.Name.Pos(), "declare "+td.spec.Name.Name+" without type parameters: a contract needs concrete types",
			"//aster:%s on the generic type %s", d.Kind, td.spec.Name.Name)
	}
	switch d.Kind {
	case "service":
		if _, ok := under.(*types.Interface); !ok || td.spec.Assign.IsValid() {
			return false, a.fail(d.Pos, "declare the service as an interface type: type "+td.spec.Name.Name+" interface { … }",
				"//aster:service on %s, which is not an interface type", td.spec.Name.Name)
		}
		return true, nil
	case "wire_type":
		if _, ok := under.(*types.Struct); !ok || td.spec.Assign.IsValid() {
			return false, a.fail(d.Pos, "declare the wire type as a struct type: type "+td.spec.Name.Name+" struct { … }",
				"//aster:wire_type on %s, which is not a struct type", td.spec.Name.Name)
		}
		return false, nil
	}
	return false, a.fail(d.Pos, "put method directives in the doc comment of a method of a //aster:service interface",
		"//aster:%s on type %s: method directives belong on interface methods", d.Kind, td.spec.Name.Name)
}

// methodDirectives records the directives of an interface's methods and
// rejects them in an interface that is not a service (they would be
// silently ignored).
func (a *analysis) methodDirectives(p *packages.Package, ts *ast.TypeSpec, isService bool) error {
	it, ok := ts.Type.(*ast.InterfaceType)
	if !ok {
		return nil
	}
	for _, m := range it.Methods.List {
		dirs, err := a.directives(m.Doc)
		if err != nil {
			return err
		}
		if len(dirs) > 0 && !isService {
			return a.fail(dirs[0].Pos, "add //aster:service to the doc comment of "+ts.Name.Name,
				"//aster:%s in interface %s, which has no //aster:service directive", dirs[0].Kind, ts.Name.Name)
		}
		if len(m.Names) == 1 {
			a.record(p, ts.Name.Name+"."+m.Names[0].Name, dirs)
		}
	}
	return nil
}

// record adds the directives of a declaration to its package's list.
func (a *analysis) record(p *packages.Package, decl string, dirs []directive) {
	for _, d := range dirs {
		a.recorded[p.PkgPath] = append(a.recorded[p.PkgPath], directiveKey(decl, d.Text))
	}
}

// typeKey identifies a package-level type across packages.
func typeKey(obj *types.TypeName) string {
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// buildPackage analyses the services of one package.
func (a *analysis) buildPackage(p *packages.Package, decls []*typeDecl) (*Package, error) {
	out := &Package{Name: p.Name, Path: p.PkgPath, Directives: slices.Sorted(slices.Values(a.recorded[p.PkgPath])),
		Declared: a.declared(p)}
	if len(p.GoFiles) > 0 {
		out.Dir = filepath.Dir(p.GoFiles[0])
	}
	used := map[string]bool{}
	names := map[string]*typeDecl{}
	for _, td := range decls {
		svc, reached, err := a.service(p, td)
		if err != nil {
			return nil, err
		}
		id := fmt.Sprintf("%s v%d", svc.Result.Service.Name, svc.Result.Service.Version)
		if prev, dup := names[id]; dup {
			return nil, a.fail(td.dirs[0].Pos, "give each service interface a distinct name= or version=",
				"service %s is declared twice in package %s (also by %s)", id, p.PkgPath, prev.spec.Name.Name)
		}
		names[id] = td
		out.Services = append(out.Services, svc)
		for _, k := range reached {
			used[k] = true
		}
	}
	slices.SortStableFunc(out.Services, func(x, y *Service) int {
		return cmp.Or(cmp.Compare(x.Result.Service.Name, y.Result.Service.Name),
			cmp.Compare(x.Result.Service.Version, y.Result.Service.Version),
			cmp.Compare(x.Interface, y.Interface))
	})
	keys := make([]string, 0, len(used))
	for k := range used {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var wire []*structInfo
	for _, k := range keys {
		d := a.decls[k]
		if d == nil {
			continue
		}
		st, err := a.goStruct(p.Types, d)
		if err != nil {
			return nil, err
		}
		if st == nil {
			continue
		}
		out.Structs = append(out.Structs, st)
		if info := a.structs[k]; info != nil {
			wire = append(wire, info)
		}
	}
	var err error
	out.Enums, err = a.enumGuards(p.Types, wire)
	return out, err
}

// declared returns the package-level names of p outside its generated
// file, with their positions.
func (a *analysis) declared(p *packages.Package) map[string]Position {
	out := map[string]Position{}
	scope := p.Types.Scope()
	for _, name := range scope.Names() {
		pos := scope.Lookup(name).Pos()
		if tf := a.fset.File(pos); tf == nil || filepath.Base(tf.Name()) == GeneratedFile {
			continue
		}
		e := a.fail(pos, "", "")
		out[name] = Position{File: e.File, Line: e.Line, Col: e.Col}
	}
	return out
}

// fail returns a positioned analysis error with a hint.
func (a *analysis) fail(pos token.Pos, hint, format string, args ...any) *analyzer.Error {
	p := a.fset.PositionFor(pos, false)
	col := p.Column
	if tf := a.fset.File(pos); tf != nil && p.Line > 0 {
		if src := a.source(tf.Name()); src != nil {
			start := tf.Offset(tf.LineStart(p.Line))
			if end := tf.Offset(pos); end <= len(src) && start <= end {
				col = utf8.RuneCount(src[start:end]) + 1
			}
		}
	}
	return &analyzer.Error{File: relPath(a.dir, p.Filename), Line: p.Line, Col: col,
		Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// position is pos as file:line:col, the file relative to the analysis
// directory.
func (a *analysis) position(pos token.Pos) string {
	e := a.fail(pos, "", "")
	return fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Col)
}

// source returns a file's contents (cached), or nil.
func (a *analysis) source(name string) []byte {
	if b, ok := a.files[name]; ok {
		return b
	}
	b, _ := os.ReadFile(name)
	a.files[name] = b
	return b
}

// warn records a warning once.
func (a *analysis) warn(msg string) {
	if !a.warned[msg] {
		a.warned[msg] = true
		a.model.Warnings = append(a.model.Warnings, msg)
	}
}

// sortResults orders results by service name, then version.
func sortResults(rs []*analyzer.Result) {
	slices.SortStableFunc(rs, func(x, y *analyzer.Result) int {
		return cmp.Or(cmp.Compare(x.Service.Name, y.Service.Name), cmp.Compare(x.Service.Version, y.Service.Version))
	})
}
