package pystdlib

// dataclasses: the dataclass decorator records fields from the class
// annotations (with defaults and field(default=…, default_factory=…)),
// and adds __init__, __repr__ and __eq__; fields(), is_dataclass(),
// asdict(), astuple() and replace().
func init() {
	models["dataclasses"] = &model{src: dataclassesSrc}
}

const dataclassesSrc = `
class _MISSING_TYPE:
    pass

MISSING = _MISSING_TYPE()

class _KW_ONLY_TYPE:
    pass

KW_ONLY = _KW_ONLY_TYPE()

class FrozenInstanceError(AttributeError):
    pass

class InitVar:
    def __init__(self, type):
        self.type = type
    def __class_getitem__(cls, type):
        return InitVar(type)

class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)

def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith(('ClassVar', 'typing.ClassVar', 't.ClassVar'))
    import typing
    return tp is typing.ClassVar or getattr(tp, '_form', None) is typing.ClassVar

def _process(cls, init, repr, eq, order, frozen, kw_only):
    fields = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = cls.__dict__.get('__annotations__', {})
    kw_only_now = kw_only
    for name, tp in annotations.items():
        if tp is KW_ONLY:
            kw_only_now = True
            continue
        if _is_classvar(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        f._field_type = 'initvar' if isinstance(tp, InitVar) else 'field'
        if f.kw_only is MISSING:
            f.kw_only = kw_only_now
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError('mutable default ' + str(type(f.default)) + ' for field ' + name + ' is not allowed: use default_factory')
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    cls.__dataclass_fields__ = fields
    init_fields = [f for f in fields.values() if f.init]
    seen_default = None
    for f in init_fields:
        if f.kw_only:
            continue
        if f.default is MISSING and f.default_factory is MISSING:
            if seen_default is not None:
                raise TypeError("non-default argument '" + f.name + "' follows default argument")
        else:
            seen_default = f
    if init and '__init__' not in cls.__dict__:
        def __init__(self, *args, **kwargs):
            positional = [f for f in init_fields if not f.kw_only]
            if len(args) > len(positional):
                raise TypeError('__init__() takes ' + str(len(positional) + 1) + ' positional arguments but ' + str(len(args) + 1) + ' were given')
            values = {}
            for f, a in zip(positional, args):
                values[f.name] = a
            for k, v in kwargs.items():
                if k in values:
                    raise TypeError("__init__() got multiple values for argument '" + k + "'")
                if k not in [f.name for f in init_fields]:
                    raise TypeError("__init__() got an unexpected keyword argument '" + k + "'")
                values[k] = v
            for f in fields.values():
                if f._field_type == 'initvar':
                    continue
                if f.name in values:
                    v = values[f.name]
                elif f.default is not MISSING:
                    v = f.default
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                elif not f.init:
                    continue
                else:
                    raise TypeError("__init__() missing 1 required positional argument: '" + f.name + "'")
                object.__setattr__(self, f.name, v)
            post = getattr(self, '__post_init__', None)
            if post is not None:
                post(*[values.get(f.name, f.default) for f in fields.values() if f._field_type == 'initvar'])
        __init__.__qualname__ = cls.__qualname__ + '.__init__'
        cls.__init__ = __init__
    if repr and '__repr__' not in cls.__dict__:
        def __repr__(self):
            parts = [f.name + '=' + builtins_repr(getattr(self, f.name)) for f in fields.values() if f.repr and f._field_type == 'field']
            return type(self).__qualname__ + '(' + ', '.join(parts) + ')'
        cls.__repr__ = __repr__
    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return _astuple_cmp(self) == _astuple_cmp(other)
        cls.__eq__ = __eq__
        if not frozen and '__hash__' not in cls.__dict__:
            cls.__hash__ = None
    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '" + name + "'")
        def __delattr__(self, name):
            raise FrozenInstanceError("cannot delete field '" + name + "'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
        if eq and '__hash__' not in cls.__dict__:
            cls.__hash__ = lambda self: hash(_astuple_cmp(self))
    cls.__match_args__ = tuple(f.name for f in init_fields if not f.kw_only and f._field_type == 'field')
    return cls

builtins_repr = repr

def _astuple_cmp(obj):
    return tuple(getattr(obj, f.name) for f in obj.__dataclass_fields__.values() if f.compare and f._field_type == 'field')

def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)

def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type == 'field')

def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')

def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('asdict() should be called on dataclass instances')
    return dict_factory([(f.name, _copy(getattr(obj, f.name), dict_factory)) for f in fields(obj)])

def _copy(v, dict_factory):
    if is_dataclass(v) and not isinstance(v, type):
        return asdict(v, dict_factory=dict_factory)
    if isinstance(v, (list, tuple)):
        return type(v)(_copy(x, dict_factory) for x in v)
    if isinstance(v, dict):
        return type(v)((_copy(k, dict_factory), _copy(x, dict_factory)) for k, x in v.items())
    return v

def astuple(obj):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple(getattr(obj, f.name) for f in fields(obj))

def replace(obj, /, **changes):
    for f in obj.__dataclass_fields__.values():
        if f.init and f.name not in changes and f._field_type == 'field':
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
`
