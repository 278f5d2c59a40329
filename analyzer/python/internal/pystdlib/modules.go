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
		mod, err := th.ExecModule(name, "", []byte(m.src), m.pkg)
		if err != nil {
			return nil, err
		}
		if m.after != nil {
			m.after(th, h, mod)
		}
		setUnmodelled(mod, true)
		return &pyrt.Source{Module: mod}, nil
	}
	sm, ok := Lookup(name)
	if !ok || !sm.Importable {
		return nil, nil
	}
	mod := &pyrt.Module{Name: name, Globals: pyrt.NewNamespace()}
	mod.Globals.Set("__name__", pyrt.Str(name))
	setUnmodelled(mod, false)
	if isPackage(name) {
		mod.Globals.Set("__path__", pyrt.NewList(nil))
	}
	return &pyrt.Source{Module: mod}, nil
}

// setUnmodelled binds each public name CPython 3.11's module has and mod
// lacks to an unknown value; in a modelled module, not the names of
// builtins, which its functions may read as globals.
func setUnmodelled(mod *pyrt.Module, modelled bool) {
	sm, ok := Lookup(mod.Name)
	if !ok {
		return
	}
	names := make([]string, 0, len(sm.Names))
	for n := range sm.Names {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		_, builtin := pyrt.Builtins().Get(n)
		if _, ok := mod.Globals.Get(n); !ok && !(modelled && builtin) {
			mod.Globals.Set(n, &pyrt.Unknown{Why: mod.Name + "." + n + " is not modelled"})
		}
	}
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
