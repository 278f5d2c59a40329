// Package contract holds the Aster contract model, its canonical bytes, type
// hashing with cycle breaking, and contract ids. It knows nothing of any
// front end: Python and Go analyzers build the same model.
package contract

// TypeKind says what a field's type (or map key) is.
type TypeKind uint8

// The TypeKind values, numbered as on the wire.
const (
	Primitive TypeKind = 0
	Ref       TypeKind = 1
	SelfRef   TypeKind = 2
	Any       TypeKind = 3
)

// ContainerKind says whether a field is a list, set or map of its type.
type ContainerKind uint8

// The ContainerKind values, numbered as on the wire.
const (
	NoContainer ContainerKind = 0
	List        ContainerKind = 1
	Set         ContainerKind = 2
	Map         ContainerKind = 3
)

// TypeDefKind says what kind of type a TypeDef declares.
type TypeDefKind uint8

// The TypeDefKind values, numbered as on the wire.
const (
	Message TypeDefKind = 0
	Enum    TypeDefKind = 1
	Union   TypeDefKind = 2
)

// MethodPattern is a method's streaming shape.
type MethodPattern uint8

// The MethodPattern values, numbered as on the wire.
const (
	Unary        MethodPattern = 0
	ServerStream MethodPattern = 1
	ClientStream MethodPattern = 2
	BidiStream   MethodPattern = 3
)

// CapabilityKind says how a requirement's roles combine.
type CapabilityKind uint8

// The CapabilityKind values, numbered as on the wire.
const (
	Role  CapabilityKind = 0
	AnyOf CapabilityKind = 1
	AllOf CapabilityKind = 2
)

// ScopeKind says whether a service instance is shared or per session.
type ScopeKind uint8

// The ScopeKind values, numbered as on the wire.
const (
	Shared  ScopeKind = 0
	Session ScopeKind = 1
)

// Hash is a 32-byte BLAKE3 digest.
type Hash [32]byte

// FieldDef is one field of a TypeDef, as encoded. For a container field the
// Type* values describe the element (LIST, SET) or the value (MAP).
type FieldDef struct {
	ID                    int32
	Name                  string
	TypeKind              TypeKind
	TypePrimitive         string
	TypeRef               []byte
	SelfRefName           string
	Optional              bool
	RefTracked            bool
	Container             ContainerKind
	ContainerKeyKind      TypeKind
	ContainerKeyPrimitive string
	ContainerKeyRef       []byte
	Required              bool
	DefaultValue          []byte
}

// EnumValueDef is one member of an ENUM TypeDef.
type EnumValueDef struct {
	Name  string
	Value int32
}

// UnionVariantDef is one arm of a UNION TypeDef.
type UnionVariantDef struct {
	Name    string
	ID      int32
	TypeRef []byte
}

// TypeDef is a named type as encoded and hashed.
type TypeDef struct {
	Kind          TypeDefKind
	Package       string
	Name          string
	Fields        []FieldDef
	EnumValues    []EnumValueDef
	UnionVariants []UnionVariantDef
}

// CapabilityRequirement names the roles a caller needs.
type CapabilityRequirement struct {
	Kind  CapabilityKind
	Roles []string
}

// MethodDef is one method of a ServiceContract, as encoded.
type MethodDef struct {
	Name           string
	Pattern        MethodPattern
	RequestType    []byte
	ResponseType   []byte
	Idempotent     bool
	DefaultTimeout float64
	Requires       *CapabilityRequirement
}

// ServiceContract is a service as encoded; its hash is the contract id.
type ServiceContract struct {
	Name               string
	Version            int32
	Methods            []MethodDef
	SerializationModes []string
	Scoped             ScopeKind
	Requires           *CapabilityRequirement
	ProducerLanguage   string
}

// FQN is the type's fully-qualified name: Package + "." + Name, or Name
// when Package is empty.
func (t *TypeDef) FQN() string { return FQN(t.Package, t.Name) }

// FQN is the fully-qualified name of the type name in package pkg:
// pkg + "." + name, or name when pkg is empty.
func FQN(pkg, name string) string {
	if pkg == "" {
		return name
	}
	return pkg + "." + name
}
