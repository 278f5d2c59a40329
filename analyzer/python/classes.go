package python

import (
	"math/big"
	"slices"
	"strings"

	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// mro returns the C3 linearisation of a class over source classes.
func (l *Loader) mro(c *class) []*class {
	if c.mroCache != nil {
		return c.mroCache
	}
	if c.basesErr != nil {
		panic(c.basesErr)
	}
	c.mroCache = []*class{c} // guards against cycles while computing
	if !slices.ContainsFunc(c.bases, func(b Value) bool { return baseClass(b) != nil }) {
		return c.mroCache // no source class among the bases: the class alone
	}
	var seqs [][]*class
	var direct []*class
	for _, b := range c.bases {
		if bc := baseClass(b); bc != nil {
			seqs = append(seqs, append([]*class(nil), l.mro(bc)...))
			direct = append(direct, bc)
		}
	}
	seqs = append(seqs, direct)
	out := []*class{c}
	for {
		var nonEmpty [][]*class
		for _, s := range seqs {
			if len(s) > 0 {
				nonEmpty = append(nonEmpty, s)
			}
		}
		if len(nonEmpty) == 0 {
			break
		}
		var pick *class
		for _, s := range nonEmpty {
			cand := s[0]
			inTail := false
			for _, t := range nonEmpty {
				for _, x := range t[1:] {
					if x == cand {
						inTail = true
					}
				}
			}
			if !inTail {
				pick = cand
				break
			}
		}
		if pick == nil {
			c.mroCache = nil
			fail(c.mod, c.node, "Reorder the base classes", "cannot create a consistent method resolution order for class %s", c.name)
		}
		out = append(out, pick)
		for i, s := range nonEmpty {
			if s[0] == pick {
				nonEmpty[i] = s[1:]
			}
		}
		seqs = nonEmpty
	}
	c.mroCache = out
	return out
}

// baseClass returns the source class a base expression names.
func baseClass(b Value) *class {
	switch x := b.(type) {
	case *class:
		return x
	case *generic:
		if c, ok := x.origin.(*class); ok {
			return c
		}
	}
	return nil
}

// knownBases lists the modelled bases anywhere in the class's MRO.
func (l *Loader) knownBases(c *class) []string {
	var out []string
	for _, k := range l.mro(c) {
		for _, b := range k.bases {
			switch x := b.(type) {
			case *known:
				out = append(out, x.name)
			case *generic:
				if o, ok := x.origin.(*known); ok {
					out = append(out, o.name)
				}
			case *opaque:
				out = append(out, x.name)
			}
		}
	}
	return out
}

// isDataclass reports whether dataclasses.is_dataclass holds for c: it is
// decorated, or inherits from a dataclass (then with the inherited fields
// only).
func (l *Loader) isDataclass(c *class) bool {
	return c.dataclass != nil || l.inheritsDataclass(c)
}

// inheritsDataclass reports a class with a dataclass among its bases.
func (l *Loader) inheritsDataclass(c *class) bool {
	for _, k := range l.mro(c)[1:] {
		if k.dataclass != nil {
			return true
		}
	}
	return false
}

// enumFlavour returns the enum base kind ("Enum", "IntEnum", "StrEnum",
// "Flag", "IntFlag") and a mix-in ("str", "int", "float", ""), or "" when
// the class is not an enum.
func (l *Loader) enumFlavour(c *class) (flavour, mixin string) {
	for _, b := range l.knownBases(c) {
		switch b {
		case "enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag":
			if flavour == "" {
				flavour = b[5:]
			}
		case "builtins.str", "builtins.int", "builtins.float":
			if mixin == "" {
				mixin = b[9:]
			}
		}
	}
	switch flavour {
	case "IntEnum", "IntFlag":
		mixin = "int"
	case "StrEnum":
		mixin = "str"
	}
	return
}

// enumMembers returns the members of an enum class (aliases included,
// marked by pointing at the canonical member), or nil for other classes.
func (l *Loader) enumMembers(c *class) []*enumMember {
	flavour, mixin := l.enumFlavour(c)
	if flavour == "" {
		return nil
	}
	var out []*enumMember
	var lastValues []Value
	values := valueIndex{}
	for _, name := range c.names {
		if !enumMemberName(c, name) {
			continue
		}
		v, _ := c.ns.lookup(name, final)
		switch v := v.(type) {
		case *function:
			continue
		case *class:
			fail(c.mod, c.node, "Move the nested class out of the enum", "nested class %s in enum %s cannot be analysed", name, c.name)
		case *failed:
			panic(v.err)
		}
		if a, ok := v.(*call); ok && a.fn == "enum.auto" {
			v = l.autoValue(c, flavour, name, lastValues)
		}
		lastValues = append(lastValues, v)
		switch mixin {
		case "str":
			s, ok := pyStr(v)
			if !ok {
				fail(c.mod, c.node, "Use constant member values", "member %s of enum %s cannot be converted to str statically", name, c.name)
			}
			v = s
		case "int":
			i, ok := builtinCall("builtins.int", &call{args: []Value{v}})
			if !ok {
				fail(c.mod, c.node, "Use constant member values", "member %s of enum %s cannot be converted to int statically", name, c.name)
			}
			v = i
		case "float":
			f, ok := asFloat(v)
			if !ok {
				fail(c.mod, c.node, "Use constant member values", "member %s of enum %s cannot be converted to float statically", name, c.name)
			}
			v = f
		}
		if !isConstant(v) {
			fail(c.mod, c.node, "Use constant member values", "member %s of enum %s has a value that cannot be determined statically", name, c.name)
		}
		m := &enumMember{cls: c, name: name, value: v}
		if o := values.find(v); o != nil {
			if c.unique != nil {
				fail(c.mod, c.unique, "Give every member a distinct value", "duplicate values in @unique enum %s: %s -> %s", c.name, name, o.name)
			}
			m.cls = nil // alias
			m.value = o
		} else {
			values.add(m)
		}
		out = append(out, m)
	}
	return out
}

// autoValue is the value enum.auto() takes, as CPython 3.11's
// _generate_next_value_ computes it from the values assigned so far.
func (l *Loader) autoValue(c *class, flavour, name string, last []Value) Value {
	bad := func() Value {
		fail(c.mod, c.node, "Give the members explicit values", "auto() in enum %s cannot be computed statically after these values", c.name)
		return nil
	}
	switch flavour {
	case "StrEnum":
		return strings.ToLower(name)
	case "Flag", "IntFlag":
		if len(last) == 0 {
			return bigInt(1)
		}
		var hi *big.Int
		for _, v := range last {
			i, ok := asInt(v)
			if !ok {
				return bad()
			}
			if hi == nil || i.Cmp(hi) > 0 {
				hi = i
			}
		}
		return new(big.Int).Lsh(bigInt(1), uint(hi.BitLen()))
	}
	if len(last) == 0 {
		return bigInt(1)
	}
	numeric := true
	for _, v := range last {
		if _, ok := asFloat(v); !ok {
			numeric = false
		}
	}
	if numeric {
		// Sorted: the maximum plus one.
		best := last[0]
		for _, v := range last[1:] {
			fb, _ := asFloat(best)
			fv, _ := asFloat(v)
			if fv > fb {
				best = v
			}
		}
		return plusOne(best)
	}
	allStr := true
	for _, v := range last {
		if _, ok := v.(string); !ok {
			allStr = false
		}
	}
	if allStr {
		return bigInt(1)
	}
	// Unsortable: the last value that supports + 1.
	for i := len(last) - 1; i >= 0; i-- {
		if _, ok := asFloat(last[i]); ok {
			return plusOne(last[i])
		}
		if _, ok := last[i].(tuple); !ok {
			if _, ok := last[i].(string); !ok {
				return bad()
			}
		}
	}
	return bigInt(1)
}

// plusOne is v + 1 for an int, bool or float.
func plusOne(v Value) Value {
	if f, ok := v.(float64); ok {
		return f + 1
	}
	i, _ := asInt(v)
	return new(big.Int).Add(i, bigInt(1))
}

// enumMemberName reports whether a class-body name of an enum can be a
// member: not _sunder_, __dunder__ or private.
func enumMemberName(c *class, name string) bool {
	n := len(name)
	switch {
	case n > 4 && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__"):
		return false
	case n > 2 && name[0] == '_' && name[n-1] == '_' && name[1] != '_' && name[n-2] != '_':
		return false
	case strings.HasPrefix(name, "__") || strings.HasPrefix(name, "_"+strings.TrimLeft(c.name, "_")+"__"):
		return false
	}
	return true
}

// canonical resolves an alias member to its canonical member.
func (m *enumMember) canonical() *enumMember {
	if m.cls == nil {
		return m.value.(*enumMember)
	}
	return m
}

func isConstant(v Value) bool {
	switch x := v.(type) {
	case noneV, bool, *big.Int, float64, string, pyBytes:
		return true
	case tuple:
		for _, e := range x {
			if !isConstant(e) {
				return false
			}
		}
		return true
	}
	return false
}

// valueIndex finds the first member added whose value is constEqual to a
// value without comparing it with every member: values can only be equal
// within one bucket (numbers by their float value, strings and bytes by
// their text, anything else together).
type valueIndex map[valueKey][]*enumMember

type valueKey struct {
	kind byte // 'n' number, 's' str, 'b' bytes, 'o' anything else
	num  float64
	text string
}

// keyOf returns the bucket of v; ok is false for a value equal to nothing
// (NaN, or an integer too large for a float).
func keyOf(v Value) (k valueKey, ok bool) {
	if f, isNum := asFloat(v); isNum {
		return valueKey{kind: 'n', num: f}, f == f
	}
	switch v := v.(type) {
	case *big.Int:
		return k, false
	case string:
		return valueKey{kind: 's', text: v}, true
	case pyBytes:
		return valueKey{kind: 'b', text: string(v)}, true
	}
	return valueKey{kind: 'o'}, true
}

// find returns the first member added whose value equals v, or nil.
func (x valueIndex) find(v Value) *enumMember {
	if k, ok := keyOf(v); ok {
		for _, o := range x[k] {
			if constEqual(o.value, v) {
				return o
			}
		}
	}
	return nil
}

// add adds a member.
func (x valueIndex) add(m *enumMember) {
	if k, ok := keyOf(m.value); ok {
		x[k] = append(x[k], m)
	}
}

// constEqual is Python == on constants (1 == 1.0 == True).
func constEqual(a, b Value) bool {
	if fa, ok := asFloat(a); ok {
		if fb, ok := asFloat(b); ok {
			ia, aInt := asInt(a)
			ib, bInt := asInt(b)
			if aInt && bInt {
				return ia.Cmp(ib) == 0
			}
			return fa == fb
		}
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case pyBytes:
		y, ok := b.(pyBytes)
		return ok && x == y
	case noneV:
		return isNone(b)
	case tuple:
		y, ok := b.(tuple)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !constEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// dcField is a dataclass field as dataclasses.fields() reports it.
type dcField struct {
	name    string
	owner   *class
	decl    *fieldDecl
	def     Value
	factory Value
	// meta is the description and tags given in the field's metadata,
	// nil without them.
	meta       *fieldMeta
	hasDefault bool
	hasMeta    bool
	kwOnly     bool
	kwOnlySet  bool
	init       bool
	// classVar marks a ClassVar pseudo-field, pseudo any pseudo-field
	// (ClassVar or InitVar).
	classVar, pseudo bool
	// defNode is where the default was written.
	defNode *pyparse.Node
	// typ is the resolved type of a Mode 2 field.
	typ Value
}

// fieldMeta is the description and tags of a field's metadata.
type fieldMeta struct {
	desc string
	tags []string
}

// metadata returns the field's metadata, made empty if it has none.
func (f *dcField) metadata() *fieldMeta {
	if f.meta == nil {
		f.meta = &fieldMeta{}
	}
	return f.meta
}

// fieldSpecial classifies a class-body annotation: "" (a field),
// "classvar", "initvar" or "kwonly".
func (l *Loader) fieldSpecial(c *class, fd *fieldDecl) string {
	node := fd.anno
	if node.Kind() != "string" && c.mod.future {
		// Recognised by the leading (dotted) name, in the module.
		lead := node
		if lead.Kind() == "subscript" {
			lead = lead.Child("value")
		}
		if lead.Kind() != "identifier" && lead.Kind() != "attribute" {
			return ""
		}
		var v Value
		if try(func() { v = l.eval(scope{mod: c.mod, at: final}, lead) }) != nil {
			return ""
		}
		return specialOf(v)
	}
	if node.Kind() == "string" {
		text := ""
		var sv Value
		if err := try(func() { sv = l.evalString(scope{mod: c.mod}, node) }); err == nil {
			text, _ = sv.(string)
		}
		lead := strings.TrimSpace(text)
		if i := strings.IndexAny(lead, "[ "); i >= 0 {
			lead = lead[:i]
		}
		var v Value
		err := try(func() {
			f, perr := pyparse.Parse(lead)
			if perr != nil || len(f.Root.NamedChildren()) != 1 {
				return
			}
			e := f.Root.NamedChildren()[0].NamedChildren()
			if len(e) == 1 {
				v = l.eval(scope{mod: c.mod, at: final}, e[0])
			}
		})
		if err != nil {
			return ""
		}
		return specialOf(v)
	}
	// A subscript is special as what it subscripts is (ClassVar[int] as
	// ClassVar), so only that is evaluated: get_type_hints evaluates the
	// whole annotation later.
	if node.Kind() == "subscript" {
		node = node.Child("value")
	}
	var v Value
	if err := try(func() { v = l.eval(scope{mod: c.mod, cls: c, at: fd.seq}, node) }); err != nil {
		return ""
	}
	return specialOf(v)
}

func specialOf(v Value) string {
	switch x := v.(type) {
	case *known:
		switch x.name {
		case "typing.ClassVar":
			return "classvar"
		case "dataclasses.KW_ONLY":
			return "kwonly"
		case "dataclasses.InitVar":
			return "initvar"
		}
	case *generic:
		return specialOf(x.origin)
	case *call:
		if x.fn == "dataclasses.InitVar" {
			return "initvar"
		}
	}
	return ""
}

// fields emulates dataclasses.fields(cls): the fields of every dataclass
// in the MRO, most basic first, a redefined name keeping its first
// position; ClassVar and InitVar pseudo-fields take part in that order but
// are not returned.
func (l *Loader) fields(c *class) []*dcField {
	if c.synth {
		return c.synthFields
	}
	if c.fieldsCache != nil {
		return c.fieldsCache
	}
	mro := l.mro(c)
	// The fields by first appearance from the base down, each the last
	// declared; a name's position is looked up only once a second
	// dataclass adds fields.
	var ordered []*dcField
	var index map[string]int
	for i := len(mro) - 1; i >= 0; i-- {
		k := mro[i]
		if k.dataclass == nil {
			continue
		}
		own := l.ownFields(k)
		if ordered == nil {
			ordered = slices.Clip(own)
			continue
		}
		if index == nil {
			ordered = slices.Clone(ordered) // not own's array
			index = make(map[string]int, len(ordered)+len(own))
			for j, f := range ordered {
				index[f.name] = j
			}
		}
		for _, f := range own {
			if j, ok := index[f.name]; ok {
				ordered[j] = f
			} else {
				index[f.name] = len(ordered)
				ordered = append(ordered, f)
			}
		}
	}
	var out []*dcField
	if !isFalse(dcOption(c, "init")) {
		seenDefault := false
		for _, f := range ordered {
			if f.classVar || !f.init || f.kwOnly {
				continue
			}
			switch {
			case f.hasDefault || f.factory != nil:
				seenDefault = true
			case seenDefault:
				fail(f.owner.mod, f.anno(), "Give "+f.name+" a default, or make it keyword-only", "non-default argument '%s' follows default argument in dataclass %s", f.name, c.name)
			}
		}
	}
	out = make([]*dcField, 0, len(ordered))
	for _, f := range ordered {
		if !f.pseudo {
			out = append(out, f)
		}
	}
	c.fieldsCache = out
	return out
}

// ownFields returns the fields and pseudo-fields a dataclass declares, in
// the order of its __annotations__ (first annotation of each name, with
// the last annotation's type).
func (l *Loader) ownFields(k *class) []*dcField {
	var room [32]namedDecl // most classes' declarations, without a heap allocation
	decls := l.lastDecls(k, room[:0])
	kwOnly := isTrue(dcOption(k, "kw_only"))
	out := make([]*dcField, 0, len(decls))
	// One allocation for the class's fields.
	slab := make([]dcField, len(decls))
	for i, d := range decls {
		fd := d.last
		special := l.fieldSpecial(k, fd)
		if special == "kwonly" {
			kwOnly = true
			continue
		}
		f := &slab[i]
		l.fieldOf(k, fd, f)
		f.classVar, f.pseudo = special == "classvar", special != ""
		if special != "" && f.factory != nil {
			fail(k.mod, fd.anno, "Use a plain default", "field %s cannot have a default factory", f.name)
		}
		if special == "classvar" && f.kwOnlySet {
			fail(k.mod, fd.anno, "Remove kw_only", "field %s is a ClassVar but specifies kw_only", f.name)
		}
		if special == "" && f.hasDefault {
			l.checkHashable(k.mod, f.defNode, f.def)
		}
		if !f.kwOnlySet {
			f.kwOnly = kwOnly
		}
		out = append(out, f)
	}
	return out
}

// lastDecls appends to out the names the class body annotates, mangled,
// in the order of their first annotation, each with its last declaration.
// A map finds repeated names only in large classes; small ones are
// scanned.
func (l *Loader) lastDecls(k *class, out []namedDecl) []namedDecl {
	var index map[string]int
	if len(k.fields) > 32 {
		index = make(map[string]int, len(k.fields))
	}
	for j := range k.fields {
		fd := &k.fields[j]
		n := mangle(k, fd.name)
		i, seen := index[n]
		if index == nil {
			i = slices.IndexFunc(out, func(d namedDecl) bool { return d.name == n })
			seen = i >= 0
		}
		if seen {
			out[i].last = fd
			continue
		}
		if index != nil {
			index[n] = len(out)
		}
		out = append(out, namedDecl{n, fd})
	}
	return out
}

// namedDecl is an annotated name of a class body and its last declaration.
type namedDecl struct {
	name string
	last *fieldDecl
}

func isTrue(v Value) bool { b, ok := v.(bool); return ok && b }

// dcOption returns a keyword of the class's dataclass decorator.
func dcOption(c *class, name string) Value {
	if c.dataclass == nil {
		return nil
	}
	if k, ok := c.dataclass.kw(name); ok {
		return k.v
	}
	return nil
}

// mangle applies private name mangling.
func mangle(c *class, name string) string {
	if strings.HasPrefix(name, "__") && !strings.HasSuffix(name, "__") {
		return "_" + strings.TrimLeft(c.name, "_") + name
	}
	return name
}

// isFieldCall reports a dataclasses.field() (or aster.describe()) value.
func isFieldCall(v Value) (*call, bool) {
	fc, ok := v.(*call)
	return fc, ok && (fc.fn == "dataclasses.field" || fc.fn == "aster.describe")
}

// classAttr emulates getattr(k, name) while k is being processed: k's own
// body, then its bases, where a processed dataclass replaced a field()
// attribute by its default (or deleted it).
func (l *Loader) classAttr(k *class, name string) (Value, bool) {
	for _, c := range l.mro(k) {
		v, ok := classDictGet(c, name)
		if !ok {
			continue
		}
		if f, ok := v.(*failed); ok {
			panic(f.err)
		}
		if fc, ok := isFieldCall(v); ok && c != k && c.dataclass != nil {
			d, has := fc.kw("default")
			if !has {
				continue
			}
			return d.v, true
		}
		return v, true
	}
	return nil, false
}

// classDictGet reads a (mangled) attribute name from a class body, whose
// bindings are kept as written: "_C__x" is also bound by "__x" in C.
func classDictGet(c *class, name string) (Value, bool) {
	v, seq, ok := c.ns.lookupSeq(name, final)
	prefix := "_" + strings.TrimLeft(c.name, "_")
	if raw, found := strings.CutPrefix(name, prefix); found && strings.HasPrefix(raw, "__") && !strings.HasSuffix(raw, "__") {
		if rv, rseq, rok := c.ns.lookupSeq(raw, final); rok && (!ok || rseq > seq) {
			return rv, true
		}
	}
	return v, ok
}

// fieldOf fills f with the field that fd declares in dataclass c: its
// default or default factory and its field() options.
func (l *Loader) fieldOf(c *class, fd *fieldDecl, f *dcField) {
	name := mangle(c, fd.name)
	*f = dcField{name: name, owner: c, decl: fd, init: true}
	v, ok := l.classAttr(c, name)
	if !ok {
		return
	}
	at := fd.value
	if at == nil {
		at = fd.anno
	}
	if fc, ok := isFieldCall(v); ok {
		if fc.fn == "aster.describe" {
			if len(fc.args) > 0 {
				f.metadata().desc, _ = fc.args[0].(string)
			}
			if k, ok := fc.kw("description"); ok {
				f.metadata().desc, _ = k.v.(string)
			}
			f.hasMeta = true
			if k, ok := fc.kw("tags"); ok {
				f.metadata().tags = l.tagList(c.mod, k.node, k.v)
			}
		}
		d, hasD := fc.kw("default")
		fac, hasF := fc.kw("default_factory")
		if hasD && hasF {
			fail(c.mod, fc.node, "Give either default or default_factory", "cannot specify both default and default_factory")
		}
		if hasD {
			f.hasDefault, f.def = true, d.v
		}
		if hasF {
			f.factory = fac.v
		}
		if k, ok := fc.kw("kw_only"); ok {
			f.kwOnly, f.kwOnlySet = isTrue(k.v), true
		}
		if k, ok := fc.kw("init"); ok {
			if b, ok := k.v.(bool); ok {
				f.init = b
			}
		}
		if k, ok := fc.kw("metadata"); ok {
			l.fieldMetadata(c.mod, k.node, k.v, f)
		}
		f.defNode = d.node
		return
	}
	f.hasDefault, f.def, f.defNode = true, v, at
}

// fieldMetadata reads field(metadata={"aster": {"description": …, "tags": …}}).
func (l *Loader) fieldMetadata(m *module, n *pyparse.Node, v Value, f *dcField) {
	d, ok := v.(*dict)
	if !ok {
		return
	}
	for i, k := range d.keys {
		if k != "aster" {
			continue
		}
		inner, ok := d.vals[i].(*dict)
		if !ok {
			fail(m, n, "Use a dict display", "metadata['aster'] must be a dict")
		}
		f.hasMeta = true
		for j, ik := range inner.keys {
			switch ik {
			case "description":
				s, ok := inner.vals[j].(string)
				if !ok {
					fail(m, n, "Use a constant string", "metadata description must be a string")
				}
				f.metadata().desc = s
			case "tags":
				f.metadata().tags = l.tagList(m, n, inner.vals[j])
			}
		}
	}
}

// tagList converts tags to a list of strings (a string becomes its
// characters, as the reference does).
func (l *Loader) tagList(m *module, n *pyparse.Node, v Value) []string {
	var items []Value
	switch x := v.(type) {
	case nil, noneV:
		return nil
	case string:
		var out []string
		for _, r := range x {
			out = append(out, string(r))
		}
		return out
	case list:
		items = x
	case tuple:
		items = x
	default:
		fail(m, n, "Use a list of constant strings", "tags must be a list of strings")
	}
	out := []string{}
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			fail(m, n, "Use a list of constant strings", "tags must be a list of strings")
		}
		out = append(out, s)
	}
	return out
}

// checkHashable rejects defaults dataclasses refuses (unhashable types).
func (l *Loader) checkHashable(m *module, n *pyparse.Node, v Value) {
	switch x := v.(type) {
	case list, *dict:
		fail(m, n, "Use field(default_factory=...)", "mutable default %s for a field is not allowed", strings.TrimSpace(n.Text()))
	case *instance:
		if x.cls.dataclass != nil && !isTrue(dcOption(x.cls, "frozen")) {
			if eq := dcOption(x.cls, "eq"); eq == nil || isTrue(eq) {
				fail(m, n, "Use field(default_factory=...)", "mutable default %s for a field is not allowed", strings.TrimSpace(n.Text()))
			}
		}
	}
}

// singleBit reports a positive power of two (a canonical Flag member).
func singleBit(v Value) bool {
	i, ok := asInt(v)
	return ok && i.Sign() > 0 && new(big.Int).And(i, new(big.Int).Sub(i, bigInt(1))).Sign() == 0
}
