package pystdlib

import "github.com/asterkit/aster/analyzer/python/internal/pyrt"

// pathlib: the POSIX pure paths (construction, joining with /, str,
// repr, the name parts, parent, with_name, with_suffix, relative_to) and
// Path, whose file-system queries are unknown values. Windows paths are
// not modelled.
func init() {
	models["pathlib"] = &model{src: pathlibSrc, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{
			"filesystem": &pyrt.Unknown{Why: "the file system is not read statically"},
			"windows":    &pyrt.Unknown{Why: "pathlib.PureWindowsPath is not modelled"},
		}
	}}
}

const pathlibSrc = `
from _host_pathlib import filesystem as _filesystem, windows as _windows

PureWindowsPath = _windows
WindowsPath = _windows

def _parse(args):
    root = ''
    parts = []
    for a in args:
        if isinstance(a, PurePath):
            a_root, a_parts = a._root, a._parts
        elif isinstance(a, str):
            a_root = ''
            if a.startswith('/'):
                a_root = '//' if a.startswith('//') and not a.startswith('///') else '/'
            a_parts = [p for p in a.split('/') if p and p != '.']
        else:
            raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(a).__name__)
        if a_root:
            root, parts = a_root, list(a_parts)
        else:
            parts.extend(a_parts)
    return root, tuple(parts)

class PurePath:
    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(*_parse(args))

    @classmethod
    def _from_parts(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._parts = parts
        return self

    def _derive(self, root, parts):
        return type(self)._from_parts(root, parts)

    def __str__(self):
        return (self._root + '/'.join(self._parts)) or '.'

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.as_posix())

    def __truediv__(self, key):
        try:
            return self._derive(*_parse((self, key)))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._derive(*_parse((key, self)))
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return self._derive(*_parse((self,) + args))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return (self._root, self._parts) == (other._root, other._parts)

    def __hash__(self):
        return hash((self._root, self._parts))

    def _key(self, other):
        if not isinstance(other, PurePath):
            return None
        return str(self).split('/'), str(other).split('/')

    def __lt__(self, other):
        k = self._key(other)
        return NotImplemented if k is None else k[0] < k[1]

    def __le__(self, other):
        k = self._key(other)
        return NotImplemented if k is None else k[0] <= k[1]

    def __gt__(self, other):
        k = self._key(other)
        return NotImplemented if k is None else k[0] > k[1]

    def __ge__(self, other):
        k = self._key(other)
        return NotImplemented if k is None else k[0] >= k[1]

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return ((self._root,) if self._root else ()) + self._parts

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        return name[i:] if 0 < i < len(name) - 1 else ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        return ['.' + s for s in name.lstrip('.').split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        return name[:i] if 0 < i < len(name) - 1 else name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._derive(self._root, self._parts[:-1])

    @property
    def parents(self):
        return tuple(self._derive(self._root, self._parts[:i]) for i in range(len(self._parts) - 1, -1, -1))

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def with_name(self, name):
        if not self.name:
            raise ValueError('%r has an empty name' % (self,))
        if not isinstance(name, str):
            raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(name).__name__)
        if not name or '/' in name or name == '.':
            raise ValueError('Invalid name %r' % (name,))
        return self._derive(self._root, self._parts[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and not suffix.startswith('.')) or suffix == '.':
            raise ValueError('Invalid suffix %r' % (suffix,))
        name = self.name
        if not name:
            raise ValueError('%r has an empty name' % (self,))
        old = self.suffix
        name = (name[:-len(old)] if old else name) + suffix
        return self._derive(self._root, self._parts[:-1] + (name,))

    def relative_to(self, *other):
        base = type(self)(*other)
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            raise ValueError('%r is not in the subpath of %r OR one path is relative and the other is absolute.' % (str(self), str(base)))
        return self._derive('', self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

class PurePosixPath(PurePath):
    pass

def _filesystem_query(self, *args, **kwargs):
    return _filesystem

class Path(PurePath):
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(*_parse(args))

    @classmethod
    def cwd(cls):
        return _filesystem

    @classmethod
    def home(cls):
        return _filesystem

for _name in ('absolute', 'resolve', 'expanduser', 'exists', 'is_file', 'is_dir', 'is_symlink', 'stat', 'lstat',
              'read_text', 'read_bytes', 'iterdir', 'glob', 'rglob', 'open', 'samefile', 'owner', 'group', 'readlink'):
    setattr(Path, _name, _filesystem_query)
del _name

class PosixPath(Path, PurePosixPath):
    pass
`
