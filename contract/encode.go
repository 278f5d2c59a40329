package contract

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"lukechampine.com/blake3"
)

// primitiveNames are the names a PRIMITIVE type or map key may carry.
var primitiveNames = []string{
	"string", "bool", "binary", "null", "int8", "int16", "int32", "int64",
	"varint32", "varint64", "uint8", "uint16", "uint32", "uint64",
	"var_uint32", "var_uint64", "float32", "float64",
}

// nativeLanguages are the producer languages allowed with the "native"
// serialization mode.
var nativeLanguages = []string{"python", "typescript", "java", "csharp", "go"}

// String is the hash as 64 lowercase hex characters.
func (h Hash) String() string { return hex.EncodeToString(h[:]) }

// AppendTypeDef appends the canonical bytes of t to dst. Fields are written
// in NFC order of name and numbered 1..n, enum values by value and union
// variants by id; t itself is not changed. On error the bytes are nil.
func AppendTypeDef(dst []byte, t *TypeDef) ([]byte, error) {
	e := encoder{buf: dst}
	e.typeDef(t)
	return e.result()
}

// AppendFields appends the canonical bytes of a TypeDef's field list to
// dst, sorted and numbered as in AppendTypeDef.
func AppendFields(dst []byte, fields []FieldDef) ([]byte, error) {
	e := encoder{buf: dst}
	e.fieldList(fields)
	return e.result()
}

// AppendMethod appends the canonical bytes of m to dst.
func AppendMethod(dst []byte, m *MethodDef) ([]byte, error) {
	e := encoder{buf: dst}
	e.method(m)
	return e.result()
}

// AppendCapability appends the canonical bytes of c to dst: its roles are
// NFC-normalised, then sorted by code point.
func AppendCapability(dst []byte, c *CapabilityRequirement) ([]byte, error) {
	e := encoder{buf: dst}
	e.capability(c)
	return e.result()
}

// AppendServiceContract appends the canonical bytes of c to dst, with its
// methods in NFC order of name. It checks the producer_language rule:
// with the "native" serialization mode it must name a known language,
// otherwise it must be empty.
func AppendServiceContract(dst []byte, c *ServiceContract) ([]byte, error) {
	e := encoder{buf: dst}
	e.serviceContract(c)
	return e.result()
}

// ContractID is the BLAKE3 hash of the canonical bytes of c.
func ContractID(c *ServiceContract) (Hash, error) {
	b, err := AppendServiceContract(nil, c)
	if err != nil {
		return Hash{}, err
	}
	return blake3.Sum256(b), nil
}

// nfcCompare orders two strings by the code points of their NFC forms.
func nfcCompare(a, b string) int {
	if !isASCII(a) {
		a = norm.NFC.String(a)
	}
	if !isASCII(b) {
		b = norm.NFC.String(b)
	}
	return strings.Compare(a, b)
}

// isASCII reports whether s is ASCII, and so already in NFC.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func compareFields(a, b FieldDef) int { return nfcCompare(a.Name, b.Name) }

func compareMethods(a, b MethodDef) int { return nfcCompare(a.Name, b.Name) }

// encoder appends canonical bytes to buf. The first error is kept and
// reported by result; what and name say which item is being written. The
// scratch slices hold sorted copies and are reused between items.
type encoder struct {
	buf      []byte
	err      error
	what     string
	name     string
	fields   []FieldDef
	enumVals []EnumValueDef
	variants []UnionVariantDef
	methods  []MethodDef
	roles    []string
}

func (e *encoder) result() ([]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	return e.buf, nil
}

func (e *encoder) at(what, name string) { e.what, e.name = what, name }

func (e *encoder) fail(format string, args ...any) {
	if e.err != nil {
		return
	}
	e.err = fmt.Errorf(format, args...)
	if e.what != "" {
		e.err = fmt.Errorf("%s %q: %w", e.what, e.name, e.err)
	}
}

func (e *encoder) uvarint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

// signed writes a zigzag varint; for values in int32 range it equals the
// 32-bit zigzag encoding.
func (e *encoder) signed(v int64) { e.uvarint(uint64(v<<1) ^ uint64(v>>63)) }

func (e *encoder) str(s string) {
	if !utf8.ValidString(s) {
		e.fail("string %q is not valid UTF-8", s)
	}
	e.uvarint(uint64(len(s))<<2 | 2)
	e.buf = append(e.buf, s...)
}

func (e *encoder) bytes(b []byte) {
	e.uvarint(uint64(len(b)))
	e.buf = append(e.buf, b...)
}

// hash writes b, which must be a 32-byte hash.
func (e *encoder) hash(field string, b []byte) {
	if len(b) != len(Hash{}) {
		e.fail("%s is %d bytes, want a 32-byte hash", field, len(b))
	}
	e.bytes(b)
}

func (e *encoder) boolean(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *encoder) float64(f float64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(f))
}

func (e *encoder) listHeader(n int) {
	e.uvarint(uint64(n))
	e.buf = append(e.buf, 0x0c)
}

// present writes the optional marker and reports whether a value follows.
func (e *encoder) present(ok bool) bool {
	if ok {
		e.buf = append(e.buf, 0x00)
	} else {
		e.buf = append(e.buf, 0xfd)
	}
	return ok
}

func (e *encoder) enum(names []string, what string, v uint8) {
	if err := known(names, what, v); err != nil {
		e.fail("%v", err)
	}
	e.uvarint(uint64(v))
}

// sortedCopy returns s if it is sorted by cmp, else a stably sorted copy
// held in *scratch.
func sortedCopy[T any](scratch *[]T, s []T, cmp func(a, b T) int) []T {
	if slices.IsSortedFunc(s, cmp) {
		return s
	}
	*scratch = append((*scratch)[:0], s...)
	slices.SortStableFunc(*scratch, cmp)
	return *scratch
}

// typeDef writes t; an error names t's FQN.
func (e *encoder) typeDef(t *TypeDef) {
	if e.err != nil {
		return
	}
	e.at("", "")
	e.enum(typeDefKindNames, "type definition kind", uint8(t.Kind))
	e.str(t.Package)
	e.str(t.Name)
	e.fieldList(t.Fields)
	e.at("", "")
	vals := sortedCopy(&e.enumVals, t.EnumValues, func(a, b EnumValueDef) int {
		return cmp.Compare(a.Value, b.Value)
	})
	e.listHeader(len(vals))
	for _, v := range vals {
		e.str(v.Name)
		e.signed(int64(v.Value))
	}
	vars := sortedCopy(&e.variants, t.UnionVariants, func(a, b UnionVariantDef) int {
		return cmp.Compare(a.ID, b.ID)
	})
	e.listHeader(len(vars))
	for _, v := range vars {
		e.at("union variant", v.Name)
		e.str(v.Name)
		e.signed(int64(v.ID))
		e.hash("type_ref", v.TypeRef)
	}
	if e.err != nil {
		e.err = fmt.Errorf("type %s: %w", t.FQN(), e.err)
	}
}

func (e *encoder) fieldList(fields []FieldDef) {
	fields = sortedCopy(&e.fields, fields, compareFields)
	e.listHeader(len(fields))
	for i := range fields {
		f := &fields[i]
		e.at("field", f.Name)
		if i > 0 && f.Name == fields[i-1].Name {
			e.fail("duplicate field name")
		}
		e.signed(int64(i + 1))
		e.str(f.Name)
		e.element(f)
		e.boolean(f.Optional)
		e.boolean(f.RefTracked)
		e.enum(containerKindNames, "container kind", uint8(f.Container))
		if f.Container != Map && (f.ContainerKeyKind != Primitive || f.ContainerKeyPrimitive != "" || len(f.ContainerKeyRef) != 0) {
			e.fail("a map key is given but the container is %s", f.Container)
		}
		e.key(f)
		e.boolean(f.Required)
		e.bytes(f.DefaultValue)
	}
}

// element writes a field's type_kind, type_primitive, type_ref and
// self_ref_name after checking that they agree with each other.
func (e *encoder) element(f *FieldDef) {
	e.enum(typeKindNames, "type kind", uint8(f.TypeKind))
	e.checkParts("type", f.TypeKind, f.TypePrimitive, f.TypeRef)
	if f.TypeKind == SelfRef && f.SelfRefName == "" {
		e.fail("type is SELF_REF without a target name")
	}
	if f.TypeKind != SelfRef && f.SelfRefName != "" {
		e.fail("self_ref_name %q given, but the type kind is %s", f.SelfRefName, f.TypeKind)
	}
	e.str(f.TypePrimitive)
	e.bytes(f.TypeRef)
	e.str(f.SelfRefName)
}

// key writes a field's container_key_kind, _primitive and _ref. Outside a
// MAP they are PRIMITIVE, "" and empty; a MAP key that is SELF_REF carries
// no name.
func (e *encoder) key(f *FieldDef) {
	e.enum(typeKindNames, "map key kind", uint8(f.ContainerKeyKind))
	if f.Container == Map {
		e.checkParts("map key", f.ContainerKeyKind, f.ContainerKeyPrimitive, f.ContainerKeyRef)
	}
	e.str(f.ContainerKeyPrimitive)
	e.bytes(f.ContainerKeyRef)
}

// checkParts checks that a primitive name is given exactly for PRIMITIVE
// and a 32-byte hash exactly for REF.
func (e *encoder) checkParts(part string, kind TypeKind, prim string, ref []byte) {
	switch {
	case kind == Primitive && !slices.Contains(primitiveNames, prim):
		e.fail("unknown %s primitive %q", part, prim)
	case kind != Primitive && prim != "":
		e.fail("%s primitive %q given, but the %s kind is %s", part, prim, part, kind)
	case kind == Ref && len(ref) != len(Hash{}):
		e.fail("%s hash is %d bytes, want 32", part, len(ref))
	case kind != Ref && len(ref) != 0:
		e.fail("%s hash given, but the %s kind is %s", part, part, kind)
	}
}

func (e *encoder) capability(c *CapabilityRequirement) {
	e.enum(capabilityKindNames, "capability kind", uint8(c.Kind))
	roles := e.roles[:0]
	for _, r := range c.Roles {
		if !utf8.ValidString(r) {
			e.fail("role %q is not valid UTF-8", r)
			continue
		}
		roles = append(roles, norm.NFC.String(r))
	}
	slices.Sort(roles)
	e.roles = roles
	e.listHeader(len(roles))
	for _, r := range roles {
		e.str(r)
	}
}

func (e *encoder) optionalCapability(c *CapabilityRequirement) {
	if e.present(c != nil) {
		e.capability(c)
	}
}

func (e *encoder) method(m *MethodDef) {
	e.at("method", m.Name)
	e.str(m.Name)
	e.enum(methodPatternNames, "method pattern", uint8(m.Pattern))
	e.hash("request_type", m.RequestType)
	e.hash("response_type", m.ResponseType)
	e.boolean(m.Idempotent)
	e.float64(m.DefaultTimeout)
	e.optionalCapability(m.Requires)
}

func (e *encoder) serviceContract(c *ServiceContract) {
	e.at("service", c.Name)
	e.str(c.Name)
	e.signed(int64(c.Version))
	methods := sortedCopy(&e.methods, c.Methods, compareMethods)
	e.listHeader(len(methods))
	for i := range methods {
		if i > 0 && methods[i].Name == methods[i-1].Name {
			e.at("method", methods[i].Name)
			e.fail("duplicate method name")
		}
		e.method(&methods[i])
	}
	e.at("service", c.Name)
	e.listHeader(len(c.SerializationModes))
	for _, m := range c.SerializationModes {
		e.str(m)
	}
	e.enum(scopeKindNames, "scope", uint8(c.Scoped))
	e.optionalCapability(c.Requires)
	switch native := slices.Contains(c.SerializationModes, "native"); {
	case native && !slices.Contains(nativeLanguages, c.ProducerLanguage):
		e.fail("serialization mode native needs producer_language python, typescript, java, csharp or go, not %q", c.ProducerLanguage)
	case !native && c.ProducerLanguage != "":
		e.fail("producer_language %q is only allowed with serialization mode native", c.ProducerLanguage)
	}
	e.str(c.ProducerLanguage)
}
