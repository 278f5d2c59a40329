package python

import (
	"fmt"
	"github.com/asterkit/aster/analyzer/python/internal/pyfind"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// Options say where modules are searched and what becomes of warnings.
type Options struct {
	// PythonPath are the --python-path directories, in order.
	PythonPath []string
	// Dir is the current directory; $PYTHONPATH entries, Dir and Dir/src
	// are searched after PythonPath.
	Dir string
	// Env reads environment variables (nil = os.Getenv).
	Env func(string) string
	// Warn receives the warnings docs/python.md asks for (nil: none
	// are reported). The CLI prints "Warning: " + w.Error().
	Warn func(w *analyzer.Error)
	// Strict turns every warning into an error: Service fails with the
	// first one instead of passing it to Warn.
	Strict bool
}

// Loader loads and analyses Python modules; parsed modules are cached
// across services.
type Loader struct {
	// strs holds one pointer per distinct string the manifest
	// descriptors point at (kinds, class names, wire tags), shared by the
	// descriptors and never modified.
	strs    map[string]*string
	roots   []root
	modules map[string]*module
	seq     int
	// xlangServices are the XLANG @service classes of loaded modules, in
	// load order (their walks give automatic wire tags).
	serviceClasses []*class
	// inline records the Mode 2 request classes produced, per function and
	// module (docs/python.md "Methods").
	inline map[inlineKey]*class
	// undecided is set when an XLANG service of a loaded module could not
	// be walked, so automatic tags are unknown.
	undecided error
	walked    map[*class]bool
	// walkedBelow is the number of leading serviceClasses all walked, where
	// walkLoadedServices starts.
	walkedBelow int
	// servicesUnder lists, for a class, the serviceClasses with it in
	// their MRO, in order.
	servicesUnder map[*class][]*class
	warnFn        func(*analyzer.Error)
	// quiet silences warnings while other services are walked.
	quiet bool
	dirs  *dirCache
	ahead *prefetcher
	// warned are the warnings already reported.
	warned map[string]bool
	// strict holds the warnings back as errors; held is the first one.
	strict bool
	held   *analyzer.Error
	// asterMods are aster's own modules that define dataclasses, executed
	// from asterSources.
	asterMods map[string]*module
	// rt runs import time in the interpreter, once a service needs it
	// (nil before); opts and specs are what restart replays.
	rt    *importRun
	opts  Options
	specs []string
	// host is what the statement being executed depends on of the host;
	// hostBound holds it per binding (by sequence number).
	host      []string
	hostBound map[int][]string
	// stmtHost, while a module-level statement other than a class runs,
	// collects the host reads of what it evaluates, for the names it
	// binds; pending are the host notes of the evaluation running
	// (evalDepth deep) elsewhere.
	stmtHost  *[]string
	pending   []hostNote
	evalDepth int
	// factory is set while a default_factory argument is evaluated.
	factory bool
	// missing are the imports of modules that cannot be found, warned
	// about once the service that loaded them is read.
	missing []missingImport
}

// missingImport is an import of a module the search path does not have.
type missingImport struct {
	m    *module
	at   *pyparse.Node
	name string
}

type root struct{ display, dir string }

// ImportError is a module that cannot be found.
type ImportError struct {
	Module string // the module asked for
	Name   string // the first part that is missing
	// NotPackage is set when Name's parent is a module, not a package.
	NotPackage string
	// Searched are the directories where Name was looked for, as shown to
	// the user (empty when nothing was searched).
	Searched []string
}

// Error is the reference's wording.
func (e *ImportError) Error() string {
	if e.NotPackage != "" {
		return fmt.Sprintf("Cannot import module '%s': No module named '%s'; '%s' is not a package", e.Module, e.Name, e.NotPackage)
	}
	return fmt.Sprintf("Cannot import module '%s': No module named '%s'", e.Module, e.Name)
}

// AttributeError is a --service class name that the module does not bind.
type AttributeError struct{ Module, Name string }

// Error is the reference's wording.
func (e *AttributeError) Error() string {
	return fmt.Sprintf("Module '%s' has no attribute '%s'", e.Module, e.Name)
}

// RuntimeImportError is an import in the analysed modules that fails at
// import time as it does at run time: a name or module that aster 0.2.0
// does not have, or an ImportError the module's code raises (a circular
// import, a missing name).
type RuntimeImportError struct {
	// Hint says what to do; empty for aster's missing names.
	Hint   string
	Module string // the --service module whose import failed
	Msg    string // Python's ImportError message
}

// Error is the reference's wording.
func (e *RuntimeImportError) Error() string {
	return fmt.Sprintf("Cannot import module '%s': %s", e.Module, e.Msg)
}

// NotServiceError is a --service class without @service.
type NotServiceError struct{ Name string }

// Error is the reference's wording.
func (e *NotServiceError) Error() string {
	return fmt.Sprintf("Class %s is not decorated with @service.", e.Name)
}

// NewLoader returns a loader searching the roots docs/python.md "Module search and import" fixes.
func NewLoader(o Options) *Loader {
	env := o.Env
	if env == nil {
		env = os.Getenv
	}
	l := &Loader{modules: map[string]*module{}, inline: map[inlineKey]*class{}, walked: map[*class]bool{}, servicesUnder: map[*class][]*class{}, warnFn: o.Warn, asterMods: map[string]*module{}, warned: map[string]bool{}, strict: o.Strict,
		dirs: &dirCache{dirs: map[string]map[string]os.FileMode{}}}
	l.ahead = newPrefetcher(l)
	l.hostBound = map[int][]string{}
	add := func(display string) {
		dir := display
		if !filepath.IsAbs(dir) && o.Dir != "" {
			dir = filepath.Join(o.Dir, dir)
		}
		l.roots = append(l.roots, root{display: display, dir: dir})
	}
	for _, p := range o.PythonPath {
		add(p)
	}
	for _, p := range filepath.SplitList(env("PYTHONPATH")) {
		if p != "" {
			add(p)
		}
	}
	l.roots = append(l.roots, root{display: "", dir: o.Dir}, root{display: "src", dir: filepath.Join(o.Dir, "src")})
	if o.Dir == "" {
		l.roots[len(l.roots)-2].dir = "."
	}
	// Then the active virtual environment's site-packages, whose
	// third-party modules are read like the user's.
	if venv := env("VIRTUAL_ENV"); venv != "" {
		for _, site := range pyfind.SitePackages(venv) {
			l.roots = append(l.roots, root{display: site, dir: site})
		}
	}
	l.opts = o
	return l
}

// restart starts the analysis again with import time run by the
// interpreter: the modules are read afresh (their parses are kept), and
// the services analysed so far are analysed again in order, so that
// everything that depends on load order is as it would have been.
func (l *Loader) restart() {
	lookup := os.LookupEnv
	if o := l.opts; o.Env != nil {
		lookup = func(k string) (string, bool) { v := o.Env(k); return v, v != "" }
	}
	l.modules, l.seq, l.serviceClasses = map[string]*module{}, 0, nil
	l.inline, l.undecided, l.walked, l.walkedBelow = map[inlineKey]*class{}, nil, map[*class]bool{}, 0
	l.servicesUnder = map[*class][]*class{}
	l.asterMods, l.hostBound = map[string]*module{}, map[int][]string{}
	l.missing = nil
	l.rt = l.newRuntime(lookup)
	done := l.specs[:len(l.specs)-1]
	for _, spec := range done {
		mod, cls := splitSpec(spec)
		l.run(mod)
		l.service(mod, cls)
	}
}

// module is a loaded source module.
type module struct {
	name    string
	file    string // path for messages
	path    string // path to read
	pkg     bool   // a package (its name is its own package)
	paths   []root // a package's search locations
	ns      *namespace
	future  bool
	loading bool
	ext     bool // a compiled extension: it cannot be read
	// globals are the names some function declares global.
	globals map[string]*pyparse.Node
	classes []*class
	// src is the source of a module that is not read from a file (aster's
	// own modules).
	src string
	// typeChecking are the names imported only under `if TYPE_CHECKING:`.
	typeChecking map[string]bool
	// outline is the parsed source; run is what the interpreter observed
	// when it ran it (nil when it did not).
	outline *pyparse.File
	run     *fileRun
	// started is the sequence number at which its import began.
	started int
}

// namespace maps names to their bindings over time.
type namespace struct {
	m map[string]bindings
	// owner is the class whose body the namespace is, if any.
	owner *class
	// star is set once a failed star import is bound ("*").
	star bool
}

type binding struct {
	seq int
	v   Value
}

// bindings are a name's bindings in order; the first is held inline,
// since most names are bound once, and the rest behind a pointer, so that
// a namespace's map holds small values.
type bindings struct {
	first binding
	rest  *[]binding
}

func newNamespace() *namespace { return &namespace{m: map[string]bindings{}} }

func (ns *namespace) bind(seq int, name string, v Value) {
	if name == "*" {
		ns.star = true
	}
	if f, ok := v.(*function); ok && ns.owner != nil && !slices.Contains(f.boundIn, ns.owner) {
		f.boundIn = append(f.boundIn, ns.owner)
	}
	bs, ok := ns.m[name]
	if !ok {
		ns.m[name] = bindings{first: binding{seq, v}}
		return
	}
	if bs.rest == nil {
		bs.rest = new([]binding)
		ns.m[name] = bs
	}
	*bs.rest = append(*bs.rest, binding{seq, v})
}

// has reports whether name is bound before seq at.
func (ns *namespace) has(name string, at int) bool {
	_, ok := ns.lookup(name, at)
	return ok
}

// lookup returns the latest binding made before seq at.
func (ns *namespace) lookup(name string, at int) (Value, bool) {
	v, _, ok := ns.lookupSeq(name, at)
	return v, ok
}

// lookupSeq is lookup that also returns the binding's sequence number. A
// star import that failed (bound as "*") may have rebound any name: it
// shadows every binding made before it, and names never bound.
func (ns *namespace) lookupSeq(name string, at int) (Value, int, bool) {
	v, seq, ok := ns.latest(name, at)
	if ns.star && name != "*" {
		if sv, sseq, sok := ns.latest("*", at); sok && (!ok || sseq > seq) {
			return sv, sseq, true
		}
	}
	return v, seq, ok
}

func (ns *namespace) latest(name string, at int) (Value, int, bool) {
	bs, ok := ns.m[name]
	if !ok {
		return nil, 0, false
	}
	if bs.rest != nil {
		rest := *bs.rest
		for i := len(rest) - 1; i >= 0; i-- {
			if rest[i].seq < at {
				return rest[i].v, rest[i].seq, true
			}
		}
	}
	if bs.first.seq < at {
		return bs.first.v, bs.first.seq, true
	}
	return nil, 0, false
}

const final = math.MaxInt

func (l *Loader) next() int { l.seq++; return l.seq }

// fail aborts the analysis with a positioned error.
func fail(m *module, n *pyparse.Node, hint, format string, args ...any) {
	panic(posErr(m, n, hint, format, args...))
}

func posErr(m *module, n *pyparse.Node, hint, format string, args ...any) *analyzer.Error {
	line, col := 1, 1
	if n != nil {
		line, col = n.Pos()
	}
	return &analyzer.Error{File: m.file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// warn reports a warning at a node.
func (l *Loader) warn(m *module, n *pyparse.Node, format string, args ...any) {
	l.report(posErr(m, n, "", format, args...))
}

// warnAt reports a warning at the position of an error.
func (l *Loader) warnAt(at *analyzer.Error, format string, args ...any) {
	l.report(&analyzer.Error{File: at.File, Line: at.Line, Col: at.Col, Msg: fmt.Sprintf(format, args...)})
}

// report passes a warning on, once; in strict mode it keeps the first one
// as the error of the service being analysed.
func (l *Loader) report(w *analyzer.Error) {
	if l.quiet || l.warned[w.Error()] {
		return
	}
	l.warned[w.Error()] = true
	switch {
	case l.strict && l.held == nil:
		w.Hint = "Make the behaviour explicit as the message says; strict mode (--strict, or strict = true under [tool.aster]) makes every warning an error"
		l.held = w
	case !l.strict && l.warnFn != nil:
		l.warnFn(w)
	}
}

// catch turns an analysis abort into an error.
func catch(err *error) {
	if r := recover(); r != nil {
		switch e := r.(type) {
		case *analyzer.Error:
			*err = e
		case *ImportError:
			*err = e
		case *RuntimeImportError:
			*err = e
		case *nameError:
			*err = e.Error
		default:
			panic(r)
		}
	}
}

// try runs f and returns its panic as an error.
func try(f func()) (err error) {
	defer catch(&err)
	f()
	return nil
}

// importModule loads a dotted module (and its parents).
func (l *Loader) importModule(name string) (Value, error) {
	if knownModules[name] {
		return &knownModule{name}, nil
	}
	if m, ok := l.modules[name]; ok {
		return m, nil
	}
	parts := strings.Split(name, ".")
	if slices.Contains(parts, "") {
		return nil, &ImportError{Module: name, Name: name}
	}
	var parent *module
	search := l.roots
	for i := range parts {
		sub := strings.Join(parts[:i+1], ".")
		if knownModules[sub] {
			continue // a modelled package: its submodules are modelled too
		}
		if i > 0 && knownModules[strings.Join(parts[:i], ".")] {
			return nil, &ImportError{Module: name, Name: sub}
		}
		m, ok := l.modules[sub]
		if !ok {
			m = l.find(sub, parts[i], search)
			if m == nil {
				return nil, &ImportError{Module: name, Name: sub, Searched: l.shown(search)}
			}
			if m.ext {
				return nil, &extensionError{&analyzer.Error{File: m.file, Line: 1, Col: 1,
					Msg:  "module '" + sub + "' is a compiled extension; it cannot be analysed statically",
					Hint: "Keep its types out of the contract, or put a Python source of it first on --python-path"}}
			}
			l.modules[sub] = m
			m.started = l.seq + 1
			if err := l.exec(m); err != nil {
				delete(l.modules, sub)
				return nil, err
			}
			if parent != nil {
				parent.ns.bind(l.next(), parts[i], m)
			}
		}
		if i < len(parts)-1 && !m.pkg {
			return nil, &ImportError{Module: name, Name: strings.Join(parts[:i+2], "."), NotPackage: sub}
		}
		parent, search = m, m.paths
	}
	return parent, nil
}

// extensionSuffixes are CPython 3.11's extension module suffixes (Linux,
// x86-64) and the Windows one.
var extensionSuffixes = []string{".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so", ".pyd"}

// extensionError is a module that exists only as a compiled extension.
type extensionError struct{ err *analyzer.Error }

func (e *extensionError) Error() string { return e.err.Error() }

// find locates a module in the search locations. It only reads, so the
// prefetcher calls it too.
func (l *Loader) find(full, name string, search []root) *module {
	var portions []root
	for _, r := range search {
		dir := filepath.Join(r.dir, name)
		disp := filepath.Join(r.display, name)
		isDir := l.dirs.isDir(r.dir, name)
		if isDir && l.dirs.isFile(dir, "__init__.py") {
			return &module{name: full, path: filepath.Join(dir, "__init__.py"), file: filepath.Join(disp, "__init__.py"), pkg: true, paths: []root{{disp, dir}}}
		}
		// CPython's loaders try extension modules before sources.
		for _, suffix := range extensionSuffixes {
			if l.dirs.isFile(r.dir, name+suffix) {
				return &module{name: full, path: dir + suffix, file: disp + suffix, ext: true}
			}
		}
		if l.dirs.isFile(r.dir, name+".py") {
			return &module{name: full, path: dir + ".py", file: disp + ".py"}
		}
		if isDir {
			portions = append(portions, root{disp, dir})
		}
	}
	if portions != nil {
		return &module{name: full, pkg: true, paths: portions, ns: newNamespace()}
	}
	return nil
}

// collectGlobals records the names declared global inside functions.
func collectGlobals(n *pyparse.Node, inDef bool, out map[string]*pyparse.Node) {
	if n.Kind() == "global_statement" && inDef {
		for _, c := range n.NamedChildren() {
			if _, ok := out[ident(c.Text())]; !ok {
				out[ident(c.Text())] = c
			}
		}
		return
	}
	for _, c := range n.Children() {
		collectGlobals(c, inDef || n.Kind() == "function_definition", out)
	}
}

// exec parses and executes a module.
func (l *Loader) exec(m *module) (err error) {
	if m.ns != nil { // namespace package
		return nil
	}
	m.ns = newNamespace()
	var f *pyparse.File
	var perr error
	if m.src != "" {
		f, perr = pyparse.Parse(m.src)
	} else {
		f, perr = l.ahead.take(m)
	}
	if perr != nil {
		return perr
	}

	m.outline, m.run = f, l.observedFile(m)
	m.loading = true
	defer func() { m.loading = false }()
	defer catch(&err)
	m.globals = map[string]*pyparse.Node{}
	if strings.Contains(f.Root.Text(), "global") { // the keyword of any global statement
		collectGlobals(f.Root, false, m.globals)
	}
	l.execBody(m, nil, f.Root.Children())
	return nil
}
