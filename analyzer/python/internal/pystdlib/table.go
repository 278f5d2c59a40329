// Package pystdlib describes CPython 3.11's standard library: which
// modules exist and which public names each one has, read from a table
// that gen/gen.py generates from CPython 3.11 itself. Its Finder serves
// the library to pyrt: sys, os/os.path, typing/typing_extensions, enum,
// dataclasses, functools, collections(.abc), math, string, logging,
// datetime, decimal, fractions, uuid, pathlib, ipaddress, zoneinfo, re,
// json and textwrap are modelled; other modules, and the public names a
// modelled module leaves out, are unknown values.
package pystdlib

//go:generate sh -c "/usr/bin/python3 gen/gen.py > stdlib311.txt"

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

//go:embed stdlib311.txt
var table string

// Kind is the kind of a module's public name.
type Kind string

// The kinds of names.
const (
	KindModule   Kind = "module"
	KindClass    Kind = "class"
	KindFunction Kind = "function"
	KindValue    Kind = "value"
)

// Module is a standard library module.
type Module struct {
	Name string
	// Importable is false for the modules CPython 3.11 on Linux cannot
	// import (Windows- and macOS-only modules, optional extensions).
	Importable bool
	// Names maps each public name (__all__, else the names without a
	// leading underscore) to its kind.
	Names map[string]Kind
}

var (
	once    sync.Once
	modules map[string]*Module
)

func load() { modules = parse(table) }

// parse reads a table written by gen/gen.py.
func parse(table string) map[string]*Module {
	modules := map[string]*Module{}
	var cur *Module
	for _, line := range strings.Split(table, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "module "):
			f := strings.Fields(line)
			cur = &Module{Name: f[1], Importable: len(f) == 2, Names: map[string]Kind{}}
			modules[cur.Name] = cur
		case cur != nil && strings.HasPrefix(line, " "):
			name, kind, _ := strings.Cut(line[1:], " ")
			cur.Names[name] = Kind(kind)
		}
	}
	return modules
}

// Lookup returns the standard library module with the given dotted name.
func Lookup(name string) (*Module, bool) {
	once.Do(load)
	m, ok := modules[name]
	return m, ok
}

// IsStdlib reports whether name is a standard library module or package.
func IsStdlib(name string) bool {
	_, ok := Lookup(name)
	return ok
}

// Names returns the names of all modules, sorted.
func Names() []string {
	once.Do(load)
	out := make([]string, 0, len(modules))
	for n := range modules {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
