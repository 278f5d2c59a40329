package pystdlib

import "github.com/asterkit/aster/analyzer/python/internal/pyrt"

// sys: version_info is CPython 3.11's; platform is the host's, and
// reading it is recorded so that a caller can warn.
func init() {
	models["sys"] = &model{
		src: `
from _host_sys import platform

class version_info(tuple):
    def __new__(cls, major, minor, micro, releaselevel, serial):
        return tuple.__new__(cls, (major, minor, micro, releaselevel, serial))
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        return "sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)" % self

version_info = version_info(3, 11, 0, 'final', 0)
hexversion = 0x030B00F0
version = '3.11.0'
implementation = None
maxsize = 9223372036854775807
byteorder = 'little'
modules = {}
path = []
argv = ['']
flags = None
`,
		helpers: func(h *Host) map[string]pyrt.Value {
			return map[string]pyrt.Value{"platform": pyrt.Str(h.Platform)}
		},
		after: func(th *pyrt.Thread, h *Host, m *pyrt.Module) {
			m.OnRead = func(name string) {
				if name == "platform" {
					h.platformRead = true
					th.HostRead("sys.platform")
				}
			}
		},
	}
}
