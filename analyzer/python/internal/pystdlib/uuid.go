package pystdlib

import (
	"crypto/md5"
	"crypto/sha1"
	"hash"

	"github.com/asterkit/aster/analyzer/python/internal/pyrt"
)

// uuid: UUID from a string, bytes, fields or an integer, with str, repr
// and the derived attributes; uuid3 and uuid5 hash as CPython does;
// uuid1 and uuid4 are unknown values.
func init() {
	models["uuid"] = &model{src: uuidSrc, helpers: func(*Host) map[string]pyrt.Value {
		return map[string]pyrt.Value{
			"random": &pyrt.Unknown{Why: "a random or time-based UUID is not known statically"},
			"md5":    digestBuiltin("md5", md5.New),
			"sha1":   digestBuiltin("sha1", sha1.New),
		}
	}}
}

// digestBuiltin is a builtin returning the digest of one bytes argument.
func digestBuiltin(name string, newHash func() hash.Hash) pyrt.Value {
	return pyrt.NewBuiltin(name, func(th *pyrt.Thread, args []pyrt.Value, kwargs []pyrt.Kwarg) (pyrt.Value, error) {
		if len(args) != 1 || len(kwargs) != 0 {
			return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str(name+"() takes exactly one argument"))
		}
		b, ok := args[0].(pyrt.Bytes)
		if !ok {
			return nil, pyrt.NewException(pyrt.TypeErrorClass, pyrt.Str("a bytes-like object is required, not '"+pyrt.TypeName(args[0])+"'"))
		}
		h := newHash()
		h.Write([]byte(b))
		return pyrt.Bytes(h.Sum(nil)), nil
	})
}

const uuidSrc = `
from _host_uuid import random as _random, md5 as _md5, sha1 as _sha1

RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'

class SafeUUID:
    safe = 0
    unsafe = -1
    unknown = None

class UUID:
    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *, is_safe=SafeUUID.unknown):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, or int arguments must be given')
        if hex is not None:
            hex = hex.replace('urn:', '').replace('uuid:', '')
            hex = hex.strip('{}').replace('-', '')
            if len(hex) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            int = _int(hex, 16)
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            bytes = bytes_le[4-1::-1] + bytes_le[6-1:4-1:-1] + bytes_le[8-1:6-1:-1] + bytes_le[8:]
        if bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            int = _int.from_bytes(bytes, 'big')
        if fields is not None:
            if len(fields) != 6:
                raise ValueError('fields is not a 6-tuple')
            time_low, time_mid, time_hi_version, clock_seq_hi_variant, clock_seq_low, node = fields
            for i, (value, width) in enumerate(zip(fields, ('a 32', 'a 16', 'a 16', 'an 8', 'an 8', 'a 48'))):
                if not 0 <= value < 1 << _int(width.split()[1]):
                    raise ValueError('field %d out of range (need %s-bit value)' % (i + 1, width))
            clock_seq = (clock_seq_hi_variant << 8) | clock_seq_low
            int = ((time_low << 96) | (time_mid << 80) | (time_hi_version << 64) | (clock_seq << 48) | node)
        if int is not None and not 0 <= int < 1 << 128:
            raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            int &= ~(0xc000 << 48)
            int |= 0x8000 << 48
            int &= ~(0xf000 << 64)
            int |= version << 76
        object.__setattr__(self, 'int', int)
        object.__setattr__(self, 'is_safe', is_safe)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __str__(self):
        h = '%032x' % self.int
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, str(self))

    def __int__(self):
        return self.int

    def __hash__(self):
        return hash(self.int)

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self.int == other.int
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self.int < other.int
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self.int > other.int
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self.int <= other.int
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self.int >= other.int
        return NotImplemented

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        b = self.bytes
        return b[4-1::-1] + b[6-1:4-1:-1] + b[8-1:6-1:-1] + b[8:]

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version, self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    @property
    def time_low(self):
        return self.int >> 96

    @property
    def time_mid(self):
        return (self.int >> 80) & 0xffff

    @property
    def time_hi_version(self):
        return (self.int >> 64) & 0xffff

    @property
    def clock_seq_hi_variant(self):
        return (self.int >> 56) & 0xff

    @property
    def clock_seq_low(self):
        return (self.int >> 48) & 0xff

    @property
    def time(self):
        return (((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32) | self.time_low)

    @property
    def clock_seq(self):
        return (((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low)

    @property
    def node(self):
        return self.int & 0xffffffffffff

    @property
    def hex(self):
        return '%032x' % self.int

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    @property
    def variant(self):
        if not self.int & (0x8000 << 48):
            return RESERVED_NCS
        if not self.int & (0x4000 << 48):
            return RFC_4122
        if not self.int & (0x2000 << 48):
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return (self.int >> 76) & 0xf
        return None

_int = int

def uuid1(node=None, clock_seq=None):
    return _random()

def uuid4():
    return _random()

def getnode():
    return _random()

def _name_bytes(name):
    if not isinstance(name, str):
        raise TypeError('encoding without a string argument')
    return name.encode('utf-8')

def uuid3(namespace, name):
    return UUID(bytes=_md5(namespace.bytes + _name_bytes(name))[:16], version=3)

def uuid5(namespace, name):
    return UUID(bytes=_sha1(namespace.bytes + _name_bytes(name))[:16], version=5)

NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
`
