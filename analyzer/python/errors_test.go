package python

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/asterkit/aster/analyzer"
)

const svcTail = "@service\nclass S:\n    @rpc\n    async def a(self, r: R) -> R: ...\n"

func TestTopLevelErrors(t *testing.T) {
	files := map[string]string{
		"m.py":          prelude + "class Plain:\n    pass\nx = 1\n",
		"b.py":          "import nothere\n",
		"p/__init__.py": "",
	}
	for _, tc := range []struct {
		spec, msg string
		target    any
	}{
		{"nope:S", "Cannot import module 'nope': No module named 'nope'", new(*ImportError)},
		{"p.q.r:S", "Cannot import module 'p.q.r': No module named 'p.q'", new(*ImportError)},
		{"m:Missing", "Module 'm' has no attribute 'Missing'", new(*AttributeError)},
		{"aster.nothing:S", "Cannot import module 'aster.nothing': No module named 'aster.nothing'", new(*ImportError)},
		{"typing:S", "Module 'typing' has no attribute 'S'", new(*AttributeError)},
		{"m.x:S", "Cannot import module 'm.x': No module named 'm.x'; 'm' is not a package", new(*ImportError)},
		{"m:Outer.Inner", "Module 'm' has no attribute 'Outer.Inner'", new(*AttributeError)},
		{"m:Plain", "Class Plain is not decorated with @service.", new(*NotServiceError)},
		{"m:x", "Class x is not decorated with @service.", new(*NotServiceError)},
		{"b:S", "Module 'b' has no attribute 'S'", new(*AttributeError)},
	} {
		_, err := analyse(t, files, tc.spec)
		if err == nil || err.Error() != tc.msg {
			t.Errorf("%s: %v, want %q", tc.spec, err, tc.msg)
			continue
		}
		if !errors.As(err, tc.target) {
			t.Errorf("%s: error type %T", tc.spec, err)
		}
	}
}

func TestPositionedErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		pos, msg  string
	}{
		{"syntax", "x = 1\ndef f(:\n", "m.py:2:7", "syntax error"},
		{"py312", "type X = int\n", "m.py:1:6", "invalid syntax"},
		{"encoding", "# coding: latin-1\n", "m.py:1:1", "encoding"},
		{"import feeds type", prelude + "from thirdparty import R\n" + svcTail, "m.py:7:26", "Cannot import module 'thirdparty'"},
		{"runtime decorator arg", prelude + "import os\n@dataclass\nclass R:\n    x: int = 0\n@service(name=os.getenv('N'))\nclass S:\n    pass\n", "m.py:7:15", "'os' cannot be resolved statically"},
		{"call in version", prelude + "def v(): return 1\n@service(version=v())\nclass S:\n    pass\n", "m.py:4:18", "cannot be evaluated statically"},
		{"native", prelude + "from aster import SerializationMode\n@service(serialization=SerializationMode.NATIVE)\nclass S:\n    pass\n", "m.py:4:24", "NATIVE"},
		{"type checking", prelude + "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import R\n" + svcTail, "m.py:9:26", "name 'R' is not defined"},
		{"future below", "from __future__ import annotations\n" + prelude + svcTail + "@dataclass\nclass R:\n    x: int = 0\n", "m.py:7:26", "name 'R' is not defined"},
		{"conditional", prelude + "import sys\nif sys.x:\n    R = int\n" + svcTail, "m.py:9:26", "bound conditionally"},
		{"not generator", prelude + "from aster import server_stream\n@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @server_stream\n    async def a(self, r: R) -> R: ...\n", "m.py:10:15", "async generator"},
		{"no return", prelude + "@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @rpc\n    async def a(self, r: R): ...\n", "m.py:9:15", "no return annotation"},
		{"bad response", prelude + "from typing import Optional\n@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @rpc\n    async def a(self, r: R) -> Optional[R]: ...\n", "m.py:10:32", "not a dataclass"},
		{"mutable default", prelude + "@dataclass\nclass R:\n    x: list = []\n" + svcTail, "m.py:5:15", "mutable default"},
		{"unknown class decorator", prelude + "def deco(c): return c\n@deco\n@dataclass\nclass R:\n    x: int = 0\n" + svcTail, "m.py:4:1", "decorator"},
		{"recursion", prelude + "from typing import Optional\n@dataclass\nclass R:\n    x: Optional['R'] = None\n" + svcTail, "m.py:8:1", "recursive type"},
		{"timeout inf", prelude + "@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @rpc(timeout=float('inf'))\n    async def a(self, r: R) -> R: ...\n", "m.py:8:18", "finite"},
		{"client timeout kw", prelude + "from aster import client_stream\nfrom typing import AsyncIterator\n@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @client_stream(timeout=1)\n    async def a(self, r: AsyncIterator[R]) -> R: ...\n", "m.py:10:28", "timeout"},
		{"session without peer", prelude + "@service(scoped='session')\nclass S:\n    pass\n", "m.py:4:1", "peer"},
		{"inline no default", prelude + "@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @rpc\n    async def a(self, r: R, q: R) -> R: ...\n", "m.py:9:23", "no default"},
		{"star args", prelude + "@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @rpc\n    async def a(self, *r) -> R: ...\n", "m.py:9:23", "*args"},
		{"wire collision", prelude + "@wire_type('a/B')\n@dataclass\nclass R:\n    x: int = 0\n@wire_type('a/B')\n@dataclass\nclass Q:\n    x: int = 0\n@service\nclass S:\n    @rpc\n    async def a(self, r: R) -> Q: ...\n", "m.py:14:32", "share the wire name"},
		{"inherited identity", prelude + "@wire_type('a/B')\n@dataclass\nclass P:\n    x: int = 0\n@dataclass\nclass R(P):\n    y: int = 0\n" + svcTail, "m.py:13:26", "inherit the wire identity"},
		{"undecorated subclass", prelude + "@dataclass\nclass P:\n    x: int = 0\nclass R(P):\n    pass\n" + svcTail, "m.py:11:32", "not a dataclass but inherits"},
		{"module assignment", prelude + "@dataclass\nclass R:\n    __module__ = 'x'\n    x: int = 0\n" + svcTail, "m.py:5:5", "__module__"},
		{"extension feeds a type", prelude + "from fast import R\n" + svcTail, "m.py:7:26", "compiled extension"},
		{"relative beyond top", "from . import x\n", "m.py:1:6", "relative import"},
		{"default order", prelude + "@dataclass\nclass R:\n    x: int = 0\n    y: int\n" + svcTail, "m.py:6:8", "non-default argument 'y'"},
		{"unannotated request", prelude + "@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @rpc\n    async def a(self, r) -> R: ...\n", "m.py:9:23", "no annotation"},
		{"global elsewhere", prelude + "@dataclass\nclass R:\n    x: int = 0\nV = 2\ndef bump():\n    if True:\n        global V\n        V += 1\n@service(version=V)\nclass S:\n    pass\n", "m.py:11:18", "declared global in a function (m.py:9:16)"},
		{"unique enum alias", prelude + "import enum\n@enum.unique\nclass E(enum.Enum):\n    A = 1\n    B = 1\n@dataclass\nclass R:\n    e: E = E.A\n" + svcTail, "m.py:4:1", "duplicate values"},
		{"pyfory unknown", prelude + "import pyfory\n@dataclass\nclass R:\n    x: pyfory.int128 = 0\n" + svcTail, "m.py:6:8", "pyfory.int128"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analyse(t, map[string]string{"m.py": tc.src, "fast.abi3.so": "", "fast.py": "R = 1\n"}, "m:S")
			var ae *analyzer.Error
			if !errors.As(err, &ae) {
				t.Fatalf("got %v (%T), want a positioned error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tc.pos+": ") || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %q, want %s: …%s…", err, tc.pos, tc.msg)
			}
			if r, _ := utf8.DecodeRuneInString(ae.Hint); !unicode.IsUpper(r) {
				t.Errorf("hint %q for %q does not start with a capital letter", ae.Hint, err)
			}
		})
	}
}

func TestExtensionModule(t *testing.T) {
	_, err := analyse(t, map[string]string{"ext.cpython-311-x86_64-linux-gnu.so": "", "ext.py": ""}, "ext:S")
	var ae *analyzer.Error
	if !errors.As(err, &ae) || ae.File != "ext.cpython-311-x86_64-linux-gnu.so" || !strings.Contains(ae.Msg, "compiled extension") {
		t.Fatalf("got %v", err)
	}
}
