// Package pyrt runs Python 3.11 import-time code: values with CPython's
// semantics, a tree-walking evaluator over the pysyntax tree, builtins and
// imports over a Finder.
//
// Every value implements Value; optional interfaces (HasAttrs, Callable,
// Iterable, Sequence, Mapping) add behaviour, and free functions (GetAttr,
// Call, Binary, Compare, Iterate, Repr, Str) dispatch on them. Runtime
// failures are returned as errors: *Exception for a Python exception that
// `except` can catch, *Fatal for what the interpreter cannot or must not
// compute (a step budget exhausted, an unknown value used where it
// matters).
package pyrt

import (
	"fmt"
)

// Value is a Python object.
type Value interface {
	// Type returns the object's class.
	Type() *Class
}

// HasAttrs is a value with its own attribute namespace (modules,
// instances, classes). Attr returns (nil, nil) when the attribute is
// missing.
type HasAttrs interface {
	Value
	Attr(th *Thread, name string) (Value, error)
}

// HasSetAttr is a value whose attributes can be assigned and deleted; a
// nil v deletes.
type HasSetAttr interface {
	Value
	SetAttr(th *Thread, name string, v Value) error
}

// Callable is a value that can be called.
type Callable interface {
	Value
	Call(th *Thread, args []Value, kwargs []Kwarg) (Value, error)
}

// Kwarg is one keyword argument of a call.
type Kwarg struct {
	Name  string
	Value Value
}

// Iterator yields the items of an iteration; ok is false at the end.
type Iterator interface {
	Next(th *Thread) (v Value, ok bool, err error)
}

// Iterable is a value that can be iterated.
type Iterable interface {
	Value
	Iterate(th *Thread) (Iterator, error)
}

// Sequence is a value with a length and integer indexes.
type Sequence interface {
	Value
	Len() int
	Index(i int) Value
}

// NoneType is the type of None.
type NoneType struct{}

// None is Python's None.
var None Value = NoneType{}

// Type implements Value.
func (NoneType) Type() *Class { return NoneClass }

// Bool is True or False.
type Bool bool

// Type implements Value.
func (Bool) Type() *Class { return BoolClass }

// Float is a Python float.
type Float float64

// Type implements Value.
func (Float) Type() *Class { return FloatClass }

// Str is a Python str, stored as UTF-8; a lone surrogate is stored in its
// three-byte form.
type Str string

// Type implements Value.
func (Str) Type() *Class { return StrClass }

// Bytes is a Python bytes object.
type Bytes string

// Type implements Value.
func (Bytes) Type() *Class { return BytesClass }

// Tuple is a Python tuple.
type Tuple []Value

// Type implements Value.
func (Tuple) Type() *Class { return TupleClass }

// Len implements Sequence.
func (t Tuple) Len() int { return len(t) }

// Index implements Sequence.
func (t Tuple) Index(i int) Value { return t[i] }

// List is a Python list.
type List struct {
	Elems []Value
}

// NewList returns a list of elems (not copied).
func NewList(elems []Value) *List { return &List{Elems: elems} }

// Type implements Value.
func (*List) Type() *Class { return ListClass }

// Len implements Sequence.
func (l *List) Len() int { return len(l.Elems) }

// Index implements Sequence.
func (l *List) Index(i int) Value { return l.Elems[i] }

// EllipsisType is the type of Python's "...".
type EllipsisType struct{}

// Ellipsis is the single value of EllipsisType.
var Ellipsis Value = EllipsisType{}

// Type implements Value.
func (EllipsisType) Type() *Class { return EllipsisClass }

// NotImplementedType is the type of NotImplemented.
type NotImplementedType struct{}

// NotImplemented is returned by binary dunder methods that do not handle
// their operand.
var NotImplemented Value = NotImplementedType{}

// Type implements Value.
func (NotImplementedType) Type() *Class { return NotImplementedClass }

// Unknown is a value the interpreter does not model (an unmodelled call's
// result, an unfound optional module). It flows through assignments,
// attribute access, calls and operators; using it where a real value is
// needed (a truth test, iteration, hashing) is a *Fatal naming where it
// came from.
type Unknown struct {
	Why string   // what produced it
	At  Position // where it was produced
}

// Type implements Value.
func (*Unknown) Type() *Class { return UnknownClass }

func (u *Unknown) fatal(what string) error {
	return &Fatal{Pos: u.At, Msg: fmt.Sprintf("%s is not known statically (%s)", what, u.Why)}
}

// Slice is a slice object.
type Slice struct {
	Start, Stop, Step Value
}

// Type implements Value.
func (*Slice) Type() *Class { return SliceClass }

// Cell holds a variable shared between a function and its closures.
type Cell struct {
	V Value // nil when unbound
}
