package python

import (
	"errors"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer"
)

// svcWith is a module with request type R and a service S whose method body
// is given.
func svcWith(head, method string) string {
	return prelude + "from aster import server_stream\n" + head + "@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n" + method
}

func TestMethodDecoratorArgumentErrors(t *testing.T) {
	for _, tc := range []struct {
		name, head, method string
		pos, msg           string
	}{
		{"unbound", "", "    @rpc(timeout=T)\n    async def a(self, r: R) -> R: ...\n", "m.py:9:18", "name 'T' is not defined"},
		{"if else", "import unfindable\nif unfindable.x:\n    T = 1.0\nelse:\n    T = 2.0\n", "    @rpc(timeout=T)\n    async def a(self, r: R) -> R: ...\n", "m.py:14:18", "'T'"},
		{"pre-configured", "import aster\nfast = aster.rpc(timeout=1.0)\n", "    @fast(idempotent=X)\n    async def a(self, r: R) -> R: ...\n", "m.py:11:22", "name 'X' is not defined"},
		{"unresolvable decorator", "", "    @unknown_deco\n    async def a(self, r: R) -> R: ...\n", "m.py:9:6", "could be an aster method decorator"},
		{"unresolvable called decorator", "", "    @unknown_deco(1)\n    async def a(self, r: R) -> R: ...\n", "m.py:9:6", "could be an aster method decorator"},
		{"user function decorator", "def deco(f):\n    return rpc(f)\n", "    @deco\n    async def a(self, r: R) -> R: ...\n", "m.py:11:6", "could be an aster method decorator"},
		{"unreadable import", "from cachetools import cached as cache\n", "    @cache\n    def helper(self): ...\n", "m.py:10:6", "could be an aster method decorator"},
		{"lambda", "", "    @(lambda f: f)\n    async def a(self, r: R) -> R: ...\n", "m.py:9:6", "could be an aster method decorator"},
		{"inherited", "def deco(f):\n    return f\nclass Base:\n    @deco\n    def helper(self): ...\n", "", "m.py:7:6", "could be an aster method decorator"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := svcWith(tc.head, tc.method)
			if tc.name == "inherited" {
				src = strings.Replace(src, "class S:\n", "class S(Base):\n    pass\n", 1)
			}
			_, err := analyse(t, map[string]string{"m.py": src}, "m:S")
			var ae *analyzer.Error
			if !errors.As(err, &ae) {
				t.Fatalf("got %v (%T), want a positioned error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tc.pos+": ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %q, want %s: …%s…", err, tc.pos, tc.msg)
			}
			if ae.Hint == "" {
				t.Errorf("no hint for %q", err)
			}
		})
	}
}

// Decorators that provably are not aster's leave the function out of the
// service, as the reference's scan does.
func TestNonAsterMethodDecorators(t *testing.T) {
	src := svcWith("import typing\n", `    @rpc
    async def a(self, r: R) -> R: ...
    @property
    def p(self) -> int: return 1
    @p.setter
    def p(self, v: int) -> None: ...
    @staticmethod
    def s() -> None: ...
    @classmethod
    def c(cls) -> None: ...
    @typing.overload
    def o(self) -> None: ...
`)
	res, _ := mustAnalyse(t, map[string]string{"m.py": src}, "m:S")
	if n := len(res.Service.Methods); n != 1 || res.Service.Methods[0].Name != "a" {
		t.Fatalf("methods = %+v, want only a", res.Service.Methods)
	}
}

// A class attribute of a service (or of a class in its MRO) whose value is
// unknown could be an aster method: an error at its binding, never a method
// silently left out.
func TestUnknownServiceMembers(t *testing.T) {
	for _, tc := range []struct{ name, body, pos, msg string }{
		{"conditional def", "    import unfindable\n    if unfindable.x:\n        @rpc\n        async def b(self, r: R) -> R: ...\n", "m.py:14:19", "bound conditionally"},
		{"call result", "    def w(f): return f\n    b = w(a)\n", "m.py:12:9", "w(…) cannot be evaluated"},
		{"unpacking", "    b, c = a, a\n", "m.py:11:5", "bound by unpacking"},
		{"loop run twice", "    for i in range(2):\n        b = a\n", "m.py:12:9", "bound conditionally"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := svcWith("", "    @rpc\n    async def a(self, r: R) -> R: ...\n"+tc.body)
			_, err := analyse(t, map[string]string{"m.py": src}, "m:S")
			var ae *analyzer.Error
			if !errors.As(err, &ae) {
				t.Fatalf("got %v (%T), want a positioned error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tc.pos+": attribute ") || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "could be an aster method") {
				t.Errorf("got %q, want %s: attribute …%s…", err, tc.pos, tc.msg)
			}
		})
	}
}

// Values that only running import time gives (helper calls, unpacking,
// environment lookups, names a function declares global) and class
// members bound inside a loop or a try statement that ran once give the
// id of the same service written with constants.
func TestImportTimeValues(t *testing.T) {
	for _, tc := range []struct{ name, head, body, plainHead, plainBody string }{
		{"call", "def compute(): return 1.5\n", "    @rpc(timeout=compute())\n    async def a(self, r: R) -> R: ...\n",
			"", "    @rpc(timeout=1.5)\n    async def a(self, r: R) -> R: ...\n"},
		{"unpacking", "T, U = 1.0, 2.0\n", "    @rpc(timeout=T)\n    async def a(self, r: R) -> R: ...\n",
			"", "    @rpc(timeout=1.0)\n    async def a(self, r: R) -> R: ...\n"},
		{"stream positional", "def compute(): return 1.5\n", "    @server_stream(compute())\n    async def a(self, r: R) -> R:\n        yield r\n",
			"", "    @server_stream(1.5)\n    async def a(self, r: R) -> R:\n        yield r\n"},
		{"global elsewhere", "V = 2.0\ndef bump():\n    global V\n    V += 1\n", "    @rpc(timeout=V)\n    async def a(self, r: R) -> R: ...\n",
			"", "    @rpc(timeout=2.0)\n    async def a(self, r: R) -> R: ...\n"},
		{"loop", "", plainMethod + "    for i in range(1):\n        b = a\n", "", plainMethod + "    b = a\n"},
		{"try", "", plainMethod + "    try:\n        b = a\n    except Exception:\n        pass\n", "", plainMethod + "    b = a\n"},
		{"branch", "import sys\n", plainMethod + "    if sys.version_info >= (3, 8):\n        @rpc\n        async def b(self, r: R) -> R: ...\n    else:\n        c = a\n",
			"", plainMethod + "    @rpc\n    async def b(self, r: R) -> R: ...\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := mustAnalyse(t, map[string]string{"m.py": svcWith(tc.head, tc.body)}, "m:S")
			_, want := mustAnalyse(t, map[string]string{"m.py": svcWith(tc.plainHead, tc.plainBody)}, "m:S")
			if got.ID != want.ID {
				t.Errorf("id %x, want %x (the service written with constants)", got.ID, want.ID)
			}
		})
	}
}
