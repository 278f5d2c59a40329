package pystdlib

import (
	"time"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
)

// zoneinfo: ZoneInfo by key (one object per key, as CPython's cache
// gives), with str and repr; a key the host's time-zone database lacks
// raises ZoneInfoNotFoundError. Offsets and names within a zone depend
// on that database and are unknown values.
func init() {
	models["zoneinfo"] = &model{src: zoneinfoSrc, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{
			"tzdata": &pyrt.Unknown{Why: "time-zone offsets are not known statically"},
			"exists": pyrt.NewBuiltin("exists", func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
				if len(args) != 1 {
					return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("exists() takes one str"))
				}
				key, ok := args[0].(pyrt.Str)
				if !ok {
					return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("exists() takes one str"))
				}
				// Go resolves "Local" without the database; CPython looks for a file.
				if key == "Local" {
					return pyrt.Bool(false), nil
				}
				_, err := time.LoadLocation(string(key))
				return pyrt.Bool(err == nil), nil
			}),
		}
	}}
}

const zoneinfoSrc = `
from _host_zoneinfo import tzdata as _tzdata, exists as _exists
from datetime import tzinfo as _tzinfo
from os.path import normpath as _normpath

class ZoneInfoNotFoundError(KeyError):
    pass

class InvalidTZPathWarning(RuntimeWarning):
    pass

TZPATH = ('/usr/share/zoneinfo', '/usr/lib/zoneinfo', '/usr/share/lib/zoneinfo', '/etc/zoneinfo')

_cache = {}

def _check_key(key):
    if not isinstance(key, str):
        raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(key).__name__)
    if key.startswith('/'):
        raise ValueError('ZoneInfo keys may not be absolute paths, got: %s' % key)
    normal = _normpath(key)
    if len(normal) != len(key):
        raise ValueError('ZoneInfo keys must be normalized relative paths, got: %s' % key)
    if normal == '..' or normal.startswith('../'):
        raise ValueError('ZoneInfo keys must refer to subdirectories of TZPATH, got: %s' % key)

class ZoneInfo(_tzinfo):
    def __new__(cls, key):
        if key in _cache and type(_cache[key]) is cls:
            return _cache[key]
        self = cls.no_cache(key)
        _cache[key] = self
        return self

    @classmethod
    def no_cache(cls, key):
        _check_key(key)
        if not key or not _exists(key):
            raise ZoneInfoNotFoundError('No time zone found with key %s' % key)
        self = object.__new__(cls)
        self._key = key
        return self

    @property
    def key(self):
        return self._key

    def __str__(self):
        return self._key

    def __repr__(self):
        name = 'zoneinfo.ZoneInfo' if type(self) is ZoneInfo else type(self).__name__
        return '%s(key=%r)' % (name, self._key)

    def utcoffset(self, dt):
        return _tzdata

    def dst(self, dt):
        return _tzdata

    def tzname(self, dt):
        return _tzdata

def available_timezones():
    return _tzdata
`
