package pystdlib

// ipaddress: IPv4 and IPv6 addresses and networks parsed and printed as
// CPython 3.11 does (str, repr, compressed and exploded forms), with
// comparisons, membership and the network attributes. Scoped IPv6
// addresses ("fe80::1%eth0") are not modelled.
func init() {
	models["ipaddress"] = &model{src: ipaddressSrc}
}

const ipaddressSrc = `
IPV4LENGTH = 32
IPV6LENGTH = 128

class AddressValueError(ValueError):
    pass

class NetmaskValueError(ValueError):
    pass

def _parse_v4(s):
    if not s:
        raise AddressValueError('Address cannot be empty')
    octets = s.split('.')
    if len(octets) != 4:
        raise AddressValueError('Expected 4 octets in %r' % s)
    n = 0
    for o in octets:
        if not o:
            msg = 'Empty octet not permitted'
        elif not (o.isascii() and o.isdigit()):
            msg = 'Only decimal digits permitted in %r' % o
        elif len(o) > 3:
            msg = 'At most 3 characters permitted in %r' % o
        elif o != '0' and o[0] == '0':
            msg = 'Leading zeros are not permitted in %r' % o
        elif int(o) > 255:
            msg = 'Octet %d (> 255) not permitted' % int(o)
        else:
            n = n << 8 | int(o)
            continue
        raise AddressValueError('%s in %r' % (msg, s))
    return n

def _parse_hextet(h, s):
    if not all(c in '0123456789abcdefABCDEF' for c in h):
        msg = 'Only hex digits permitted in %r' % h
    elif len(h) > 4:
        msg = 'At most 4 characters permitted in %r' % h
    else:
        return int(h, 16)
    raise AddressValueError('%s in %r' % (msg, s))

def _parse_v6(s):
    if not s:
        raise AddressValueError('Address cannot be empty')
    parts = s.split(':')
    if len(parts) < 3:
        raise AddressValueError('At least 3 parts expected in %r' % s)
    if '.' in parts[-1]:
        v4 = _parse_v4(parts.pop())
        parts.append('%x' % (v4 >> 16))
        parts.append('%x' % (v4 & 0xFFFF))
    if len(parts) > 9:
        raise AddressValueError('At most 8 colons permitted in %r' % s)
    skip = None
    for i in range(1, len(parts) - 1):
        if not parts[i]:
            if skip is not None:
                raise AddressValueError("At most one '::' permitted in %r" % s)
            skip = i
    if skip is not None:
        hi = skip
        lo = len(parts) - skip - 1
        if not parts[0]:
            hi -= 1
            if hi:
                raise AddressValueError("Leading ':' only permitted as part of '::' in %r" % s)
        if not parts[-1]:
            lo -= 1
            if lo:
                raise AddressValueError("Trailing ':' only permitted as part of '::' in %r" % s)
        skipped = 8 - (hi + lo)
        if skipped < 1:
            raise AddressValueError("Expected at most 7 other parts with '::' in %r" % s)
    else:
        if len(parts) != 8:
            raise AddressValueError("Exactly 8 parts expected without '::' in %r" % s)
        if not parts[0]:
            raise AddressValueError("Leading ':' only permitted as part of '::' in %r" % s)
        if not parts[-1]:
            raise AddressValueError("Trailing ':' only permitted as part of '::' in %r" % s)
        hi, lo, skipped = len(parts), 0, 0
    n = 0
    for i in range(hi):
        n = n << 16 | _parse_hextet(parts[i], s)
    n <<= 16 * skipped
    for i in range(-lo, 0):
        n = n << 16 | _parse_hextet(parts[i], s)
    return n

def _check_int(n, version, bits):
    if n < 0:
        raise AddressValueError('%d (< 0) is not permitted as an IPv%d address' % (n, version))
    if n >= 1 << bits:
        raise AddressValueError('%d (>= 2**%d) is not permitted as an IPv%d address' % (n, bits, version))
    return n

class _BaseAddress:
    def __init__(self, address):
        if isinstance(address, int) and not isinstance(address, bool):
            self._ip = _check_int(address, self.version, self.max_prefixlen)
            return
        if isinstance(address, bytes):
            if len(address) != self.max_prefixlen // 8:
                raise AddressValueError('%r (len %d != %d) is not permitted as an IPv%d address' % (address, len(address), self.max_prefixlen // 8, self.version))
            self._ip = int.from_bytes(address, 'big')
            return
        address = str(address)
        if '/' in address:
            raise AddressValueError("Unexpected '/' in %r" % address)
        self._ip = self._parse(address)

    def __int__(self):
        return self._ip

    def __str__(self):
        return self._string()

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, str(self))

    def __format__(self, spec):
        if not spec or spec[-1] == 's':
            return format(str(self), spec)
        alternate = spec[:1] == '#'
        rest = spec[1:] if alternate else spec
        grouping = rest[:1] == '_'
        kind = rest[1:] if grouping else rest
        if kind not in ('b', 'n', 'x', 'X'):
            raise TypeError('unsupported format string passed to %s.__format__' % type(self).__name__)
        if kind == 'n':
            kind = 'b' if self.version == 4 else 'x'
        width = self.max_prefixlen if kind == 'b' else self.max_prefixlen // 4
        if grouping:
            width += width // 4 - 1
        if alternate:
            width += 2
        return format(self._ip, '%s0%d%s%s' % ('#' if alternate else '', width, '_' if grouping else '', kind))

    def __hash__(self):
        return hash(hex(self._ip))

    def _same(self, other):
        if not isinstance(other, _BaseAddress):
            return False
        if self.version != other.version:
            raise TypeError('%s and %s are not of the same version' % (self, other))
        return True

    def __eq__(self, other):
        if not isinstance(other, _BaseAddress):
            return NotImplemented
        return self.version == other.version and self._ip == other._ip

    def __lt__(self, other):
        if not self._same(other):
            return NotImplemented
        return self._ip < other._ip

    def __gt__(self, other):
        if not self._same(other):
            return NotImplemented
        return self._ip > other._ip

    def __le__(self, other):
        if not self._same(other):
            return NotImplemented
        return self._ip <= other._ip

    def __ge__(self, other):
        if not self._same(other):
            return NotImplemented
        return self._ip >= other._ip

    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(self._ip + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return type(self)(self._ip - other)

    @property
    def packed(self):
        return self._ip.to_bytes(self.max_prefixlen // 8, 'big')

    @property
    def compressed(self):
        return str(self)

    @property
    def is_unspecified(self):
        return self._ip == 0

class IPv4Address(_BaseAddress):
    version = 4
    max_prefixlen = IPV4LENGTH

    def _parse(self, s):
        return _parse_v4(s)

    def _string(self):
        return '.'.join(str(b) for b in self._ip.to_bytes(4, 'big'))

    @property
    def exploded(self):
        return str(self)

    @property
    def is_loopback(self):
        return self._ip >> 24 == 127

    @property
    def is_multicast(self):
        return self._ip >> 28 == 14

class IPv6Address(_BaseAddress):
    version = 6
    max_prefixlen = IPV6LENGTH

    def _parse(self, s):
        return _parse_v6(s)

    def _hextets(self):
        return ['%x' % ((self._ip >> (16 * (7 - i))) & 0xFFFF) for i in range(8)]

    def _string(self):
        h = self._hextets()
        best, best_len, start = -1, 0, -1
        for i, x in enumerate(h + ['x']):
            if x == '0':
                if start < 0:
                    start = i
            elif start >= 0:
                if i - start > best_len:
                    best, best_len = start, i - start
                start = -1
        if best_len > 1:
            end = best + best_len
            tail = [''] if end == 8 else []
            head = [''] if best == 0 else []
            h = head + h[:best] + [''] + h[end:] + tail
        return ':'.join(h)

    @property
    def exploded(self):
        return ':'.join('%04x' % int(x, 16) for x in self._hextets())

    @property
    def ipv4_mapped(self):
        if self._ip >> 32 != 0xFFFF:
            return None
        return IPv4Address(self._ip & 0xFFFFFFFF)

    @property
    def is_loopback(self):
        return self._ip == 1

    @property
    def is_multicast(self):
        return self._ip >> 120 == 0xFF

class _BaseNetwork:
    def __init__(self, address, strict=True):
        if isinstance(address, tuple):
            addr, prefix = address if len(address) == 2 else (address[0], self.max_prefixlen)
            text = None
        elif isinstance(address, (int, bytes)):
            addr, prefix, text = address, self.max_prefixlen, None
        else:
            text = str(address)
            parts = text.split('/')
            if len(parts) > 2:
                raise AddressValueError("Only one '/' permitted in %r" % text)
            addr = parts[0]
            prefix = parts[1] if len(parts) == 2 else self.max_prefixlen
        address_obj = self._address_class(addr)
        self._prefixlen = self._make_prefix(prefix)
        mask = ((1 << self._prefixlen) - 1) << (self.max_prefixlen - self._prefixlen)
        if address_obj._ip & ~mask & ((1 << self.max_prefixlen) - 1):
            if strict:
                raise ValueError('%s/%d has host bits set' % (address_obj, self._prefixlen))
        self.network_address = self._address_class(address_obj._ip & mask)
        self.netmask = self._address_class(mask)

    def _make_prefix(self, prefix):
        if isinstance(prefix, int):
            p = prefix
        elif prefix.isascii() and prefix.isdigit():
            p = int(prefix)
        elif self.version == 4 and '.' in prefix:
            return self._prefix_from_mask(prefix)
        else:
            raise NetmaskValueError('%r is not a valid netmask' % prefix)
        if not 0 <= p <= self.max_prefixlen:
            raise NetmaskValueError('%r is not a valid netmask' % prefix)
        return p

    def _prefix_from_mask(self, text):
        try:
            n = _parse_v4(text)
        except AddressValueError:
            raise NetmaskValueError('%r is not a valid netmask' % text) from None
        for inverted in (False, True):
            m = n ^ 0xFFFFFFFF if inverted else n
            p = 32 - (((m ^ 0xFFFFFFFF) + 1).bit_length() - 1) if m != 0xFFFFFFFF else 32
            if ((1 << p) - 1) << (32 - p) == m:
                return p
        raise NetmaskValueError('%r is not a valid netmask' % text)

    @property
    def prefixlen(self):
        return self._prefixlen

    @property
    def broadcast_address(self):
        return self._address_class(self.network_address._ip | (self.hostmask._ip))

    @property
    def hostmask(self):
        return self._address_class(self.netmask._ip ^ ((1 << self.max_prefixlen) - 1))

    @property
    def num_addresses(self):
        return 1 << (self.max_prefixlen - self._prefixlen)

    @property
    def with_prefixlen(self):
        return '%s/%d' % (self.network_address, self._prefixlen)

    @property
    def with_netmask(self):
        return '%s/%s' % (self.network_address, self.netmask)

    @property
    def compressed(self):
        return str(self)

    @property
    def exploded(self):
        return '%s/%d' % (self.network_address.exploded, self._prefixlen)

    def __str__(self):
        return '%s/%d' % (self.network_address, self._prefixlen)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, str(self))

    def __contains__(self, other):
        if not isinstance(other, _BaseAddress) or other.version != self.version:
            return False
        return other._ip & self.netmask._ip == self.network_address._ip

    def __eq__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        return (self.version, self.network_address._ip, self._prefixlen) == (other.version, other.network_address._ip, other._prefixlen)

    def __lt__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        if self.version != other.version:
            raise TypeError('%s and %s are not of the same version' % (self, other))
        return (self.network_address._ip, self.netmask._ip) < (other.network_address._ip, other.netmask._ip)

    def __hash__(self):
        return hash(self.network_address._ip ^ self.netmask._ip)

    def overlaps(self, other):
        return self.network_address in other or self.broadcast_address in other or other.network_address in self or other.broadcast_address in self

    def subnet_of(self, other):
        return self.network_address in other and self.broadcast_address in other

    def supernet_of(self, other):
        return other.subnet_of(self)

class IPv4Network(_BaseNetwork):
    version = 4
    max_prefixlen = IPV4LENGTH
    _address_class = IPv4Address

class IPv6Network(_BaseNetwork):
    version = 6
    max_prefixlen = IPV6LENGTH
    _address_class = IPv6Address

def ip_address(address):
    for cls in (IPv4Address, IPv6Address):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError('%r does not appear to be an IPv4 or IPv6 address' % (address,))

def ip_network(address, strict=True):
    for cls in (IPv4Network, IPv6Network):
        try:
            return cls(address, strict)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError('%r does not appear to be an IPv4 or IPv6 network' % (address,))
`
