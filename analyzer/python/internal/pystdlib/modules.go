package pystdlib

import (
	"sort"
	"strings"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
)

// Host is what the modelled modules read from the process that runs the
// analysis, and a record of what they read.
type Host struct {
	// Getenv returns an environment variable (os.environ, os.getenv).
	Getenv func(name string) (string, bool)
	// Platform is sys.platform.
	Platform string

	envRead      map[string]bool
	platformRead bool
}

// EnvRead returns the environment variables read so far, sorted.
func (h *Host) EnvRead() []string {
	out := make([]string, 0, len(h.envRead))
	for k := range h.envRead {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// PlatformRead reports whether sys.platform was read.
func (h *Host) PlatformRead() bool { return h.platformRead }

func (h *Host) getenv(name string) (string, bool) {
	if h.envRead == nil {
		h.envRead = map[string]bool{}
	}
	h.envRead[name] = true
	if h.Getenv == nil {
		return "", false
	}
	return h.Getenv(name)
}

// Finder serves the standard library to pyrt: the modelled modules run
// their Python-level definitions (written for this interpreter, with Go
// builtins where the host is read), and every other module CPython 3.11
// can import on Linux exposes its names as unknown values.
type Finder struct {
	Host *Host
}

// model is a modelled module: its Python source and the Go builtins it
// imports from its private helper module.
type model struct {
	src     string
	pkg     bool
	helpers func(h *Host) map[string]pyrt.Value
	// after adjusts the executed module (hooks on reads).
	after func(th *pyrt.Thread, h *Host, m *pyrt.Module)
}

var models = map[string]*model{}

// Find implements pyrt.Finder.
func (f *Finder) Find(th *pyrt.Thread, name string) (*pyrt.Source, error) {
	h := f.Host
	if h == nil {
		h = &Host{}
	}
	if strings.HasPrefix(name, helperPrefix) {
		m := models[strings.TrimPrefix(name, helperPrefix)]
		if m == nil || m.helpers == nil {
			return nil, nil
		}
		mod := &pyrt.Module{Name: name, Globals: pyrt.NewNamespace()}
		for k, v := range m.helpers(h) {
			mod.Globals.Set(k, v)
		}
		return &pyrt.Source{Module: mod}, nil
	}
	if m := models[name]; m != nil {
		mod, err := th.ExecModule(name, "", []byte(m.src), m.pkg || isPackage(name))
		if err != nil {
			return nil, err
		}
		if m.after != nil {
			m.after(th, h, mod)
		}
		// The names the model does not define are unknown values (not
		// bound as globals, which the model's own code would see).
		if sm, ok := Lookup(name); ok {
			mod.Missing = unlisted(sm, name)
		}
		return &pyrt.Source{Module: mod}, nil
	}
	sm, ok := Lookup(name)
	if !ok || !sm.Importable {
		return nil, nil
	}
	mod := &pyrt.Module{Name: name, Globals: pyrt.NewNamespace()}
	mod.Globals.Set("__name__", pyrt.Str(name))
	bindUnknown(mod, sm)
	mod.Missing = unlisted(sm, name)
	if isPackage(name) {
		mod.Globals.Set("__path__", pyrt.NewList(nil))
	}
	return &pyrt.Source{Module: mod}, nil
}

// bindUnknown binds each name of the table's module to an unknown value.
func bindUnknown(mod *pyrt.Module, sm *Module) {
	names := make([]string, 0, len(sm.Names))
	for n := range sm.Names {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		mod.Globals.Set(n, unknownName(mod.Name, n))
	}
}

// unlisted gives the attributes a module does not bind: the table's
// public names and any private name (the table lists public names only)
// are unknown values; other names are missing.
func unlisted(sm *Module, module string) func(string) pyrt.Value {
	return func(attr string) pyrt.Value {
		if _, ok := sm.Names[attr]; !ok && !strings.HasPrefix(attr, "_") {
			return nil
		}
		return unknownName(module, attr)
	}
}

func unknownName(module, name string) *pyrt.Unknown {
	return &pyrt.Unknown{Why: module + "." + name + " is not modelled"}
}

// helperPrefix names the private module of Go builtins a modelled module
// imports ("os" imports "_host_os").
const helperPrefix = "_host_"

// isPackage reports whether the table has submodules of name.
func isPackage(name string) bool {
	for _, n := range Names() {
		if strings.HasPrefix(n, name+".") {
			return true
		}
	}
	return false
}
