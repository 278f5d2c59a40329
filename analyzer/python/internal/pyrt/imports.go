package pyrt

import (
	"embed"
	"strings"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// Finder locates modules for import statements.
type Finder interface {
	// Find returns the module named name (fully qualified), or nil when
	// there is none. Exactly one of Source.Module (a module implemented
	// in Go) and Source.Src is set.
	Find(th *Thread, name string) (*Source, error)
}

// Source is a module found by a Finder.
type Source struct {
	// Path is the file name (__file__), empty for a built-in module.
	Path string
	Src  []byte
	// Package is set for a package (its __init__.py).
	Package bool
	// Module is a module implemented in Go.
	Module *Module
}

// MapFinder finds modules in a map from module names to sources (for
// tests and embedded modules).
type MapFinder map[string]*Source

// Find implements Finder.
func (m MapFinder) Find(_ *Thread, name string) (*Source, error) { return m[name], nil }

// ExecModule runs src as the module name (registered in th.Modules while
// it runs; removed again when it fails, as CPython does).
func (th *Thread) ExecModule(name, path string, src []byte, isPackage bool) (*Module, error) {
	tree, err := syn.Parse(src)
	if err != nil {
		return nil, err
	}
	mod := &Module{Name: name, File: path, Globals: NewNamespace(), Initializing: true, host: th.host}
	g := mod.Globals
	g.Set("__name__", Str(name))
	g.Set("__doc__", None)
	pkg := name
	if !isPackage {
		pkg = name[:max(strings.LastIndexByte(name, '.'), 0)]
	}
	g.Set("__package__", Str(pkg))
	if isPackage {
		// A package's __path__ exists before its body runs, so that its
		// submodules can be imported from it.
		g.Set("__path__", NewList([]Value{Str(path[:max(strings.LastIndexByte(path, '/'), 0)])}))
	}
	if path != "" {
		g.Set("__file__", Str(path))
	}
	file := &srcFile{name: path, mod: tree}
	if path == "" {
		file.name = name
	}
	for _, s := range tree.Body {
		if f, ok := s.(*syn.ImportFrom); ok && f.Level == 0 && f.Module != nil && f.Module.String() == "__future__" {
			for _, a := range f.Names {
				if a.Name.String() == "annotations" {
					file.futureAnnotations = true
				}
			}
		}
	}
	if doc := docstring(file, tree.Body); doc != nil {
		g.Set("__doc__", doc)
	}
	th.Modules[name] = mod
	fr := &frame{th: th, env: &env{mod: mod}, file: file}
	th.frames = append(th.frames, fr)
	var importer []string
	if th.host != nil {
		importer = th.host.cur
	}
	_, err = fr.execBlock(tree.Body)
	if th.host != nil {
		th.host.cur = importer
	}
	th.frames = th.frames[:len(th.frames)-1]
	mod.Initializing = false
	if err != nil {
		delete(th.Modules, name)
		th.lastGlobals = mod.Globals
		return nil, err
	}
	return mod, nil
}

// lib holds the modules the interpreter itself provides, written in
// Python: __future__, whose features the compiler reads.
//
//go:embed lib/*.py
var lib embed.FS

// Import imports a module by its absolute dotted name, importing its
// parent packages first, and returns it.
func (th *Thread) Import(name string) (*Module, error) {
	if m, ok := th.Modules[name]; ok {
		return m, nil
	}
	var parent *Module
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		p, err := th.Import(name[:i])
		if err != nil {
			return nil, err
		}
		parent = p
		if m, ok := th.Modules[name]; ok {
			return m, nil
		}
		if _, ok := p.Globals.Get("__path__"); !ok {
			return nil, moduleNotFound(name, "No module named '"+name+"'; '"+p.Name+"' is not a package")
		}
	}
	var src *Source
	if data, err := lib.ReadFile("lib/" + name + ".py"); err == nil && parent == nil {
		src = &Source{Path: "<frozen " + name + ">", Src: data}
	} else if th.Finder != nil {
		src, err = th.Finder.Find(th, name)
		if err != nil {
			return nil, err
		}
	}
	if src == nil {
		if th.MissingModule != nil && th.guarded == 0 {
			if m := th.MissingModule(name); m != nil {
				th.Modules[name] = m
				if parent != nil {
					parent.Globals.Set(name[strings.LastIndexByte(name, '.')+1:], m)
				}
				return m, nil
			}
		}
		return nil, moduleNotFound(name, "No module named '"+name+"'")
	}
	var mod *Module
	if src.Module != nil {
		mod = src.Module
		th.Modules[name] = mod
	} else {
		m, err := th.execFound(name, src)
		if err != nil {
			return nil, err
		}
		mod = m
	}
	if parent != nil {
		parent.Globals.Set(name[strings.LastIndexByte(name, '.')+1:], mod)
	}
	return mod, nil
}

func (th *Thread) execFound(name string, src *Source) (*Module, error) {
	return th.ExecModule(name, src.Path, src.Src, src.Package)
}

func moduleNotFound(name, msg string) *Exception {
	e := NewException(ModuleNotFoundErrorClass, Str(msg))
	e.Value.Dict.Set("name", Str(name))
	return e
}

// resolveName turns a relative module reference into an absolute name.
func (fr *frame) resolveName(module string, level int) (string, error) {
	if level == 0 {
		return module, nil
	}
	pkgV, _ := fr.env.mod.Globals.Get("__package__")
	pkg, _ := pkgV.(Str)
	if pkg == "" {
		return "", excf(ImportErrorClass, "attempted relative import with no known parent package")
	}
	base := string(pkg)
	for i := 1; i < level; i++ {
		j := strings.LastIndexByte(base, '.')
		if j < 0 {
			return "", excf(ImportErrorClass, "attempted relative import beyond top-level package")
		}
		base = base[:j]
	}
	if module == "" {
		return base, nil
	}
	return base + "." + module, nil
}

func (fr *frame) importStmt(s *syn.Import) error {
	th := fr.th
	for _, a := range s.Names {
		name := a.Name.String()
		mod, err := th.Import(name)
		if err != nil {
			fr.annotate(err, a)
			return err
		}
		if a.AsName != nil {
			if err := fr.env.store(a.AsName.ID, mod); err != nil {
				return err
			}
			continue
		}
		top := th.Modules[a.Name.Names[0].ID]
		if top == nil {
			top = mod
		}
		if err := fr.env.store(a.Name.Names[0].ID, top); err != nil {
			return err
		}
	}
	return nil
}

func (fr *frame) importFrom(s *syn.ImportFrom) error {
	th := fr.th
	modName := ""
	if s.Module != nil {
		modName = s.Module.String()
	}
	name, err := fr.resolveName(modName, s.Level)
	if err != nil {
		return err
	}
	mod, err := th.Import(name)
	if err != nil {
		if s.Module != nil {
			fr.annotate(err, s.Module)
		}
		return err
	}
	if s.Star {
		return fr.importStar(mod)
	}
	_, isPkg := mod.Globals.Get("__path__")
	for _, a := range s.Names {
		attr := a.Name.String()
		v, ok := mod.Globals.Get(attr)
		if ok && mod.OnRead != nil {
			mod.OnRead(attr)
		}
		if ok && mod.host != nil {
			mod.host.readGlobal(mod, attr)
		}
		if !ok && isPkg {
			// A submodule named in the import list is imported (when there
			// is none, the name is missing: no stand-in module).
			th.guarded++
			_, err := th.Import(name + "." + attr)
			th.guarded--
			if err != nil {
				if e, isExc := err.(*Exception); !isExc || !e.Class().IsSubclass(ModuleNotFoundErrorClass) || !moduleNamed(e, name+"."+attr) {
					fr.annotate(err, a)
					return err
				}
			}
			v, ok = mod.Globals.Get(attr)
		}
		if !ok {
			if sub, found := th.Modules[name+"."+attr]; found {
				v, ok = sub, true
			}
		}
		if !ok && mod.Missing != nil {
			v = mod.Missing(attr)
			ok = v != nil
		}
		if !ok {
			err := importNameError(mod, attr)
			fr.annotate(err, a)
			return err
		}
		bind := attr
		if a.AsName != nil {
			bind = a.AsName.ID
		}
		if err := fr.env.store(bind, v); err != nil {
			return err
		}
	}
	return nil
}

func moduleNamed(e *Exception, name string) bool {
	v, _ := e.Value.Dict.Get("name")
	return v == Str(name)
}

// importNameError is CPython's ImportError for "from m import name".
func importNameError(mod *Module, name string) *Exception {
	var msg string
	switch {
	case mod.File == "":
		msg = "cannot import name '" + name + "' from '" + mod.Name + "' (unknown location)"
	case mod.Initializing:
		msg = "cannot import name '" + name + "' from partially initialized module '" + mod.Name + "' (most likely due to a circular import) (" + mod.File + ")"
	default:
		msg = "cannot import name '" + name + "' from '" + mod.Name + "' (" + mod.File + ")"
	}
	e := NewException(ImportErrorClass, Str(msg))
	e.Value.Dict.Set("name", Str(mod.Name))
	e.Value.Dict.Set("path", Str(mod.File))
	return e
}

func (fr *frame) importStar(mod *Module) error {
	th := fr.th
	if all, ok := mod.Globals.Get("__all__"); ok {
		names, err := ToSlice(th, all)
		if err != nil {
			return err
		}
		for _, n := range names {
			s, ok := n.(Str)
			if !ok {
				return typeErrorf("Item in %s.__all__ must be str, not %s", mod.Name, TypeName(n))
			}
			v, err := GetAttr(th, mod, string(s))
			if err != nil {
				return err
			}
			if err := fr.env.store(string(s), v); err != nil {
				return err
			}
		}
		return nil
	}
	for _, k := range mod.Globals.Keys() {
		if strings.HasPrefix(k, "_") {
			continue
		}
		v, _ := mod.Globals.Get(k)
		if err := fr.env.store(k, v); err != nil {
			return err
		}
	}
	return nil
}
