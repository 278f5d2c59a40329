package python

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/contract"
)

// fieldType is the type of field f of dataclass c as get_type_hints(c)
// gives it at moment at.
func (l *Loader) fieldType(c *class, f *dcField, at int) Value {
	if f.typ != nil {
		return f.typ
	}
	v := l.classHints(c, at).byNode[f.decl.anno]
	checkOpaque(f.owner.mod, f.decl.anno, v)
	return v
}

// synthesize builds the Mode 2 request class of an inline method. The
// runtime keeps one method record per function: every @service class
// decorated so far that has the method rewrites its request class, so the
// class of the last one decorated (in its module) is the one all use.
func (l *Loader) synthesize(s *svc, f *function, alias string, ps []param) *class {
	sharers := l.inlineSharers(f, alias)
	owner := s.cls
	if len(sharers) > 0 {
		owner = sharers[len(sharers)-1]
	}
	mod := owner.mod
	if len(sharers) > 1 {
		var names []string
		for _, k := range sharers {
			names = append(names, k.name)
		}
		l.warn(f.mod, f.node.Child("name"), "inline method %s is shared by the services %s: the runtime keeps one method record, so all of them use the request class %s/%sRequest synthesized for %s, the last one decorated; give each service its own method, or use a request dataclass", alias, strings.Join(names, ", "), mod.name, pascal(alias), owner.name)
	}
	k := inlineKey{f, mod}
	if prev, ok := l.inline[k]; ok {
		return prev
	}
	name := pascal(alias) + "Request"
	tag := mod.name + "/" + name
	c := &class{name: name, qualname: name, mod: mod, node: f.node, ns: newNamespace(), dataclass: &call{}, wireTag: &tag, synth: true}
	c.mroCache = []*class{c}
	for _, p := range ps {
		df := &dcField{name: p.name, owner: c, init: true}
		var a Value = &known{"inspect._empty"}
		if p.anno != nil {
			a = l.methodAnno(f, p.anno, s.end)
		}
		if an, ok := a.(*annotated); ok {
			for _, m := range an.meta {
				if d, ok := m.(*call); ok && d.fn == "aster.Description" {
					if len(d.args) > 0 {
						df.metadata().desc, _ = d.args[0].(string)
					}
					if k, ok := d.kw("description"); ok {
						df.metadata().desc, _ = k.v.(string)
					}
					if k, ok := d.kw("tags"); ok {
						df.metadata().tags = l.tagList(f.mod, k.node, k.v)
					}
					df.hasMeta = true
					break
				}
			}
		}
		df.typ = strip(a)
		at := p.node
		if p.def != nil {
			df.hasDefault, df.defNode = true, p.def
			df.def = l.eval(scope{mod: f.mod, cls: f.cls, at: f.seq}, p.def)
			l.checkHashable(f.mod, p.def, df.def)
		} else {
			l.synthDefault(f.mod, at, df)
		}
		c.synthFields = append(c.synthFields, df)
	}
	l.inline[k] = c
	return c
}

// inlineKey is a Mode 2 request class: its function and module.
type inlineKey struct {
	f   *function
	mod *module
}

// inlineSharers are the @service classes loaded so far, in decoration
// order, whose method name resolves to f.
func (l *Loader) inlineSharers(f *function, name string) []*class {
	var out []*class
	for _, k := range l.servicesBinding(f) {
		_ = try(func() {
			for _, b := range l.mro(k) {
				if v, ok := b.ns.lookup(name, final); ok {
					if v == f {
						out = append(out, k)
					}
					return
				}
			}
		})
	}
	return out
}

// indexService records a new service class under every class of its MRO
// (none when its MRO is in error: no name resolves through it then).
func (l *Loader) indexService(c *class) {
	_ = try(func() {
		for _, b := range l.mro(c) {
			l.servicesUnder[b] = append(l.servicesUnder[b], c)
		}
	})
}

// servicesBinding are the service classes loaded so far, in order, with a
// class that binds f in their MRO: the only ones where a name can resolve
// to f.
func (l *Loader) servicesBinding(f *function) []*class {
	var out []*class
	for _, b := range f.boundIn {
		out = append(out, l.servicesUnder[b]...)
	}
	if len(f.boundIn) > 1 {
		slices.SortFunc(out, func(a, b *class) int { return a.serviceAt - b.serviceAt })
		out = slices.Compact(out)
	}
	return out
}

func (l *Loader) synthDefault(m *module, n *pyparse.Node, df *dcField) {
	t := df.typ
	if isUnion(t) {
		for _, a := range t.(*generic).args {
			if isNone(a) {
				df.hasDefault, df.def = true, noneV{}
				return
			}
		}
	}
	if k, ok := t.(*known); ok {
		df.hasDefault = true
		switch k.name {
		case "builtins.str":
			df.def = ""
			return
		case "builtins.int":
			df.def = bigInt(0)
			return
		case "builtins.float":
			df.def = 0.0
			return
		case "builtins.bool":
			df.def = false
			return
		case "builtins.bytes":
			df.def = pyBytes("")
			return
		case "builtins.bytearray":
			df.hasDefault, df.factory = false, k
			return
		}
		df.hasDefault = false
	}
	if o, _ := originOf(t); o != nil {
		switch {
		case isKnown(o, "builtins.list"), isKnown(o, "builtins.dict"):
			df.factory = o
			return
		case isKnown(o, "builtins.set"), isKnown(o, "builtins.frozenset"):
			df.factory = &known{"builtins.set"}
			return
		}
	}
	fail(m, n, "Give the parameter a default value or use a request dataclass", "inline parameter %s has no default and its type has no synthesizable one", df.name)
}

// dataclassOf returns the class if v is a usable dataclass, checking it.
func (l *Loader) dataclassOf(m *module, n *pyparse.Node, v Value) *class {
	c, ok := v.(*class)
	if !ok {
		return nil
	}
	l.checkDataclass(m, n, c)
	if !l.isDataclass(c) {
		return nil
	}
	return c
}

// walkType calls visit for every dataclass reachable through origins.
func walkType(v Value, visit func(*class)) {
	switch x := v.(type) {
	case *class:
		visit(x)
		return
	}
	if o, args := originOf(v); o != nil {
		for _, a := range args {
			walkType(a, visit)
		}
	}
}

// xlangWalk emulates the decoration-time tag walk of an XLANG service.
func (l *Loader) xlangWalk(s *svc) {
	done := map[*class]bool{}
	onStack := map[*class]bool{}
	var visit func(c *class, from *pyparse.Node, fm *module)
	visit = func(c *class, from *pyparse.Node, fm *module) {
		l.checkDataclass(fm, from, c)
		if !l.isDataclass(c) || done[c] {
			return
		}
		if onStack[c] {
			fail(s.cls.mod, s.cls.node, "Declare serialization=[SerializationMode.JSON] (or ROW) or break the cycle", "recursive type %s in an XLANG service (the reference fails with RecursionError)", c.qualname)
		}
		onStack[c] = true
		if l.identityClass(c) == nil {
			c.autoTag = true
		}
		for _, f := range l.fields(c) {
			t := l.walkString(s, l.fieldType(c, f, s.end), f.anno())
			walkType(t, func(k *class) { visit(k, f.anno(), f.owner.mod) })
		}
		onStack[c] = false
		done[c] = true
	}
	for _, r := range s.walkRoots {
		walkType(l.walkString(s, r.v, r.node), func(k *class) { visit(k, r.node, r.mod) })
	}
}

// walkString is what the XLANG walk makes of a type that stayed a string
// (a raw annotation): it evaluates it in the service's namespace as the
// @service class statement ends (module globals, then the class body); a
// name not bound then makes it skip the type. Other types are unchanged.
func (l *Loader) walkString(s *svc, v Value, at *pyparse.Node) Value {
	ref, ok := v.(forwardRef)
	if !ok {
		return v
	}
	sc := scope{mod: s.cls.mod, cls: s.cls, at: s.end, modFirst: true, anno: true}
	var out Value
	if tryName(func() { out = strip(l.evalStringAnno(sc, at, string(ref))) }) != nil {
		return nil
	}
	return out
}

// anno returns the field's annotation node (the class node for Mode 2).
func (f *dcField) anno() *pyparse.Node {
	if f.decl != nil {
		return f.decl.anno
	}
	return f.owner.node
}

// identityClass returns the first class in the MRO carrying a wire
// identity (explicit @wire_type or automatic tag), or nil.
func (l *Loader) identityClass(c *class) *class {
	for _, k := range l.mro(c) {
		if k.wireTag != nil || k.autoTag {
			return k
		}
	}
	return nil
}

// fqn returns a dataclass's package and name (docs/python.md "Dataclasses, identity and fields"): its wire identity is
// read through the MRO, so a class without its own inherits its base's
// (with a warning at n, where the class is used).
func (l *Loader) fqn(c *class, n *pyparse.Node, m *module) (pkg, name string) {
	k := l.identityClass(c)
	if k != nil && k != c && n != nil {
		l.warn(c.mod, c.node, "class %s has no wire identity of its own and inherits %s's (%s), so the runtime hashes it under that name; give %s its own @wire_type", c.name, k.name, l.wireTagOf(k), c.name)
	}
	switch {
	case k != nil && k.wireTag != nil:
		tag := *k.wireTag
		ns, tn := "", tag
		if i := strings.LastIndexByte(tag, '/'); i >= 0 {
			ns, tn = tag[:i], tag[i+1:]
		}
		if ns == "" {
			ns = c.mod.name
		}
		return ns, tn
	case k != nil:
		return k.mod.name, k.qualname
	}
	return c.mod.name, c.qualname
}

// describeClass names a class in a message: its qualified name and where
// it is defined, or the method a Mode 2 request class is synthesized for.
func (l *Loader) describeClass(c *class) string {
	if c.synth {
		return fmt.Sprintf("the request class %s synthesized for method %s (%s:%d)", c.name, ident(c.node.Child("name").Text()), c.mod.file, lineOf(c.node))
	}
	return fmt.Sprintf("class %s (%s:%d)", c.qualname, c.mod.file, lineOf(c.node))
}

// fqnString is contract.FQN(pkg, name) for one of c's FQNs, the string
// made last time when it is the same.
func (c *class) fqnString(pkg, name string) string {
	if c.fqnKey == "" || c.fqnPkg != pkg || c.fqnName != name {
		c.fqnPkg, c.fqnName, c.fqnKey = pkg, name, contract.FQN(pkg, name)
	}
	return c.fqnKey
}

// wireTagOf is the manifest wire tag of a dataclass (__wire_type__, read
// through the MRO).
func (l *Loader) wireTagOf(c *class) string {
	k := l.identityClass(c)
	switch {
	case k != nil && k.wireTag != nil:
		return *k.wireTag
	case k != nil:
		return k.fqnString(k.mod.name, k.qualname) // the FQN an automatic tag gives
	}
	if l.undecided != nil {
		panic(l.undecided)
	}
	return ""
}

// graph builds the type graph (docs/python.md "How field types map"): its nodes sorted by FQN, and the class
// of each FQN.
func (l *Loader) graph(s *svc) ([]*contract.Node, map[string]*class) {
	nodes := map[string]*contract.Node{}
	byFQN := map[string]*class{}
	var order []string
	var add func(c *class, n *pyparse.Node, m *module) string
	add = func(c *class, n *pyparse.Node, m *module) string {
		pkg, name := l.fqn(c, n, m)
		key := c.fqnString(pkg, name)
		if prev, ok := byFQN[key]; ok {
			if prev != c && l.identityClass(c) == c {
				l.warn(c.mod, c.node, "%s and %s share the wire name %s: the runtime keeps the first one visited and hashes every use of the second as the first; give one of them a distinct @wire_type", l.describeClass(prev), l.describeClass(c), key)
			}
			return key
		}
		checkString(m, n, key)
		node := &contract.Node{Kind: contract.Message, Package: pkg, Name: name}
		byFQN[key] = c
		nodes[key] = node
		order = append(order, key)
		refs := map[string]bool{}
		var edges []string
		fs := l.fields(c)
		node.Fields = make([]contract.NodeField, 0, len(fs))
		for _, f := range fs {
			t := l.fieldType(c, f, final)
			walkType(t, func(k *class) {
				if d := l.dataclassOf(f.owner.mod, f.anno(), k); d != nil {
					edges = append(edges, add(d, f.anno(), f.owner.mod))
				}
			})
			nf := l.nodeField(f, t)
			l.warnGenericField(c, f, t)
			node.Fields = append(node.Fields, nf)
			if nf.Type.Kind == contract.Ref {
				refs[nf.Type.Target] = true
			}
			if nf.Key.Kind == contract.Ref {
				refs[nf.Key.Target] = true
			}
		}
		for _, e := range edges {
			if !refs[e] {
				refs[e] = true
				node.Edges = append(node.Edges, e)
			}
		}
		return key
	}
	for _, r := range s.graphRoots {
		walkType(r.v, func(k *class) {
			if d := l.dataclassOf(r.mod, r.node, k); d != nil {
				add(d, r.node, r.mod)
			}
		})
	}
	sort.Strings(order)
	out := make([]*contract.Node, len(order))
	for i, k := range order {
		out[i] = nodes[k]
	}
	return out, byFQN
}

// warnGenericField warns about a field whose type (or container element)
// is a parameterised generic dataclass such as Page[Product]: the runtime
// hashes it as ANY, without a reference to the class.
func (l *Loader) warnGenericField(c *class, f *dcField, t Value) {
	t, _ = optionalArm(t)
	if o, args := originOf(t); isKnown(o, "builtins.list") || isKnown(o, "builtins.set") || isKnown(o, "builtins.frozenset") || isKnown(o, "builtins.dict") {
		if len(args) == 0 {
			return
		}
		t = args[len(args)-1]
	}
	g, ok := t.(*generic)
	if !ok {
		return
	}
	if k, ok := g.origin.(*class); ok && l.isDataclass(k) {
		l.warn(f.owner.mod, f.anno(), "field %s of %s is the parameterised generic class %s[…], which the runtime hashes as ANY (no reference to %s); declare a subclass of %s[…] and use it to reference the class", f.name, c.name, k.name, k.name, k.name)
	}
}

// nodeField maps a field to its FieldDef shape (docs/python.md "How field types map").
func (l *Loader) nodeField(f *dcField, t Value) contract.NodeField {
	nf := contract.NodeField{Name: f.name, Required: true}
	t, nf.Optional = optionalArm(t)
	o, args := originOf(t)
	arg := func(i int) Value {
		if i < len(args) {
			return args[i]
		}
		return noneV{}
	}
	switch {
	case isKnown(o, "builtins.list"):
		nf.Container, nf.Type = contract.List, l.element(arg(0))
	case isKnown(o, "builtins.set"), isKnown(o, "builtins.frozenset"):
		nf.Container, nf.Type = contract.Set, l.element(arg(0))
	case isKnown(o, "builtins.dict"):
		nf.Container, nf.Type, nf.Key = contract.Map, l.element(arg(1)), l.element(arg(0))
	default:
		nf.Type = l.element(t)
	}
	return nf
}

var elementPrimitive = map[string]string{
	"builtins.str": "string", "builtins.int": "varint64", "builtins.float": "float64",
	"builtins.bool": "bool", "builtins.bytes": "binary", "builtins.bytearray": "binary",
}

func (l *Loader) element(v Value) contract.Element {
	switch x := v.(type) {
	case noneV:
		return contract.Element{Kind: contract.Primitive, Primitive: "null"}
	case *known:
		if p, ok := elementPrimitive[x.name]; ok {
			return contract.Element{Kind: contract.Primitive, Primitive: p}
		}
		if p, ok := pyforyPrimitive[x.name]; ok {
			return contract.Element{Kind: contract.Primitive, Primitive: p}
		}
	case *opaque:
	case *class:
		if l.isDataclass(x) {
			pkg, name := l.fqn(x, nil, x.mod)
			return contract.Element{Kind: contract.Ref, Target: x.fqnString(pkg, name)}
		}
	}
	return contract.Element{Kind: contract.Any}
}
