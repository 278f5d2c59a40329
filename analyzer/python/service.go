package python

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"sort"
	"strings"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// svc is a service being analysed.
type svc struct {
	cls     *class
	name    string
	version int64
	modes   []string
	xlang   bool
	scoped  string
	scope   uint8
	methods []*method
	end     int // seq at the end of the @service class statement
	// walkRoots feed the XLANG walk, graphRoots the type graph.
	walkRoots, graphRoots []typeRoot
}

// typeRoot is a type with the annotation it came from.
type typeRoot struct {
	v    Value
	node *pyparse.Node
	mod  *module
}

// method is one method of a service.
type method struct {
	name       string
	fn         *function
	pattern    string
	timeout    Value // nil, *big.Int or float64
	idempotent bool
	meta       *call
	style      string
	req, resp  Value // *class, a primitive *known, or a forwardRef
	// reqAt and respAt are the annotations req and resp come from.
	reqAt, respAt *pyparse.Node
	// walk are the request and (raw) return types.
	walk []typeRoot
	node *pyparse.Node
}

// param is a function parameter.
type param struct {
	name     string
	node     *pyparse.Node
	anno     *pyparse.Node
	def      *pyparse.Node
	variadic bool
}

// loadModule imports the module name as a --service spec names it: nil
// without an error when the name is bound to something other than a
// module; the error is the one the user sees.
func (l *Loader) loadModule(name string) (*module, error) {
	mv, err := l.importModule(name)
	if err != nil {
		var ee *extensionError
		if errors.As(err, &ee) {
			return nil, ee.err
		}
		var ne *RuntimeImportError
		if errors.As(err, &ne) {
			ne.Module = name
		}
		return nil, err
	}
	m, _ := mv.(*module)
	return m, nil
}

// Service analyses "module:Class": the service is read from the sources
// and, where needed, from what import time computed in the interpreter.
//
// Import time is read statically while that suffices; the first service
// whose reading needs a value only running the code gives makes the
// loader start again with the interpreter (restart).
func (l *Loader) Service(spec string) (*analyzer.Result, error) {
	l.specs = append(l.specs, spec)
	modName, clsName := splitSpec(spec)
	if l.rt == nil {
		res, err := l.service(modName, clsName)
		if err == nil || !staticLimit(err) {
			return res, err
		}
		l.restart()
	}
	runErr := l.run(modName)
	res, err := l.service(modName, clsName)
	return l.settle(modName, res, err, runErr)
}

// warnMissing warns about the imports of modules that cannot be found:
// the service did not need them, but the runtime imports them.
func (l *Loader) warnMissing() {
	for _, mi := range l.missing {
		l.warn(mi.m, mi.at, "module '%s' cannot be found on the search path; nothing in the contract reads it, so the analysis goes on without it, but the runtime must import it (put it on --python-path or in $VIRTUAL_ENV)", mi.name)
	}
	l.missing = nil
}

// splitSpec splits "module:Class".
func splitSpec(spec string) (module, class string) {
	i := strings.LastIndexByte(spec, ':')
	return spec[:i], spec[i+1:]
}

func (l *Loader) service(modName, clsName string) (res *analyzer.Result, err error) {
	m, err := l.loadModule(modName)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, &AttributeError{Module: modName, Name: clsName}
	}
	v, ok := m.ns.lookup(clsName, final)
	if !ok {
		return nil, &AttributeError{Module: modName, Name: clsName}
	}
	if f, ok := v.(*failed); ok {
		return nil, f.err
	}
	c, ok := v.(*class)
	if !ok {
		return nil, &NotServiceError{Name: clsName}
	}
	defer catch(&err)
	sc := c
	if c.service == nil {
		if c.decoErr != nil {
			return nil, c.decoErr
		}
		sc = nil
		for _, k := range l.mro(c)[1:] {
			if k.service != nil {
				sc = k
				break
			}
		}
		if sc == nil {
			return nil, &NotServiceError{Name: c.name}
		}
		l.warn(c.mod, c.node, "class %s is not decorated with @service; the service of its base %s is used unchanged", c.name, sc.name)
	}
	l.walkLoadedServices(sc)
	s := l.analyseService(sc)
	l.walked[sc] = true
	l.walkLoadedServices(nil)
	res = l.result(s)
	l.warnMissing()
	if l.held != nil {
		return nil, l.held
	}
	return res, nil
}

// newSvc reads the @service arguments of a service class.
func (l *Loader) newSvc(c *class) *svc {
	if c.decoErr != nil {
		panic(c.decoErr)
	}
	if c.bodyErr != nil {
		panic(c.bodyErr)
	}
	s := &svc{cls: c, name: c.name, version: 1, scoped: "shared", end: c.seqEnd}
	l.serviceArgs(s)
	return s
}

// analyseService reads the decorator, methods and types of a service class.
func (l *Loader) analyseService(c *class) *svc {
	s := l.newSvc(c)
	l.findMethods(s)
	if s.xlang {
		l.xlangWalk(s)
	}
	return s
}

func (l *Loader) serviceArgs(s *svc) {
	c, d := s.cls, s.cls.service
	m := c.mod
	if len(d.args) > 1 {
		fail(m, d.node, "Pass version= and the other options as keywords", "@service takes at most one positional argument")
	}
	named := false
	if len(d.args) == 1 && !isNone(d.args[0]) {
		name, ok := d.args[0].(string)
		if !ok {
			fail(m, d.node, "Pass a constant string", "the service name must be a constant string")
		}
		s.name, named = name, true
	}
	allowed := map[string]bool{"name": true, "version": true, "serialization": true, "scoped": true, "interceptors": true, "max_concurrent_streams": true, "requires": true, "public": true, "metadata": true}
	var serialization kwarg
	for _, k := range d.kwargs {
		if !allowed[k.name] {
			fail(m, k.node, "Remove the argument", "@service() got an unexpected keyword argument '%s'", k.name)
		}
		switch k.name {
		case "name":
			if named || isNone(k.v) {
				continue
			}
			name, ok := k.v.(string)
			if !ok {
				fail(m, k.node, "Pass a constant string", "the service name must be a constant string")
			}
			s.name = name
		case "version":
			i, ok := k.v.(*big.Int)
			if !ok || !i.IsInt64() || i.Int64() < math.MinInt32 || i.Int64() > math.MaxInt32 {
				fail(m, k.node, "Use an integer constant in the signed 32-bit range", "the service version must be an int in the signed 32-bit range")
			}
			s.version = i.Int64()
		case "serialization":
			serialization = k
		case "scoped":
			l.serviceScope(s, k)
		}
	}
	checkString(m, d.node, s.name)
	l.serviceModes(s, serialization.v, serialization.node)
	if s.scope == 1 && !l.hasPeer(c) {
		fail(m, c.node, "Add a 'peer' parameter to __init__", "session-scoped service %s needs an __init__ with a 'peer' parameter", c.name)
	}
}

func (l *Loader) serviceScope(s *svc, k kwarg) {
	m := s.cls.mod
	switch v := k.v.(type) {
	case string:
		switch v {
		case "shared":
		case "session", "stream":
			s.scoped, s.scope = "session", 1
		default:
			checkString(m, k.node, v)
			s.scoped = v
			l.warn(m, k.node, "unknown scope %q is written as given and hashed as shared", v)
		}
		return
	case *known:
		switch v.name {
		case "aster.RpcScope.SHARED":
			return
		case "aster.RpcScope.SESSION":
			s.scoped, s.scope = "session", 1
			return
		}
	}
	fail(m, k.node, "Use \"shared\", \"session\" or RpcScope", "scoped= must be a string")
}

func (l *Loader) serviceModes(s *svc, v Value, at *pyparse.Node) {
	m := s.cls.mod
	var items []Value
	switch x := v.(type) {
	case nil, noneV:
		s.modes, s.xlang = []string{"xlang"}, true
		return
	case list:
		items = x
	case tuple:
		items = x
	default:
		items = []Value{x}
	}
	s.modes = []string{}
	for _, it := range items {
		k, ok := it.(*known)
		if !ok || !strings.HasPrefix(k.name, "aster.SerializationMode.") {
			fail(m, at, "Use SerializationMode members", "serialization= must hold SerializationMode members")
		}
		mode := strings.ToLower(strings.TrimPrefix(k.name, "aster.SerializationMode."))
		if mode == "native" {
			fail(m, at, "Use XLANG, JSON or ROW", "NATIVE mode cannot be hashed by the reference")
		}
		if mode == "xlang" {
			s.xlang = true
		}
		s.modes = append(s.modes, mode)
	}
}

// hasPeer reports whether the class's __init__ has a 'peer' parameter.
func (l *Loader) hasPeer(c *class) bool {
	for _, k := range l.mro(c) {
		if v, ok := k.ns.lookup("__init__", final); ok {
			f, ok := v.(*function)
			if !ok {
				fail(c.mod, c.node, "Define __init__ with a def", "__init__ of %s cannot be analysed statically", k.name)
			}
			for _, p := range l.params(f) {
				if p.name == "peer" {
					return true
				}
			}
			return false
		}
		if k.dataclass != nil && !isFalse(dcOption(k, "init")) {
			for _, f := range l.fields(k) {
				if f.init && f.name == "peer" {
					return true
				}
			}
			return false
		}
	}
	return false
}

func isFalse(v Value) bool { b, ok := v.(bool); return ok && !b }

// checkString rejects lone surrogates (they cannot reach the contract).
func checkString(m *module, n *pyparse.Node, s string) {
	if !validUTF8(s) {
		fail(m, n, "Remove the lone surrogate", "string contains a lone surrogate")
	}
}

func validUTF8(s string) bool { return strings.ToValidUTF8(s, "\x00x") == s }

// params lists a function's parameters.
func (l *Loader) params(f *function) []param {
	var out []param
	for _, p := range f.node.Child("parameters").NamedChildren() {
		var pr param
		pr.node = p
		switch p.Kind() {
		case "identifier":
			pr.name = ident(p.Text())
		case "typed_parameter":
			inner := p.NamedChildren()[0]
			pr.anno = p.Child("type")
			if inner.Kind() != "identifier" {
				pr.variadic = true
				inner = inner.NamedChildren()[0]
			}
			pr.name = ident(inner.Text())
		case "default_parameter", "typed_default_parameter":
			pr.name = ident(p.Child("name").Text())
			pr.def = p.Child("value")
			if t := p.Child("type"); t != nil {
				pr.anno = t
			}
		case "list_splat_pattern", "dictionary_splat_pattern":
			pr.variadic = true
			pr.name = ident(p.NamedChildren()[0].Text())
		default:
			continue
		}
		out = append(out, pr)
	}
	return out
}

// annoScope is where a function annotation is evaluated.
func (l *Loader) annoScope(f *function, n *pyparse.Node, end int) scope {
	if n.Kind() == "string" || f.mod.future {
		return scope{mod: f.mod, at: end, anno: true}
	}
	return scope{mod: f.mod, cls: f.cls, at: f.seq, anno: true, str: stringScope{set: true, at: end}}
}

// methodAnno is a parameter or return annotation as get_type_hints gives
// it at the end of the @service class statement.
func (l *Loader) methodAnno(f *function, n *pyparse.Node, end int) Value {
	return l.funcHints(f, end).byNode[n]
}

// checkOpaque rejects annotations holding objects that are not modelled.
func checkOpaque(m *module, n *pyparse.Node, v Value) {
	switch x := v.(type) {
	case *opaque:
		if !stdlibClass(x.name) {
			fail(m, n, "Use typing, builtin or dataclass types", "%s in an annotation cannot be analysed statically", x.name)
		}
	case *generic:
		if x.literal {
			return
		}
		for _, a := range x.args {
			checkOpaque(m, n, a)
		}
	case *pipeUnion:
		for _, a := range x.args {
			checkOpaque(m, n, a)
		}
	case *annotated:
		checkOpaque(m, n, x.t)
	case *failed:
		panic(x.err)
	case string:
		fail(m, n, "Write the type, not a string", "string %q in an annotation could not be evaluated", x)
	}
}

// methodDeco reads the aster method decorator of a function; ok is false
// when the function has none. A decorator whose callee resolves to an aster
// method decorator must evaluate; any other decorator must provably not be
// one, or the function could silently leave the contract.
func (l *Loader) methodDeco(f *function) (d *call, node *pyparse.Node, ok bool) {
	var other *pyparse.Node
	sc := scope{mod: f.mod, cls: f.cls, at: f.seq}
	for _, dn := range f.decos {
		expr := dn.NamedChildren()[0]
		if !l.asterDecorator(f, sc, expr) {
			if other == nil {
				other = dn
			}
			continue
		}
		var c *call
		switch x := l.eval(sc, expr).(type) {
		case *known:
			c = &call{fn: x.name, node: dn}
		case *call:
			c = x
		}
		if d != nil {
			fail(f.mod, dn, "Keep one of them", "method %s has two aster method decorators", f.name)
		}
		d, node = c, dn
	}
	if d != nil && other != nil {
		fail(f.mod, other, "Remove the decorator", "aster methods cannot carry other decorators (%s)", strings.TrimSpace(other.Text()))
	}
	return d, node, d != nil
}

// asterDecorator reports whether a decorator expression calls into an aster
// method decorator (bare, called, or pre-configured). It fails when that
// cannot be decided; a standard-library decorator given constant arguments
// is decided (stdlib.go).
func (l *Loader) asterDecorator(f *function, sc scope, expr *pyparse.Node) bool {
	callee := expr
	for callee.Kind() == "call" {
		callee = callee.Child("function")
	}
	var v Value
	err := try(func() { v = l.eval(sc, callee) })
	if err == nil {
		switch x := v.(type) {
		case *known:
			_, is := methodDecorators[x.name]
			return is
		case *call:
			_, is := methodDecorators[x.fn]
			return is
		case *opaque:
			top, _, _ := strings.Cut(x.name, ".")
			if !stdlibModules[top] && top != "aster" && top != "lambda" {
				return false // typing_extensions, pyfory
			}
		}
	}
	// Provably not an aster decorator: see stdlib.go.
	if l.inert(sc, expr) || l.propertyAccessor(sc, callee) {
		return false
	}
	why := "its value is not known statically"
	var ae *analyzer.Error
	if errors.As(err, &ae) {
		why = ae.Msg
	} else if err != nil {
		why = err.Error()
	}
	fail(f.mod, callee, "Decorate methods only with aster's decorators, modelled ones (staticmethod, classmethod, property) or standard-library ones given constant arguments",
		"decorator %s of %s could be an aster method decorator (%s)", strings.TrimSpace(callee.Text()), f.name, why)
	return false
}

// propertyAccessor reports whether n is p.setter, p.getter or p.deleter of
// a property p defined earlier in the class body.
func (l *Loader) propertyAccessor(sc scope, n *pyparse.Node) bool {
	if n.Kind() != "attribute" {
		return false
	}
	switch ident(n.Child("attribute").Text()) {
	case "setter", "getter", "deleter":
	default:
		return false
	}
	var v Value
	if try(func() { v = l.eval(sc, n.Child("object")) }) != nil {
		return false
	}
	p, ok := v.(*function)
	if !ok {
		return false
	}
	for _, dn := range p.decos {
		expr := dn.NamedChildren()[0]
		var dv Value
		if try(func() { dv = l.eval(scope{mod: p.mod, cls: p.cls, at: p.seq}, expr) }) == nil && isKnown(dv, "builtins.property") {
			return true
		}
		if l.propertyAccessor(scope{mod: p.mod, cls: p.cls, at: p.seq}, expr) {
			return true
		}
	}
	return false
}

// findMethods scans the class like the reference's getmembers.
func (l *Loader) findMethods(s *svc) {
	mro := l.mro(s.cls)
	seen := map[string]bool{}
	var names []string
	for _, k := range mro {
		for _, n := range k.names {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	type found struct {
		name string
		fn   *function
		deco *call
		node *pyparse.Node
	}
	var all []found
	for _, n := range names {
		var v Value
		var rest []*class // the MRO after the class that binds n
		for i, k := range mro {
			if b, ok := k.ns.lookup(n, final); ok {
				v, rest = b, mro[i+1:]
				break
			}
		}
		if fv, ok := v.(*failed); ok && !fv.inert {
			unknownMember(s, n, fv)
		}
		f, ok := v.(*function)
		if !ok {
			if c, ok := v.(*call); ok {
				if _, is := methodDecorators[c.fn]; is {
					fail(s.cls.mod, s.cls.node, "Use a def", "class attribute %s is an aster decorator, not a method", n)
				}
			}
			continue
		}
		d, dn, ok := l.methodDeco(f)
		if !ok {
			l.warnHiddenMethod(s, n, f, rest)
			continue
		}
		all = append(all, found{n, f, d, dn})
	}
	// The request class of an inline method is named after the alias that
	// sorts last.
	lastAlias := map[*function]string{}
	for _, fd := range all {
		lastAlias[fd.fn] = fd.name
	}
	// Two walk and two graph roots per method, most of the time.
	s.walkRoots = slices.Grow(s.walkRoots, 2*len(all))
	s.graphRoots = slices.Grow(s.graphRoots, 2*len(all))
	s.methods = slices.Grow(s.methods, len(all))
	for _, fd := range all {
		if strings.HasPrefix(fd.name, "_") && fd.name != "__init__" {
			l.privateRoots(s, fd.fn, fd.deco)
			continue
		}
		m := l.readMethod(s, fd.name, fd.fn, fd.deco, fd.node, lastAlias[fd.fn])
		l.warnRebound(m, m.req, m.reqAt)
		l.warnRebound(m, m.resp, m.respAt)
		s.methods = append(s.methods, m)
		s.walkRoots = append(s.walkRoots, m.walk...)
		s.graphRoots = append(s.graphRoots, m.walk[0], typeRoot{m.resp, m.walk[1].node, m.walk[1].mod})
	}
}

// unknownMember fails on a class attribute whose value is unknown: it could
// be an aster method, which the reference would find.
func unknownMember(s *svc, name string, fv *failed) {
	var ae *analyzer.Error
	if !errors.As(fv.err, &ae) {
		panic(fv.err)
	}
	panic(&analyzer.Error{File: ae.File, Line: ae.Line, Col: ae.Col,
		Msg:  fmt.Sprintf("attribute %s of service %s cannot be determined statically (%s); it could be an aster method", name, s.cls.name, ae.Msg),
		Hint: "Bind class attributes unconditionally to constants, defs or standard-library calls with constant arguments, or move the computation to module level"})
}

// decoArgs resolves a method decorator call chain.
func (l *Loader) decoArgs(f *function, m *method, d *call) {
	mod := f.mod
	var chain []*call
	for c := d; c != nil; c = c.base {
		chain = append([]*call{c}, chain...)
	}
	m.pattern = methodDecorators[d.fn]
	for i, c := range chain {
		if i > 0 && d.fn != "aster.rpc" && len(c.kwargs) > 0 {
			fail(mod, c.node, "Configure the decorator in one call", "a pre-configured @%s cannot be called with keywords", strings.TrimPrefix(d.fn, "aster."))
		}
		posTimeout := false
		switch d.fn {
		case "aster.rpc":
			if len(c.args) > 0 {
				fail(mod, c.node, "Pass options as keywords", "@rpc takes no positional arguments")
			}
		default:
			if len(c.args) > 0 && !isNone(c.args[0]) {
				if d.fn == "aster.client_stream" || !isFunctionValue(c.args[0]) {
					l.setTimeout(mod, c.node, m, c.args[0])
					posTimeout = true
				}
			}
			if len(c.args) > 2 && d.fn != "aster.client_stream" && !isNone(c.args[2]) && !posTimeout {
				l.setTimeout(mod, c.node, m, c.args[2])
				posTimeout = true
			}
			if len(c.args) > 2 && d.fn == "aster.client_stream" && !isNone(c.args[2]) {
				l.setIdempotent(mod, c.node, m, c.args[2], false)
			}
			if len(c.args) > 6 {
				fail(mod, c.node, "Remove the extra arguments", "too many positional arguments")
			}
		}
		for _, k := range c.kwargs {
			switch k.name {
			case "timeout":
				if d.fn == "aster.client_stream" {
					fail(mod, k.node, "Pass the timeout positionally: @client_stream(30.0)", "client_stream() got an unexpected keyword argument 'timeout'")
				}
				if !isNone(k.v) && !posTimeout {
					l.setTimeout(mod, k.node, m, k.v)
				}
			case "idempotent":
				if d.fn == "aster.server_stream" || d.fn == "aster.bidi_stream" {
					fail(mod, k.node, "Remove idempotent=", "%s() got an unexpected keyword argument 'idempotent'", strings.TrimPrefix(d.fn, "aster."))
				}
				l.setIdempotent(mod, k.node, m, k.v, d.fn == "aster.rpc")
			case "metadata":
				if isNone(k.v) {
					continue
				}
				mc, ok := k.v.(*call)
				if !ok || mc.fn != "aster.Metadata" {
					fail(mod, k.node, "Use Metadata(description=..., tags=[...])", "metadata= must be a Metadata(...) call")
				}
				m.meta = mc
			case "name", "serialization", "requires":
			default:
				if d.fn != "aster.rpc" {
					fail(mod, k.node, "Remove the argument", "%s() got an unexpected keyword argument '%s'", strings.TrimPrefix(d.fn, "aster."), k.name)
				}
				l.warn(mod, k.node, "rpc() ignores the unknown keyword argument '%s'", k.name)
			}
		}
	}
}

func isFunctionValue(v Value) bool { _, ok := v.(*function); return ok }

func (l *Loader) setTimeout(m *module, n *pyparse.Node, me *method, v Value) {
	switch x := v.(type) {
	case *big.Int:
		if _, ok := asFloat(x); !ok {
			fail(m, n, "Use a timeout that fits in a float", "timeout is too large to convert to float (CPython raises OverflowError)")
		}
		me.timeout = x
		return
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			fail(m, n, "Use a finite number of seconds", "timeout must be finite")
		}
		me.timeout = x
		return
	}
	fail(m, n, "Use an int or float constant", "timeout must be an int or float constant")
}

func (l *Loader) setIdempotent(m *module, n *pyparse.Node, me *method, v Value, noneOK bool) {
	switch x := v.(type) {
	case bool:
		me.idempotent = x
		return
	case noneV:
		if noneOK {
			return
		}
	}
	fail(m, n, "Use True or False", "idempotent must be True or False")
}

// isContextParam reports a parameter annotated with aster's CallContext.
// When the method's hints fell back to raw annotations, the runtime also
// takes a string whose last dotted part is "CallContext" for one.
func (l *Loader) isContextParam(f *function, p param, end int) bool {
	v := strip(l.methodAnno(f, p.anno, end))
	if ref, ok := v.(forwardRef); ok {
		parts := strings.Split(string(ref), ".")
		return parts[len(parts)-1] == "CallContext"
	}
	return isAster(v, "aster.CallContext")
}

// warnRebound warns when a method annotation resolved when the @service
// class statement ends names a class whose name the module rebinds later:
// annotations read afterwards (dataclass fields) see the other class.
func (l *Loader) warnRebound(m *method, v Value, at *pyparse.Node) {
	c, ok := v.(*class)
	if !ok || at == nil || (at.Kind() != "string" && !m.fn.mod.future) || strings.Trim(at.Text(), "'\" ") != c.name {
		return
	}
	if later, ok := m.fn.mod.ns.lookup(c.name, final); ok && later != v {
		if lc, ok := later.(*class); ok {
			l.warn(m.fn.mod, at, "method %s: %s is resolved when the @service class statement ends, to class %s (line %d); the module rebinds the name later (class at line %d), which annotations read afterwards see; rename one of the classes", m.name, c.name, c.name, lineOf(c.node), lineOf(lc.node))
		}
	}
}

// lineOf is the line of a node.
func lineOf(n *pyparse.Node) int {
	line, _ := n.Pos()
	return line
}

// warnHiddenMethod warns when an undecorated function hides an aster
// method of a base class: the runtime drops the method from the contract.
func (l *Loader) warnHiddenMethod(s *svc, name string, f *function, bases []*class) {
	for _, k := range bases {
		b, ok := k.ns.lookup(name, final)
		if !ok {
			continue
		}
		if bf, ok := b.(*function); ok {
			if _, _, deco := l.methodDeco(bf); deco {
				l.warn(f.mod, f.node.Child("name"), "%s overrides the aster method %s of %s without an aster decorator, so the runtime drops %s from the contract of %s; decorate the override to keep it, or rename it", f.name, name, k.name, name, s.cls.name)
			}
		}
		return
	}
}

// privateRoots adds the XLANG walk roots of a decorated method that is not
// part of the contract.
func (l *Loader) privateRoots(s *svc, f *function, d *call) {
	pattern := methodDecorators[d.fn]
	for _, p := range l.params(f) {
		if p.name == "self" || p.anno == nil {
			continue
		}
		if l.isContextParam(f, p, s.end) {
			continue
		}
		v := strip(l.methodAnno(f, p.anno, s.end))
		s.walkRoots = append(s.walkRoots, typeRoot{v, p.anno, f.mod})
		break
	}
	if ret := f.node.Child("return_type"); ret != nil {
		v := strip(l.methodAnno(f, ret, s.end))
		if pattern == "server_stream" || pattern == "bidi_stream" {
			v = unwrap(v)
		}
		s.walkRoots = append(s.walkRoots, typeRoot{v, ret, f.mod})
	}
}

// readMethod reads one decorated method.
func (l *Loader) readMethod(s *svc, name string, f *function, d *call, dn *pyparse.Node, alias string) *method {
	mod := f.mod
	m := &method{name: name, fn: f, node: dn}
	for _, dec := range f.decos {
		var v Value
		if try(func() { v = l.eval(scope{mod: f.mod, cls: f.cls, at: f.seq}, dec.NamedChildren()[0]) }) == nil {
			if isKnown(v, "builtins.staticmethod") || isKnown(v, "builtins.classmethod") {
				fail(mod, dec, "Make it a plain method", "aster methods cannot be static or class methods")
			}
		}
	}
	l.decoArgs(f, m, d)
	gen := m.pattern == "server_stream" || m.pattern == "bidi_stream"
	if !f.async || f.yields != gen {
		want := "an async def without yield"
		if gen {
			want = "an async def with yield (an async generator)"
		}
		fail(mod, f.node.Child("name"), "Make "+name+" "+want, "@%s method %s must be %s", strings.TrimPrefix(d.fn, "aster."), name, want)
	}
	var rest []param
	for _, p := range l.params(f) {
		if p.name == "self" {
			continue
		}
		if p.variadic {
			fail(mod, p.node, "Declare explicit parameters", "*args/**kwargs are not supported in aster methods")
		}
		if p.anno != nil && l.isContextParam(f, p, s.end) {
			continue
		}
		rest = append(rest, p)
	}
	ret := f.node.Child("return_type")
	if ret == nil {
		fail(mod, f.node.Child("name"), "Add a return annotation", "method %s has no return annotation", name)
	}
	rv := strip(l.methodAnno(f, ret, s.end))
	if isNone(rv) && (m.pattern == "unary" || m.pattern == "client_stream") {
		fail(mod, ret, "Return a dataclass or a primitive", "method %s must not return None", name)
	}
	m.resp, m.respAt = l.checkMessage(mod, ret, name, unwrap(rv)), ret
	respRoot := typeRoot{rv, ret, mod}
	switch m.pattern {
	case "client_stream", "bidi_stream":
		m.style = "explicit"
		if len(rest) == 0 {
			fail(mod, f.node.Child("parameters"), "Add the request stream parameter", "stream method %s has no request parameter", name)
		}
		if rest[0].anno == nil {
			fail(mod, rest[0].node, "Annotate it", "request parameter of %s has no annotation", name)
		}
		if len(rest) > 1 {
			l.warn(mod, rest[1].node, "parameters after the request stream of %s are ignored", name)
		}
		raw := strip(l.methodAnno(f, rest[0].anno, s.end))
		m.req, m.reqAt = l.checkMessage(mod, rest[0].anno, name, unwrap(raw)), rest[0].anno
		m.walk = []typeRoot{{raw, rest[0].anno, mod}, respRoot}
	default:
		if len(rest) == 1 && rest[0].anno == nil {
			fail(mod, rest[0].node, "Annotate the request parameter", "request parameter %s of %s has no annotation", rest[0].name, name)
		}
		if len(rest) == 1 {
			a := l.methodAnno(f, rest[0].anno, s.end)
			if !l.inlineCapable(rest[0].anno, f, a) {
				m.style = "explicit"
				m.req, m.reqAt = l.checkMessage(mod, rest[0].anno, name, strip(a)), rest[0].anno
				m.walk = []typeRoot{{m.req, rest[0].anno, mod}, respRoot}
				return m
			}
		}
		m.style = "inline"
		m.req = l.synthesize(s, f, alias, rest)
		m.walk = []typeRoot{{m.req, f.node.Child("name"), mod}, respRoot}
	}
	return m
}

// unwrap takes T out of AsyncIterator[T] / AsyncGenerator[T, S].
func unwrap(v Value) Value {
	o, args := originOf(v)
	if (isKnown(o, "collections.abc.AsyncIterator") || isKnown(o, "collections.abc.AsyncGenerator")) && len(args) > 0 {
		return args[0]
	}
	return v
}

var primitiveMessage = map[string]string{
	"builtins.int": "int64", "builtins.float": "float64", "builtins.str": "string",
	"builtins.bool": "bool", "builtins.bytes": "binary",
}

// checkMessage accepts a dataclass or an exact primitive as a request or
// response type.
func (l *Loader) checkMessage(m *module, n *pyparse.Node, method string, v Value) Value {
	switch x := v.(type) {
	case *known:
		if _, ok := primitiveMessage[x.name]; ok {
			return x
		}
	case *class:
		l.checkDataclass(m, n, x)
		if l.isDataclass(x) {
			return x
		}
	case forwardRef:
		return x // matched by name once the types are hashed
	}
	fail(m, n, "Use a @dataclass or int/float/str/bool/bytes", "method %s: %s is not a dataclass nor an allowed primitive", method, strings.TrimSpace(n.Text()))
	return nil
}

// checkDataclass rejects classes that only look like dataclasses.
func (l *Loader) checkDataclass(m *module, n *pyparse.Node, c *class) {
	if c.decoErr != nil {
		panic(c.decoErr)
	}
	if c.bodyErr != nil {
		panic(c.bodyErr)
	}
	if c.dataclass == nil && l.inheritsDataclass(c) {
		l.warn(c.mod, c.node, "class %s is not decorated with @dataclass but inherits from a dataclass: the runtime treats it as one with only the inherited fields; decorate %s with @dataclass", c.name, c.name)
	}
}

// inlineCapable reports whether a single parameter makes an inline method
// (docs/python.md "Requests and responses").
func (l *Loader) inlineCapable(n *pyparse.Node, f *function, v Value) bool {
	if a, ok := v.(*annotated); ok {
		v = a.t
	}
	v = strip(v)
	switch x := v.(type) {
	case *known:
		switch x.name {
		case "builtins.str", "builtins.int", "builtins.float", "builtins.bool", "builtins.bytes", "builtins.bytearray":
			return true
		}
	}
	if o, _ := originOf(v); o != nil {
		switch {
		case isKnown(o, "builtins.list"), isKnown(o, "builtins.set"), isKnown(o, "builtins.frozenset"), isKnown(o, "builtins.dict"):
			return true
		case isKnown(o, "typing.Union"):
			var arms []Value
			hasNone := false
			for _, a := range v.(*generic).args {
				if isNone(a) {
					hasNone = true
				} else {
					arms = append(arms, a)
				}
			}
			if hasNone && len(arms) > 1 {
				fail(f.mod, n, "Use a request dataclass", "a single Union[A, B, None] parameter cannot be analysed (the reference recurses forever)")
			}
			if hasNone && len(arms) == 1 {
				return l.inlineCapable(n, f, arms[0])
			}
		}
	}
	return false
}

// pascal is the reference's PascalCase of a method name.
func pascal(name string) string {
	upper := cases.Upper(language.Und)
	first := func(s string) string {
		if s == "" {
			return s
		}
		r := []rune(s)
		return upper.String(string(r[0])) + string(r[1:])
	}
	if !strings.Contains(name, "_") {
		return first(name)
	}
	var sb strings.Builder
	for _, p := range strings.Split(name, "_") {
		sb.WriteString(first(p))
	}
	return sb.String()
}
