// Package pyfind finds Python modules on the file system for pyrt: search
// roots in order, then the site-packages of a virtual environment, with
// regular packages (__init__.py), namespace packages (directories without
// one) and a fallback Finder (the standard library) for what no root has.
package pyfind

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	"github.com/asterkit/aster/internal/inputfile"
)

// Finder implements pyrt.Finder over directories.
type Finder struct {
	// Roots are searched in order for top-level modules.
	Roots []string
	// Fallback finds what no root has (the standard library); nil for none.
	Fallback pyrt.Finder
}

// New returns a Finder searching roots, then the site-packages of the
// virtual environment virtualEnv (the value of $VIRTUAL_ENV, "" for
// none), then fallback.
func New(roots []string, virtualEnv string, fallback pyrt.Finder) *Finder {
	all := append(append([]string(nil), roots...), SitePackages(virtualEnv)...)
	return &Finder{Roots: all, Fallback: fallback}
}

// SitePackages returns the site-packages directories of a virtual
// environment ("" for none), in order.
func SitePackages(virtualEnv string) []string {
	if virtualEnv == "" {
		return nil
	}
	sites, _ := filepath.Glob(filepath.Join(virtualEnv, "lib", "python3*", "site-packages"))
	sort.Strings(sites)
	return sites
}

// Find implements pyrt.Finder: a top-level module is looked up in the
// roots, a submodule in its parent package's __path__. A regular module
// or package anywhere on the path wins over a namespace package found
// earlier, whose portions are all the directories of that name.
func (f *Finder) Find(th *pyrt.Thread, name string) (*pyrt.Source, error) {
	if f.Fallback != nil && builtinOrFrozen[name] {
		return f.Fallback.Find(th, name)
	}
	dirs := f.Roots
	last := name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		last = name[i+1:]
		parent := th.Modules[name[:i]]
		if parent == nil {
			return nil, nil
		}
		dirs = packagePath(th, parent)
	}
	var portions []string
	for _, dir := range dirs {
		base := filepath.Join(dir, last)
		if init := filepath.Join(base, "__init__.py"); isFile(init) {
			return read(init, true)
		}
		if file := base + ".py"; isFile(file) {
			return read(file, false)
		}
		if isDir(base) {
			portions = append(portions, base)
		}
	}
	if len(portions) > 0 {
		mod := &pyrt.Module{Name: name, Globals: pyrt.NewNamespace()}
		path := make([]pyrt.Value, len(portions))
		for i, p := range portions {
			path[i] = pyrt.Str(p)
		}
		mod.Globals.Set("__name__", pyrt.Str(name))
		mod.Globals.Set("__doc__", pyrt.None)
		mod.Globals.Set("__package__", pyrt.Str(name))
		mod.Globals.Set("__file__", pyrt.None)
		mod.Globals.Set("__path__", pyrt.NewList(path))
		return &pyrt.Source{Module: mod}, nil
	}
	if f.Fallback != nil {
		return f.Fallback.Find(th, name)
	}
	return nil, nil
}

// builtinOrFrozen are the modules CPython 3.11 (Debian's build, as
// /usr/bin/python3) compiles in or freezes: its built-in and frozen
// importers find them before any directory of the path, so a file of the
// same name never shadows them (sys.builtin_module_names and the frozen
// modules; TestBuiltinOrFrozen compares this list with CPython's).
var builtinOrFrozen = map[string]bool{}

func init() {
	for _, n := range []string{"_abc", "_ast", "_bisect", "_blake2", "_codecs", "_collections", "_collections_abc", "_csv", "_datetime", "_elementtree", "_frozen_importlib", "_frozen_importlib_external", "_functools", "_heapq", "_imp", "_io", "_locale", "_md5", "_opcode", "_operator", "_pickle", "_posixsubprocess", "_random", "_sha1", "_sha256", "_sha3", "_sha512", "_signal", "_sitebuiltins", "_socket", "_sre", "_stat", "_statistics", "_string", "_struct", "_symtable", "_thread", "_tokenize", "_tracemalloc", "_warnings", "_weakref", "abc", "array", "atexit", "binascii", "builtins", "cmath", "codecs", "errno", "faulthandler", "fcntl", "gc", "genericpath", "grp", "importlib.machinery", "importlib.util", "io", "itertools", "marshal", "math", "ntpath", "os", "os.path", "posix", "posixpath", "pwd", "pyexpat", "runpy", "select", "site", "spwd", "stat", "sys", "syslog", "time", "unicodedata", "xxsubtype", "zipimport", "zlib"} {
		builtinOrFrozen[n] = true
	}
}

// packagePath returns the directories of a package's __path__.
func packagePath(th *pyrt.Thread, pkg *pyrt.Module) []string {
	v, ok := pkg.Globals.Get("__path__")
	if !ok {
		return nil
	}
	items, err := pyrt.ToSlice(th, v)
	if err != nil {
		return nil
	}
	var dirs []string
	for _, it := range items {
		if s, ok := it.(pyrt.Str); ok {
			dirs = append(dirs, string(s))
		}
	}
	return dirs
}

func read(path string, pkg bool) (*pyrt.Source, error) {
	src, err := inputfile.Read(path, inputfile.Source)
	if err != nil {
		return nil, err
	}
	return &pyrt.Source{Path: path, Src: src, Package: pkg}, nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
