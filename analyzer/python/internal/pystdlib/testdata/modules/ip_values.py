import ipaddress
from ipaddress import IPv4Address, IPv6Address, IPv4Network, IPv6Network, ip_address, ip_network

addrs = [IPv4Address("10.0.0.7"), IPv4Address(0), IPv4Address(2**32 - 1), IPv4Address(b"\x7f\x00\x00\x01"),
         IPv6Address("2001:db8::1"), IPv6Address("::"), IPv6Address("::1"), IPv6Address("1::"), IPv6Address("2001:0DB8:0:0:1:0:0:1"),
         IPv6Address("1:0:0:2:0:0:0:3"), IPv6Address("1:2:3:4:5:6:7:8"), IPv6Address("::ffff:1.2.3.4"),
         IPv6Address("1:0:2:3:4:5:6:7"), IPv6Address(2**128 - 1), ip_address("192.168.1.1"), ip_address("::abcd"), ip_address(3232235777)]
strs = [str(a) for a in addrs]
reprs = [repr(a) for a in addrs]
forms = [(a.exploded, a.compressed, a.packed, int(a), a.version, a.is_loopback, a.is_multicast) for a in addrs]
nets = [IPv6Network("2001:db8::/32"), IPv4Network("10.0.0.0/8"), IPv4Network("192.168.1.0/255.255.255.0"), IPv4Network("10.1.2.3/16", strict=False),
        ip_network("1.2.3.4"), ip_network("fe80::/10"), IPv4Network("0.0.0.0/0"), IPv4Network("10.0.0.0/0.0.0.255"), IPv6Network("::/0")]
net_strs = [str(n) for n in nets] + [repr(n) for n in nets]
net_attrs = [(str(n.network_address), str(n.broadcast_address), str(n.netmask), str(n.hostmask), n.prefixlen, n.num_addresses,
              n.with_prefixlen, n.exploded) for n in nets]
cmps = [addrs[0] in nets[1], addrs[4] in nets[0], addrs[0] < IPv4Address("10.0.0.8"), addrs[0] == IPv4Address(167772167),
        str(addrs[0] + 1), str(addrs[5] - 0), nets[3] == IPv4Network("10.1.0.0/16"), nets[3].subnet_of(nets[1]),
        {IPv4Address("1.1.1.1"): 1}[ip_address("1.1.1.1")], f"{addrs[0]:>12s}", f"{addrs[0]:#_x}", f"{addrs[0]:n}", f"{addrs[4]:_X}", f"{addrs[3]:#b}", addrs[11].ipv4_mapped]
errors = []
for f in (lambda: IPv4Address("1.2.3"), lambda: IPv4Address("1.2.3.256"), lambda: IPv4Address("01.2.3.4"), lambda: IPv4Address("1.2.3.x"),
          lambda: IPv4Address(""), lambda: IPv4Address(-1), lambda: IPv4Address("1.2.3.4/8"), lambda: IPv6Address("1:::2"),
          lambda: IPv6Address("1::2::3"), lambda: IPv6Address("12345::"), lambda: IPv6Address("1:2:3"), lambda: IPv6Address(":1::2"),
          lambda: ip_address("nope"), lambda: IPv4Network("10.0.0.1/8"), lambda: IPv4Network("10.0.0.0/33"), lambda: ip_network("x/1"),
          lambda: addrs[0] < addrs[4], lambda: IPv4Network("1.2.3.0/255.0.255.0"), lambda: IPv4Network("1.0.0.0/8/8"), lambda: format(addrs[0], ">12")):
    try:
        f()
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__ + ": " + str(e))
del ipaddress, f
