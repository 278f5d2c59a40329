package pystdlib

// typing and typing_extensions (the same objects): TYPE_CHECKING is false,
// NewType returns its argument when called, and the special forms are
// opaque objects that can be subscripted and keep their origin and
// arguments.
func init() {
	models["typing"] = &model{src: typingSrc}
	models["typing_extensions"] = &model{src: "from typing import *\nfrom typing import _SpecialForm, _GenericAlias\n"}
}

const typingSrc = `
TYPE_CHECKING = False

def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)

class _GenericAlias:
    def __init__(self, form, origin, args):
        self._form = form
        self.__origin__ = origin
        self.__args__ = args
    def __repr__(self):
        if self._form._name == 'Callable' and len(self.__args__) >= 1:
            head = self.__args__[:-1]
            if len(head) == 1 and head[0] is ...:
                inner = '...'
            else:
                inner = '[' + ', '.join(_type_repr(a) for a in head) + ']'
            return 'typing.Callable[' + inner + ', ' + _type_repr(self.__args__[-1]) + ']'
        if self.__origin__ is Union and len(self.__args__) == 2 and type(None) in self.__args__:
            other = self.__args__[0] if self.__args__[1] is type(None) else self.__args__[1]
            return 'typing.Optional[' + _type_repr(other) + ']'
        if self._form._name == 'Tuple' and not self.__args__:
            return 'typing.Tuple[()]'
        return repr(self._form) + '[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'
    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__
    def __hash__(self):
        return hash((self.__origin__, self.__args__))
    def __getitem__(self, params):
        return _GenericAlias(self._form, self.__origin__, params if isinstance(params, tuple) else (params,))
    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)
    def __or__(self, other):
        return Union[self, other]
    def __ror__(self, other):
        return Union[other, self]

class _SpecialForm:
    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin
    def __repr__(self):
        return 'typing.' + self._name
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = self._name
        if name == 'Optional':
            return Union[params[0], None]
        if name == 'Union':
            flat = []
            for p in params:
                if p is None:
                    p = type(None)
                if isinstance(p, _GenericAlias) and p.__origin__ is Union:
                    items = p.__args__
                else:
                    items = (p,)
                for q in items:
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            return _GenericAlias(self, Union, tuple(flat))
        if name == 'Callable':
            head, result = params
            args = (...,) if head is ... else tuple(head)
            return _GenericAlias(self, self.__origin__, args + (result,))
        if name == 'Annotated':
            return _GenericAlias(self, params[0], params)
        origin = self if self.__origin__ is None else self.__origin__
        return _GenericAlias(self, origin, params)
    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate ' + repr(self))
    def __or__(self, other):
        return Union[self, other]
    def __ror__(self, other):
        return Union[other, self]

import collections.abc as _abc

Any = _SpecialForm('Any')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Literal = _SpecialForm('Literal')
Annotated = _SpecialForm('Annotated')
TypeAlias = _SpecialForm('TypeAlias')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')
List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Tuple = _SpecialForm('Tuple', tuple)
Type = _SpecialForm('Type', type)
Callable = _SpecialForm('Callable', _abc.Callable)
Iterable = _SpecialForm('Iterable', _abc.Iterable)
Iterator = _SpecialForm('Iterator', _abc.Iterator)
Sequence = _SpecialForm('Sequence', _abc.Sequence)
Mapping = _SpecialForm('Mapping', _abc.Mapping)
MutableMapping = _SpecialForm('MutableMapping', _abc.MutableMapping)
AsyncIterator = _SpecialForm('AsyncIterator', _abc.AsyncIterator)
AsyncGenerator = _SpecialForm('AsyncGenerator', _abc.AsyncGenerator)
AsyncIterable = _SpecialForm('AsyncIterable', _abc.AsyncIterable)
Generator = _SpecialForm('Generator', _abc.Generator)
Awaitable = _SpecialForm('Awaitable', _abc.Awaitable)
Coroutine = _SpecialForm('Coroutine', _abc.Coroutine)

class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant
    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

AnyStr = TypeVar('AnyStr', bytes, str)

class _ClassAlias(_GenericAlias):
    # A user generic class subscripted: Box[int].
    def __repr__(self):
        return _type_repr(self.__origin__) + '[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'
    def __mro_entries__(self, bases):
        return (self.__origin__,)

class Generic:
    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        return _ClassAlias(None, cls, params if isinstance(params, tuple) else (params,))

class Protocol(Generic):
    pass

class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        if ns.get('_root'):
            return super().__new__(cls, typename, bases, ns)
        import collections
        types = ns.get('__annotations__', {})
        default_names = []
        for name in types:
            if name in ns:
                default_names.append(name)
            elif default_names:
                raise TypeError('Non-default namedtuple field ' + name + ' cannot follow default field' + ('s ' if len(default_names) > 1 else ' ') + ', '.join(default_names))
        nt = collections.namedtuple(typename, list(types), defaults=[ns[n] for n in default_names], module=ns['__module__'])
        nt.__annotations__ = dict(types)
        for key, value in ns.items():
            if key not in types and key not in ('__module__', '__qualname__', '__annotations__', '__doc__'):
                setattr(nt, key, value)
        nt.__qualname__ = ns.get('__qualname__', typename)
        return nt

class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        if ns.get('_root'):
            return super().__new__(cls, name, bases, ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp = super().__new__(cls, name, (dict,), ns)
        tp.__annotations__ = annotations
        tp.__total__ = total
        return tp

    def __call__(cls, *args, **kwargs):
        # Calling a TypedDict class makes a plain dict.
        return dict(*args, **kwargs)

class TypedDict(metaclass=_TypedDictMeta):
    _root = True

def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type

def cast(typ, val):
    return val

def overload(func):
    return func

def final(f):
    return f

def runtime_checkable(cls):
    return cls

def no_type_check(arg):
    return arg

def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    return None

def get_args(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__args__
    return ()
`
