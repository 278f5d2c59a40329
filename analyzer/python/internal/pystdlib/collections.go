package pystdlib

import "github.com/asterkit/aster/analyzer/python/internal/pyrt"

// collections: namedtuple, OrderedDict, defaultdict, deque and Counter as
// far as import-time code uses them; collections.abc's classes exist and
// can be subscripted.
func init() {
	models["collections"] = &model{src: collectionsSrc, pkg: true, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{"generic_alias": pyrt.NewBuiltin("generic_alias", func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
			c, ok := args[0].(*pyrt.Class)
			if len(args) != 2 || !ok {
				return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("generic_alias(cls, params)"))
			}
			return pyrt.NewGenericAlias(c, args[1]), nil
		})}
	}}
	models["collections.abc"] = &model{src: abcSrc}
}

const collectionsSrc = `
from _host_collections import generic_alias as _generic_alias

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(map(str, field_names))
    typename = str(typename)
    for name in (typename,) + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid identifiers: ' + repr(name))
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: ' + repr(name))
        if name in seen:
            raise ValueError('Encountered duplicate field name: ' + repr(name))
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    n = len(field_names)

    class _Tuple(tuple):
        __slots__ = ()
        _fields = field_names
        _field_defaults = field_defaults

        def __new__(cls, *args, **kwargs):
            if len(args) > n:
                raise TypeError('%s.__new__() takes %d positional arguments but %d were given' % (typename, n + 1, len(args) + 1))
            values = list(args)
            for name in field_names[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (typename, name))
            if kwargs:
                raise TypeError("%s.__new__() got an unexpected keyword argument '%s'" % (typename, next(iter(kwargs))))
            return tuple.__new__(cls, values)

        @classmethod
        def _make(cls, iterable):
            return tuple.__new__(cls, iterable)

        def _replace(self, **kwargs):
            return type(self)(*[kwargs.pop(name, value) for name, value in zip(field_names, self)], **kwargs)

        def __repr__(self):
            return type(self).__name__ + '(' + ', '.join(name + '=' + repr(value) for name, value in zip(field_names, self)) + ')'

        def _asdict(self):
            return dict(zip(self._fields, self))

        def __getnewargs__(self):
            return tuple(self)

    for index, name in enumerate(field_names):
        setattr(_Tuple, name, property(lambda self, index=index: self[index]))
    _Tuple.__name__ = typename
    _Tuple.__qualname__ = typename
    if module is not None:
        _Tuple.__module__ = module
    return _Tuple

class OrderedDict(dict):
    __class_getitem__ = classmethod(_generic_alias)
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            self.update(rest)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return 'OrderedDict()'
        return 'OrderedDict(' + repr(list(self.items())) + ')'

# Instances of dict subclasses hold no attributes in this interpreter, so
# each defaultdict's factory is kept here, by the instance's id.
_factories = {}

class defaultdict(dict):
    __class_getitem__ = classmethod(_generic_alias)
    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        _factories[id(self)] = default_factory

    @property
    def default_factory(self):
        return _factories.get(id(self))

    def __missing__(self, key):
        factory = _factories.get(id(self))
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        return 'defaultdict(' + repr(self.default_factory) + ', ' + dict.__repr__(self) + ')'

class deque:
    __class_getitem__ = classmethod(_generic_alias)
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        self.extend(iterable)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[-1]

    def extend(self, iterable):
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return 'deque(' + repr(self._items) + ')'
        return 'deque(' + repr(self._items) + ', maxlen=' + repr(self.maxlen) + ')'

class Counter(dict):
    __class_getitem__ = classmethod(_generic_alias)
    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = count + self[elem]
            else:
                for elem in iterable:
                    self[elem] = self[elem] + 1
        if kwds:
            self.update(kwds)

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def total(self):
        return sum(self.values())

    def elements(self):
        return iter([elem for elem, count in self.items() for _ in range(count)])

    def __repr__(self):
        if not self:
            return 'Counter()'
        return 'Counter({' + ', '.join('%r: %r' % kv for kv in self.most_common()) + '})'
`

const abcSrc = `
class _ABC:
    def __class_getitem__(cls, params):
        return cls

class Hashable(_ABC): pass
class Awaitable(_ABC): pass
class Coroutine(Awaitable): pass
class AsyncIterable(_ABC): pass
class AsyncIterator(AsyncIterable): pass
class AsyncGenerator(AsyncIterator): pass
class Iterable(_ABC): pass
class Iterator(Iterable): pass
class Reversible(Iterable): pass
class Generator(Iterator): pass
class Sized(_ABC): pass
class Container(_ABC): pass
class Callable(_ABC): pass
class Collection(Sized, Iterable, Container): pass
class Set(Collection): pass
class MutableSet(Set): pass
class Mapping(Collection): pass
class MutableMapping(Mapping): pass
class MappingView(Sized): pass
class KeysView(MappingView, Set): pass
class ItemsView(MappingView, Set): pass
class ValuesView(MappingView, Collection): pass
class Sequence(Reversible, Collection): pass
class MutableSequence(Sequence): pass
class ByteString(Sequence): pass
class Buffer(_ABC): pass
del Buffer
`
