package pystdlib

// functools: partial and reduce; the caches and wraps pass the function
// through.
func init() {
	models["functools"] = &model{src: `
class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords
    def __call__(self, /, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})
    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(k + '=' + repr(v) for k, v in self.keywords.items())
        return 'functools.partial(' + ', '.join(parts) + ')'

_missing = object()

def reduce(function, sequence, initial=_missing):
    it = iter(sequence)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value

def lru_cache(maxsize=128, typed=False):
    if callable(maxsize):
        return maxsize
    def decorating_function(user_function):
        return user_function
    return decorating_function

def cache(user_function):
    return user_function

def wraps(wrapped, assigned=None, updated=None):
    def decorator(wrapper):
        return wrapper
    return decorator

def total_ordering(cls):
    return cls

cached_property = property
`}
}
