package contract

// The types below are what a front end hands over: types that refer to each
// other by FQN. Compile turns them into hashed TypeDefs and a
// ServiceContract.

// Element is a field's type (element or value of a container, or a map
// key), or a method's request or response, before hashing. Kind Primitive
// uses Primitive; Ref uses Target, the FQN of a node of the type graph (the
// encoder decides between REF and SELF_REF); Any uses neither.
type Element struct {
	Kind      TypeKind
	Primitive string
	Target    string
}

// NodeField is one field of a Node.
type NodeField struct {
	Name         string
	Type         Element
	Key          Element // MAP only
	Optional     bool
	Container    ContainerKind
	Required     bool
	DefaultValue []byte
}

// Node is one type of the type graph, keyed by its FQN
// (Package + "." + Name, or Name when Package is empty).
type Node struct {
	Kind          TypeDefKind
	Package       string
	Name          string
	Fields        []NodeField
	EnumValues    []EnumValueDef
	UnionVariants []UnionVariantDef
	// Edges are extra graph edges (FQNs) beyond the Ref targets of Fields,
	// for front ends whose graph sees types the encoding hides (ANY).
	Edges []string
}

// FQN is the node's fully-qualified name.
func (n *Node) FQN() string { return FQN(n.Package, n.Name) }

// MethodType is a method's request or response: a node (FQN), a primitive
// hashed by name (int64, float64, string, bool, binary), or neither (None).
type MethodType struct {
	FQN       string
	Primitive string
}

// Method is one method of a Service before hashing.
type Method struct {
	Name           string
	Pattern        MethodPattern
	Request        MethodType
	Response       MethodType
	Idempotent     bool
	DefaultTimeout float64
	Requires       *CapabilityRequirement
}

// Service is a service before hashing, with every node of its type graph.
type Service struct {
	Name               string
	Version            int32
	Methods            []Method
	SerializationModes []string
	Scoped             ScopeKind
	Requires           *CapabilityRequirement
	ProducerLanguage   string
	// Types are all nodes of the service's type graph.
	Types []*Node
}

// HashedType is a TypeDef with its canonical bytes and hash, in the order
// it was hashed. CompileIDs leaves Def nil and Canonical empty.
type HashedType struct {
	FQN       string
	Def       *TypeDef
	Canonical []byte
	Hash      Hash
}

// Compiled is the result of Compile: the encoded contract and its id.
type Compiled struct {
	Contract  ServiceContract
	Canonical []byte
	ID        Hash
	// Types are every TypeDef of the graph, in hashing order.
	Types []HashedType
}
