package pyrt

// The builtin classes.
var (
	ObjectClass           = newBuiltinClass("object", nil)
	TypeClass             = newBuiltinClass("type", ObjectClass)
	NoneClass             = newBuiltinClass("NoneType", ObjectClass)
	IntClass              = newBuiltinClass("int", ObjectClass)
	BoolClass             = newBuiltinClass("bool", IntClass)
	FloatClass            = newBuiltinClass("float", ObjectClass)
	ComplexClass          = newBuiltinClass("complex", ObjectClass)
	StrClass              = newBuiltinClass("str", ObjectClass)
	BytesClass            = newBuiltinClass("bytes", ObjectClass)
	TupleClass            = newBuiltinClass("tuple", ObjectClass)
	ListClass             = newBuiltinClass("list", ObjectClass)
	DictClass             = newBuiltinClass("dict", ObjectClass)
	SetClass              = newBuiltinClass("set", ObjectClass)
	FrozenSetClass        = newBuiltinClass("frozenset", ObjectClass)
	RangeClass            = newBuiltinClass("range", ObjectClass)
	SliceClass            = newBuiltinClass("slice", ObjectClass)
	FunctionClass         = newBuiltinClass("function", ObjectClass)
	BuiltinFunctionClass  = newBuiltinClass("builtin_function_or_method", ObjectClass)
	MethodDescriptorClass = newBuiltinClass("method_descriptor", ObjectClass)
	MethodClass           = newBuiltinClass("method", ObjectClass)
	ModuleClass           = newBuiltinClass("module", ObjectClass)
	PropertyClass         = newBuiltinClass("property", ObjectClass)
	StaticMethodClass     = newBuiltinClass("staticmethod", ObjectClass)
	ClassMethodClass      = newBuiltinClass("classmethod", ObjectClass)
	EllipsisClass         = newBuiltinClass("ellipsis", ObjectClass)
	NotImplementedClass   = newBuiltinClass("NotImplementedType", ObjectClass)
	UnknownClass          = newBuiltinClass("<unknown>", ObjectClass)
	IteratorClass         = newBuiltinClass("iterator", ObjectClass)
	SuperClass            = newBuiltinClass("super", ObjectClass)
	GenericAliasClass     = newBuiltinClass("GenericAlias", ObjectClass)
	UnionTypeClass        = newBuiltinClass("UnionType", ObjectClass)
)

// iteratorClasses are the classes of the iterators builtins return.
var iteratorClasses = map[string]*Class{}

func init() {
	for _, n := range []string{"generator", "enumerate", "zip", "map", "filter", "reversed", "list_iterator", "str_iterator"} {
		iteratorClasses[n] = newBuiltinClass(n, ObjectClass)
	}
	GenericAliasClass.Module = "types"
	UnionTypeClass.Module = "types"
}

// The builtin exception classes.
var (
	BaseExceptionClass       = newBuiltinClass("BaseException", ObjectClass)
	ExceptionClass           = newBuiltinClass("Exception", BaseExceptionClass)
	ArithmeticErrorClass     = newBuiltinClass("ArithmeticError", ExceptionClass)
	ZeroDivisionErrorClass   = newBuiltinClass("ZeroDivisionError", ArithmeticErrorClass)
	OverflowErrorClass       = newBuiltinClass("OverflowError", ArithmeticErrorClass)
	LookupErrorClass         = newBuiltinClass("LookupError", ExceptionClass)
	IndexErrorClass          = newBuiltinClass("IndexError", LookupErrorClass)
	KeyErrorClass            = newBuiltinClass("KeyError", LookupErrorClass)
	ValueErrorClass          = newBuiltinClass("ValueError", ExceptionClass)
	UnicodeErrorClass        = newBuiltinClass("UnicodeError", ValueErrorClass)
	TypeErrorClass           = newBuiltinClass("TypeError", ExceptionClass)
	NameErrorClass           = newBuiltinClass("NameError", ExceptionClass)
	UnboundLocalErrorClass   = newBuiltinClass("UnboundLocalError", NameErrorClass)
	AttributeErrorClass      = newBuiltinClass("AttributeError", ExceptionClass)
	ImportErrorClass         = newBuiltinClass("ImportError", ExceptionClass)
	ModuleNotFoundErrorClass = newBuiltinClass("ModuleNotFoundError", ImportErrorClass)
	RuntimeErrorClass        = newBuiltinClass("RuntimeError", ExceptionClass)
	RecursionErrorClass      = newBuiltinClass("RecursionError", RuntimeErrorClass)
	NotImplementedErrorClass = newBuiltinClass("NotImplementedError", RuntimeErrorClass)
	StopIterationClass       = newBuiltinClass("StopIteration", ExceptionClass)
	AssertionErrorClass      = newBuiltinClass("AssertionError", ExceptionClass)
	MemoryErrorClass         = newBuiltinClass("MemoryError", ExceptionClass)
	OSErrorClass             = newBuiltinClass("OSError", ExceptionClass)
	WarningClass             = newBuiltinClass("Warning", ExceptionClass)
)

// otherExceptions are further builtin exception classes: name, base.
var otherExceptions = [][2]string{
	{"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
	{"GeneratorExit", "BaseException"}, {"FloatingPointError", "ArithmeticError"},
	{"UnicodeEncodeError", "UnicodeError"}, {"UnicodeDecodeError", "UnicodeError"},
	{"UnicodeTranslateError", "UnicodeError"}, {"StopAsyncIteration", "Exception"},
	{"EOFError", "Exception"}, {"BufferError", "Exception"}, {"ReferenceError", "Exception"},
	{"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"}, {"TabError", "IndentationError"},
	{"SystemError", "Exception"}, {"FileNotFoundError", "OSError"}, {"FileExistsError", "OSError"},
	{"PermissionError", "OSError"}, {"IsADirectoryError", "OSError"}, {"NotADirectoryError", "OSError"},
	{"TimeoutError", "OSError"}, {"ConnectionError", "OSError"}, {"BrokenPipeError", "ConnectionError"},
	{"ConnectionAbortedError", "ConnectionError"}, {"ConnectionRefusedError", "ConnectionError"},
	{"ConnectionResetError", "ConnectionError"}, {"BlockingIOError", "OSError"},
	{"ChildProcessError", "OSError"}, {"InterruptedError", "OSError"}, {"ProcessLookupError", "OSError"},
	{"UserWarning", "Warning"}, {"DeprecationWarning", "Warning"}, {"PendingDeprecationWarning", "Warning"},
	{"SyntaxWarning", "Warning"}, {"RuntimeWarning", "Warning"}, {"FutureWarning", "Warning"},
	{"ImportWarning", "Warning"}, {"UnicodeWarning", "Warning"}, {"BytesWarning", "Warning"},
	{"ResourceWarning", "Warning"}, {"EncodingWarning", "Warning"},
}

// builtinClasses lists the classes bound in builtins.
func builtinClasses() []*Class {
	cs := []*Class{ObjectClass, TypeClass, IntClass, BoolClass, FloatClass, ComplexClass, StrClass, BytesClass,
		TupleClass, ListClass, DictClass, SetClass, FrozenSetClass, RangeClass, SliceClass,
		PropertyClass, StaticMethodClass, ClassMethodClass, SuperClass,
		BaseExceptionClass, ExceptionClass, ArithmeticErrorClass, ZeroDivisionErrorClass,
		OverflowErrorClass, LookupErrorClass, IndexErrorClass, KeyErrorClass, ValueErrorClass,
		UnicodeErrorClass, TypeErrorClass, NameErrorClass, UnboundLocalErrorClass,
		AttributeErrorClass, ImportErrorClass, ModuleNotFoundErrorClass, RuntimeErrorClass,
		RecursionErrorClass, NotImplementedErrorClass, StopIterationClass, AssertionErrorClass,
		MemoryErrorClass, OSErrorClass, WarningClass}
	for _, k := range []string{"enumerate", "zip", "map", "filter", "reversed"} {
		cs = append(cs, iteratorClasses[k])
	}
	return cs
}

// builtinsNS is the builtins module's namespace.
var builtinsNS = NewNamespace()

func (th *Thread) builtinNS() *Namespace { return builtinsNS }

// builtinClass returns the builtin class bound to name.
func builtinClass(name string) *Class {
	v, _ := builtinsNS.Get(name)
	return v.(*Class)
}

// Builtins returns the namespace of the builtins module.
func Builtins() *Namespace { return builtinsNS }

func init() {
	byName := map[string]*Class{}
	for _, c := range builtinClasses() {
		byName[c.Name] = c
	}
	for _, e := range otherExceptions {
		c := newBuiltinClass(e[0], byName[e[1]])
		byName[e[0]] = c
	}
	for _, c := range builtinClasses() {
		builtinsNS.Set(c.Name, c)
	}
	for _, e := range otherExceptions {
		builtinsNS.Set(e[0], byName[e[0]])
	}
	builtinsNS.Set("EnvironmentError", OSErrorClass)
	builtinsNS.Set("IOError", OSErrorClass)
	builtinsNS.Set("None", None)
	builtinsNS.Set("Ellipsis", Ellipsis)
	builtinsNS.Set("NotImplemented", NotImplemented)
	builtinsNS.Set("True", Bool(true))
	builtinsNS.Set("False", Bool(false))
	builtinsNS.Set("__debug__", Bool(true))
	initExceptions()
	initObject()
	initBuiltinFuncs()
	initConstructors()
	initMethods()
	initComplex()
	for _, name := range unmodelledBuiltins {
		if _, ok := builtinsNS.Get(name); !ok {
			builtinsNS.Set(name, &Unknown{Why: "builtins." + name + " is not modelled"})
		}
	}
}

// unmodelledBuiltins are CPython 3.11's builtins that the interpreter
// does not model: they exist, as unknown values (TestBuiltinNames checks
// the list against CPython).
var unmodelledBuiltins = []string{"BaseExceptionGroup", "ExceptionGroup", "aiter", "anext", "breakpoint",
	"bytearray", "compile", "copyright", "credits", "dir", "eval", "exec", "exit", "help", "input",
	"license", "locals", "memoryview", "open", "quit"}

// method registers a method of a builtin class.
func method(c *Class, name string, fn func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error)) {
	c.Dict.Set(name, &Builtin{Name: name, Fn: fn, method: true, owner: c.Name})
}

// noArgs makes the named methods of a builtin class reject arguments
// as CPython's METH_NOARGS methods do.
func noArgs(c *Class, names ...string) {
	for _, name := range names {
		v, _ := c.Dict.Get(name)
		b := v.(*Builtin)
		fn, name := b.Fn, name
		b.Fn = func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
			if len(args) > 0 {
				return nil, typeErrorf("%s.%s() takes no arguments (%d given)", c.Name, name, len(args))
			}
			if len(kwargs) > 0 {
				return nil, typeErrorf("%s.%s() takes no keyword arguments", c.Name, name)
			}
			return fn(th, self, args, kwargs)
		}
	}
}

func initExceptions() {
	BaseExceptionClass.new = func(th *Thread, cls *Class, args []Value, kwargs []Kwarg) (Value, error) {
		if len(kwargs) > 0 && builtinInit(cls) {
			return nil, typeErrorf("%s() takes no keyword arguments", cls.Name)
		}
		return &Instance{Class: cls, Dict: NewNamespace(), Payload: Tuple(append([]Value{}, args...))}, nil
	}
	method(BaseExceptionClass, "__init__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if len(kwargs) > 0 {
			return nil, typeErrorf("%s() takes no keyword arguments", TypeName(self))
		}
		if o, ok := self.(*Instance); ok {
			o.Payload = Tuple(append([]Value{}, args...))
		}
		return None, nil
	})
	method(BaseExceptionClass, "with_traceback", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return self, nil
	})
	method(BaseExceptionClass, "add_note", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return None, nil
	})
	BaseExceptionClass.Dict.Set("args", &Property{Get: &Builtin{Name: "args", Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
		return exceptionArgs(args[0].(*Instance)), nil
	}}})
	for _, name := range []string{"__cause__", "__context__"} {
		name := name
		BaseExceptionClass.Dict.Set(name, &Property{
			Get: &Builtin{Name: name, Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
				if v, ok := args[0].(*Instance).Dict.Get(name); ok {
					return v, nil
				}
				return None, nil
			}},
			Set: &Builtin{Name: name, Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
				args[0].(*Instance).Dict.Set(name, args[1])
				return None, nil
			}},
		})
	}
	for _, c := range []*Class{ImportErrorClass, AttributeErrorClass, NameErrorClass} {
		for _, attr := range []string{"name", "path", "obj"} {
			if attr == "path" && c != ImportErrorClass || attr == "obj" && c != AttributeErrorClass {
				continue
			}
			attr := attr
			c.Dict.Set(attr, &Property{
				Get: &Builtin{Name: attr, Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
					if v, ok := args[0].(*Instance).Dict.Get(attr); ok {
						return v, nil
					}
					return None, nil
				}},
				Set: &Builtin{Name: attr, Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
					args[0].(*Instance).Dict.Set(attr, args[1])
					return None, nil
				}},
			})
		}
	}
	ImportErrorClass.Dict.Set("msg", &Property{Get: &Builtin{Name: "msg", Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
		a := exceptionArgs(args[0].(*Instance))
		if len(a) == 1 {
			return a[0], nil
		}
		return None, nil
	}}})
	StopIterationClass.Dict.Set("value", &Property{Get: &Builtin{Name: "value", Fn: func(th *Thread, _ Value, args []Value, kwargs []Kwarg) (Value, error) {
		a := exceptionArgs(args[0].(*Instance))
		if len(a) > 0 {
			return a[0], nil
		}
		return None, nil
	}}})
}

func initObject() {
	method(ObjectClass, "__init__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		// Arguments left for object.__init__ are an error when the class
		// defines __init__ itself (so they were passed on explicitly).
		if len(args)+len(kwargs) > 0 {
			if _, owner := self.Type().Lookup("__init__"); owner != ObjectClass {
				return nil, typeErrorf("object.__init__() takes exactly one argument (the instance to initialize)")
			}
		}
		return None, nil
	})
	method(ObjectClass, "__repr__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if o, ok := self.(*Instance); ok {
			s, err := instanceStr(th, &Instance{Class: o.Class, Dict: o.Dict}, "")
			return Str(s), err
		}
		s, err := Repr(th, self)
		return Str(s), err
	})
	method(ObjectClass, "__str__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		s, err := Repr(th, self)
		return Str(s), err
	})
	method(ObjectClass, "__eq__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("__eq__", args, 1, 1); err != nil {
			return nil, err
		}
		if Is(self, args[0]) {
			return Bool(true), nil
		}
		return NotImplemented, nil
	})
	method(ObjectClass, "__ne__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("__ne__", args, 1, 1); err != nil {
			return nil, err
		}
		r, err := Compare(th, 0, self, args[0])
		if err != nil {
			return nil, err
		}
		t, err := Truth(th, r)
		return Bool(!t), err
	})
	method(ObjectClass, "__hash__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return MakeInt(identityHash(self)), nil
	})
	method(ObjectClass, "__setattr__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		if err := arity("__setattr__", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[0].(Str)
		if !ok {
			return nil, typeErrorf("attribute name must be string, not '%s'", TypeName(args[0]))
		}
		if o, ok := self.(*Instance); ok {
			o.Dict.Set(string(name), args[1])
			return None, nil
		}
		return None, SetAttr(th, self, string(name), args[1])
	})
	method(ObjectClass, "__getattribute__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		name, ok := args[0].(Str)
		if !ok {
			return nil, typeErrorf("attribute name must be string, not '%s'", TypeName(args[0]))
		}
		return GetAttr(th, self, string(name))
	})
	method(ObjectClass, "__init_subclass__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return None, nil
	})
	method(ObjectClass, "__format__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		spec, _ := args[0].(Str)
		if spec != "" {
			return nil, typeErrorf("unsupported format string passed to %s.__format__", TypeName(self))
		}
		s, err := ToStr(th, self)
		return Str(s), err
	})
	method(TypeClass, "mro", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		c := self.(*Class)
		out := make([]Value, len(c.MRO))
		for i, k := range c.MRO {
			out[i] = k
		}
		return NewList(out), nil
	})
	method(TypeClass, "__subclasscheck__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		c, ok := args[0].(*Class)
		return Bool(ok && c.IsSubclass(self.(*Class))), nil
	})
	method(TypeClass, "__instancecheck__", func(th *Thread, self Value, args []Value, kwargs []Kwarg) (Value, error) {
		return Bool(args[0].Type().IsSubclass(self.(*Class))), nil
	})
}

// arity checks the number of positional arguments of a builtin.
func arity(name string, args []Value, lo, hi int) error {
	n := len(args)
	switch {
	case lo == hi && n != lo:
		switch lo {
		case 0:
			return typeErrorf("%s() takes no arguments (%d given)", name, n)
		case 1:
			return typeErrorf("%s() takes exactly one argument (%d given)", name, n)
		}
		return typeErrorf("%s expected %d arguments, got %d", name, lo, n)
	case n < lo:
		return typeErrorf("%s expected at least %d argument%s, got %d", name, lo, plural(lo), n)
	case hi >= 0 && n > hi:
		return typeErrorf("%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
	}
	return nil
}

// noKwargs rejects keyword arguments of a builtin.
func noKwargs(name string, kwargs []Kwarg) error {
	if len(kwargs) > 0 {
		return typeErrorf("%s() takes no keyword arguments", name)
	}
	return nil
}

// kwargsTo assigns keyword arguments to named slots; unknown names are a
// TypeError, worded as CPython's argument parser for builtins words it.
func kwargsTo(name string, kwargs []Kwarg, slots map[string]*Value) error {
	for _, kw := range kwargs {
		p, ok := slots[kw.Name]
		if !ok {
			return typeErrorf("'%s' is an invalid keyword argument for %s()", kw.Name, name)
		}
		*p = kw.Value
	}
	return nil
}
