package python

import (
	"slices"
	"strings"
)

// knownModule is a modelled module (aster, typing, dataclasses, …).
type knownModule struct{ name string }

// knownModules are the modules modelled rather than read.
var knownModules = map[string]bool{
	"dataclasses": true, "typing": true,
	"typing_extensions": true, "collections": true, "collections.abc": true, "enum": true,
	"datetime": true, "decimal": true, "uuid": true, "pyfory": true, "__future__": true,
}

// knownAttrs maps "module.attr" to the modelled object's canonical name.
var knownAttrs = map[string]string{}

func init() {
	for m := range asterModules {
		knownModules[m] = true
	}
	def := func(canon string, homes ...string) {
		attr := canon[strings.LastIndexByte(canon, '.')+1:]
		knownAttrs[canon] = canon
		for _, h := range homes {
			knownAttrs[h+"."+attr] = canon
		}
	}
	for _, a := range []string{"service", "rpc", "server_stream", "client_stream", "bidi_stream"} {
		def("aster."+a, "aster.decorators")
	}
	def("aster.wire_type", "aster.codec")
	for _, a := range []string{"Metadata", "Description", "describe"} {
		def("aster."+a, "aster.metadata")
	}
	def("aster.SerializationMode", "aster.rpc_types")
	def("aster.RpcScope", "aster.rpc_types")
	def("aster.CallContext", "aster.interceptors", "aster.interceptors.base")
	def("aster.RetryPolicy", "aster.rpc_types")
	def("aster.ExponentialBackoff", "aster.rpc_types")
	for _, a := range []string{"any_of", "all_of"} {
		def("aster."+a, "aster.capabilities")
	}
	for _, a := range []string{"dataclass", "field", "InitVar", "KW_ONLY", "MISSING"} {
		def("dataclasses." + a)
	}
	for _, a := range []string{"Optional", "Union", "List", "Dict", "Set", "FrozenSet", "Tuple", "Any",
		"ClassVar", "Literal", "NewType", "Annotated", "TYPE_CHECKING", "TypeAlias", "TypeVar",
		"Generic", "Type", "Final", "Deque", "DefaultDict", "OrderedDict", "Counter", "ChainMap",
		"Protocol", "NoReturn", "Never", "Self", "Text"} {
		def("typing."+a, "typing_extensions")
	}
	for _, a := range []string{"AsyncIterator", "AsyncGenerator", "AsyncIterable", "Iterator", "Iterable",
		"Generator", "Callable", "Sequence", "MutableSequence", "Mapping", "MutableMapping",
		"Collection", "Container", "Awaitable", "Coroutine", "AbstractSet", "MutableSet", "Hashable", "Sized", "Reversible"} {
		knownAttrs["collections.abc."+a] = "collections.abc." + a
		knownAttrs["typing."+a] = "typing." + a
		knownAttrs["typing_extensions."+a] = "typing." + a
	}
	knownAttrs["collections.abc.Set"] = "collections.abc.AbstractSet"
	knownAttrs["typing.AbstractSet"] = "typing.AbstractSet"
	for _, a := range []string{"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto", "unique"} {
		def("enum." + a)
	}
	for _, a := range []string{"datetime", "date", "time", "timedelta", "timezone"} {
		def("datetime." + a)
	}
	def("decimal.Decimal")
	def("uuid.UUID")
	for _, a := range []string{"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
		"fixed_int32", "fixed_int64", "fixed_uint32", "fixed_uint64", "float32", "float64"} {
		def("pyfory." + a)
	}
	def("__future__.annotations")
}

// builtinNames are the builtins modelled; other builtins are opaque.
var builtinNames = map[string]bool{
	"int": true, "str": true, "float": true, "bool": true, "bytes": true, "bytearray": true,
	"list": true, "dict": true, "set": true, "frozenset": true, "tuple": true, "object": true,
	"type": true, "complex": true, "staticmethod": true, "classmethod": true, "property": true,
}

// builtinValues are the modelled builtins' values, made once and shared
// by every lookup (a *known is never changed, and is compared by name).
var builtinValues = func() map[string]*known {
	m := make(map[string]*known, len(builtinNames))
	for name := range builtinNames {
		m[name] = &known{"builtins." + name}
	}
	return m
}()

// pyforyPrimitive maps pyfory width markers to their primitive names.
var pyforyPrimitive = map[string]string{
	"pyfory.int8": "int8", "pyfory.int16": "int16", "pyfory.int32": "varint32", "pyfory.int64": "varint64",
	"pyfory.uint8": "uint8", "pyfory.uint16": "uint16", "pyfory.uint32": "var_uint32", "pyfory.uint64": "var_uint64",
	"pyfory.fixed_int32": "int32", "pyfory.fixed_uint32": "uint32", "pyfory.fixed_int64": "int64",
	"pyfory.fixed_uint64": "uint64", "pyfory.float32": "float32", "pyfory.float64": "float64",
}

// serializationModes are the members of aster.SerializationMode.
var serializationModes = map[string]bool{"XLANG": true, "NATIVE": true, "ROW": true, "JSON": true}

// knownAttr returns the attribute of a modelled module; ok is false for a
// name that an aster module does not have.
func (l *Loader) knownAttr(mod, attr string) (v Value, ok bool) {
	name := mod + "." + attr
	// A package attribute named like a submodule is the name the package
	// binds last: aster.service is the decorator, not the module.
	if c, ok := knownAttrs[name]; ok {
		if _, ok := asterClasses[c]; ok {
			return l.asterClass(c), true
		}
		return &known{c}, true
	}
	if knownModules[name] {
		return &knownModule{name}, true
	}
	if names, isAster := asterModules[mod]; isAster && names != nil && !slices.Contains(names, attr) {
		return nil, false
	}
	return &opaque{name}, true
}

// asterClass returns one of aster's own dataclasses, executing the
// module that defines it on first use.
func (l *Loader) asterClass(canon string) *class {
	modName := asterClasses[canon]
	m, ok := l.asterMods[modName]
	if !ok {
		m = &module{name: modName, file: strings.ReplaceAll(modName, ".", "/") + ".py", src: asterSources[modName]}
		l.asterMods[modName] = m
		if err := l.exec(m); err != nil {
			panic(err)
		}
	}
	v, _ := m.ns.lookup(canon[strings.LastIndexByte(canon, '.')+1:], final)
	c := v.(*class)
	c.asterName = canon
	return c
}
