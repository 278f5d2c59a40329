package python

import (
	"errors"
	"reflect"
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
		{"native", prelude + "from aster import SerializationMode\n@service(serialization=SerializationMode.NATIVE)\nclass S:\n    pass\n", "m.py:4:24", "NATIVE"},
		{"type checking", prelude + "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import R\n" + svcTail, "m.py:9:26", "name 'R' is not defined"},
		{"future below", "from __future__ import annotations\n" + prelude + svcTail + "@dataclass\nclass R:\n    x: int = 0\n", "m.py:7:26", "name 'R' is not defined"},
		{"conditional", prelude + "import unfindable\nif unfindable.x:\n    R = int\n" + svcTail, "m.py:9:26", "bound conditionally"},
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
		{"module assignment", prelude + "@dataclass\nclass R:\n    __module__ = 'x'\n    x: int = 0\n" + svcTail, "m.py:5:5", "__module__"},
		{"extension feeds a type", prelude + "from fast import R\n" + svcTail, "m.py:7:26", "compiled extension"},
		{"relative beyond top", "from . import x\n", "m.py:1:6", "relative import"},
		{"default order", prelude + "@dataclass\nclass R:\n    x: int = 0\n    y: int\n" + svcTail, "m.py:6:8", "non-default argument 'y'"},
		{"unannotated request", prelude + "@dataclass\nclass R:\n    x: int = 0\n@service\nclass S:\n    @rpc\n    async def a(self, r) -> R: ...\n", "m.py:9:23", "no annotation"},
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

// TestEmulatedWithWarning covers what the runtime completes deterministically
// although the author probably meant something else: the result is the
// runtime's, with one warning at the class or annotation to change.
func TestEmulatedWithWarning(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		types     string // the FQNs of the graph, sorted
		warning   string // position and start of the message
	}{
		{"wire collision", prelude + "@wire_type('a/B')\n@dataclass\nclass R:\n    x: int = 0\n@wire_type('a/B')\n@dataclass\nclass Q:\n    y: str = ''\n@service\nclass S:\n    @rpc\n    async def a(self, r: R) -> Q: ...\n",
			"a.B", "m.py:9:1: class R (m.py:5) and class Q (m.py:9) share the wire name a.B"},
		{"inherited identity", prelude + "@wire_type('a/B')\n@dataclass\nclass P:\n    x: int = 0\n@dataclass\nclass R(P):\n    y: int = 0\n" + svcTail,
			"a.B", "m.py:8:1: class R has no wire identity of its own and inherits P's (a/B)"},
		{"undecorated subclass", prelude + "@dataclass\nclass P:\n    x: int = 0\nclass R(P):\n    y: int = 0\n" + svcTail,
			"m.R", "m.py:6:1: class R is not decorated with @dataclass but inherits from a dataclass"},
		{"unknown name in a string annotation", prelude + "@dataclass\nclass R:\n    x: 'Nope' = None\n    y: int = 0\n" + svcTail,
			"m.R", "m.py:5:8: name 'Nope' is not defined when the runtime reads the type hints of class R: all its fields keep their raw annotations"},
		{"mode 2 names", prelude + "@service\nclass S:\n    @rpc\n    async def get_user(self, id: str) -> int: ...\n    @rpc\n    async def getUser(self, id: int) -> int: ...\n",
			"m.GetUserRequest", "m.py:6:5: the request class GetUserRequest synthesized for method getUser (m.py:8) and the request class GetUserRequest synthesized for method get_user (m.py:6)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"m.py": tc.src})
			var got []string
			l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }, Warn: func(w *analyzer.Error) { got = append(got, w.Error()) }})
			res, err := l.Service("m:S")
			if err != nil {
				t.Fatal(err)
			}
			var fqns []string
			for _, n := range res.Service.Types {
				fqns = append(fqns, n.FQN())
			}
			if strings.Join(fqns, " ") != tc.types {
				t.Errorf("types %v, want %s", fqns, tc.types)
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tc.warning) {
				t.Errorf("warnings %q, want one %s…", got, tc.warning)
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

// TestEarlierWalkTagsBase: the XLANG walk of a service imported earlier
// tags a base class first, so a subclass reached by a later service's walk
// inherits that automatic identity instead of getting its own.
func TestEarlierWalkTagsBase(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.py": prelude + "@dataclass\nclass Base:\n    x: int = 0\n@service\nclass A:\n    @rpc\n    async def f(self, r: Base) -> Base: ...\n",
		"b.py": prelude + "import a\n@dataclass\nclass Sub(a.Base):\n    y: int = 0\n@service\nclass B:\n    @rpc\n    async def g(self, r: Sub) -> Sub: ...\n",
	})
	var got []string
	l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }, Warn: func(w *analyzer.Error) { got = append(got, w.Error()) }})
	res, err := l.Service("b:B")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Service.Types) != 1 || res.Service.Types[0].FQN() != "a.Base" || res.Methods[0].RequestWireTag != "a.Base" {
		t.Errorf("types %v, request wire tag %q; want Sub hashed as a.Base", res.Service.Types, res.Methods[0].RequestWireTag)
	}
	if len(got) != 1 || !strings.Contains(got[0], "class Sub has no wire identity of its own and inherits Base's (a.Base)") {
		t.Errorf("warnings %q", got)
	}
}

// TestInlineMethodSharedAcrossModules: services share one method record for
// an inherited Mode 2 method, so each uses the request class synthesized
// for the last service decorated among the modules loaded so far.
func TestInlineMethodSharedAcrossModules(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.py": prelude + "@service\nclass Base:\n    @rpc\n    async def count(self, contact: str) -> int: ...\n",
		"b.py": prelude + "import a\n@service\nclass Plus(a.Base):\n    pass\n",
	})
	tags := func(specs ...string) []string {
		l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
		var out []string
		for _, spec := range specs {
			res, err := l.Service(spec)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, res.Methods[0].RequestWireTag)
		}
		return out
	}
	for _, tc := range []struct {
		specs, want []string
	}{
		{[]string{"a:Base"}, []string{"a/CountRequest"}},
		{[]string{"a:Base", "b:Plus"}, []string{"a/CountRequest", "b/CountRequest"}},
		{[]string{"b:Plus", "a:Base"}, []string{"b/CountRequest", "b/CountRequest"}},
	} {
		if got := tags(tc.specs...); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: request tags %v, want %v", tc.specs, got, tc.want)
		}
	}
}

// TestWalkResolvesRawStrings: when a class's hints fail as the @service
// class statement ends, the runtime's XLANG walk evaluates each raw string
// field type on its own in the service's namespace: X is reached and
// tagged, Later (not bound yet) is skipped.
func TestWalkResolvesRawStrings(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{"m.py": "from __future__ import annotations\n" + prelude +
		"@dataclass\nclass X:\n    n: int = 0\n@dataclass\nclass Holder:\n    x: X = None\n    later: Later = None\n" +
		"@service\nclass S:\n    @rpc\n    async def b(self, req: Holder) -> Holder: ...\n" +
		"@dataclass\nclass Later:\n    s: str = ''\n"}, "m:S")
	tags := map[string]string{}
	for _, f := range res.Methods[0].Fields {
		if f.WireTag != nil {
			tags[f.Name] = *f.WireTag
		}
	}
	if tags["x"] != "m.X" || tags["later"] != "" {
		t.Errorf("wire tags %v, want x: m.X and later untagged", tags)
	}
}

// TestContextParamUnderFallback: when a method's hints fall back to raw
// annotations, the runtime still drops a parameter whose annotation string
// names CallContext, and matches the remaining strings by name suffix.
func TestContextParamUnderFallback(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{"m.py": "from __future__ import annotations\n" + prelude + "from typing import Optional\nfrom aster import CallContext\n" +
		"@dataclass\nclass R:\n    l: Optional[L] = None\n" +
		"@service\nclass S:\n    @rpc\n    async def a(self, r: R, ctx: CallContext) -> L: ...\n    @rpc\n    async def b(self, r: R) -> R: ...\n" +
		"@dataclass\nclass L:\n    y: int = 0\n"}, "m:S")
	a := res.Methods[0]
	if a.RequestStyle != "explicit" || a.RequestType != "R" || a.ResponseType != "L" {
		t.Errorf("method a: %s request %s, response %s; want explicit R → L", a.RequestStyle, a.RequestType, a.ResponseType)
	}
}

// TestSuffixMatchFollowsHashOrder: a request type that stayed a string is
// the first hashed type, in hashing order, whose FQN ends with it; the order
// is the graph's (leaves first), not the alphabet's.
func TestSuffixMatchFollowsHashOrder(t *testing.T) {
	for _, tc := range []struct {
		name, field, want string
	}{
		{"independent", "n: int = 0", "Item"},                    // m.Item is hashed before z.Item
		{"m.Item references z.Item", "o: Other = None", "Other"}, // z.Item (class Other) first
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := mustAnalyse(t, map[string]string{"m.py": "from __future__ import annotations\n" + prelude + "from typing import Optional\n" +
				"@wire_type('z/Item')\n@dataclass\nclass Other:\n    later: Optional[Later] = None\n" +
				"@dataclass\nclass Item:\n    " + tc.field + "\n" +
				"@service\nclass S:\n    @rpc\n    async def a(self, r: Item) -> Other: ...\n    @rpc\n    async def b(self, r: Item) -> Later: ...\n" +
				"@dataclass\nclass Later:\n    y: int = 0\n"}, "m:S")
			if got := res.Methods[1].RequestType; got != tc.want {
				t.Errorf("method b's request matched %s, want %s", got, tc.want)
			}
		})
	}
}

// TestMissingAsterModule: aster's modules are all known, so importing one
// aster 0.2.0 lacks fails the import, as at run time, even if nothing uses it.
func TestMissingAsterModule(t *testing.T) {
	_, err := analyse(t, map[string]string{"m.py": "import aster.nothing\n" + prelude + "@service\nclass S:\n    pass\n"}, "m:S")
	var re *RuntimeImportError
	if !errors.As(err, &re) || err.Error() != "Cannot import module 'm': No module named 'aster.nothing'" {
		t.Fatalf("got %v (%T)", err, err)
	}
}
