package pyrt

import (
	"fmt"

	syn "github.com/asterkit/aster/analyzer/python/internal/pysyntax"
)

// Default limits of a Thread.
const (
	DefaultMaxSteps = 10_000_000
	DefaultMaxDepth = 1000 // CPython's default recursion limit
)

// Thread is the state of one interpreter run: its limits, its call depth
// and its imported modules.
type Thread struct {
	// MaxSteps bounds the statements and loop iterations executed;
	// MaxDepth bounds the call depth.
	MaxSteps int64
	MaxDepth int
	// Finder locates modules for import statements.
	Finder Finder
	// Modules holds the imported modules by name (sys.modules).
	Modules map[string]*Module
	// Print receives print()'s output; nil discards it.
	Print func(s string)
	// Observer, when set, is told what module and class bodies compute.
	Observer Observer
	// MissingModule, when set, stands in for a module that cannot be
	// found, imported where no enclosing try statement handles the
	// error: it returns the module to bind (nil raises the error).
	MissingModule func(name string) *Module

	steps     int64
	depth     int
	where     position // the statement running
	frames    []*frame
	reprStack []Value
	// lastGlobals are the globals of the last module that failed (for
	// reporting what it had bound).
	lastGlobals *Namespace
	// host tracks host dependencies (nil when off).
	host *hostDeps
	// guarded counts the try statements with handlers that are running.
	guarded int
}

// Observer is told what module and class bodies (not function bodies)
// compute, for callers that read the results of import time.
type Observer interface {
	// Expr receives the value of an evaluated expression, with the file
	// it is in and, when TrackHost is on, the host reads it depends on.
	Expr(file string, e syn.Expr, v Value, host []string)
	// Stmt is told that a statement ran to completion.
	Stmt(file string, s syn.Stmt)
}

// NewThread returns a thread with the default limits.
func NewThread(f Finder) *Thread {
	return &Thread{MaxSteps: DefaultMaxSteps, MaxDepth: DefaultMaxDepth, Finder: f, Modules: map[string]*Module{}}
}

// Steps returns how many steps the thread has used.
func (th *Thread) Steps() int64 { return th.steps }

func (th *Thread) step() error {
	if th == nil {
		return nil
	}
	th.steps++
	if th.MaxSteps > 0 && th.steps > th.MaxSteps {
		return &Fatal{Pos: th.where.resolve(), Msg: fmt.Sprintf("step budget exhausted (%d steps): the code runs too long at import time", th.MaxSteps), Runaway: true}
	}
	return nil
}

// charge counts work proportional to n (such as the size of a built
// sequence) against the step budget.
func (th *Thread) charge(n int) error {
	if th == nil || n < 64 {
		return nil
	}
	th.steps += int64(n / 64)
	return th.step()
}

func (th *Thread) enter() error {
	if th == nil {
		return nil
	}
	th.depth++
	if th.MaxDepth > 0 && th.depth > th.MaxDepth {
		th.depth--
		return excf(RecursionErrorClass, "maximum recursion depth exceeded")
	}
	return nil
}

// visit counts a container that a recursive operation (repr, a
// comparison, a hash) enters: a step and its size against the step
// budget, and a level against the recursion limit, whose RecursionError
// ends with what. On success the caller calls th.leave when done. A nil
// thread counts nothing.
func (th *Thread) visit(v Value, what string) error {
	if th == nil {
		return nil
	}
	n := 0
	switch x := v.(type) {
	case Tuple:
		n = len(x)
	case *List:
		n = len(x.Elems)
	case *Dict:
		n = x.Len()
	case *Set:
		n = x.Len()
	}
	if err := th.step(); err != nil {
		return err
	}
	if err := th.charge(n); err != nil {
		return err
	}
	if err := th.enter(); err != nil {
		return excf(RecursionErrorClass, "maximum recursion depth exceeded%s", what)
	}
	return nil
}

func (th *Thread) leave() {
	if th != nil {
		th.depth--
	}
}

func (th *Thread) reprActive(v Value) bool {
	for _, x := range th.reprStack {
		if x == v {
			return true
		}
	}
	th.reprStack = append(th.reprStack, v)
	return false
}

func (th *Thread) reprDone(v Value) {
	th.reprStack = th.reprStack[:len(th.reprStack)-1]
}

// instantiate creates an instance of c and runs __init__.
func (th *Thread) instantiate(c *Class, args []Value, kwargs []Kwarg) (Value, error) {
	if newFn, owner := c.Lookup("__new__"); newFn != nil && !owner.builtin {
		fn := newFn
		if s, ok := fn.(*StaticMethod); ok {
			fn = s.Func
		}
		obj, err := th.Call(fn, append([]Value{c}, args...), kwargs)
		if err != nil {
			return nil, err
		}
		if !obj.Type().IsSubclass(c) {
			return obj, nil
		}
		return obj, th.runInit(c, obj, args, kwargs)
	}
	var obj Value
	for _, k := range c.MRO {
		if k.new != nil {
			v, err := k.new(th, c, args, kwargs)
			if err != nil {
				return nil, err
			}
			obj = v
			break
		}
	}
	if obj == nil {
		init, _ := c.Lookup("__init__")
		if (len(args) > 0 || len(kwargs) > 0) && (init == nil || isObjectInit(init)) {
			return nil, typeErrorf("%s() takes no arguments", c.Name)
		}
		obj = &Instance{Class: c, Dict: NewNamespace()}
	}
	if !obj.Type().IsSubclass(c) {
		return obj, nil
	}
	return obj, th.runInit(c, obj, args, kwargs)
}

func isObjectInit(v Value) bool {
	b, ok := v.(*Builtin)
	return ok && b.owner == "object"
}

func (th *Thread) runInit(c *Class, obj Value, args []Value, kwargs []Kwarg) error {
	init, owner := c.Lookup("__init__")
	if init == nil || owner.builtin {
		return nil
	}
	r, err := th.Call(init, append([]Value{obj}, args...), kwargs)
	if err != nil {
		return err
	}
	if r != None {
		return typeErrorf("__init__() should return None, not '%s'", TypeName(r))
	}
	return nil
}

// Iterate returns an iterator over v.
func Iterate(th *Thread, v Value) (Iterator, error) {
	switch x := v.(type) {
	case Tuple:
		return &sliceIter{elems: x}, nil
	case *List:
		return &listIter{l: x}, nil
	case Str:
		return &strIter{s: string(x)}, nil
	case Bytes:
		return &funcIter{next: func(i int) (Value, bool) {
			if i >= len(x) {
				return nil, false
			}
			return MakeInt(int64(x[i])), true
		}}, nil
	case *Dict:
		return &sliceIter{elems: x.Keys()}, nil
	case *Set:
		return &sliceIter{elems: x.Elems()}, nil
	case *rangeValue:
		return x.iterate(), nil
	case Iterable:
		return x.Iterate(th)
	case *Unknown:
		return nil, x.fatal("iterating over this value")
	case *Class:
		if m, _ := userMethod(x, "__iter__"); m != nil {
			it, err := th.Call(m, []Value{x}, nil)
			if err != nil {
				return nil, err
			}
			return Iterate(th, it)
		}
	case *Instance:
		if m, _ := x.Class.Lookup("__iter__"); m != nil {
			it, err := th.Call(m, []Value{x}, nil)
			if err != nil {
				return nil, err
			}
			if native, ok := it.(Iterable); ok {
				return native.Iterate(th)
			}
			next, err := getAttrOpt(th, it, "__next__")
			if err != nil {
				return nil, err
			}
			if next == nil {
				return nil, typeErrorf("iter() returned non-iterator of type '%s'", TypeName(it))
			}
			return &protocolIter{next: next}, nil
		}
		if m, _ := x.Class.Lookup("__getitem__"); m != nil {
			return &getitemIter{obj: x}, nil
		}
		if w := x.wrapped(); w != nil {
			return Iterate(th, w)
		}
	}
	return nil, typeErrorf("'%s' object is not iterable", TypeName(v))
}

// ToSlice collects the items of an iterable.
func ToSlice(th *Thread, v Value) ([]Value, error) {
	switch x := v.(type) {
	case Tuple:
		return append([]Value(nil), x...), nil
	case *List:
		return append([]Value(nil), x.Elems...), nil
	}
	it, err := Iterate(th, v)
	if err != nil {
		return nil, err
	}
	var out []Value
	for {
		e, ok, err := it.Next(th)
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		if th != nil {
			if err := th.step(); err != nil {
				return nil, err
			}
		}
		out = append(out, e)
	}
}

type sliceIter struct {
	elems []Value
	i     int
}

func (it *sliceIter) Next(*Thread) (Value, bool, error) {
	if it.i >= len(it.elems) {
		return nil, false, nil
	}
	it.i++
	return it.elems[it.i-1], true, nil
}

type listIter struct {
	l *List
	i int
}

func (it *listIter) Next(*Thread) (Value, bool, error) {
	if it.i >= len(it.l.Elems) {
		return nil, false, nil
	}
	it.i++
	return it.l.Elems[it.i-1], true, nil
}

type strIter struct {
	s string
	i int
}

func (it *strIter) Next(*Thread) (Value, bool, error) {
	if it.i >= len(it.s) {
		return nil, false, nil
	}
	_, n := decodeRune(it.s[it.i:])
	it.i += n
	return Str(it.s[it.i-n : it.i]), true, nil
}

type funcIter struct {
	next func(i int) (Value, bool)
	i    int
}

func (it *funcIter) Next(*Thread) (Value, bool, error) {
	v, ok := it.next(it.i)
	it.i++
	return v, ok, nil
}

type protocolIter struct{ next Value }

func (it *protocolIter) Next(th *Thread) (Value, bool, error) {
	v, err := th.Call(it.next, nil, nil)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Class().IsSubclass(StopIterationClass) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

type getitemIter struct {
	obj Value
	i   int64
}

func (it *getitemIter) Next(th *Thread) (Value, bool, error) {
	v, err := GetItem(th, it.obj, MakeInt(it.i))
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.Class().IsSubclass(IndexErrorClass) || e.Class().IsSubclass(StopIterationClass)) {
			return nil, false, nil
		}
		return nil, false, err
	}
	it.i++
	return v, true, nil
}

// IteratorValue is a Python iterator object over a Go Iterator (what
// iter(), enumerate(), zip(), map() and generators return).
type IteratorValue struct {
	It   Iterator
	Name string
	// Qualname is a generator's qualified name.
	Qualname string
}

// Type implements Value.
func (it *IteratorValue) Type() *Class {
	if c, ok := iteratorClasses[it.Name]; ok {
		return c
	}
	return IteratorClass
}

// Iterate implements Iterable: an iterator is its own iterator.
func (it *IteratorValue) Iterate(*Thread) (Iterator, error) { return it.It, nil }
