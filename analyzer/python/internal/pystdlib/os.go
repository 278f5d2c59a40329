package pystdlib

import "github.com/asterkit/aster/analyzer/python/internal/pyrt"

// os: environ and getenv read the host's environment through Host, which
// records every variable read; os.path is posixpath.
func init() {
	models["os"] = &model{
		src: `
from _host_os import getenv as _getenv
import posixpath as path
from posixpath import sep, curdir, pardir, extsep, altsep, pathsep, defpath, devnull

name = 'posix'
linesep = '\n'

class _Environ:
    # Assignments made at import time are kept here, not in the host's
    # environment; a deleted variable is kept as None.
    def __init__(self):
        self._set = {}
    def _lookup(self, key):
        if not isinstance(key, str):
            raise TypeError('str expected, not ' + type(key).__name__)
        if key in self._set:
            return self._set[key]
        return _getenv(key)
    def __getitem__(self, key):
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value
    def get(self, key, default=None):
        value = self._lookup(key)
        if value is None:
            return default
        return value
    def __contains__(self, key):
        return self._lookup(key) is not None
    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not ' + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not ' + type(value).__name__)
        self._set[key] = value
    def __delitem__(self, key):
        if self._lookup(key) is None:
            raise KeyError(key)
        self._set[key] = None
    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]
    def pop(self, key, *default):
        value = self._lookup(key)
        if value is None:
            if default:
                return default[0]
            raise KeyError(key)
        self._set[key] = None
        return value

environ = _Environ()

def getenv(key, default=None):
    return environ.get(key, default)
`,
		helpers: func(h *Host) map[string]pyrt.Value {
			return map[string]pyrt.Value{"getenv": pyrt.NewBuiltin("getenv", func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
				if len(args) != 1 || len(kwargs) != 0 {
					return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("getenv() takes exactly one argument"))
				}
				key, ok := args[0].(pyrt.Str)
				if !ok {
					return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("str expected, not "+pyrt.TypeName(args[0])))
				}
				th.HostRead("environment variable " + string(key))
				if v, ok := h.getenv(string(key)); ok {
					return pyrt.Str(v), nil
				}
				return pyrt.None, nil
			})}
		},
		after: func(th *pyrt.Thread, _ *Host, m *pyrt.Module) {
			if p, ok := th.Modules["posixpath"]; ok {
				th.Modules["os.path"] = p
			}
		},
	}
	models["posixpath"] = &model{src: `
sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

def _check(p, func=None):
    if not isinstance(p, str):
        if func:
            raise TypeError(func + "() argument must be str, bytes, or os.PathLike object, not '" + type(p).__name__ + "'")
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)

def join(a, *p):
    _check(a, 'join')
    path = a
    for b in p:
        _check(b, 'join')
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path

def split(p):
    _check(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail

def basename(p):
    return split(p)[1]

def dirname(p):
    return split(p)[0]

def splitext(p):
    _check(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        i = sep_index + 1
        while i < dot_index:
            if p[i] != '.':
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]

def isabs(s):
    _check(s)
    return s.startswith('/')

def normpath(path):
    _check(path)
    if not path:
        return '.'
    initial = 1 if path.startswith('/') else 0
    if initial and path.startswith('//') and not path.startswith('///'):
        initial = 2
    parts = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not parts) or (parts and parts[-1] == '..'):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = '/' * initial + '/'.join(parts)
    return path or '.'
`}
}
