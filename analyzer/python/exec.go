package python

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// class is a class statement.
type class struct {
	name, qualname string
	mod            *module
	node           *pyparse.Node
	bases          []Value
	basesErr       error
	ns             *namespace
	names          []string // names bound in the body, first-binding order
	// fields are the annotated names of the body, sized for its statements
	// as it starts (one allocation for most classes). A fieldDecl never
	// changes once declared, so a pointer to one stays right when the
	// slice grows.
	fields      []fieldDecl
	outer       *class
	seqEnd      int
	decoErr     error
	dataclass   *call // the dataclass decorator (bare: empty call)
	wireTag     *string
	wireMeta    Value
	wireNode    *pyparse.Node
	service     *call // the service decorator (bare: empty call)
	serviceNode *pyparse.Node
	// fqnPkg, fqnName and fqnKey are the last FQN made for the class.
	fqnPkg, fqnName, fqnKey string
	// serviceAt is the class's position in Loader.serviceClasses, from 1
	// (0: not there).
	serviceAt int
	bodyErr   error
	mroCache  []*class
	autoTag   bool
	// synth marks a Mode 2 request class, whose fields are synthFields.
	synth       bool
	synthFields []*dcField
	fieldsCache []*dcField
	// unique is the @enum.unique decorator, if any.
	unique *pyparse.Node
	// asterName is the canonical name of one of aster's own dataclasses
	// ("aster.CallContext"), empty for other classes.
	asterName string
	// hints caches classHints by moment.
	hints hintCache
	// late caches lateClass, computed with lateFields-1 fields.
	late       bool
	lateFields int
}

// fieldDecl is an annotated name in a class body.
type fieldDecl struct {
	name  string
	anno  *pyparse.Node
	value *pyparse.Node // the assigned expression, or nil
	seq   int
}

// execBody executes statements of a module (cls == nil) or class body.
func (l *Loader) execBody(m *module, cls *class, stmts []*pyparse.Node) {
	for _, st := range stmts {
		if st.Named {
			l.execStmt(m, cls, st)
		}
	}
}

func (l *Loader) nsOf(m *module, cls *class) *namespace {
	if cls != nil {
		return cls.ns
	}
	return m.ns
}

func (l *Loader) bindName(m *module, cls *class, name string, v Value) {
	if cls != nil {
		if _, ok := cls.ns.m[name]; !ok {
			cls.names = append(cls.names, name)
		}
	}
	seq := l.next()
	l.nsOf(m, cls).bind(seq, name, v)
	host := l.host
	if l.stmtHost != nil {
		host = mergeHost(host, *l.stmtHost)
	}
	if host != nil {
		l.hostBound[seq] = host
	}
}

func (l *Loader) scopeAt(m *module, cls *class) scope {
	return scope{mod: m, cls: cls, at: l.seq + 1}
}

func (l *Loader) execStmt(m *module, cls *class, st *pyparse.Node) {
	if cls == nil && l.stmtHost == nil && !definesClass(st) {
		// What a module-level statement reads from the host goes to the
		// names it binds, and is reported where those are used.
		var host []string
		l.stmtHost = &host
		defer func() { l.stmtHost = nil }()
	}
	switch st.Kind() {
	case "expression_statement":
		for _, c := range st.NamedChildren() {
			if c.Kind() == "assignment" {
				l.execAssign(m, cls, c)
			} else if c.Kind() == "augmented_assignment" {
				l.bindFailed(m, cls, c.Child("left"), "is modified by an augmented assignment")
			}
		}
	case "import_statement":
		l.execImport(m, cls, st)
	case "import_from_statement":
		l.execFromImport(m, cls, st)
	case "future_import_statement":
		for _, c := range st.ChildrenOf("name") {
			if ident(c.Text()) == "annotations" {
				m.future = true
			}
		}
	case "class_definition":
		l.execClass(m, cls, st, nil)
	case "function_definition":
		l.execDef(m, cls, st, nil)
	case "decorated_definition":
		var decos []*pyparse.Node
		for _, c := range st.Children() {
			if c.Kind() == "decorator" {
				decos = append(decos, c)
			}
		}
		def := st.Child("definition")
		if def.Kind() == "class_definition" {
			l.execClass(m, cls, def, decos)
		} else {
			l.execDef(m, cls, def, decos)
		}
	case "if_statement":
		if l.isTypeChecking(m, cls, st.Child("condition")) {
			if cls == nil {
				recordTypeChecking(m, st.Child("consequence"))
			}
			for _, c := range st.ChildrenOf("alternative") {
				if c.Kind() == "else_clause" {
					l.execBody(m, cls, c.Child("body").Children())
				} else {
					l.bindConditional(m, cls, c)
				}
			}
			return
		}
		if !l.execTraced(m, cls, st) {
			l.bindConditional(m, cls, st)
		}
	case "for_statement", "while_statement", "try_statement", "with_statement", "match_statement":
		if !l.execTraced(m, cls, st) {
			l.bindConditional(m, cls, st)
		}
	case "global_statement", "nonlocal_statement":
		for _, c := range st.NamedChildren() {
			l.bindFailed(m, cls, c, "is declared global")
		}
	case "delete_statement":
		l.bindTargets(m, cls, st, "is deleted")
	}
}

const hintConditional = "Bind it once, unconditionally, at module level"

// definesClass reports whether a statement is a class statement.
func definesClass(st *pyparse.Node) bool {
	if st.Kind() == "decorated_definition" {
		st = st.Child("definition")
	}
	return st.Kind() == "class_definition"
}

// recordTypeChecking notes the names an `if TYPE_CHECKING:` body imports,
// which are never bound at run time (for the warnings).
func recordTypeChecking(m *module, body *pyparse.Node) {
	if body == nil {
		return
	}
	for _, st := range body.Children() {
		if st.Kind() != "import_statement" && st.Kind() != "import_from_statement" {
			continue
		}
		for _, t := range importTargets(st) {
			if m.typeChecking == nil {
				m.typeChecking = map[string]bool{}
			}
			m.typeChecking[ident(t.Text())] = true
		}
	}
}

// importTargets are the identifier nodes an import statement binds: the
// alias, or the first part of a dotted module name.
func importTargets(st *pyparse.Node) []*pyparse.Node {
	var out []*pyparse.Node
	for _, c := range st.ChildrenOf("name") {
		t := c
		if c.Kind() == "aliased_import" {
			t = c.Child("alias")
		} else if c.Kind() == "dotted_name" {
			t = c.NamedChildren()[0]
		}
		out = append(out, t)
	}
	return out
}

// isTypeChecking reports whether an if condition is typing.TYPE_CHECKING.
func (l *Loader) isTypeChecking(m *module, cls *class, cond *pyparse.Node) bool {
	var v Value
	if try(func() { v = l.eval(l.scopeAt(m, cls), cond) }) != nil {
		return false
	}
	return isKnown(v, "typing.TYPE_CHECKING")
}

func (l *Loader) bindFailed(m *module, cls *class, target *pyparse.Node, why string) {
	if target == nil || target.Kind() != "identifier" {
		l.bindTargets(m, cls, target, why)
		return
	}
	name := ident(target.Text())
	l.bindName(m, cls, name, &failed{err: posErr(m, target, hintConditional, "name '%s' %s; its value cannot be determined statically", name, why)})
}

// bindTargets marks every name inside n as undeterminable.
func (l *Loader) bindTargets(m *module, cls *class, n *pyparse.Node, why string) {
	if n == nil {
		return
	}
	if n.Kind() == "identifier" {
		l.bindFailed(m, cls, n, why)
		return
	}
	if n.Kind() == "attribute" || n.Kind() == "subscript" {
		return
	}
	for _, c := range n.Children() {
		l.bindTargets(m, cls, c, why)
	}
}

// bindConditional marks every name bound inside a compound statement.
func (l *Loader) bindConditional(m *module, cls *class, n *pyparse.Node) {
	var walk func(n *pyparse.Node)
	walk = func(n *pyparse.Node) {
		switch n.Kind() {
		case "assignment", "augmented_assignment", "for_statement", "for_in_clause":
			l.bindTargets(m, cls, n.Child("left"), "is bound conditionally")
		case "as_pattern_target", "named_expression":
			l.bindTargets(m, cls, n.NamedChildren()[0], "is bound conditionally")
		case "function_definition", "class_definition":
			l.bindFailed(m, cls, n.Child("name"), "is bound conditionally")
			return
		case "import_statement", "import_from_statement":
			for _, t := range importTargets(n) {
				l.bindFailed(m, cls, t, "is bound conditionally")
			}
			return
		case "lambda":
			return
		}
		for _, c := range n.Children() {
			walk(c)
		}
	}
	walk(n)
}

var reservedClassNames = map[string]bool{"__module__": true, "__qualname__": true, "__wire_type__": true, "__fory_namespace__": true, "__fory_typename__": true}

func (l *Loader) execAssign(m *module, cls *class, a *pyparse.Node) {
	// a = b = expr nests assignments on the right.
	targets := []*pyparse.Node{a.Child("left")}
	right := a.Child("right")
	for right != nil && right.Kind() == "assignment" {
		targets = append(targets, right.Child("left"))
		if right.Child("type") != nil {
			break
		}
		right = right.Child("right")
	}
	if typ := a.Child("type"); typ != nil && cls != nil && a.Child("left").Kind() == "identifier" {
		cls.fields = append(cls.fields, fieldDecl{name: ident(a.Child("left").Text()), anno: typ, value: right, seq: l.seq + 1})
	}
	if right == nil {
		return
	}
	var v Value
	sc := l.scopeAt(m, cls)
	if err := try(func() { v = l.eval(sc, right) }); err != nil {
		fv := &failed{err: err}
		if name, ok := l.stdlibObject(sc, right); ok {
			fv.stdlib = name
		}
		// Provably not an aster method: see stdlib.go.
		fv.inert = l.inert(sc, right)
		v = fv
	}
	for _, t := range targets {
		if t.Kind() == "identifier" {
			name := ident(t.Text())
			if cls != nil && reservedClassNames[name] && cls.bodyErr == nil {
				cls.bodyErr = posErr(m, t, "Use @wire_type(\"namespace/Name\") instead", "assigning %s in a class body is not supported", name)
			}
			l.bindName(m, cls, name, v)
		} else {
			l.bindTargets(m, cls, t, "is bound by unpacking")
		}
	}
}

func (l *Loader) execDef(m *module, cls *class, def *pyparse.Node, decos []*pyparse.Node) {
	f := &function{name: ident(def.Child("name").Text()), node: def, decos: decos, mod: m, cls: cls, seq: l.seq + 1, async: def.Has("async")}
	f.yields = def.Yields
	l.bindName(m, cls, f.name, f)
}

func (l *Loader) execClass(m *module, outer *class, def *pyparse.Node, decos []*pyparse.Node) {
	name := ident(def.Child("name").Text())
	c := &class{name: name, qualname: name, mod: m, node: def, ns: newNamespace(), outer: outer}
	c.ns.owner = c
	if outer != nil {
		c.qualname = outer.qualname + "." + name
	}
	sc := l.scopeAt(m, outer)
	decoVals := make([]Value, len(decos))
	for i, d := range decos {
		if err := try(func() { decoVals[i] = l.eval(sc, d.NamedChildren()[0]) }); err != nil {
			decoVals[i] = &failed{err: err}
		}
	}
	if sup := def.Child("superclasses"); sup != nil {
		c.basesErr = try(func() {
			for _, b := range sup.NamedChildren() {
				if b.Kind() == "keyword_argument" {
					if ident(b.Child("name").Text()) == "metaclass" {
						fail(m, b, "Remove the metaclass", "class %s uses a metaclass; it cannot be analysed statically", name)
					}
					continue
				}
				v := l.eval(sc, b)
				if t := constantType(v); t != "" {
					fail(m, b, "Inherit from a class", "class %s cannot inherit from a %s constant (CPython raises TypeError)", name, t)
				}
				c.bases = append(c.bases, v)
			}
		})
	}
	body := def.Child("body").Children()
	c.fields = make([]fieldDecl, 0, len(body))
	c.names = make([]string, 0, len(body))
	l.execBody(m, c, body)
	// Decorators apply bottom-up.
	for i := len(decos) - 1; i >= 0; i-- {
		l.applyClassDecorator(m, c, decos[i], decoVals[i])
	}
	c.seqEnd = l.next()
	m.classes = append(m.classes, c)
	if c.service != nil {
		l.serviceClasses = append(l.serviceClasses, c)
		c.serviceAt = len(l.serviceClasses)
		l.indexService(c)
	}
	l.bindName(m, outer, name, c)
}

func (l *Loader) applyClassDecorator(m *module, c *class, node *pyparse.Node, v Value) {
	bad := func(err error) {
		if c.decoErr == nil {
			c.decoErr = err
		}
	}
	switch d := v.(type) {
	case *failed:
		bad(d.err)
		return
	case *known:
		switch d.name {
		case "dataclasses.dataclass":
			c.dataclass = &call{fn: d.name, node: node}
			return
		case "aster.service":
			c.service, c.serviceNode = &call{fn: d.name, node: node}, node
			return
		case "enum.unique":
			c.unique = node
			return
		}
	case *call:
		switch d.fn {
		case "dataclasses.dataclass":
			c.dataclass = d
			return
		case "aster.service":
			c.service, c.serviceNode = d, node
			return
		case "aster.wire_type":
			l.applyWireType(m, c, d)
			return
		}
	}
	bad(posErr(m, node, "Remove the decorator or apply it outside the contract", "class %s has a decorator that cannot be analysed statically", c.name))
}

func (l *Loader) applyWireType(m *module, c *class, d *call) {
	var tag Value
	if len(d.args) > 0 {
		tag = d.args[0]
	} else if k, ok := d.kw("tag"); ok {
		tag = k.v
	}
	s, ok := tag.(string)
	if !ok {
		c.decoErr = posErr(m, d.node, "Pass a constant string", "@wire_type needs a constant string tag")
		return
	}
	c.wireTag, c.wireNode = &s, d.node
	if strings.HasSuffix(s, "/") {
		l.warn(m, d.node, "wire tag %q has an empty type name", s)
	}
	if len(d.args) > 1 {
		c.wireMeta = d.args[1]
	} else if k, ok := d.kw("metadata"); ok {
		c.wireMeta = k.v
	}
}

func (l *Loader) execImport(m *module, cls *class, st *pyparse.Node) {
	for _, c := range st.ChildrenOf("name") {
		if c.Kind() == "aliased_import" {
			name := dotted(c.Child("name"))
			v, err := l.importModule(name)
			l.bindImport(m, cls, c.Child("alias"), ident(c.Child("alias").Text()), name, v, err)
			continue
		}
		name := dotted(c)
		top := strings.SplitN(name, ".", 2)[0]
		_, err := l.importModule(name)
		var v Value
		if err == nil {
			v, err = l.importModule(top)
		}
		l.bindImport(m, cls, c, top, top, v, err)
	}
}

// bindImport binds an import's result; target is the dotted name of the
// imported object ("" for a star import).
func (l *Loader) bindImport(m *module, cls *class, at *pyparse.Node, name, target string, v Value, err error) {
	if err != nil {
		var ie *ImportError
		var ee *extensionError
		switch {
		case errors.As(err, &ie) && strings.HasPrefix(ie.Name, "aster."):
			// aster's modules are all known: the import fails now.
			panic(&RuntimeImportError{Msg: fmt.Sprintf("No module named '%s'", ie.Name)})
		case errors.As(err, &ie):
			hint := "Put the module on --python-path, or keep it out of the contract"
			if len(ie.Searched) > 0 {
				hint = "Searched: " + strings.Join(ie.Searched, ", ") + "; put the module on --python-path, or keep it out of the contract"
			}
			fv := &failed{err: posErr(m, at, hint, "%s", ie.Error())}
			// A standard-library module that no search root shadows is
			// CPython's own.
			top, _, _ := strings.Cut(ie.Module, ".")
			if target != "" && ie.NotPackage == "" && ie.Name == top && stdlibModules[top] {
				fv.stdlib, fv.inert = target, true
			} else {
				l.missing = append(l.missing, missingImport{m, at, ie.Name})
			}
			v = fv
		case errors.As(err, &ee):
			v = &failed{err: posErr(m, at, ee.err.Hint, "%s", ee.err.Msg)}
		default:
			panic(err)
		}
	}
	l.bindName(m, cls, name, v)
}

// packageOf is the package a relative import in m is resolved against.
func packageOf(m *module) string {
	if m.pkg {
		return m.name
	}
	if i := strings.LastIndexByte(m.name, '.'); i >= 0 {
		return m.name[:i]
	}
	return ""
}

func (l *Loader) execFromImport(m *module, cls *class, st *pyparse.Node) {
	modNode := st.Child("module_name")
	var name string
	if modNode.Kind() == "relative_import" {
		level := 0
		rest := ""
		for _, c := range modNode.Children() {
			if c.Kind() == "import_prefix" {
				level = strings.Count(c.Text(), ".")
			} else if c.Kind() == "dotted_name" {
				rest = dotted(c)
			}
		}
		pkg := packageOf(m)
		parts := strings.Split(pkg, ".")
		if pkg == "" || level-1 >= len(parts) {
			fail(m, modNode, "Use an absolute import", "attempted relative import beyond top-level package")
		}
		name = strings.Join(parts[:len(parts)-(level-1)], ".")
		if rest != "" {
			name += "." + rest
		}
	} else {
		name = dotted(modNode)
	}
	src, err := l.importModule(name)
	if st.Child("name") == nil && st.NamedChildren()[len(st.NamedChildren())-1].Kind() == "wildcard_import" {
		if err != nil {
			l.bindImport(m, cls, modNode, "*", "", nil, err)
			return
		}
		l.importStar(m, cls, st, src)
		return
	}
	for _, c := range st.ChildrenOf("name") {
		nameNode, alias := c, c
		if c.Kind() == "aliased_import" {
			nameNode, alias = c.Child("name"), c.Child("alias")
		}
		attr := dotted(nameNode)
		if err != nil {
			l.bindImport(m, cls, alias, ident(alias.Text()), name+"."+attr, nil, err)
			continue
		}
		v, aerr := l.moduleAttr(src, attr, l.seq+1)
		if aerr != nil {
			if sub, serr := l.importModule(name + "." + attr); serr == nil {
				v, aerr = sub, nil
			}
		}
		if _, isAster := asterModules[name]; aerr != nil && isAster {
			// The location of aster's own sources is not known statically.
			panic(&RuntimeImportError{Msg: fmt.Sprintf("cannot import name '%s' from '%s' (unknown location)", attr, name)})
		}
		if aerr != nil {
			v = &failed{err: posErr(m, nameNode, "Check the import", "cannot import name '%s' from '%s'", attr, name)}
		} else if sm, ok := src.(*module); ok && sm.globals[attr] != nil {
			v = &failed{err: posErr(m, nameNode, "Bind it once at module level and never reassign it", "'%s' is declared global in a function of '%s'", attr, name)}
		}
		l.bindName(m, cls, ident(alias.Text()), v)
	}
}

func (l *Loader) importStar(m *module, cls *class, st *pyparse.Node, src Value) {
	sm, ok := src.(*module)
	if !ok {
		prefix := src.(*knownModule).name + "."
		var names []string
		for full := range knownAttrs {
			if rest, ok := strings.CutPrefix(full, prefix); ok && !strings.Contains(rest, ".") && !strings.HasPrefix(rest, "_") {
				names = append(names, rest)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			v, _ := l.knownAttr(strings.TrimSuffix(prefix, "."), n)
			l.bindName(m, cls, n, v)
		}
		return
	}
	if all, ok := sm.ns.lookup("__all__", final); ok {
		var names []Value
		switch a := all.(type) {
		case list:
			names = a
		case tuple:
			names = a
		default:
			fail(m, st, "Write __all__ as a literal list of strings", "__all__ of '%s' is computed", sm.name)
		}
		for _, n := range names {
			s, ok := n.(string)
			if !ok {
				fail(m, st, "Write __all__ as a literal list of strings", "__all__ of '%s' is computed", sm.name)
			}
			v, err := l.moduleAttr(sm, s, l.seq+1)
			if err != nil {
				v = &failed{err: err}
			}
			l.bindName(m, cls, s, v)
		}
		return
	}
	var names []string
	for name := range sm.ns.m {
		if !strings.HasPrefix(name, "_") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if v, ok := sm.ns.lookup(name, l.seq+1); ok {
			l.bindName(m, cls, name, v)
		}
	}
}

// dotted returns the normalised dotted name of a dotted_name node.
func dotted(n *pyparse.Node) string {
	var parts []string
	for _, c := range n.NamedChildren() {
		parts = append(parts, ident(c.Text()))
	}
	if len(parts) == 0 {
		return ident(n.Text())
	}
	return strings.Join(parts, ".")
}

// moduleAttr returns a module attribute bound before seq at.
func (l *Loader) moduleAttr(src Value, attr string, at int) (Value, error) {
	switch m := src.(type) {
	case *knownModule:
		if v, ok := l.knownAttr(m.name, attr); ok {
			return v, nil
		}
		return nil, &AttributeError{Module: m.name, Name: attr}
	case *module:
		if v, ok := m.ns.lookup(attr, at); ok {
			return v, nil
		}
		return nil, &AttributeError{Module: m.name, Name: attr}
	}
	return nil, &AttributeError{Name: attr}
}

// constantType is the Python type name of a constant value, "" for any
// other value.
func constantType(v Value) string {
	switch v.(type) {
	case string:
		return "str"
	case *big.Int:
		return "int"
	case float64:
		return "float"
	case bool:
		return "bool"
	case noneV:
		return "NoneType"
	case pyBytes:
		return "bytes"
	case tuple:
		return "tuple"
	case list:
		return "list"
	case *dict:
		return "dict"
	}
	return ""
}
