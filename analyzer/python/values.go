package python

import (
	"math/big"

	"github.com/asterkit/aster/analyzer/python/pyparse"
)

// Value is what static evaluation of an expression yields. The concrete
// types are the ones declared in this file, plus Python constants:
// noneV, bool, *big.Int, float64, string, pyBytes, tuple and list.
type Value any

// noneV is Python's None.
type noneV struct{}

// pyBytes is a bytes constant.
type pyBytes string

// tuple is a tuple of values.
type tuple []Value

// list is a list display.
type list []Value

// dict is a dict display, entries in source order.
type dict struct{ keys, vals []Value }

// known is a modelled object of a known module, named "module.attr"
// ("builtins.int", "typing.Optional", "aster.rpc").
type known struct{ name string }

// opaque is an attribute of a known module that is not modelled: fine to
// import, an error wherever it feeds the contract.
type opaque struct{ name string }

// failed is a binding whose value could not be determined; using it where
// it matters raises err.
type failed struct {
	err error
	// stdlib is the standard-library module or object an import found
	// missing from the search path is (CPython finds it in its standard
	// library), or that an assignment binds.
	stdlib string
	// inert marks a binding that is provably not an aster method (a
	// standard-library object, or a call of one, see inert).
	inert bool
}

// generic is a subscripted (or bare typing) alias with an origin.
type generic struct {
	origin Value // a known (builtins.list, typing.Union, …) or a *class
	args   []Value
	// typing is true when the alias comes from the typing module (its |
	// makes a typing.Union).
	typing bool
	// literal marks typing.Literal, whose arguments are not types.
	literal bool
	// room holds the arguments of most aliases (args slices it).
	room [2]Value
}

// forwardRef is a string annotation kept as written: a raw annotation of
// a class or function whose hints the runtime could not resolve.
type forwardRef string

// nestedRef is a string inside a subscript of such a raw annotation
// (typing.ForwardRef): unlike a forwardRef, nothing resolves it later.
type nestedRef string

// pipeUnion is a PEP 604 union (types.UnionType): no origin on 3.11.
type pipeUnion struct{ args []Value }

// annotated is Annotated[T, meta…].
type annotated struct {
	t    Value
	meta []Value
}

// enumMember is a member of an enum class.
type enumMember struct {
	cls   *class
	name  string
	value Value
}

// call is the result of calling a modelled callable: decorator factories,
// field(), Metadata(), describe(), Description(), TypeVar(), NewType().
type call struct {
	fn     string // the known name
	args   []Value
	kwargs []kwarg
	node   *pyparse.Node
	// base is the called value when a call result is called again (a
	// pre-configured method decorator).
	base *call
	// kwarg0 holds the only keyword argument of most calls.
	kwarg0 [1]kwarg
}

type kwarg struct {
	name string
	v    Value
	node *pyparse.Node
}

// instance is a call of a source class (a dataclass default).
type instance struct {
	cls    *class
	args   []Value
	kwargs []kwarg
}

// function is a def statement.
type function struct {
	name  string
	node  *pyparse.Node // function_definition
	decos []*pyparse.Node
	mod   *module
	cls   *class // the class whose body defines it, or nil
	// boundIn are the classes whose namespaces bind it, under any name.
	boundIn []*class
	seq     int // sequence number of the def
	async   bool
	yields  bool
	// hints caches funcHints by moment.
	hints hintCache
}

func (c *call) kw(name string) (kwarg, bool) {
	for _, k := range c.kwargs {
		if k.name == name {
			return k, true
		}
	}
	return kwarg{}, false
}

func isNone(v Value) bool { _, ok := v.(noneV); return ok }

func isKnown(v Value, name string) bool {
	k, ok := v.(*known)
	return ok && k.name == name
}

// isAster reports whether v is the aster dataclass with that canonical name.
func isAster(v Value, name string) bool {
	c, ok := v.(*class)
	return ok && c.asterName == name
}

func bigInt(i int64) *big.Int { return big.NewInt(i) }
