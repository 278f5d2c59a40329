package python

import (
	"errors"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strings"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/internal/pyfind"
	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
	"github.com/asterkit/aster/analyzer/python/internal/pystdlib"
	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// Import time is run by the interpreter (internal/pyrt) before a service
// module is read: it decides which statements of module and class bodies
// run (if/try/for… as CPython takes them) and gives the value of every
// expression they evaluate, which the reading below uses wherever it
// cannot compute a value itself (docs/python.md "Import time").

// importRun is one interpreter run shared by the services of a Loader.
type importRun struct {
	th *pyrt.Thread
	// files are the observations per source file path.
	files map[string]*fileRun
	// done holds the outcome of importing each --service module.
	done map[string]error
}

// fileRun is what the interpreter observed in one source file.
type fileRun struct {
	exprs map[span]*observed
	// stmts counts the runs of each statement, by start offset;
	// repeated holds, sorted, those that ran more than once (nil until
	// asked for, and again when one more repeats).
	stmts    map[int32]*stmtRun
	repeated []int32
}

type span struct{ start, end int32 }

// observed is the value an expression had when a module or class body
// evaluated it; n counts the evaluations (more than one with different
// values is ambiguous).
type observed struct {
	v    pyrt.Value
	host []string
	n    int
}

type stmtRun struct {
	n    int
	host []string
}

// Expr implements pyrt.Observer.
func (r *importRun) Expr(file string, e syn.Expr, v pyrt.Value, host []string) {
	f := r.file(file)
	start, end := e.Span()
	k := span{int32(start), int32(end)}
	if o := f.exprs[k]; o != nil {
		if !pyrt.Is(o.v, v) {
			o.n++
		}
		o.v, o.host = v, host
		return
	}
	f.exprs[k] = &observed{v: v, host: host, n: 1}
}

// Stmt implements pyrt.Observer.
func (r *importRun) Stmt(file string, s syn.Stmt) {
	f := r.file(file)
	start, _ := s.Span()
	st := f.stmts[int32(start)]
	if st == nil {
		st = &stmtRun{}
		f.stmts[int32(start)] = st
	}
	st.n++
	if st.n == 2 {
		f.repeated = nil
	}
	st.host = r.th.HostDeps()
}

// repeatsWithin reports whether a statement starting in [start, end) ran
// more than once.
func (f *fileRun) repeatsWithin(start, end int) bool {
	if f.repeated == nil {
		f.repeated = []int32{}
		for k, s := range f.stmts {
			if s.n > 1 {
				f.repeated = append(f.repeated, k)
			}
		}
		slices.Sort(f.repeated)
	}
	i, _ := slices.BinarySearch(f.repeated, int32(start))
	return i < len(f.repeated) && int(f.repeated[i]) < end
}

func (r *importRun) file(path string) *fileRun {
	f := r.files[path]
	if f == nil {
		f = &fileRun{exprs: map[span]*observed{}, stmts: map[int32]*stmtRun{}}
		r.files[path] = f
	}
	return f
}

// newRuntime prepares the interpreter over the loader's search roots
// ($VIRTUAL_ENV's site-packages last), aster's modelled modules and the
// standard library.
func (l *Loader) newRuntime(lookup func(string) (string, bool)) *importRun {
	host := &pystdlib.Host{Platform: hostPlatform(), Getenv: lookup}
	roots := make([]string, len(l.roots)) // $VIRTUAL_ENV's site-packages included
	for i, r := range l.roots {
		roots[i] = r.dir
	}
	find := &asterFinder{next: pyfind.New(roots, "", &pystdlib.Finder{Host: host})}
	th := pyrt.NewThread(find)
	r := &importRun{th: th, files: map[string]*fileRun{}, done: map[string]error{}}
	th.Observer = r
	th.TrackHost()
	th.MissingModule = func(name string) *pyrt.Module {
		return partialModule(name, name+" cannot be found on the search path")
	}
	return r
}

// run imports a --service module in the interpreter, once.
func (l *Loader) run(name string) error {
	if l.rt == nil {
		return nil
	}
	if err, ok := l.rt.done[name]; ok {
		return err
	}
	_, err := l.rt.th.Import(name)
	l.rt.done[name] = err
	return err
}

// observedFile returns what the interpreter saw in a module's source.
func (l *Loader) observedFile(m *module) *fileRun {
	if l.rt == nil || m.path == "" {
		return nil
	}
	return l.rt.files[m.path]
}

// ranToEnd reports whether the interpreter imported a module's source to
// its end (a module whose import failed is no longer imported).
func (l *Loader) ranToEnd(m *module) bool {
	rm := l.rt.th.Modules[m.name]
	return rm != nil && !rm.Initializing && rm.File == m.path
}

// partialModule is a module whose every public attribute is unknown to
// the interpreter: a module that cannot be found, or one of aster's
// modules whose names are not listed one by one.
func partialModule(name, why string) *pyrt.Module {
	m := &pyrt.Module{Name: name, Globals: pyrt.NewNamespace()}
	m.Globals.Set("__name__", pyrt.Str(name))
	m.Globals.Set("__path__", pyrt.NewList(nil))
	m.Missing = func(attr string) pyrt.Value {
		return &pyrt.Unknown{Why: why + ": " + name + "." + attr}
	}
	return m
}

// asterFinder serves aster 0.2.0's modules (asterModules) to the
// interpreter ahead of the search path, as the loader does: their
// decorators return what they decorate, every other name is unknown, and
// a module aster lacks is not found.
type asterFinder struct{ next pyrt.Finder }

// Find implements pyrt.Finder.
func (f *asterFinder) Find(th *pyrt.Thread, name string) (*pyrt.Source, error) {
	if name != "aster" && !strings.HasPrefix(name, "aster.") {
		return f.next.Find(th, name)
	}
	names, ok := asterModules[name]
	if !ok {
		return nil, nil
	}
	m := partialModule(name, "aster "+asterVersion+"'s "+name+" is modelled only in part")
	if names != nil {
		m.Missing = nil
		for _, n := range names {
			m.Globals.Set(n, &pyrt.Unknown{Why: "aster." + n + " is not modelled"})
		}
	}
	for full, canon := range knownAttrs {
		if mod, attr, ok := cutLast(full); ok && mod == name && strings.HasPrefix(canon, "aster.") {
			if _, deco := notEvaluated[canon]; deco || canon == "aster.wire_type" {
				m.Globals.Set(attr, passThrough(attr))
			}
		}
	}
	return &pyrt.Source{Module: m}, nil
}

func cutLast(s string) (string, string, bool) {
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// passThrough is an aster decorator at import time: used bare it returns
// the class or function it decorates, called with arguments it returns a
// decorator that does. What the arguments mean is read from the sources.
func passThrough(name string) *pyrt.Builtin {
	b := pyrt.NewBuiltin(name, func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
		if len(args) == 1 && len(kwargs) == 0 {
			switch args[0].(type) {
			case *pyrt.Class, *pyrt.Function:
				return args[0], nil
			}
		}
		return pyrt.NewBuiltin(name, func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
			if len(args) != 1 || len(kwargs) != 0 {
				return &pyrt.Unknown{Why: "aster." + name + "(…)(…) is not modelled"}, nil
			}
			return args[0], nil
		}), nil
	})
	// The arguments that feed nothing are not evaluated, as the reading
	// does not evaluate them (notEvaluated).
	b.Unevaluated = notEvaluated["aster."+name]
	return b
}

// settle combines the reading of a service with the outcome of its
// module's import: an exception that escaped the import fails the
// service as it fails the reference (unless the reading already reported
// that failure in its own words), and so does a step budget running out;
// a value the interpreter could not know only matters where the reading
// needed it.
func (l *Loader) settle(module string, res *analyzer.Result, err, runErr error) (*analyzer.Result, error) {
	var fatal *pyrt.Fatal
	switch {
	case runErr == nil:
		return res, err
	case errors.As(runErr, &fatal):
		if fatal.Runaway {
			return nil, &analyzer.Error{File: l.displayPath(fatal.Pos.File), Line: fatal.Pos.Line, Col: fatal.Pos.Col,
				Msg: fatal.Msg, Hint: "Keep loops at import time short; compute large values outside the module"}
		}
		return res, err
	}
	if err != nil && !staticLimit(err) {
		// The reading found the failure itself, in its own words.
		return nil, err
	}
	return nil, l.runError(module, runErr)
}

// staticFailure reports a panic of the static reading that only says it
// could not compute something (not a value it refuses).
func staticFailure(r any) bool {
	switch e := r.(type) {
	case *nameError:
		return true
	case *analyzer.Error:
		return staticLimit(e)
	}
	return false
}

// staticLimit reports an error of the static reading that only says it
// could not compute something.
func staticLimit(err error) bool {
	var ae *analyzer.Error
	if !errors.As(err, &ae) {
		return false
	}
	return ae.Hint == hintStatic || ae.Hint == hintConditional || ae.Hint == hintUndefined || strings.Contains(ae.Msg, "statically")
}

// runError turns an exception that escaped a --service module's import
// into the reference's error: an ImportError is "Cannot import module";
// any other exception is reported where it was raised.
func (l *Loader) runError(module string, err error) error {
	var exc *pyrt.Exception
	if !errors.As(err, &exc) {
		return err
	}
	if exc.Class().IsSubclass(pyrt.ImportErrorClass) {
		return &RuntimeImportError{Module: module, Msg: exc.Message(),
			Hint: "CPython fails to import the module the same way; break the import cycle or fix the import it names"}
	}
	return l.exceptionError(exc)
}

// hostPlatform is sys.platform on this machine ("linux", "darwin",
// "win32", …).
func hostPlatform() string {
	if goruntime.GOOS == "windows" {
		return "win32"
	}
	return goruntime.GOOS
}

// exceptionError reports an exception raised at import time where it
// was raised in the sources (not in a modelled module).
func (l *Loader) exceptionError(e *pyrt.Exception) *analyzer.Error {
	msg := e.Class().Name
	if s := e.Message(); s != "" {
		msg += ": " + s
	}
	at := e.Pos
	for _, p := range append([]pyrt.Position{e.Pos}, e.Traceback...) {
		if strings.HasSuffix(p.File, ".py") {
			at = p
			break
		}
	}
	return &analyzer.Error{File: l.displayPath(at.File), Line: at.Line, Col: at.Col,
		Msg: msg + " (raised when the module is imported)", Hint: "CPython fails to import the module the same way; fix the code there"}
}

// displayPath shows an interpreter file path as the loader shows the
// module's file.
func (l *Loader) displayPath(p string) string {
	for _, r := range l.roots {
		if rest, ok := strings.CutPrefix(p, r.dir+string(filepath.Separator)); ok {
			return filepath.Join(r.display, rest)
		}
	}
	return p
}

// runtimeValue is a value the interpreter computed that the static
// reading has no form for (a datetime, a list, an IntFlag combination…).
type runtimeValue struct {
	v  pyrt.Value
	th *pyrt.Thread
}

// fromRuntime converts an interpreter value into the static reading's
// values: constants and tuples of them as such, classes as the class
// statement that made them, other data wrapped. It refuses what the
// reading must identify itself: callables (which could be aster methods
// or decorators, unless a factory is expected) and unknown values.
func (l *Loader) fromRuntime(v pyrt.Value) (Value, bool) {
	switch x := v.(type) {
	case pyrt.NoneType:
		return noneV{}, true
	case pyrt.Bool:
		return bool(x), true
	case pyrt.Int:
		return x.Big(), true
	case pyrt.Float:
		return float64(x), true
	case pyrt.Str:
		return string(x), true
	case pyrt.Bytes:
		return pyBytes(x), true
	case pyrt.Tuple:
		out := make(tuple, len(x))
		for i, e := range x {
			c, ok := l.fromRuntime(e)
			if !ok {
				return nil, false
			}
			out[i] = c
		}
		return out, true
	case *pyrt.Class:
		if c := l.staticClass(x); c != nil {
			return c, true
		}
		return nil, false
	case *pyrt.Unknown:
		return nil, false
	}
	if callable(v) && !l.factory {
		return nil, false
	}
	return &runtimeValue{v: v, th: l.rt.th}, true
}

// callable reports whether v can be called.
func callable(v pyrt.Value) bool {
	switch x := v.(type) {
	case *pyrt.Function, *pyrt.Builtin, *pyrt.BoundMethod, *pyrt.StaticMethod, *pyrt.ClassMethod, *pyrt.Property:
		return true
	case *pyrt.Instance:
		f, _ := x.Class.Lookup("__call__")
		return f != nil
	}
	return false
}

// staticClass finds the class statement that made a class, when only
// one class statement of its module has its qualified name.
func (l *Loader) staticClass(rc *pyrt.Class) *class {
	m := l.modules[rc.Module]
	if m == nil {
		return nil
	}
	var found *class
	for _, c := range m.classes {
		if c.qualname == rc.Qualname {
			if found != nil {
				return nil
			}
			found = c
		}
	}
	return found
}

// observation returns the value the interpreter gave an expression of a
// module's source, when it evaluated it once (or always to the same
// object).
func (l *Loader) observation(s scope, n *pyparse.Node) *observed {
	m := s.mod
	if m.run == nil || s.anno || s.raw || s.str.set || n.File() != m.outline {
		return nil // annotations are read as typing.get_type_hints reads them
	}
	start, end := n.Span()
	o := m.run.exprs[span{int32(start), int32(end)}]
	if o == nil || o.n > 1 {
		return nil
	}
	return o
}

// eval evaluates an expression statically; where that fails and the
// interpreter evaluated the expression at import time, its value is used.
func (l *Loader) eval(s scope, n *pyparse.Node) (v Value) {
	if l.rt == nil {
		return l.evalExpr(s, n) // nothing observed, nothing read from the host
	}
	o := l.observation(s, n)
	l.evalDepth++
	defer func() {
		l.evalDepth--
		r := recover()
		if r != nil && o != nil && staticFailure(r) {
			if rv, ok := l.fromRuntime(o.v); ok {
				v, r = rv, nil
				l.noteHost(s.mod, n, o.host)
			} else if u, ok := o.v.(*pyrt.Unknown); ok {
				r = explainUnknown(r, u)
			}
		}
		if l.evalDepth == 0 {
			if r == nil {
				l.flushHost()
			}
			l.pending = l.pending[:0]
		}
		if r != nil {
			panic(r)
		}
	}()
	return l.evalExpr(s, n)
}

// explainUnknown adds to a static failure why running the import did
// not give the value either (once: the innermost expression explains).
func explainUnknown(r any, u *pyrt.Unknown) any {
	e, ok := r.(*analyzer.Error)
	if !ok || strings.Contains(e.Msg, "; import time gives no value") {
		return r
	}
	c := *e
	c.Msg += "; import time gives no value: " + u.Why
	return &c
}

// hostNote is a value read from the host that an expression uses.
type hostNote struct {
	m    *module
	n    *pyparse.Node
	host []string
}

// noteHost records that the expression n uses a value read from the
// host. While a module-level statement runs, that goes to the names it
// binds (hostBound); elsewhere it is a warning, given once for the
// outermost such expression when the evaluation ends.
func (l *Loader) noteHost(m *module, n *pyparse.Node, host []string) {
	if len(host) == 0 {
		return
	}
	if l.stmtHost != nil {
		*l.stmtHost = mergeHost(*l.stmtHost, host)
		return
	}
	start, end := n.Span()
	kept := l.pending[:0]
	for _, p := range l.pending {
		if s, e := p.n.Span(); p.m != m || s < start || e > end {
			kept = append(kept, p)
		} else {
			host = mergeHost(host, p.host)
		}
	}
	l.pending = append(kept, hostNote{m, n, host})
}

// flushHost warns about the values read from the host that an
// evaluation used: the server computes them from its own environment.
func (l *Loader) flushHost() {
	for _, p := range l.pending {
		text := strings.Join(strings.Fields(p.n.Text()), " ")
		if len(text) > 40 {
			text = text[:37] + "…"
		}
		l.warn(p.m, p.n, "%s depends on %s, which import time reads from this process; a server reads its own when it starts, so its ids match these only if it sees the same (use a constant to make it explicit)", text, joinAnd(p.host))
	}
}

func mergeHost(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(slices.Clip(a), x)
		}
	}
	slices.Sort(a)
	return a
}

func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// compound are the statements whose blocks run conditionally or
// repeatedly.
var compound = map[string]bool{"if_statement": true, "for_statement": true, "while_statement": true,
	"try_statement": true, "with_statement": true, "match_statement": true}

// execTraced runs the statements of a compound statement that ran to
// completion at import time, in source order, when none of them ran more
// than once; it reports false when it cannot (no complete run of the
// module, or a loop).
func (l *Loader) execTraced(m *module, cls *class, st *pyparse.Node) bool {
	f := m.run
	if f == nil || !l.ranToEnd(m) {
		return false
	}
	if f.repeatsWithin(st.Span()) {
		return false
	}
	l.execRanBlocks(m, cls, st)
	return true
}

func (l *Loader) execRanBlocks(m *module, cls *class, n *pyparse.Node) {
	for _, c := range n.Children() {
		if c.Kind() != "block" {
			l.execRanBlocks(m, cls, c)
			continue
		}
		for _, st := range c.Children() {
			if !st.Named {
				continue
			}
			start, _ := st.Span()
			ran := m.run.stmts[int32(start)]
			switch {
			case compound[st.Kind()]:
				l.execStmt(m, cls, st)
			case ran != nil:
				saved := l.host
				l.host = mergeHost(l.host, ran.host)
				l.execStmt(m, cls, st)
				l.host = saved
			}
		}
	}
}

// primitive returns the int, str, float or bool inside an instance of a
// subclass of one (an IntFlag member, a str enum member), which the
// manifest writes as that JSON value.
func (r *runtimeValue) primitive() (pyrt.Value, bool) {
	in, ok := r.v.(*pyrt.Instance)
	if !ok {
		return nil, false
	}
	switch p := in.Payload.(type) {
	case pyrt.Int, pyrt.Str, pyrt.Float, pyrt.Bool:
		return p, true
	}
	return nil, false
}

// text is str() or repr() of the value, when every process writes it
// the same (see reproducible).
func (r *runtimeValue) text(conv func(*pyrt.Thread, pyrt.Value) (string, error)) (string, bool) {
	if !reproducible(r.v) {
		return "", false
	}
	s, err := conv(r.th, r.v)
	return s, err == nil
}

// reproducible reports whether CPython writes v the same in every
// process: not an object shown with its address (functions, iterators,
// modules and instances with object's own repr, at any depth), not a set
// whose order depends on string hashing, which is randomised per process.
func reproducible(v pyrt.Value) bool {
	switch x := v.(type) {
	case pyrt.NoneType, pyrt.Bool, pyrt.Int, pyrt.Float, pyrt.Complex, pyrt.Str, pyrt.Bytes,
		pyrt.EllipsisType, *pyrt.Class, *pyrt.GenericAlias, *pyrt.UnionType:
		return true
	case pyrt.Tuple:
		return allReproducible(x)
	case *pyrt.List:
		return allReproducible(x.Elems)
	case *pyrt.Set:
		for _, e := range x.Elems() {
			if !hashStable(e) {
				return false
			}
		}
		return true
	case *pyrt.Dict:
		for _, kv := range x.Items() {
			if !reproducible(kv[0]) || !reproducible(kv[1]) {
				return false
			}
		}
		return true
	case *pyrt.Instance:
		_, strOwner := x.Class.Lookup("__str__")
		_, reprOwner := x.Class.Lookup("__repr__")
		if strOwner == pyrt.ObjectClass && reprOwner == pyrt.ObjectClass {
			return false
		}
		if x.Payload != nil && !reproducible(x.Payload) {
			return false
		}
		for _, k := range x.Dict.Keys() {
			if a, _ := x.Dict.Get(k); !reproducible(a) {
				return false
			}
		}
		return true
	}
	return false
}

func allReproducible(vs []pyrt.Value) bool {
	for _, e := range vs {
		if !reproducible(e) {
			return false
		}
	}
	return true
}

// hashStable reports whether a set element's hash is the same in every
// process (numbers, None, and tuples of them).
func hashStable(v pyrt.Value) bool {
	switch x := v.(type) {
	case pyrt.Int, pyrt.Float, pyrt.Bool, pyrt.NoneType:
		return true
	case pyrt.Tuple:
		for _, e := range x {
			if !hashStable(e) {
				return false
			}
		}
		return true
	}
	return false
}
