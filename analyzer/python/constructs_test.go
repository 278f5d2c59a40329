package python

import (
	"math/big"
	"strings"
	"testing"

	"github.com/asterkit/aster/analyzer"
	"github.com/asterkit/aster/contract"
)

func TestPackagesAndRelativeImports(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"pkg/__init__.py":     "",
		"pkg/models.py":       prelude + "@dataclass\nclass Req:\n    x: int = 0\n",
		"pkg/sub/__init__.py": "",
		"pkg/sub/svc.py": prelude + "from ..models import Req as R\nimport pkg.models as pm\nimport pkg.models\n" +
			"@service\nclass S:\n    @rpc\n    async def a(self, r: R) -> pm.Req: ...\n    @rpc\n    async def b(self, r: pkg.models.Req) -> R: ...\n",
	}, "pkg.sub.svc:S")
	if len(res.Service.Types) != 1 || res.Service.Types[0].FQN() != "pkg.models.Req" {
		t.Fatalf("types %v", res.Service.Types)
	}
	if res.Methods[0].RequestWireTag != "pkg.models.Req" {
		t.Errorf("automatic tag %q", res.Methods[0].RequestWireTag)
	}
}

func TestNamespacePackageAndSrcRoot(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"src/ns/m.py": prelude + "@dataclass\nclass P:\n    s: str = ''\n@service('N')\nclass S:\n    @rpc\n    async def a(self, p: P) -> P: ...\n",
	}, "ns.m:S")
	if res.Service.Name != "N" || res.Service.Types[0].FQN() != "ns.m.P" {
		t.Fatalf("got %s %v", res.Service.Name, res.Service.Types[0].FQN())
	}
}

func TestDecoratorConstants(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": prelude + "from aster import SerializationMode as SM, server_stream\nfrom typing import AsyncIterator\n" +
			"BASE = 2\nNAME = 'Sv' + 'c'\nT = 60 * 0.5\nMODES = [SM.JSON, SM.XLANG]\nfast = rpc(timeout=1)\n" +
			"@dataclass\nclass P:\n    s: str = ''\n" +
			"@service(f'{NAME}{BASE}', version=BASE ** 3 - 1, serialization=MODES, scoped='stream')\nclass S:\n" +
			"    def __init__(self, peer): ...\n" +
			"    @fast(idempotent=True)\n    async def a(self, p: P) -> P: ...\n" +
			"    @server_stream(T)\n    async def b(self, p: P) -> AsyncIterator[P]:\n        yield p\n",
	}, "m:S")
	s := res.Service
	if s.Name != "Svc2" || s.Version != 7 || s.Scoped != contract.Session || res.Scoped != "session" {
		t.Fatalf("service %s v%d scope %v %q", s.Name, s.Version, s.Scoped, res.Scoped)
	}
	if len(s.SerializationModes) != 2 || s.SerializationModes[0] != "json" {
		t.Errorf("modes %v", s.SerializationModes)
	}
	a, b := res.Methods[0], res.Methods[1]
	if a.Timeout != int64(1) || !a.Idempotent || s.Methods[0].DefaultTimeout != 1 {
		t.Errorf("a: timeout %#v idempotent %v", a.Timeout, a.Idempotent)
	}
	if b.Timeout != 30.0 || b.Pattern != "server_stream" || s.Methods[1].Pattern != contract.ServerStream {
		t.Errorf("b: timeout %#v pattern %s", b.Timeout, b.Pattern)
	}
}

func TestDataclassFields(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": prelude + "from typing import ClassVar\nfrom dataclasses import InitVar, KW_ONLY\n" +
			"@dataclass\nclass Base:\n    a: int\n    b: str = 'x'\n    c: float = 0.0\n" +
			"@wire_type('t/Kid')\n@dataclass\nclass Kid(Base):\n    k: ClassVar[int] = 1\n    b: bytes = b'\\x00'\n    iv: InitVar[int] = 0\n" +
			"    _: KW_ONLY\n    d: list[int] = field(default_factory=list)\n    c: ClassVar[float] = 1.0\n    __p: int = 3\n" +
			"@service\nclass S:\n    @rpc\n    async def a(self, p: Kid) -> Base: ...\n",
	}, "m:S")
	kid := node(t, res, "t.Kid")
	if got := fieldNames(kid); got != "a,b,d,_Kid__p" {
		t.Fatalf("Kid fields %s", got)
	}
	if f := fieldOf(t, kid, "b"); f.Type.Primitive != "binary" {
		t.Errorf("b overridden type %v", f.Type)
	}
	fs := res.Methods[0].Fields
	if fs[0].DefaultKind != "none" || !fs[0].Required || fs[1].DefaultValue != `b'\x00'` || fs[2].DefaultKind != "empty_list" {
		t.Errorf("descriptors %+v", fs)
	}
}

func TestAnnotations(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": "from __future__ import annotations\n" + prelude +
			"import typing as t\nfrom typing import Optional, Union, Annotated, Dict as D, List\nimport pyfory\n" +
			"Ids = list[int]\n" +
			"@dataclass\nclass Q:\n    a: Optional[Inner] = None\n    b: int | None = None\n    c: Annotated[int, 'x'] = 0\n" +
			"    d: Ids = field(default_factory=list)\n    e: t.Union[None, str] = None\n    f: D[str, List[Inner]] = field(default_factory=dict)\n" +
			"    g: 'tuple[Other, int]' = ()\n    h: pyfory.fixed_uint32 = 0\n    i: List = field(default_factory=list)\n    j: Union[int, str] = 0\n    k: None = None\n" +
			"@dataclass\nclass Inner:\n    q: Q | None = None\n" +
			"@dataclass\nclass Other:\n    z: int = 0\n" +
			"@service\nclass S:\n    @rpc\n    async def a(self, p: 'Q') -> bytes: ...\n",
	}, "m:S")
	q := node(t, res, "m.Q")
	check := func(name string, kind contract.TypeKind, prim string, cont contract.ContainerKind, opt bool) {
		t.Helper()
		f := fieldOf(t, q, name)
		if f.Type.Kind != kind || f.Type.Primitive != prim || f.Container != cont || f.Optional != opt {
			t.Errorf("%s: %+v", name, f)
		}
	}
	check("a", contract.Ref, "", contract.NoContainer, true)
	check("b", contract.Any, "", contract.NoContainer, false)
	check("c", contract.Primitive, "varint64", contract.NoContainer, false)
	check("d", contract.Primitive, "varint64", contract.List, false)
	check("e", contract.Primitive, "string", contract.NoContainer, true)
	check("f", contract.Any, "", contract.Map, false)
	check("g", contract.Any, "", contract.NoContainer, false)
	check("h", contract.Primitive, "uint32", contract.NoContainer, false)
	check("i", contract.Primitive, "null", contract.List, false)
	check("j", contract.Any, "", contract.NoContainer, false)
	check("k", contract.Primitive, "null", contract.NoContainer, false)
	// Other is reached only through tuple[...] (ANY): still a node, with an edge.
	node(t, res, "m.Other")
	if len(q.Edges) != 1 || q.Edges[0] != "m.Other" {
		t.Errorf("Q edges %v", q.Edges)
	}
	if res.Service.Methods[0].Response.Primitive != "binary" || res.Methods[0].ResponseType != "bytes" {
		t.Errorf("response %+v", res.Service.Methods[0].Response)
	}
}

func TestEnumsAndDefaults(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": prelude + "import enum\nfrom enum import auto\n" +
			"class C(enum.IntEnum):\n    A = auto()\n    B = auto()\n    AA = 1\n" +
			"class P(enum.Enum):\n    X = 'x'\n    Y = (1, 'y')\n" +
			"@enum.unique\nclass U(enum.Enum):\n    A = 1\n" +
			"class F(enum.Flag):\n    R = auto()\n    W = auto()\n    RW = 3\n" +
			"class M(str, enum.Enum):\n    H = 'h'\n    _hidden = 'x'\n    _sunder_ = 'y'\n    __dunder__ = 'z'\n    __private = 'p'\n" +
			"@dataclass(frozen=True)\nclass Money:\n    cur: str = 'EUR'\n    n: int = 0\n" +
			"@dataclass\nclass R:\n    c: C = C.B\n    p: P = P.X\n    f: F = F.W\n    m: M = M.H\n    t: tuple = (1.5, float('inf'), 'x', None, b'')\n" +
			"    money: Money = Money()\n    fl: float = 1\n    big: int = 2 ** 70\n    s: str = '\\N{BULLET}'\n" +
			"@service\nclass S:\n    @rpc\n    async def a(self, p: R) -> R:\n        '''  First line\n        continues.\n\n        more'''\n",
	}, "m:S")
	m := res.Methods[0]
	if m.Description != "First line continues." {
		t.Errorf("description %q", m.Description)
	}
	want := []any{int64(2), "P.X", "F.W", "h", "(1.5, inf, 'x', None, b'')", "Money(cur='EUR', n=0)", int64(1), new(big.Int).Lsh(big.NewInt(1), 70), "\u2022"}
	for i, w := range want {
		got := m.Fields[i].DefaultValue
		if b, ok := w.(*big.Int); ok {
			if g, ok := got.(*big.Int); !ok || g.Cmp(b) != 0 {
				t.Errorf("field %s default %#v, want %v", m.Fields[i].Name, got, w)
			}
			continue
		}
		if got != w {
			t.Errorf("field %s default %#v, want %#v", m.Fields[i].Name, got, w)
		}
	}
	ev := m.Fields[0].EnumValues
	if m.Fields[0].Kind != "enum" || len(ev) != 2 || ev[1] != int64(2) {
		t.Errorf("C enum values %v", ev)
	}
	if ev := m.Fields[2].EnumValues; len(ev) != 2 || ev[1] != int64(2) {
		t.Errorf("F enum values %v", ev)
	}
	if ev := m.Fields[1].EnumValues; len(ev) != 2 || len(ev[1].([]any)) != 2 {
		t.Errorf("P enum values %v", ev)
	}
	if ev := m.Fields[3].EnumValues; len(ev) != 2 || ev[1] != "x" {
		t.Errorf("M enum values %v", ev)
	}
}

func TestInlineParams(t *testing.T) {
	res, c := mustAnalyse(t, map[string]string{
		"m.py": prelude + "from typing import Annotated, Optional\nfrom aster import Description, CallContext\n" +
			"@service\nclass S:\n" +
			"    @rpc\n    async def ßeta(self, ctx: CallContext, ids: list[int], note: Annotated[Optional[str], Description('the note', tags=('a',))], n: int = 3) -> str: ...\n" +
			"    @rpc\n    async def get_x(self, b: bytearray) -> int: ...\n    zap = get_x\n",
	}, "m:S")
	if len(c.Types) != 2 {
		t.Fatalf("%d types", len(c.Types))
	}
	beta := res.Methods[2]
	if beta.Name != "ßeta" || beta.RequestType != "SSetaRequest" || beta.RequestWireTag != "m/SSetaRequest" || beta.RequestStyle != "inline" {
		t.Fatalf("method %+v", beta)
	}
	ps := beta.InlineParams
	if len(ps) != 3 || ps[0].DefaultKind != "empty_list" || ps[1].Description != "the note" || len(ps[1].Tags) != 1 || !ps[1].Nullable || ps[2].DefaultValue != int64(3) {
		t.Errorf("params %+v", ps)
	}
	// Aliases share the request class named after the last alias.
	if res.Methods[0].RequestType != "ZapRequest" || res.Methods[1].RequestType != "ZapRequest" || res.Methods[0].InlineParams[0].DefaultKind != "factory" {
		t.Errorf("aliases %+v %+v", res.Methods[0], res.Methods[1])
	}
	node(t, res, "m.ZapRequest")
}

func TestStreamingAndPrimitives(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": prelude + "from aster import client_stream, bidi_stream\nfrom typing import AsyncIterator, AsyncGenerator\n" +
			"@service(version=2)\nclass S:\n" +
			"    @client_stream(5)\n    async def up(self, xs: AsyncIterator[int]) -> float: ...\n" +
			"    @bidi_stream\n    async def chat(self, xs: AsyncIterator[str]) -> AsyncGenerator[bool, None]:\n        yield True\n",
	}, "m:S")
	m := res.Service.Methods
	if m[0].Name != "chat" || m[0].Request.Primitive != "string" || m[0].Response.Primitive != "bool" {
		t.Errorf("chat %+v", m[0])
	}
	if m[1].Request.Primitive != "int64" || m[1].Response.Primitive != "float64" || res.Methods[1].Timeout != int64(5) {
		t.Errorf("up %+v", m[1])
	}
}

func TestNFKCIdentifiers(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": prelude + "@dataclass\nclass Req:\n    ﬁeld: int = 0\n@service\nclass ﬁle:\n    @rpc\n    async def ﬁnd(self, r: Req) -> Req: ...\n",
	}, "m:file")
	if res.Service.Name != "file" || res.Methods[0].Name != "find" || res.Methods[0].Fields[0].Name != "field" {
		t.Errorf("got %s %s %s", res.Service.Name, res.Methods[0].Name, res.Methods[0].Fields[0].Name)
	}
}

func TestMetadataAndWireTypeMetadata(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": prelude + "from aster import Metadata, describe\n" +
			"@wire_type('x/R', metadata={'b': Metadata(description='from tag', tags=['t'])})\n@dataclass\nclass R:\n" +
			"    a: int = describe('own', default=1, tags='ab')\n    b: int = 0\n" +
			"@service\nclass S:\n    @rpc(metadata=Metadata(description='d', tags=['x'], deprecated=True))\n    async def a(self, r: R) -> R:\n        'ignored'\n",
	}, "m:S")
	m := res.Methods[0]
	if m.Description != "d" || !m.Deprecated || len(m.Tags) != 1 {
		t.Errorf("method metadata %+v", m)
	}
	f := m.Fields
	if f[0].Description != "own" || len(f[0].Tags) != 2 || f[0].DefaultValue != int64(1) || f[1].Description != "from tag" || f[1].Tags[0] != "t" {
		t.Errorf("fields %+v", f)
	}
}

func TestWireTagsAcrossServices(t *testing.T) {
	files := map[string]string{
		"m.py": prelude + "from aster import SerializationMode\n@dataclass\nclass A:\n    x: int = 0\n" +
			"@dataclass\nclass B:\n    x: int = 0\n" +
			"@service(serialization=[SerializationMode.JSON])\nclass J:\n    @rpc\n    async def a(self, r: A) -> B: ...\n" +
			"@service\nclass X:\n    @rpc\n    async def a(self, r: B) -> B: ...\n",
	}
	dir := writeTree(t, files)
	l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }})
	res, err := l.Service("m:J")
	if err != nil {
		t.Fatal(err)
	}
	// B is tagged by X's walk (a loaded XLANG service), A by nobody.
	if m := res.Methods[0]; m.RequestWireTag != "" || m.ResponseWireTag != "m.B" {
		t.Errorf("tags %q %q", m.RequestWireTag, m.ResponseWireTag)
	}
}

func TestInheritedMethodsAndAliases(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"base.py": prelude + "@dataclass\nclass R:\n    x: int = 0\nclass Base:\n    @rpc\n    async def a(self, r: R) -> R: ...\n    @rpc\n    async def hidden(self, r: R) -> R: ...\n    @rpc\n    async def _private(self, r: R) -> R: ...\n",
		"m.py":    prelude + "from base import Base, R\n@service\nclass S(Base):\n    hidden = 1\n    b = Base.a\n",
	}, "m:S")
	var names []string
	for _, m := range res.Methods {
		names = append(names, m.Name)
	}
	if len(names) != 2 || names[0] != "a" || names[1] != "b" {
		t.Errorf("methods %v", names)
	}
}

func TestStarImportAndTimeoutPrecedence(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"models.py": "from dataclasses import dataclass\nfrom typing import *\n__all__ = ['R']\n@dataclass\nclass R:\n    x: Optional[int] = None\n",
		"m.py": prelude + "from models import *\nfrom aster import server_stream\nfrom typing import AsyncIterator\n" +
			"@service\nclass S:\n    @server_stream(2, timeout=9)\n    async def a(self, r: R) -> AsyncIterator[R]:\n        yield r\n",
	}, "m:S")
	if res.Methods[0].Timeout != int64(2) {
		t.Errorf("timeout %#v", res.Methods[0].Timeout)
	}
	if f := fieldOf(t, node(t, res, "models.R"), "x"); !f.Optional || f.Type.Primitive != "varint64" {
		t.Errorf("field %+v", f)
	}
}

func TestServiceArguments(t *testing.T) {
	body := "\nclass S:\n    def __init__(self, peer=None): ...\n    @rpc\n    async def a(self) -> int: ...\n"
	for _, tc := range []struct {
		deco, name, scoped string
		modes              []string
		scope              contract.ScopeKind
	}{
		{"@service", "S", "shared", []string{"xlang"}, contract.Shared},
		{"@service()", "S", "shared", []string{"xlang"}, contract.Shared},
		{"@service('Echo', name='Other')", "Echo", "shared", []string{"xlang"}, contract.Shared},
		{"@service(None, name='Other')", "Other", "shared", []string{"xlang"}, contract.Shared},
		{"@service(name='', serialization=[])", "", "shared", []string{"xlang"}, contract.Shared},
		{"@service(scoped='weird')", "S", "weird", []string{"xlang"}, contract.Shared},
		{"@service(scoped=RpcScope.SESSION, serialization=(SM.ROW, SM.JSON, SM.ROW))", "S", "session", []string{"row", "json", "row"}, contract.Session},
	} {
		src := prelude + "from aster import RpcScope, SerializationMode as SM\n" + tc.deco + body
		res, _ := mustAnalyse(t, map[string]string{"m.py": src}, "m:S")
		s := res.Service
		if s.Name != tc.name || res.Scoped != tc.scoped || s.Scoped != tc.scope || strings.Join(s.SerializationModes, ",") != strings.Join(tc.modes, ",") {
			t.Errorf("%s: name %q scoped %q/%v modes %v", tc.deco, s.Name, res.Scoped, s.Scoped, s.SerializationModes)
		}
	}
	for _, deco := range []string{"@service(version=True)", "@service(version=2**31)", "@service(serialization=['json'])", "@service(name=1)", "@service(scoped=1)", "@service('a', 'b')", "@service(color=1)"} {
		if _, err := analyse(t, map[string]string{"m.py": prelude + deco + body}, "m:S"); err == nil {
			t.Errorf("%s: no error", deco)
		}
	}
}

func TestWarnings(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"m.py": prelude + "from aster import client_stream\nfrom typing import AsyncIterator\n@wire_type('a/')\n@dataclass\nclass R:\n    x: int = 0\n" +
			"@service(scoped='odd')\nclass Base:\n    @rpc(colour=1)\n    async def a(self, r: R) -> R: ...\n" +
			"    @client_stream\n    async def b(self, rs: AsyncIterator[R], extra: int) -> R: ...\n" +
			"class S(Base):\n    pass\n",
	})
	var got []string
	l := NewLoader(Options{Dir: dir, Env: func(string) string { return "" }, Warn: func(w *analyzer.Error) { got = append(got, w.Error()) }})
	if _, err := l.Service("m:S"); err != nil {
		t.Fatal(err)
	}
	want := []string{"m.py:5:2: wire tag", "m.py:15:1: class S is not decorated", "m.py:9:17: unknown scope", "m.py:11:17: rpc() ignores", "m.py:14:45: parameters after"}
	if len(got) != len(want) {
		t.Fatalf("warnings %q", got)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("warning %d: %q, want %s…", i, got[i], w)
		}
	}
}

func TestFutureClassVarAndInitVar(t *testing.T) {
	res, _ := mustAnalyse(t, map[string]string{
		"m.py": "from __future__ import annotations\n" + prelude + "import typing as t\nimport dataclasses\nCV = t.ClassVar\n" +
			"@dataclass\nclass R:\n    a: t.ClassVar[int] = 1\n    b: CV = 2\n    c: 't.ClassVar[int]' = 3\n    d: dataclasses.InitVar[int] = 4\n    e: 'dataclasses.InitVar[str]' = ''\n    f: int = 0\n" +
			svcTail,
	}, "m:S")
	if got := fieldNames(node(t, res, "m.R")); got != "f" {
		t.Errorf("fields %s", got)
	}
}
