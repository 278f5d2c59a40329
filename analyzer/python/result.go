package python

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/analyzer/python/pyparse"
	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
)

var patternKinds = map[string]contract.MethodPattern{
	"unary": contract.Unary, "server_stream": contract.ServerStream,
	"client_stream": contract.ClientStream, "bidi_stream": contract.BidiStream,
}

// result assembles the contract model and the manifest descriptors.
func (l *Loader) result(s *svc) *analyzer.Result {
	types, classes := l.graph(s)
	cs := &contract.Service{
		Name: s.name, Version: int32(s.version), SerializationModes: s.modes,
		Scoped: contract.ScopeKind(s.scope), Types: types,
	}
	if len(cs.SerializationModes) == 0 {
		cs.SerializationModes = []string{"xlang"}
	}
	l.matchForwardRefs(s, cs, classes)
	res := &analyzer.Result{Service: cs, Scoped: s.scoped, Methods: make([]manifest.Method, 0, len(s.methods))}
	cs.Methods = make([]contract.Method, 0, len(s.methods))
	for _, m := range s.methods {
		cm := contract.Method{
			Name: m.name, Pattern: patternKinds[m.pattern], Idempotent: m.idempotent,
			Request: l.methodType(m.req), Response: l.methodType(m.resp),
		}
		if m.timeout != nil {
			cm.DefaultTimeout, _ = asFloat(m.timeout)
		}
		cs.Methods = append(cs.Methods, cm)
		res.Methods = append(res.Methods, l.describeMethod(m))
	}
	return res
}

func (l *Loader) methodType(v Value) contract.MethodType {
	switch x := v.(type) {
	case *known:
		return contract.MethodType{Primitive: primitiveMessage[x.name]}
	case *class:
		pkg, name := l.fqn(x, nil, x.mod)
		return contract.MethodType{FQN: x.fqnString(pkg, name)}
	}
	return contract.MethodType{}
}

// matchForwardRefs replaces request and response types that stayed strings
// (a method whose hints fell back to its raw annotations) by the hashed
// type the runtime picks: the first, in hashing order, whose FQN is the
// string or ends with "." + the string. None is the runtime's LookupError.
func (l *Loader) matchForwardRefs(s *svc, cs *contract.Service, classes map[string]*class) {
	var order []string
	match := func(m *method, v Value, at *pyparse.Node) Value {
		ref, ok := v.(forwardRef)
		if !ok {
			return v
		}
		if order == nil {
			c, err := contract.CompileIDs(cs)
			if err != nil {
				panic(err)
			}
			order = []string{}
			for _, t := range c.Types {
				order = append(order, t.FQN)
			}
		}
		for _, fqn := range order {
			if fqn == string(ref) || strings.HasSuffix(fqn, "."+string(ref)) {
				l.warn(m.fn.mod, at, "method %s: the runtime matches the string %q by name suffix and picks %s, the first such type in hashing order", m.name, string(ref), fqn)
				return classes[fqn]
			}
		}
		why := "its type hints cannot be resolved"
		if ne := l.funcHints(m.fn, s.end).fallback; ne != nil {
			why = "name '" + ne.name + "' is not defined when the runtime resolves its type hints"
		}
		fail(m.fn.mod, at, "Define "+string(ref)+" above the @service class, or make it reachable from another method", "method %s: %s, so %q stays a string and no hashed type is named so (the reference fails with LookupError)", m.name, why, string(ref))
		return nil
	}
	for _, m := range s.methods {
		m.req = match(m, m.req, m.reqAt)
		m.resp = match(m, m.resp, m.respAt)
	}
}

// walkLoadedServices runs the XLANG walk of every @service class loaded so
// far, in the order their class statements ended, up to (not including)
// until when it is set, for the automatic tags they give (docs/python.md "Dataclasses, identity and fields"): a class
// tagged by an earlier walk passes its tag on to subclasses that a later
// walk reaches.
func (l *Loader) walkLoadedServices(until *class) {
	l.quiet = true
	defer func() { l.quiet = false }()
	for l.walkedBelow < len(l.serviceClasses) && l.walked[l.serviceClasses[l.walkedBelow]] {
		l.walkedBelow++
	}
	if until != nil && until.serviceAt > 0 && until.serviceAt <= l.walkedBelow {
		return // until and all before it are walked
	}
	for _, c := range l.serviceClasses[l.walkedBelow:] {
		if c == until {
			return
		}
		if l.walked[c] {
			continue
		}
		l.walked[c] = true
		err := try(func() {
			s := l.newSvc(c)
			if s.xlang {
				l.findMethods(s)
				l.xlangWalk(s)
			}
		})
		if err != nil && l.undecided == nil {
			l.undecided = err
		}
	}
}

var pyTypeNames = map[string]string{
	"builtins.int": "int", "builtins.float": "float", "builtins.str": "str",
	"builtins.bool": "bool", "builtins.bytes": "bytes",
}

func (l *Loader) typeName(v Value) (name, tag string, fields []manifest.Field) {
	switch x := v.(type) {
	case *known:
		return pyTypeNames[x.name], "", []manifest.Field{}
	case *class:
		return x.name, l.wireTagOf(x), l.describeFields(x)
	}
	return "", "", []manifest.Field{}
}

func (l *Loader) describeMethod(m *method) manifest.Method {
	d := manifest.Method{
		Name: m.name, Pattern: m.pattern, Idempotent: m.idempotent,
		RequestStyle: m.style, InlineParams: []manifest.Field{}, Tags: []string{},
	}
	d.RequestType, d.RequestWireTag, d.Fields = l.typeName(m.req)
	d.ResponseType, d.ResponseWireTag, d.ResponseFields = l.typeName(m.resp)
	if m.style == "inline" {
		d.InlineParams = d.Fields
	}
	switch t := m.timeout.(type) {
	case *big.Int:
		d.Timeout = jsonInt(t)
	case float64:
		d.Timeout = t
	}
	mod := m.fn.mod
	if m.meta != nil {
		for _, k := range m.meta.kwargs {
			switch k.name {
			case "description":
				s, ok := k.v.(string)
				if !ok {
					fail(mod, k.node, "Use a constant string", "Metadata description must be a string")
				}
				checkString(mod, k.node, s)
				d.Description = s
			case "tags":
				d.Tags = l.tagList(mod, k.node, k.v)
				for _, t := range d.Tags {
					checkString(mod, k.node, t)
				}
			case "deprecated":
				b, ok := k.v.(bool)
				if !ok {
					fail(mod, k.node, "Use True or False", "Metadata deprecated must be a bool")
				}
				d.Deprecated = b
			}
		}
		if len(m.meta.args) > 0 {
			s, ok := m.meta.args[0].(string)
			if !ok {
				fail(mod, m.meta.node, "Use a constant string", "Metadata description must be a string")
			}
			d.Description = s
		}
		if d.Tags == nil {
			d.Tags = []string{}
		}
	} else {
		d.Description = docFirstParagraph(l.docstring(m.fn))
		checkString(mod, m.fn.node, d.Description)
	}
	return d
}

// intPrintable reports whether CPython converts the integer to text (at
// most 4300 digits, sys.int_max_str_digits).
func intPrintable(x *big.Int) bool {
	return x.BitLen() < 14000 || len(new(big.Int).Abs(x).String()) <= 4300
}

func jsonInt(i *big.Int) any {
	if i.IsInt64() {
		return i.Int64()
	}
	return new(big.Int).Set(i)
}

// docstring returns the function's docstring, or "".
func (l *Loader) docstring(f *function) string {
	body := f.node.Child("body")
	if body == nil {
		return ""
	}
	st := body.NamedChildren()
	if len(st) == 0 || st[0].Kind() != "expression_statement" {
		return ""
	}
	e := st[0].NamedChildren()
	if len(e) != 1 || (e[0].Kind() != "string" && e[0].Kind() != "concatenated_string") {
		return ""
	}
	if isFString(e[0]) {
		return ""
	}
	var v Value
	if try(func() { v = l.evalString(scope{mod: f.mod}, e[0]) }) != nil {
		return ""
	}
	s, _ := v.(string)
	return s
}

func isFString(n *pyparse.Node) bool {
	for _, c := range n.Children() {
		if c.Kind() == "string_start" && strings.ContainsAny(c.Text(), "fF") {
			return true
		}
		if c.Kind() == "string" && isFString(c) {
			return true
		}
	}
	return false
}

// isPySpace is Python's str.isspace.
func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// docFirstParagraph implements docs/formats.md "The manifest".
func docFirstParagraph(doc string) string {
	var out []string
	for _, ln := range splitLines(strings.TrimFunc(doc, isPySpace)) {
		ln = strings.TrimFunc(ln, isPySpace)
		if ln == "" {
			if len(out) > 0 {
				break
			}
			continue
		}
		out = append(out, ln)
	}
	return strings.Join(out, " ")
}

// splitLines is str.splitlines.
func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\r':
			out = append(out, s[start:i])
			if i+1 < len(s) && s[i+1] == '\n' {
				w = 2
			}
			start = i + w
		case '\n', 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			out = append(out, s[start:i])
			start = i + w
		}
		i += w
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// describeFields builds the field descriptors of a class.
func (l *Loader) describeFields(c *class) []manifest.Field {
	fs := l.fields(c)
	out := make([]manifest.Field, 0, len(fs))
	for _, f := range fs {
		out = append(out, l.describeField(c, f))
	}
	return out
}

func (l *Loader) describeField(c *class, f *dcField) manifest.Field {
	t := l.fieldType(c, f, final)
	mod, at := f.owner.mod, f.anno()
	d := manifest.Field{Name: f.name, Tags: []string{}, Properties: manifest.NoProperties}
	l.classify(mod, at, t, &d)
	switch {
	case f.factory != nil:
		switch {
		case isKnown(f.factory, "builtins.list"):
			d.DefaultKind = "empty_list"
		case isKnown(f.factory, "builtins.dict"):
			d.DefaultKind = "empty_map"
		default:
			d.DefaultKind = "factory"
		}
	case f.hasDefault:
		d.DefaultKind = "value"
		def := f.defNode
		if def == nil {
			def = at
		}
		d.DefaultValue = l.renderDefault(mod, def, f.def)
	default:
		d.Required, d.DefaultKind = true, "none"
	}
	if f.meta != nil {
		d.Description = f.meta.desc
		if f.meta.tags != nil {
			d.Tags = f.meta.tags
		}
	}
	if d.Description == "" || len(d.Tags) == 0 {
		if desc, tags, ok := l.wireMetaFor(c, f.name); ok {
			if d.Description == "" {
				d.Description = desc
			}
			if len(d.Tags) == 0 && tags != nil {
				d.Tags = tags
			}
		}
	}
	checkString(mod, at, d.Description)
	for _, t := range d.Tags {
		checkString(mod, at, t)
	}
	return d
}

// wireMetaFor reads @wire_type(metadata={name: Metadata(...)}) through the MRO.
func (l *Loader) wireMetaFor(c *class, name string) (string, []string, bool) {
	for _, k := range l.mro(c) {
		if k.wireMeta == nil || isNone(k.wireMeta) {
			continue
		}
		d, ok := k.wireMeta.(*dict)
		if !ok {
			fail(k.mod, k.wireNode, "Use a dict display of Metadata(...)", "@wire_type metadata must be a dict")
		}
		for i, key := range d.keys {
			if key != name {
				continue
			}
			mc, ok := d.vals[i].(*call)
			if !ok || mc.fn != "aster.Metadata" {
				fail(k.mod, k.wireNode, "Use Metadata(...)", "@wire_type metadata values must be Metadata(...)")
			}
			var desc string
			var tags []string
			if len(mc.args) > 0 {
				desc, _ = mc.args[0].(string)
			}
			if kw, ok := mc.kw("description"); ok {
				desc, _ = kw.v.(string)
			}
			if kw, ok := mc.kw("tags"); ok {
				tags = l.tagList(k.mod, kw.node, kw.v)
			}
			return desc, tags, true
		}
		return "", nil, false
	}
	return "", nil, false
}

// strp returns a pointer to s, the same for equal strings.
func (l *Loader) strp(s string) *string {
	if p, ok := l.strs[s]; ok {
		return p
	}
	if l.strs == nil {
		l.strs = map[string]*string{}
	}
	p := new(string) // not &s, which would move s to the heap on every call
	*p = s
	l.strs[s] = p
	return p
}

// boolp returns a pointer to b: one of two shared values, never modified.
func boolp(b bool) *bool {
	if b {
		return &trueValue
	}
	return &falseValue
}

var trueValue, falseValue = true, false

var kindNames = map[string]string{
	"builtins.str": "string", "builtins.int": "int", "builtins.float": "float",
	"builtins.bool": "bool", "builtins.bytes": "bytes",
}

// classify fills kind, nullable and the extra keys (docs/formats.md "The manifest").
func (l *Loader) classify(m *module, n *pyparse.Node, t Value, d *manifest.Field) {
	t, d.Nullable = optionalArm(t)
	d.Kind = "string"
	if k, ok := t.(*known); ok {
		if kind, ok := kindNames[k.name]; ok {
			d.Kind = kind
			return
		}
		switch k.name {
		case "builtins.dict":
			d.Kind, d.KeyKind, d.ValueKind, d.ValueNullable = "map", l.strp("string"), l.strp("string"), boolp(false)
			return
		case "builtins.list":
			d.Kind, d.ItemKind, d.ItemNullable = "list", l.strp("string"), boolp(false)
			return
		}
	}
	if c, ok := t.(*class); ok {
		if vals := l.enumValues(m, n, c); vals != nil {
			d.Kind, d.RefName, d.EnumValues = "enum", l.strp(c.name), vals
			return
		}
		if dc := l.dataclassOf(m, n, c); dc != nil {
			d.Kind, d.RefName, d.WireTag = "ref", l.strp(c.name), l.strp(l.wireTagOf(dc))
			return
		}
	}
	o, args := originOf(t)
	switch {
	case isKnown(o, "builtins.list"):
		d.Kind = "list"
		if len(args) == 0 {
			d.ItemKind, d.ItemNullable = l.strp("string"), boolp(false)
			return
		}
		var item manifest.Field
		l.classify(m, n, args[0], &item)
		d.ItemKind, d.ItemNullable = l.strp(item.Kind), boolp(item.Nullable)
		if item.RefName != nil && *item.RefName != "" {
			d.ItemRef = item.RefName
		}
		if item.WireTag != nil && *item.WireTag != "" {
			d.ItemWireTag = item.WireTag
		}
	case isKnown(o, "builtins.dict"):
		d.Kind = "map"
		if len(args) < 2 {
			d.KeyKind, d.ValueKind, d.ValueNullable = l.strp("string"), l.strp("string"), boolp(false)
			return
		}
		var key, val manifest.Field
		l.classify(m, n, args[0], &key)
		l.classify(m, n, args[1], &val)
		d.KeyKind, d.ValueKind, d.ValueNullable = l.strp(key.Kind), l.strp(val.Kind), boolp(val.Nullable)
		if val.RefName != nil && *val.RefName != "" {
			d.ValueRef = val.RefName
		}
	}
}

// enumValues returns the JSON values of an enum's members, or nil when the
// class is not an enum.
func (l *Loader) enumValues(m *module, n *pyparse.Node, c *class) []any {
	members := l.enumMembers(c)
	if members == nil {
		if f, _ := l.enumFlavour(c); f == "" {
			return nil
		}
	}
	flavour, _ := l.enumFlavour(c)
	out := []any{}
	for _, mem := range members {
		if mem.cls == nil {
			continue
		}
		if (flavour == "Flag" || flavour == "IntFlag") && !singleBit(mem.value) {
			continue
		}
		v, ok := jsonValue(mem.value)
		if !ok {
			fail(m, n, "Use JSON-compatible enum values", "a member value of enum %s cannot be written as JSON", c.name)
		}
		out = append(out, v)
	}
	return out
}

// jsonValue converts a constant to a pyjson value.
func jsonValue(v Value) (any, bool) {
	switch x := v.(type) {
	case noneV:
		return nil, true
	case bool:
		return x, true
	case *big.Int:
		return jsonInt(x), intPrintable(x)
	case float64:
		return x, true
	case string:
		return x, validUTF8(x)
	case tuple:
		out := []any{}
		for _, e := range x {
			j, ok := jsonValue(e)
			if !ok {
				return nil, false
			}
			out = append(out, j)
		}
		return out, true
	}
	return nil, false
}
