package python

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// ServiceClass is a @service class a module defines.
type ServiceClass struct {
	// Spec is "module:Class", as --service takes it.
	Spec string
	// Name and Version are the service's, from its @service decorator.
	Name    string
	Version int64
	// Err is why the decorator's arguments could not be read (Name and
	// Version are then unknown).
	Err error
}

// ServiceClasses loads a module as Service does and lists the @service
// classes bound at its top level, in source order. The error is the
// module's own: it cannot be found, read, parsed or executed.
func (l *Loader) ServiceClasses(name string) ([]ServiceClass, error) {
	m, err := l.loadModule(name)
	if err != nil || m == nil {
		return nil, err
	}
	var out []ServiceClass
	for _, c := range m.classes {
		if c.outer != nil || c.service == nil {
			continue
		}
		if v, ok := m.ns.lookup(c.name, final); !ok || v != Value(c) {
			continue
		}
		sc := ServiceClass{Spec: name + ":" + c.name}
		sc.Err = try(func() {
			s := l.newSvc(c)
			sc.Name, sc.Version = s.name, s.version
		})
		out = append(out, sc)
	}
	return out, nil
}

// ModulesParsed is the number of module files read and parsed so far, by
// the analysis or ahead of it. It may be called while a service is being
// analysed, from another goroutine.
func (l *Loader) ModulesParsed() int {
	p := l.ahead
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, f := range p.files {
		select {
		case <-f.done:
			n++
		default:
		}
	}
	return n
}

// ModuleNames lists the dotted names of the Python source modules under
// dir, as imports name them with dir on the search path, sorted. A
// package's __init__.py gives the package's name. Directories whose names
// are not identifiers (hidden ones, site-packages, …) and __pycache__ are
// skipped.
func ModuleNames(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			if rel != "." && (!isIdentifier(d.Name()) || d.Name() == "__pycache__") {
				return filepath.SkipDir
			}
			return nil
		}
		name, ok := strings.CutSuffix(d.Name(), ".py")
		if !ok || !isIdentifier(name) || !d.Type().IsRegular() && d.Type()&os.ModeSymlink == 0 {
			return nil
		}
		parts := strings.Split(filepath.ToSlash(filepath.Dir(rel)), "/")
		if parts[0] == "." {
			parts = nil
		}
		if name != "__init__" {
			parts = append(parts, name)
		}
		if len(parts) > 0 {
			out = append(out, strings.Join(parts, "."))
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// isIdentifier reports whether s is a Python identifier (ASCII letters,
// digits and underscores, or any Unicode letter, not starting with a
// digit).
func isIdentifier(s string) bool {
	for i, r := range s {
		if r != '_' && !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}
