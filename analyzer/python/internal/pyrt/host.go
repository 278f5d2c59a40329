package pyrt

import (
	"slices"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// hostDeps tracks which reads of the host (environment variables, the
// platform) the values computed by module and class bodies depend on. A
// module- or class-level statement depends on the reads made while it
// runs (in the functions it calls too), on the dependencies of the module
// globals it reads, and on those of the conditions it is nested in
// (docs/python.md "Values read from the environment"); a global takes the
// dependencies of the statement that binds it.
type hostDeps struct {
	cur     []string
	globals map[*Module]map[string][]string
}

// TrackHost turns on host-dependency tracking for modules executed from
// now on: HostRead then adds to the dependencies of the running
// statement, and Observe receives them.
func (th *Thread) TrackHost() {
	if th.host == nil {
		th.host = &hostDeps{globals: map[*Module]map[string][]string{}}
	}
}

// HostRead notes that the running code read the host; label names what
// was read ("environment variable HOME", "sys.platform").
func (th *Thread) HostRead(label string) {
	if th.host != nil {
		th.host.add(label)
	}
}

// add merges labels into the running statement's dependencies; the
// slice is never changed in place, as observers keep it.
func (h *hostDeps) add(labels ...string) {
	for _, l := range labels {
		if !slices.Contains(h.cur, l) {
			h.cur = append(slices.Clip(h.cur), l)
		}
	}
}

// readGlobal adds the dependencies of a module global that is read.
func (h *hostDeps) readGlobal(m *Module, name string) {
	if deps := h.globals[m][name]; len(deps) > 0 {
		h.add(deps...)
	}
}

// setGlobal gives a module global the running statement's dependencies.
func (h *hostDeps) setGlobal(m *Module, name string) {
	g := h.globals[m]
	if len(h.cur) == 0 {
		delete(g, name)
		return
	}
	if g == nil {
		g = map[string][]string{}
		h.globals[m] = g
	}
	g[name] = h.cur
}

// observe passes the value of an expression evaluated by a module or
// class body to the thread's Observer.
func (fr *frame) observe(e syn.Expr, v Value) {
	var deps []string
	if fr.th.host != nil {
		deps = fr.th.host.cur
	}
	fr.th.Observer.Expr(fr.file.name, e, v, deps)
}

// HostDeps returns the host reads the running statement depends on.
func (th *Thread) HostDeps() []string {
	if th.host == nil {
		return nil
	}
	return th.host.cur
}
