package golang

import (
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/asterkit/aster/contract"
	"github.com/asterkit/aster/contract/manifest"
)

// structInfo is an analysed wire struct.
type structInfo struct {
	key   string // type key (path.Name)
	fqn   string
	tag   string // the //aster:wire_type tag as written, "" when none
	named *types.Named
	decl  *typeDecl

	built    bool
	node     *contract.Node
	mentions []string // type keys of the structs its fields mention
	embedded []string // type keys of the structs flattened into it
	fields   []manifest.Field
	// wireTypes are the types of its wire fields, embedded ones included.
	wireTypes []types.Type
}

// registered returns the wire struct registered for a type name, or nil.
func (a *analysis) registered(obj *types.TypeName) *structInfo {
	if info, ok := a.byObj[obj]; ok {
		return info
	}
	info := a.structs[typeKey(obj)]
	if info != nil {
		a.byObj[obj] = info
	}
	return info
}

// identity returns the wire identity of a named struct type used at pos,
// registering it on first use.
func (a *analysis) identity(n *types.Named, pos token.Pos) (*structInfo, error) {
	obj := n.Obj()
	if info := a.registered(obj); info != nil {
		return info, nil
	}
	key := typeKey(obj)
	if n.TypeArgs().Len() > 0 || n.TypeParams().Len() > 0 {
		return nil, a.fail(pos, "use a non-generic struct", "generic struct %s cannot be a wire type", obj.Name())
	}
	decl := a.decls[key]
	if decl == nil {
		return nil, a.fail(pos, "add its package to the aster-gen package patterns (e.g. aster-gen ./...) or use a struct declared in an analysed package",
			"cannot read the declaration of %s: package %s is not among the analysed packages", obj.Name(), pkgPath(obj))
	}
	info := &structInfo{key: key, named: n, decl: decl}
	pkg, name := pkgPath(obj), obj.Name()
	if len(decl.dirs) == 1 && decl.dirs[0].Kind == "wire_type" {
		d := decl.dirs[0]
		if len(d.Args) != 1 || d.Args[0].HasValue {
			return nil, a.fail(d.Pos, "write //aster:wire_type package/Name", "//aster:wire_type takes exactly one tag")
		}
		info.tag = d.Args[0].Key
		ns, typename := "", info.tag
		if i := strings.LastIndex(info.tag, "/"); i >= 0 {
			ns, typename = info.tag[:i], info.tag[i+1:]
		}
		if typename == "" {
			return nil, a.fail(d.Args[0].Pos, "write //aster:wire_type package/Name with a non-empty Name", "wire tag %q has no type name", info.tag)
		}
		if ns != "" {
			pkg = ns
		}
		name = typename
	} else {
		a.warn("wire struct " + key + " has no //aster:wire_type directive; its wire identity is its Go import path and name, which no Python declaration can match")
	}
	info.fqn = pkg + "." + name
	a.structs[key] = info
	a.byObj[obj] = info
	return info, nil
}

func pkgPath(obj types.Object) string {
	if obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path()
}

// graph builds every struct reachable from the roots and returns their
// type keys, sorted.
func (a *analysis) graph(roots []string) ([]string, error) {
	seen := map[string]bool{}
	queue := slices.Clone(roots)
	for len(queue) > 0 {
		k := queue[0]
		queue = queue[1:]
		if seen[k] {
			continue
		}
		seen[k] = true
		if err := a.buildStruct(k); err != nil {
			return nil, err
		}
		queue = append(queue, a.structs[k].mentions...)
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	owners := map[string]string{}
	for _, k := range keys {
		info := a.structs[k]
		if prev, dup := owners[info.fqn]; dup {
			return nil, a.fail(info.decl.spec.Name.Pos(), "give each wire struct of a service its own //aster:wire_type tag",
				"wire identity %s of %s is also used by %s in the same service", info.fqn, k, prev)
		}
		owners[info.fqn] = k
	}
	return keys, nil
}

// withEmbedded adds the structs flattened into the given ones.
func (a *analysis) withEmbedded(keys []string) []string {
	out := slices.Clone(keys)
	for _, k := range keys {
		out = append(out, a.structs[k].embedded...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// wireField is one field of a wire struct after flattening.
type wireField struct {
	name  string
	v     *types.Var
	fixed bool
}

// buildStruct computes a registered struct's node, mentions and field
// descriptors.
func (a *analysis) buildStruct(key string) error {
	info := a.structs[key]
	if info.built {
		return nil
	}
	info.built = true
	var fields []wireField
	if err := a.flatten(info, info.named.Underlying().(*types.Struct), map[string]bool{key: true}, &fields); err != nil {
		return err
	}
	node := &contract.Node{Kind: contract.Message, Name: info.fqn}
	if i := strings.LastIndex(info.fqn, "."); i >= 0 {
		node.Package, node.Name = info.fqn[:i], info.fqn[i+1:]
	}
	names := make(map[string]*types.Var, len(fields))
	mentioned := map[string]bool{}
	refs := map[string]bool{}
	if len(fields) > 0 {
		node.Fields = make([]contract.NodeField, 0, len(fields))
	}
	info.fields = make([]manifest.Field, 0, len(fields))
	for _, f := range fields {
		if prev, dup := names[f.name]; dup {
			return a.fail(f.v.Pos(), "rename one of them with an `aster:\"name\"` tag",
				"field name %q of %s is also used by %s", f.name, info.named.Obj().Name(), prev.Name())
		}
		names[f.name] = f.v
		nf, err := a.nodeField(f)
		if err != nil {
			return err
		}
		for _, e := range []contract.Element{nf.Type, nf.Key} {
			if e.Kind == contract.Ref {
				refs[e.Target] = true
			}
		}
		if err := a.mentions(f.v.Type(), f.v.Pos(), mentioned); err != nil {
			return err
		}
		node.Fields = append(node.Fields, nf)
		info.fields = append(info.fields, a.descriptor(f.name, f.v.Type()))
		info.wireTypes = append(info.wireTypes, f.v.Type())
	}
	for k := range mentioned {
		info.mentions = append(info.mentions, k)
		if fqn := a.structs[k].fqn; !refs[fqn] {
			node.Edges = append(node.Edges, fqn)
		}
	}
	slices.Sort(info.mentions)
	slices.Sort(node.Edges)
	info.node = node
	return nil
}

// flatten appends the wire fields of st, embedded structs flattened in
// place. stack holds the embedded types being expanded (a pointer embedding
// can loop).
func (a *analysis) flatten(info *structInfo, st *types.Struct, stack map[string]bool, out *[]wireField) error {
	for i := range st.NumFields() {
		v := st.Field(i)
		name, skip, fixed, err := a.fieldTag(v, st.Tag(i))
		if err != nil {
			return err
		}
		if skip {
			continue
		}
		if v.Embedded() && name == "" {
			t := types.Unalias(v.Type())
			if p, ok := t.(*types.Pointer); ok {
				t = types.Unalias(p.Elem())
			}
			if inner, ok := t.Underlying().(*types.Struct); ok {
				k := t.String()
				if n, ok := t.(*types.Named); ok {
					k = typeKey(n.Obj())
					if a.decls[k] != nil && a.decls[k].pkg == info.decl.pkg {
						info.embedded = append(info.embedded, k)
					}
				}
				if stack[k] {
					return a.fail(v.Pos(), "break the embedding loop", "struct %s embeds itself through %s", info.named.Obj().Name(), v.Name())
				}
				stack[k] = true
				err := a.flatten(info, inner, stack, out)
				delete(stack, k)
				if err != nil {
					return err
				}
				continue
			}
		}
		if !v.Exported() {
			continue
		}
		if name == "" {
			name = snakeCase(v.Name())
		}
		*out = append(*out, wireField{name: name, v: v, fixed: fixed})
	}
	return nil
}

// fieldTag reads a field's aster and json tags: the contract name ("" for
// the default), whether the field is excluded, and the fixed option.
func (a *analysis) fieldTag(v *types.Var, tag string) (string, bool, bool, error) {
	st := reflect.StructTag(tag)
	name, fixed := "", false
	if at, ok := st.Lookup("aster"); ok {
		parts := strings.Split(at, ",")
		if parts[0] == "-" && len(parts) == 1 {
			return "", true, false, nil
		}
		name = parts[0]
		for _, opt := range parts[1:] {
			if opt != "fixed" {
				return "", false, false, a.fail(v.Pos(), "the aster tag accepts a name, \"-\" and the option fixed: `aster:\"name,fixed\"`",
					"unknown option %q in the aster tag of field %s", opt, v.Name())
			}
			fixed = true
		}
	}
	if name == "" {
		if jt, ok := st.Lookup("json"); ok {
			if jt == "-" {
				return "", true, false, nil
			}
			name, _, _ = strings.Cut(jt, ",")
		}
	}
	return name, false, fixed, nil
}

// nodeField maps one field onto the model (docs/go.md "Wire structs and fields").
func (a *analysis) nodeField(f wireField) (contract.NodeField, error) {
	nf := contract.NodeField{Name: f.name, Required: true}
	pos := f.v.Pos()
	if bad := unwired(f.v.Type()); bad != "" {
		return nf, a.fail(pos, "use a wire struct, a string, bool or number type (complex128 for Python's complex), any, or pointers, slices, arrays and maps of them; exclude a field that is not part of the message with `aster:\"-\"`",
			"field %s has type %s: %s cannot be part of a contract", f.v.Name(), types.TypeString(f.v.Type(), types.RelativeTo(f.v.Pkg())), bad)
	}
	fixedUsed := false
	t := types.Unalias(f.v.Type())
	if p, ok := t.(*types.Pointer); ok {
		nf.Optional = true
		t = types.Unalias(p.Elem())
	}
	var err error
	switch u := t.(type) {
	case *types.Slice:
		if isByteSlice(u) {
			nf.Type, err = a.element(t, f.fixed, false, pos, &fixedUsed)
			break
		}
		nf.Container = contract.List
		nf.Type, err = a.element(u.Elem(), f.fixed, true, pos, &fixedUsed)
	case *types.Array:
		nf.Container = contract.List
		nf.Type, err = a.element(u.Elem(), f.fixed, true, pos, &fixedUsed)
	case *types.Map:
		if isEmptyStruct(u.Elem()) {
			nf.Container = contract.Set
			nf.Type, err = a.element(u.Key(), f.fixed, true, pos, &fixedUsed)
			break
		}
		nf.Container = contract.Map
		nf.Key, err = a.element(u.Key(), f.fixed, true, pos, &fixedUsed)
		if err == nil {
			nf.Type, err = a.element(u.Elem(), f.fixed, true, pos, &fixedUsed)
		}
	default:
		nf.Type, err = a.element(t, f.fixed, nf.Optional, pos, &fixedUsed)
	}
	if err != nil {
		return nf, err
	}
	if f.fixed && !fixedUsed {
		return nf, a.fail(pos, "use fixed only on int32, int64, uint32 or uint64 fields (or containers of them)",
			"the fixed option does not apply to the type of field %s", f.v.Name())
	}
	return nf, nil
}

// element classifies a type in element position: a field's own type, a
// container's element, key or value. inner is true inside a container or
// below an optional pointer, where a pointer to a struct is the struct and
// any other pointer is ANY.
func (a *analysis) element(t types.Type, fixed, inner bool, pos token.Pos, fixedUsed *bool) (contract.Element, error) {
	anyElem := contract.Element{Kind: contract.Any}
	t = types.Unalias(t)
	switch u := t.(type) {
	case *types.Pointer:
		n, ok := types.Unalias(u.Elem()).(*types.Named)
		if !inner || !ok {
			return anyElem, nil
		}
		if _, isStruct := n.Underlying().(*types.Struct); !isStruct || isTime(n) {
			return anyElem, nil
		}
		return a.structElement(n, pos)
	case *types.Named:
		switch n := u.Underlying().(type) {
		case *types.Struct:
			if isTime(u) {
				return anyElem, nil
			}
			return a.structElement(u, pos)
		case *types.Basic:
			if a.isEnum(u) {
				return anyElem, nil
			}
			return basicElement(n, fixed, fixedUsed), nil
		}
		return anyElem, nil
	case *types.Basic:
		return basicElement(u, fixed, fixedUsed), nil
	case *types.Slice:
		if isByteSlice(u) {
			return contract.Element{Kind: contract.Primitive, Primitive: "binary"}, nil
		}
	}
	return anyElem, nil
}

func (a *analysis) structElement(n *types.Named, pos token.Pos) (contract.Element, error) {
	info, err := a.identity(n, pos)
	if err != nil {
		return contract.Element{}, err
	}
	return contract.Element{Kind: contract.Ref, Target: info.fqn}, nil
}

// unwired names what in a field type no wire format can carry and Python
// declares differently — a channel, a function, an error, a uintptr, an
// unsafe.Pointer or a complex64 — looking through pointers, containers
// and defined types; "" when there is none. complex128 is accepted: it is
// Python's complex, which the reference hashes as ANY.
func unwired(t types.Type) string {
	return unwiredIn(t, map[*types.Named]bool{})
}

// unwiredIn is unwired; seen holds the defined types being looked through
// (type L []L is legal).
func unwiredIn(t types.Type, seen map[*types.Named]bool) string {
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		return unwiredIn(u.Elem(), seen)
	case *types.Slice:
		return unwiredIn(u.Elem(), seen)
	case *types.Array:
		return unwiredIn(u.Elem(), seen)
	case *types.Map:
		if bad := unwiredIn(u.Key(), seen); bad != "" {
			return bad
		}
		return unwiredIn(u.Elem(), seen)
	case *types.Chan:
		return "a channel"
	case *types.Signature:
		return "a function"
	case *types.Basic:
		switch u.Kind() {
		case types.Uintptr:
			return "a uintptr"
		case types.UnsafePointer:
			return "an unsafe.Pointer"
		case types.Complex64:
			return "a complex64"
		}
	case *types.Named:
		if isError(u) {
			return "an error"
		}
		if _, isStruct := u.Underlying().(*types.Struct); !isStruct && !seen[u] {
			seen[u] = true
			return unwiredIn(u.Underlying(), seen)
		}
	}
	return ""
}

// basicElement maps a basic type to its primitive; types the table does
// not name (complex, uintptr, unsafe.Pointer) are ANY.
func basicElement(b *types.Basic, fixed bool, fixedUsed *bool) contract.Element {
	var name string
	if fixed {
		name = fixedPrimitives[b.Kind()]
	}
	if name != "" {
		*fixedUsed = true
	} else {
		name = basicPrimitives[b.Kind()]
	}
	if name == "" {
		return contract.Element{Kind: contract.Any}
	}
	return contract.Element{Kind: contract.Primitive, Primitive: name}
}

var basicPrimitives = map[types.BasicKind]string{
	types.String: "string", types.Bool: "bool",
	types.Int: "varint64", types.Int64: "varint64", types.Int32: "varint32", types.Int16: "int16", types.Int8: "int8",
	types.Uint64: "var_uint64", types.Uint: "var_uint64", types.Uint32: "var_uint32", types.Uint16: "uint16", types.Uint8: "uint8",
	types.Float64: "float64", types.Float32: "float32",
}

var fixedPrimitives = map[types.BasicKind]string{
	types.Int32: "int32", types.Int64: "int64", types.Uint32: "uint32", types.Uint64: "uint64",
}

// mentions records every named struct a field type mentions through
// pointers, slices, arrays and maps, at any depth: such structs are graph
// nodes even where the encoding hides them behind ANY.
func (a *analysis) mentions(t types.Type, pos token.Pos, out map[string]bool) error {
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		return a.mentions(u.Elem(), pos, out)
	case *types.Slice:
		return a.mentions(u.Elem(), pos, out)
	case *types.Array:
		return a.mentions(u.Elem(), pos, out)
	case *types.Map:
		if err := a.mentions(u.Key(), pos, out); err != nil {
			return err
		}
		return a.mentions(u.Elem(), pos, out)
	case *types.Named:
		if _, ok := u.Underlying().(*types.Struct); ok && !isTime(u) {
			info, err := a.identity(u, pos)
			if err != nil {
				return err
			}
			out[info.key] = true
		}
	}
	return nil
}

func isTime(n *types.Named) bool {
	return pkgPath(n.Obj()) == "time" && n.Obj().Name() == "Time"
}

func isByteSlice(t types.Type) bool {
	s, ok := types.Unalias(t).(*types.Slice)
	if !ok {
		return false
	}
	b, ok := types.Unalias(s.Elem()).(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

func isEmptyStruct(t types.Type) bool {
	s, ok := types.Unalias(t).(*types.Struct)
	return ok && s.NumFields() == 0
}

// enumConsts returns the typed constants of a defined basic type, in
// source order; a type with any is an enum.
func (a *analysis) enumConsts(n *types.Named) []*types.Const {
	pkg := n.Obj().Pkg()
	if pkg == nil {
		return nil
	}
	byType, ok := a.enums[pkg.Path()]
	if !ok {
		byType = map[string][]*types.Const{}
		scope := pkg.Scope()
		if lp := a.loaded[pkg.Path()]; lp != nil {
			scope = lp.Types.Scope()
		}
		for _, name := range scope.Names() {
			c, ok := scope.Lookup(name).(*types.Const)
			if !ok {
				continue
			}
			if cn, ok := types.Unalias(c.Type()).(*types.Named); ok {
				byType[typeKey(cn.Obj())] = append(byType[typeKey(cn.Obj())], c)
			}
		}
		for _, cs := range byType {
			slices.SortStableFunc(cs, func(x, y *types.Const) int { return int(x.Pos() - y.Pos()) })
		}
		a.enums[pkg.Path()] = byType
	}
	return byType[typeKey(n.Obj())]
}

func (a *analysis) isEnum(n *types.Named) bool { return len(a.enumConsts(n)) > 0 }

// enumTypes adds to out, by type key, the enum types a field type uses as
// itself or as an element, key or value.
func (a *analysis) enumTypes(t types.Type, out map[string]*types.Named) {
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		a.enumTypes(u.Elem(), out)
	case *types.Slice:
		a.enumTypes(u.Elem(), out)
	case *types.Array:
		a.enumTypes(u.Elem(), out)
	case *types.Map:
		a.enumTypes(u.Key(), out)
		a.enumTypes(u.Elem(), out)
	case *types.Named:
		if _, basic := u.Underlying().(*types.Basic); basic && a.isEnum(u) {
			out[typeKey(u.Obj())] = u
		}
	}
}

// enumGuards lists the constants of the enum types the given wire structs'
// fields use, as generated code in package self spells them; constants
// of another package that are not exported, and those of the standard
// library (import paths without a dot, such as time.Duration's), are left
// out.
func (a *analysis) enumGuards(self *types.Package, structs []*structInfo) ([]*EnumConst, error) {
	used := map[string]*types.Named{}
	for _, info := range structs {
		for _, t := range info.wireTypes {
			a.enumTypes(t, used)
		}
	}
	var out []*EnumConst
	for _, key := range slices.Sorted(maps.Keys(used)) {
		n := used[key]
		if first, _, _ := strings.Cut(pkgPath(n.Obj()), "/"); !strings.Contains(first, ".") && n.Obj().Pkg() != self {
			continue
		}
		typ, err := a.goType(self, n, n.Obj().Pos())
		if err != nil {
			return nil, err
		}
		for _, c := range a.enumConsts(n) {
			if c.Pkg() != self && !c.Exported() {
				continue
			}
			ref := &GoType{Kind: Named, Name: c.Name()}
			if c.Pkg() != self {
				ref.Path, ref.PkgName = c.Pkg().Path(), c.Pkg().Name()
			}
			out = append(out, &EnumConst{Type: typ, Const: ref})
		}
	}
	return out, nil
}

// constValue converts an enum constant to its manifest JSON value.
func constValue(c *types.Const) any {
	v := c.Val()
	switch v.Kind() {
	case constant.Int:
		if i, ok := constant.Int64Val(v); ok {
			return i
		}
		if u, ok := constant.Uint64Val(v); ok {
			return u
		}
	case constant.Float:
		f, _ := constant.Float64Val(v)
		return f
	case constant.String:
		return constant.StringVal(v)
	case constant.Bool:
		return constant.BoolVal(v)
	}
	return v.ExactString()
}
